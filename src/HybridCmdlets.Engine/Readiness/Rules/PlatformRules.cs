using System;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Readiness.Rules
{
    /// <summary>VMware Cloud on AWS accepts live moves from ESXi 6.7 Update 2 or later.</summary>
    public sealed class SourceVersionRule : Rule
    {
        public static readonly Version VmcMinimum = new Version(6, 7, 2);

        public override string Id => "platform.sourceVersion";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (c.Destination.Provider != CloudProvider.VMC || !c.IsLive) return NotApplicable(c, "only live moves into VMware Cloud on AWS have a source version minimum.");
            var host = c.SourceCluster?.Hosts is { Count: > 0 } hosts ? hosts[0] : null;
            foreach (var h in c.SourceCluster?.Hosts ?? Array.Empty<CloudHost>())
            {
                if (Names.Equal(h.Name, c.VM.VMHost)) host = h;
            }

            if (host == null || !Version.TryParse(host.EsxiVersion, out var version)) return Warn(F("The ESXi version of the host of VM '{0}' is not known.", c.VM.Name), "Check the host's version in vCenter.");
            return version >= VmcMinimum
                ? Pass("Host {0} runs ESXi {1}; VMware Cloud on AWS needs 6.7 U2 or later.", host.Name, host.EsxiVersion)
                : Fail(F("Host {0} runs ESXi {1}; live moves into VMware Cloud on AWS need 6.7 U2 or later.", host.Name, host.EsxiVersion),
                    "Upgrade the source hosts, or move the VM by Bulk.");
        }
    }

    /// <summary>A live move between vCenters (long-distance vMotion) needs vSphere Enterprise Plus at the source.</summary>
    public sealed class LicenseRule : Rule
    {
        public const string EnterprisePlus = "Enterprise Plus";

        public override string Id => "platform.license";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.CrossesEndpoints || c.Type != Migration.MigrationType.vMotion) return NotApplicable(c, "only vMotion between vCenters needs Enterprise Plus.");
            return string.Equals(c.Source.VSphereEdition, EnterprisePlus, StringComparison.OrdinalIgnoreCase)
                ? Pass("{0} is licensed vSphere {1}.", c.Source.Name, c.Source.VSphereEdition)
                : Fail(F("{0} is licensed vSphere {1}; vMotion between vCenters needs Enterprise Plus.", c.Source.Name, c.Source.VSphereEdition),
                    "Move it by RAV or Bulk, which HCX licenses itself, or upgrade the source's licence.");
        }
    }
}
