using System;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// The vSphere guest id behind the OS names RVTools reports: the configuration file's ("Microsoft Windows Server
    /// 2019 (64-bit)", vCenter's own name for the guest id) or the one VMware Tools sees ("Microsoft Windows Server
    /// 2019 Standard").
    /// </summary>
    internal static class GuestOSNames
    {
        // Most specific first: "2008 R2" before "2008", "Server" releases before client ones.
        private static readonly (string Fragment, string GuestId)[] Patterns =
        {
            ("Windows Server 2025", "windows2022srvNext_64Guest"),
            ("Windows Server 2022", "windows2019srvNext_64Guest"),
            ("Windows Server 2019", "windows2019srv_64Guest"),
            ("Windows Server 2016", "windows9Server64Guest"),
            ("Windows Server 2012", "windows8Server64Guest"),
            ("Windows Server 2008 R2", "windows7Server64Guest"),
            ("Windows Server 2003", "winNetEnterpriseGuest"),
            ("Windows 11", "windows11_64Guest"),
            ("Windows 10", "windows9_64Guest"),
            ("Red Hat Enterprise Linux 9", "rhel9_64Guest"),
            ("Red Hat Enterprise Linux 8", "rhel8_64Guest"),
            ("Red Hat Enterprise Linux 7", "rhel7_64Guest"),
            ("Red Hat Enterprise Linux 6", "rhel6_64Guest"),
            ("CentOS 7", "centos7_64Guest"),
            ("CentOS 8", "centos8_64Guest"),
            ("CentOS Stream", "centos8_64Guest"),
            ("Oracle Linux 7", "oracleLinux7_64Guest"),
            ("Oracle Linux 8", "oracleLinux8_64Guest"),
            ("Rocky Linux", "rockylinux_64Guest"),
            ("AlmaLinux", "almalinux_64Guest"),
            ("SUSE Linux Enterprise 15", "sles15_64Guest"),
            ("SUSE Linux Enterprise Server 15", "sles15_64Guest"),
            ("SUSE Linux Enterprise 12", "sles12_64Guest"),
            ("SUSE Linux Enterprise Server 12", "sles12_64Guest"),
            ("Ubuntu", "ubuntu64Guest"),
            ("Debian GNU/Linux 12", "debian12_64Guest"),
            ("Debian GNU/Linux 11", "debian11_64Guest"),
            ("Debian GNU/Linux 10", "debian10_64Guest"),
            ("Photon OS", "vmwarePhoton64Guest"),
        };

        /// <summary>
        /// The guest id and the OS name a CloudVM shows: the catalog's name when the id is known; otherwise
        /// otherLinux64Guest or otherGuest64, with the name as the file gives it.
        /// </summary>
        public static (string GuestId, string GuestOS) Resolve(string configured, string tools)
        {
            var id = Match(configured) ?? Match(tools);
            if (id != null && GuestOperatingSystems.TryGetFullName(id, out var fullName)) return (id, fullName);
            var given = configured.Length > 0 ? configured : tools;
            var linux = given.IndexOf("Linux", StringComparison.OrdinalIgnoreCase) >= 0;
            var fallback = linux ? "otherLinux64Guest" : "otherGuest64";
            GuestOperatingSystems.TryGetFullName(fallback, out var fallbackName);
            return (fallback, given.Length > 0 ? given : fallbackName);
        }

        private static string? Match(string name)
        {
            if (name.Length == 0) return null;
            foreach (var id in GuestOperatingSystems.Ids)
            {
                if (GuestOperatingSystems.TryGetFullName(id, out var full) && Names.Equal(full, name)) return id;
            }

            foreach (var (fragment, guestId) in Patterns)
            {
                if (name.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0) return guestId;
            }

            return null;
        }
    }
}
