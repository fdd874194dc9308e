using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Readiness.Rules
{
    /// <summary>
    /// Every NIC needs a network at the destination: as mapped, else by name, extension or VLAN. Only an HCX
    /// extension keeps the broadcast domain; vCenter does not check it, so anything else is a warning.
    /// </summary>
    public sealed class NetworkMappingRule : Rule
    {
        public override string Id => "network.mapping";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            var unmapped = c.Networks.FirstOrDefault(n => n.Target == null);
            if (unmapped != null)
            {
                return Fail(F("VM '{0}' has a NIC on '{1}', and no network of '{2}' has that name, extends it, or carries its VLAN.", c.VM.Name, unmapped.SourceNetwork, c.Destination.Name),
                    Remedy(unmapped, c));
            }

            // Only an extension, or another extension of the same segment, keeps the broadcast domain; a mapping the user
            // chose is no exception, since the guest loses its addresses all the same.
            var elsewhere = c.CrossesEndpoints ? c.Networks.FirstOrDefault(n => n.How != MappingKind.Extension && !Extends(n, c.Source) && !SameSegment(n)) : null;
            if (elsewhere != null)
            {
                return Warn(F("VM '{0}': '{1}' maps to '{2}' ({3}), not an HCX extension of it: the VM lands in another broadcast domain.", c.VM.Name, elsewhere.SourceNetwork, elsewhere.Target!.Name, Describe(elsewhere.How)),
                    Extensible(elsewhere, c)
                        ? F("Re-address the guest after the move, or extend the network: {0}.", ExtendCommand(elsewhere, c))
                        : "Re-address the guest after the move.");
            }

            return Pass("Every NIC of VM '{0}' has a network at {1}: {2}.", c.VM.Name, c.Destination.Name, new MappingList(c.Networks));
        }

        /// <summary>Extend the network where HCX can; otherwise say why not and map it.</summary>
        private static string Remedy(NicMapping unmapped, ReadinessContext c)
        {
            var map = F("Map it with -NetworkMapping @{{ '{0}' = '<network on {1}>' }}", unmapped.SourceNetwork, c.Destination.Name);
            if (unmapped.Source == null) return map + ".";
            var refusal = NetworkExtension.NetworkExtensions.Refusal(c.Source, unmapped.Source, c.Destination);
            return refusal == null
                ? F("Extend it: {0}; or {1}.", ExtendCommand(unmapped, c), map.Substring(0, 1).ToLowerInvariant() + map.Substring(1))
                : F("{0} (HCX cannot extend it: {1})", map, refusal.Message.TrimEnd('.')) + ".";
        }

        private static bool Extensible(NicMapping n, ReadinessContext c) =>
            n.Source != null && NetworkExtension.NetworkExtensions.Refusal(c.Source, n.Source, c.Destination) == null;

        private static string ExtendCommand(NicMapping n, ReadinessContext c) =>
            F("New-CloudNetworkExtension -Network '{0}' -Source {1} -Destination {2}", n.SourceNetwork, c.Source.Name, c.Destination.Name);

        /// <summary>The mappings as "'a' -> 'b', ...", joined only when the message is read.</summary>
        private sealed class MappingList
        {
            private readonly IReadOnlyList<NicMapping> networks;

            public MappingList(IReadOnlyList<NicMapping> networks) => this.networks = networks;

            public override string ToString() => string.Join(", ", networks.Select(n => "'" + n.SourceNetwork + "' -> '" + n.Target!.Name + "'"));
        }

        /// <summary>A network mapped by hand onto the HCX extension of its own network.</summary>
        private static bool Extends(NicMapping n, CloudEndpoint source) =>
            n.Target?.ExtendedFrom != null && Names.Equal(n.Target.ExtendedFrom, source.Name + "/" + n.SourceNetwork);

        private static bool SameSegment(NicMapping n) =>
            n.Source?.ExtendedFrom != null && Names.Equal(n.Source.ExtendedFrom, n.Target?.ExtendedFrom);

        private static string Describe(MappingKind how) => how switch
        {
            MappingKind.Explicit => "as mapped",
            MappingKind.SameName => "by name",
            MappingKind.Vlan => "by VLAN",
            _ => how.ToString(),
        };
    }

    /// <summary>vCenter does not live-migrate a VM attached to an internal-only standard switch (no uplinks).</summary>
    public sealed class InternalNetworkRule : Rule
    {
        public override string Id => "network.uplinks";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            var isolated = c.Networks.FirstOrDefault(n => n.Source != null && !n.Source.HasUplinks);
            var onto = c.Networks.FirstOrDefault(n => n.Target != null && !n.Target.HasUplinks && !ReferenceEquals(n.Target, n.Source));
            if (onto != null && c.IsLive)
            {
                return Fail(F("VM '{0}' would land on '{1}', a switch with no uplinks: vCenter refuses to live-migrate a VM onto an internal-only network.", c.VM.Name, onto.Target!.Name),
                    "Map the NIC to a network with uplinks with -NetworkMapping.");
            }

            if (isolated == null) return Pass("Every network of VM '{0}' has uplinks.", c.VM.Name);
            return c.IsLive
                ? Fail(F("VM '{0}' is on '{1}', a switch with no uplinks: vCenter refuses to live-migrate a VM on an internal-only network.", c.VM.Name, isolated.SourceNetwork),
                    "Move the NIC to a network with uplinks, or move the VM by Bulk or Cold.")
                : Pass("VM '{0}' is on the internal-only '{1}'; {2} does not need it to stay connected.", c.VM.Name, isolated.SourceNetwork, c.Type);
        }
    }

    /// <summary>HCX cannot bring a VM back on premises from VMware Cloud on AWS onto a standard switch.</summary>
    public sealed class StandardSwitchReturnRule : Rule
    {
        public override string Id => "network.standardSwitch";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (c.Source.Provider != CloudProvider.VMC || c.Destination.Provider != CloudProvider.OnPremises) return NotApplicable(c, "only returns from VMware Cloud on AWS to on premises are restricted.");
            var standard = c.Networks.FirstOrDefault(n => n.Target != null && n.Target.Kind == NetworkKind.StandardPortGroup);
            return standard == null
                ? Pass("Every NIC of VM '{0}' lands on a distributed port group.", c.VM.Name)
                : Fail(F("VM '{0}' would land on '{1}', a standard switch port group: HCX cannot return a VM from VMware Cloud on AWS onto a standard switch.", c.VM.Name, standard.Target!.Name),
                    "Map the NIC to a distributed port group with -NetworkMapping.");
        }
    }
}
