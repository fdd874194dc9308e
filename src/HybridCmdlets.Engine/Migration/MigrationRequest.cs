using System.Collections.Generic;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Querying;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>What Move-CloudVM asks for one VM; anything left null is chosen as HCX or vCenter would.</summary>
    public sealed class MigrationRequest
    {
        public string VMId { get; set; } = "";

        public string DestinationEndpoint { get; set; } = "";

        public string? DestinationCluster { get; set; }

        /// <summary>A host of <see cref="DestinationCluster"/> to move to, as Move-VM -Destination takes a VMHost; null to let DRS choose.</summary>
        public string? DestinationHost { get; set; }

        public string? Datastore { get; set; }

        /// <summary>Source network name to destination network name; NICs not named here are mapped automatically.</summary>
        public IReadOnlyDictionary<string, string>? NetworkMapping { get; set; }

        public MigrationType Type { get; set; } = MigrationType.Auto;

        /// <summary>The pre-copy algorithm of this move; null for the lab's (Set-HybridLabOption -MigrationAlgorithm).</summary>
        public MigrationAlgorithm? Algorithm { get; set; }

        /// <summary>
        /// The most this move may send, in Mbps, over 0 and at most 400,000 (ValueOutOfRange otherwise): QEMU's
        /// max-bandwidth under Qemu, a rate limit on every transfer of the move under every algorithm.
        /// </summary>
        public double? MaxBandwidthMbps { get; set; }

        /// <summary>Non-live: pause the guest and copy its memory once (the literature's stop-and-copy baseline). Live types only.</summary>
        public bool StopAndCopy { get; set; }

        /// <summary>Checks the request's pre-copy choices; throws ValueOutOfRange for a bad one.</summary>
        internal MoveOptions Options() => MoveOptions.Of(Algorithm, MaxBandwidthMbps, StopAndCopy);

        /// <summary>
        /// Splits a -Destination of "endpoint", "endpoint/cluster" or "endpoint/cluster/host". A destination names one
        /// place, so wildcards are refused rather than silently matched; an empty part or a fourth one is a DestinationInvalid error.
        /// </summary>
        public static (string Endpoint, string? Cluster, string? Host) ParseDestination(string? destination)
        {
            var parts = (destination ?? "").Split('/');
            if (parts.Length > 3 || parts.Length == 0) throw EngineErrors.DestinationInvalid(destination, wildcard: false);
            var endpoint = parts[0].Trim();
            var cluster = parts.Length >= 2 ? parts[1].Trim() : null;
            var host = parts.Length == 3 ? parts[2].Trim() : null;
            if (endpoint.Length == 0 || cluster?.Length == 0 || host?.Length == 0) throw EngineErrors.DestinationInvalid(destination, wildcard: false);
            if (NamePattern.ContainsWildcard(endpoint) || (cluster != null && NamePattern.ContainsWildcard(cluster)) || (host != null && NamePattern.ContainsWildcard(host)))
            {
                throw EngineErrors.DestinationInvalid(destination, wildcard: true);
            }

            return (endpoint, cluster, host);
        }
    }
}
