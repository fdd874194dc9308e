using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>
    /// What a move asks for, as Move-CloudVM and Test-MigrationReadiness both take it (one call, or one piped record),
    /// so that the test is asked exactly what the move would be.
    /// </summary>
    public class MigrationRequestParameters
    {
        public IReadOnlyList<VMIdParameter> VM { get; set; } = Array.Empty<VMIdParameter>();
        public string Destination { get; set; } = "";
        public MigrationType MigrationType { get; set; } = MigrationType.Auto;
        /// <summary>The -NetworkMapping hashtable as the user gave it: source network name to destination network name.</summary>
        public IDictionary? NetworkMapping { get; set; }
    }

    /// <summary>What Move-CloudVM and Test-MigrationReadiness both take: -Destination, -NetworkMapping, and the request they make.</summary>
    internal static class MoveArguments
    {
        /// <summary>
        /// Reads -Destination and -NetworkMapping. They may come from a CSV row: a bad one is an error for that row
        /// (false), not for the pipeline.
        /// </summary>
        public static bool TryParse(string destination, IDictionary? networkMapping, ICommandOutput output,
            out (string Endpoint, string? Cluster) parsed, out IReadOnlyDictionary<string, string>? mapping)
        {
            try
            {
                parsed = MigrationRequest.ParseDestination(destination);
                mapping = ToNetworkMapping(networkMapping);
                return true;
            }
            catch (HybridException error)
            {
                output.WriteError(error);
                parsed = default;
                mapping = null;
                return false;
            }
        }

        public static MigrationRequest Request(CloudVM vm, (string Endpoint, string? Cluster) destination, string? datastore, IReadOnlyDictionary<string, string>? mapping, MigrationType type) =>
            new MigrationRequest
            {
                VMId = vm.Id,
                DestinationEndpoint = destination.Endpoint,
                DestinationCluster = destination.Cluster,
                Datastore = datastore,
                NetworkMapping = mapping,
                Type = type,
            };

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
