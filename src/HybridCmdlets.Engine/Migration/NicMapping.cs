using System.Collections.Generic;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>How a NIC's network was matched at the destination.</summary>
    public enum MappingKind
    {
        /// <summary>By -NetworkMapping.</summary>
        Explicit,
        /// <summary>The same network: a move within one endpoint.</summary>
        Same,
        /// <summary>An HCX Network Extension of the source network: the same broadcast domain.</summary>
        Extension,
        /// <summary>A network of the same name at the destination.</summary>
        SameName,
        /// <summary>A network carrying the same VLAN at the destination.</summary>
        Vlan,
        /// <summary>No match.</summary>
        None,
    }

    /// <summary>One network a VM's NICs use, and where it lands at the destination.</summary>
    public sealed class NicMapping
    {
        internal NicMapping(string source, CloudNetwork? sourceNetwork, CloudNetwork? target, MappingKind how)
        {
            SourceNetwork = source;
            Source = sourceNetwork;
            Target = target;
            How = how;
        }

        public string SourceNetwork { get; }

        /// <summary>The source network's object, or null when the lab does not hold it.</summary>
        public CloudNetwork? Source { get; }

        public CloudNetwork? Target { get; }

        public MappingKind How { get; }

        /// <summary>
        /// Maps each network the VM's NICs use, in NIC order, each once: as mapped explicitly, else itself within one
        /// endpoint, else its HCX extension, else a network of the same name, else one with the same VLAN. A network with no match is
        /// <see cref="MappingKind.None"/>; an explicit target that does not exist is a NetworkNotFound error.
        /// </summary>
        internal static IReadOnlyList<NicMapping> Map(CloudVM vm, CloudEndpoint source, CloudEndpoint destination, IReadOnlyDictionary<string, string>? explicitMapping)
        {
            var mappings = new List<NicMapping>();
            var seen = new HashSet<string>(Names.Comparer);
            var sameEndpoint = Names.Equal(source.Name, destination.Name);
            foreach (var adapter in vm.NetworkAdapters)
            {
                var network = adapter.NetworkName;
                if (!seen.Add(network)) continue;
                var sourceNetwork = source.FindNetwork(network);
                if (explicitMapping != null && TryGet(explicitMapping, network, out var target))
                {
                    mappings.Add(new NicMapping(network, sourceNetwork, destination.FindNetwork(target) ?? throw EngineErrors.NetworkNotFound(destination.Name, target), MappingKind.Explicit));
                    continue;
                }

                mappings.Add(Match(network, sourceNetwork, source, destination, sameEndpoint));
            }

            return mappings;
        }

        private static NicMapping Match(string network, CloudNetwork? sourceNetwork, CloudEndpoint source, CloudEndpoint destination, bool sameEndpoint)
        {
            var byName = destination.FindNetwork(network);
            if (sameEndpoint && byName != null) return new NicMapping(network, sourceNetwork, byName, MappingKind.Same);
            var extendedFrom = source.Name + "/" + network;
            CloudNetwork? byVlan = null;
            foreach (var candidate in destination.Networks)
            {
                if (Names.Equal(candidate.ExtendedFrom, extendedFrom)) return new NicMapping(network, sourceNetwork, candidate, MappingKind.Extension);
                if (byVlan == null && sourceNetwork != null && sourceNetwork.VlanId != 0 && candidate.VlanId == sourceNetwork.VlanId) byVlan = candidate;
            }

            // An extension keeps the VM's addresses, so it comes before a network that merely has the same name.
            if (byName != null) return new NicMapping(network, sourceNetwork, byName, MappingKind.SameName);
            return byVlan != null
                ? new NicMapping(network, sourceNetwork, byVlan, MappingKind.Vlan)
                : new NicMapping(network, sourceNetwork, null, MappingKind.None);
        }

        private static bool TryGet(IReadOnlyDictionary<string, string> mapping, string key, out string value)
        {
            foreach (var pair in mapping)
            {
                if (Names.Equal(pair.Key, key))
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = "";
            return false;
        }
    }
}
