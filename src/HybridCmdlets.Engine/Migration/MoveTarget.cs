using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// What Move-CloudVM and Test-MigrationReadiness ask of every VM of one call (or one piped record): where to, the
    /// datastore, the network mapping and the type. Read once, then made into each VM's request, so that the test is
    /// asked exactly what the move would be.
    /// </summary>
    public sealed class MoveTarget
    {
        private MoveTarget(string destination, string endpoint, string? cluster, string? host, string? datastore, IReadOnlyDictionary<string, string>? networkMapping, MigrationType type, MoveOptions choices)
        {
            Destination = destination;
            Endpoint = endpoint;
            Cluster = cluster;
            Host = host;
            Datastore = datastore;
            NetworkMapping = networkMapping;
            Type = type;
            Choices = choices;
        }

        /// <summary>'endpoint', 'endpoint/cluster' or 'endpoint/cluster/host', as the user gave it.</summary>
        public string Destination { get; }

        public string Endpoint { get; }

        public string? Cluster { get; }

        public string? Host { get; }

        public string? Datastore { get; }

        public IReadOnlyDictionary<string, string>? NetworkMapping { get; }

        public MigrationType Type { get; }

        /// <summary>The move's own pre-copy choices (-MigrationAlgorithm, -MaxBandwidthMbps, -StopAndCopy) over the lab's.</summary>
        public MoveOptions Choices { get; }

        /// <summary>
        /// Reads -Destination and -NetworkMapping: a bad one is a DestinationInvalid or NetworkMappingInvalid error
        /// (for the call, or the CSV row it came from).
        /// </summary>
        public static MoveTarget Parse(string destination, IDictionary? networkMapping, MigrationType type, string? datastore = null, MoveOptions? choices = null)
        {
            var (endpoint, cluster, host) = MigrationRequest.ParseDestination(destination);
            choices ??= MoveOptions.None;
            return new MoveTarget(destination, endpoint, cluster, host, datastore, ToNetworkMapping(networkMapping), type, choices);
        }

        /// <summary>
        /// The request for one VM. A mapping that names a network none of the VM's NICs is on, or a network the
        /// destination does not have, is a NetworkMappingInvalid error for that VM: a typo must not let the NIC be
        /// mapped automatically instead.
        /// </summary>
        public MigrationRequest RequestFor(Estate estate, CloudVM vm)
        {
            if (NetworkMapping != null) CheckMapping(estate, vm);
            return new MigrationRequest
            {
                VMId = vm.Id,
                DestinationEndpoint = Endpoint,
                DestinationCluster = Cluster,
                DestinationHost = Host,
                Datastore = Datastore,
                NetworkMapping = NetworkMapping,
                Type = Type,
                Algorithm = Choices.Algorithm,
                MaxBandwidthMbps = Choices.MaxBandwidthMbps,
                StopAndCopy = Choices.StopAndCopy,
            };
        }

        private void CheckMapping(Estate estate, CloudVM vm)
        {
            var networks = vm.Networks;
            var destination = estate.FindEndpoint(Endpoint);
            foreach (var pair in NetworkMapping!)
            {
                if (!networks.Any(n => Names.Equal(n, pair.Key))) throw EngineErrors.NetworkMappingSourceUnknown(vm.Name, pair.Key, networks);
                // An unknown endpoint is the planner's EndpointNotFound.
                if (destination != null && destination.FindNetwork(pair.Value) == null) throw EngineErrors.NetworkMappingTargetUnknown(vm.Name, destination.Name, pair.Value);
            }
        }

        /// <summary>
        /// A -NetworkMapping hashtable as names: each key a source network and each value a destination network,
        /// both plain non-empty text. Anything else (a nested table, a list, an empty name) is NetworkMappingInvalid.
        /// </summary>
        internal static IReadOnlyDictionary<string, string>? ToNetworkMapping(IDictionary? table)
        {
            if (table == null) return null;
            var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
            {
                var source = AsName(entry.Key, "a key");
                var target = AsName(entry.Value, "the value for '" + source + "'");
                if (mapping.ContainsKey(source)) throw EngineErrors.NetworkMappingInvalid("the network '" + source + "' is mapped twice.");
                mapping.Add(source, target);
            }

            return mapping;
        }

        private static string AsName(object? value, string what)
        {
            // A PSObject wrapping a string prints as that string; a table or a list is not a name.
            if (value == null || value is IDictionary || (value is IEnumerable && !(value is string)))
            {
                throw EngineErrors.NetworkMappingInvalid(what + " is " + (value == null ? "null" : "a " + value.GetType().Name) + ", not a network name.");
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(text)) throw EngineErrors.NetworkMappingInvalid(what + " is empty, not a network name.");
            return text!;
        }
    }
}
