using System.Collections.Generic;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>vSphere guest ids (VirtualMachineGuestOsIdentifier) and the names vCenter shows for them.</summary>
    public static class GuestOperatingSystems
    {
        private static readonly Dictionary<string, (string FullName, bool IsWindows)> Catalog =
            new Dictionary<string, (string, bool)>(Names.Comparer)
            {
                ["winNetEnterpriseGuest"] = ("Microsoft Windows Server 2003 (32-bit)", true),
                ["windows7Server64Guest"] = ("Microsoft Windows Server 2008 R2 (64-bit)", true),
                ["windows8Server64Guest"] = ("Microsoft Windows Server 2012 (64-bit)", true),
                ["windows9Server64Guest"] = ("Microsoft Windows Server 2016 or later (64-bit)", true),
                ["windows2019srv_64Guest"] = ("Microsoft Windows Server 2019 (64-bit)", true),
                ["windows2019srvNext_64Guest"] = ("Microsoft Windows Server 2022 (64-bit)", true),
                ["windows2022srvNext_64Guest"] = ("Microsoft Windows Server 2025 (64-bit)", true),
                ["windows9_64Guest"] = ("Microsoft Windows 10 (64-bit)", true),
                ["windows11_64Guest"] = ("Microsoft Windows 11 (64-bit)", true),
                ["rhel6_64Guest"] = ("Red Hat Enterprise Linux 6 (64-bit)", false),
                ["rhel7_64Guest"] = ("Red Hat Enterprise Linux 7 (64-bit)", false),
                ["rhel8_64Guest"] = ("Red Hat Enterprise Linux 8 (64-bit)", false),
                ["rhel9_64Guest"] = ("Red Hat Enterprise Linux 9 (64-bit)", false),
                ["centos7_64Guest"] = ("CentOS 7 (64-bit)", false),
                ["sles15_64Guest"] = ("SUSE Linux Enterprise 15 (64-bit)", false),
                ["ubuntu64Guest"] = ("Ubuntu Linux (64-bit)", false),
                ["debian11_64Guest"] = ("Debian GNU/Linux 11 (64-bit)", false),
                ["debian12_64Guest"] = ("Debian GNU/Linux 12 (64-bit)", false),
                ["vmwarePhoton64Guest"] = ("VMware Photon OS (64-bit)", false),
                ["otherLinux64Guest"] = ("Other Linux (64-bit)", false),
                ["centos8_64Guest"] = ("CentOS 8 (64-bit)", false),
                ["oracleLinux7_64Guest"] = ("Oracle Linux 7 (64-bit)", false),
                ["oracleLinux8_64Guest"] = ("Oracle Linux 8 (64-bit)", false),
                ["rockylinux_64Guest"] = ("Rocky Linux (64-bit)", false),
                ["almalinux_64Guest"] = ("AlmaLinux (64-bit)", false),
                ["sles12_64Guest"] = ("SUSE Linux Enterprise 12 (64-bit)", false),
                ["debian10_64Guest"] = ("Debian GNU/Linux 10 (64-bit)", false),
                ["otherGuest64"] = ("Other (64-bit)", false),
            };

        public static IEnumerable<string> Ids => Catalog.Keys;

        public static bool TryGetFullName(string guestId, out string fullName)
        {
            if (Catalog.TryGetValue(guestId, out var entry))
            {
                fullName = entry.FullName;
                return true;
            }

            fullName = "";
            return false;
        }

        public static bool IsWindows(string guestId) => Catalog.TryGetValue(guestId, out var e) && e.IsWindows;

        /// <summary>Seconds from power-on until the guest serves again: a Bulk cutover's reboot, an HA restart.</summary>
        public static double BootSeconds(string guestId) => IsWindows(guestId) ? 90 : 45;

        /// <summary>The id as the catalog spells it (vSphere ids are case sensitive; users' typing is not).</summary>
        public static string? Canonical(string guestId)
        {
            foreach (var id in Catalog.Keys)
            {
                if (Names.Equal(id, guestId)) return id;
            }

            return null;
        }
    }
}
