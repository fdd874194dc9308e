using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.NetworkExtension
{
    /// <summary>
    /// HCX Network Extension over the lab's estate: which networks can be stretched to which site, the segment HCX
    /// creates for each at the destination (an NSX overlay segment with the source's VLAN, 'L2E_&lt;network&gt;-&lt;VLAN&gt;'),
    /// the appliance that bridges it, and what stops an extension from being removed. The readiness checks and moves
    /// find extensions by the segment's <see cref="CloudNetwork.ExtendedFrom"/>.
    /// </summary>
    public static class NetworkExtensions
    {
        /// <summary>Every extension in the lab, by destination then segment, with the VMs on each segment counted in one pass.</summary>
        public static IReadOnlyList<CloudNetworkExtension> List(Estate estate)
        {
            var endpoints = estate.Endpoints;
            var segments = endpoints.SelectMany(e => e.Networks).Where(n => n.ExtendedFrom != null).ToList();
            if (segments.Count == 0) return Array.Empty<CloudNetworkExtension>();
            var vmCounts = CountVMsOn(estate, segments);
            return segments
                .Select(segment =>
                {
                    var (source, network) = Split(segment.ExtendedFrom!);
                    var sourceNetwork = endpoints.FirstOrDefault(e => Names.Equal(e.Name, source))?.FindNetwork(network);
                    return new CloudNetworkExtension(segment, source, network, sourceNetwork, vmCounts.TryGetValue((segment.Endpoint, segment.Name), out var n) ? n : 0);
                })
                .ToList();
        }

        /// <summary>
        /// What <see cref="Extend"/> would do, checked as HCX checks it and changing nothing: the destination segment,
        /// not yet in the estate. Throws the named refusal otherwise.
        /// </summary>
        public static CloudNetwork Plan(Estate estate, string source, string network, string destination, string? appliance) =>
            Plan(estate.GetEndpoint(source), network, estate.GetEndpoint(destination), estate.FindLink(source, destination), estate.Endpoints, appliance);

        /// <summary>Creates the extension's segment at the destination (checked again under the estate's lock).</summary>
        public static CloudNetworkExtension Extend(Estate estate, string source, string network, string destination, string? appliance)
        {
            var sourceEndpoint = estate.GetEndpoint(source);
            var segment = estate.AddNetwork(destination, target => Plan(estate.GetEndpoint(source), network, target, estate.FindLink(source, destination), estate.Endpoints, appliance));
            return new CloudNetworkExtension(segment, sourceEndpoint.Name, sourceEndpoint.FindNetwork(network)!.Name, sourceEndpoint.FindNetwork(network), 0);
        }

        /// <summary>
        /// Removes an extension's segment. Refused (NetworkExtensionInUse) while VMs at the destination use it, or while
        /// a move in flight (<paramref name="inboundUsers"/>: names of VMs on their way) will connect to it.
        /// </summary>
        public static CloudNetworkExtension Remove(Estate estate, string destination, string segmentName, IReadOnlyCollection<string> inboundUsers)
        {
            CloudNetworkExtension? removed = null;
            estate.RemoveNetwork(destination, segmentName, (endpoint, segment) =>
            {
                if (segment.ExtendedFrom == null) throw EngineErrors.NetworkExtensionNotFound(endpoint.Name + "/" + segmentName);
                var users = estate.VMs.Where(vm => Names.Equal(vm.Endpoint, endpoint.Name) && vm.NetworkAdapters.Any(a => Names.Equal(a.NetworkName, segment.Name))).Select(vm => vm.Name).ToList();
                users.AddRange(inboundUsers);
                if (users.Count > 0) throw EngineErrors.NetworkExtensionInUse(endpoint.Name, segment.Name, users);
                var (source, network) = Split(segment.ExtendedFrom);
                removed = new CloudNetworkExtension(segment, source, network, estate.FindEndpoint(source)?.FindNetwork(network), 0);
            });
            return removed!;
        }

        private static CloudNetwork Plan(CloudEndpoint source, string networkName, CloudEndpoint destination, CloudLink? link, IReadOnlyList<CloudEndpoint> endpoints, string? appliance)
        {
            var network = source.FindNetwork(networkName) ?? throw EngineErrors.NetworkNotFound(source.Name, networkName);
            var refusal = Refusal(source, network, destination);
            if (refusal != null) throw refusal;
            if (link == null) throw EngineErrors.LinkNotFound(source.Name, destination.Name);

            var extendedFrom = source.Name + "/" + network.Name;
            var existing = endpoints.SelectMany(e => e.Networks).Where(n => Names.Equal(n.ExtendedFrom, extendedFrom)).ToList();
            var here = existing.FirstOrDefault(n => Names.Equal(n.Endpoint, destination.Name));
            if (here != null) throw EngineErrors.NetworkAlreadyExtended(source.Name, network.Name, destination.Name, here.Name);
            if (existing.Count >= HcxNetworkExtensionLimits.MaxDestinationsPerNetwork) throw EngineErrors.NetworkExtensionDestinationLimit(source.Name, network.Name, existing.Select(n => n.Endpoint));

            var name = HcxNetworkExtensionLimits.SegmentName(network.Name, network.VlanId);
            if (destination.FindNetwork(name) != null) throw EngineErrors.NetworkNameInUse(destination.Name, name);
            return new CloudNetwork
            {
                Name = name, Endpoint = destination.Name, Kind = NetworkKind.NsxSegment, Switch = OverlaySwitch(destination),
                VlanId = network.VlanId, SegmentId = NextSegmentId(destination), ExtendedFrom = extendedFrom, HasUplinks = true,
                ExtensionAppliance = ChooseAppliance(link, endpoints, appliance),
            };
        }

        /// <summary>
        /// Why HCX would not extend <paramref name="network"/> from <paramref name="source"/> to <paramref name="destination"/>
        /// whatever the lab's other extensions (the sites, the kind of network), or null when it would.
        /// </summary>
        public static HybridException? Refusal(CloudEndpoint source, CloudNetwork network, CloudEndpoint destination)
        {
            if (Names.Equal(source.Name, destination.Name)) return EngineErrors.NetworkExtensionSameSite(source.Name, network.Name);
            if (!source.HcxEnabled) return EngineErrors.NetworkExtensionNeedsHcx(source.Name);
            if (!destination.HcxEnabled) return EngineErrors.NetworkExtensionNeedsHcx(destination.Name);
            if (network.ExtendedFrom != null) return EngineErrors.NetworkIsExtension(source.Name, network.Name, network.ExtendedFrom);
            if (network.Kind == NetworkKind.StandardPortGroup) return EngineErrors.NetworkOnStandardSwitch(source.Name, network.Name, network.Switch);
            if (network.VMkernel) return EngineErrors.NetworkCarriesVMkernel(source.Name, network.Name);
            if (network.Kind == NetworkKind.DistributedPortGroup && network.VlanId == 0) return EngineErrors.NetworkUntagged(source.Name, network.Name);
            return null;
        }

        /// <summary>The appliance asked for, if it has room; else the first of the site pair's appliances with room.</summary>
        private static string ChooseAppliance(CloudLink link, IReadOnlyList<CloudEndpoint> endpoints, string? asked)
        {
            var load = endpoints.SelectMany(e => e.Networks)
                .Where(n => n.ExtensionAppliance != null)
                .GroupBy(n => n.ExtensionAppliance!, Names.Comparer)
                .ToDictionary(g => g.Key, g => g.Count(), Names.Comparer);
            var appliances = Enumerable.Range(1, link.NetworkExtensionAppliances).Select(link.ApplianceName).ToList();
            if (asked != null)
            {
                var named = appliances.FirstOrDefault(a => Names.Equal(a, asked)) ?? throw EngineErrors.NetworkExtensionApplianceNotFound(asked, link.Name, appliances.Count);
                if (load.TryGetValue(named, out var carried) && carried >= HcxNetworkExtensionLimits.NetworksPerAppliance) throw EngineErrors.NetworkExtensionApplianceBusy(named);
                return named;
            }

            return appliances.FirstOrDefault(a => !load.TryGetValue(a, out var carried) || carried < HcxNetworkExtensionLimits.NetworksPerAppliance)
                ?? throw EngineErrors.NetworkExtensionApplianceFull(link.Name, appliances.Count);
        }

        /// <summary>The NSX overlay the destination's segments use ('nsx-overlay' when it has none yet).</summary>
        private static string OverlaySwitch(CloudEndpoint destination) =>
            destination.Networks.FirstOrDefault(n => n.Kind == NetworkKind.NsxSegment)?.Switch ?? "nsx-overlay";

        /// <summary>NSX hands out overlay VNIs from a pool: the next after the highest in use (the pool starts at 65536 in NSX's default).</summary>
        private static int NextSegmentId(CloudEndpoint destination) =>
            destination.Networks.Select(n => n.SegmentId ?? 0).DefaultIfEmpty(0).Max() is var highest && highest >= 65536 ? highest + 1 : 65536;

        private static Dictionary<(string Endpoint, string Network), int> CountVMsOn(Estate estate, IReadOnlyCollection<CloudNetwork> segments)
        {
            var counts = segments.ToDictionary(s => (s.Endpoint, s.Name), _ => 0, new EndpointNetworkComparer());
            foreach (var vm in estate.VMs)
            {
                foreach (var name in vm.NetworkAdapters.Select(a => a.NetworkName).Distinct(Names.Comparer))
                {
                    if (counts.TryGetValue((vm.Endpoint, name), out var n)) counts[(vm.Endpoint, name)] = n + 1;
                }
            }

            return counts;
        }

        private static (string Source, string Network) Split(string extendedFrom)
        {
            var slash = extendedFrom.IndexOf('/');
            return slash < 0 ? ("", extendedFrom) : (extendedFrom.Substring(0, slash), extendedFrom.Substring(slash + 1));
        }

        private sealed class EndpointNetworkComparer : IEqualityComparer<(string Endpoint, string Network)>
        {
            public bool Equals((string Endpoint, string Network) a, (string Endpoint, string Network) b) => Names.Equal(a.Endpoint, b.Endpoint) && Names.Equal(a.Network, b.Network);

            public int GetHashCode((string Endpoint, string Network) key) => Names.Comparer.GetHashCode(key.Endpoint) * 31 + Names.Comparer.GetHashCode(key.Network);
        }
    }
}
