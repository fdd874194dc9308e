using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>A request resolved against the lab: where the VM goes, by which type, over which path.</summary>
    public sealed class MigrationPlan
    {
        public CloudVM VM { get; internal set; } = null!;
        public CloudEndpoint Source { get; internal set; } = null!;
        public CloudEndpoint Destination { get; internal set; } = null!;
        public CloudCluster DestinationCluster { get; internal set; } = null!;
        /// <summary>The host the VM runs on now, or null when the lab does not place it on one it knows.</summary>
        public CloudHost? SourceHost { get; internal set; }
        public CloudHost DestinationHost { get; internal set; } = null!;
        public Datastore DestinationDatastore { get; internal set; } = null!;
        public MigrationType Type { get; internal set; }

        /// <summary>Source network name to destination network name, for each network the VM's NICs use.</summary>
        public IReadOnlyDictionary<string, string> NetworkMapping { get; internal set; } = new Dictionary<string, string>();

        /// <summary>The WAN link, or null for a move within one endpoint (over the hosts' vMotion network).</summary>
        public CloudLink? Link { get; internal set; }

        /// <summary>Source and destination share the datastore: only memory moves.</summary>
        public bool SharedStorage { get; internal set; }

        public bool CrossesEndpoints => Link != null;

        public double RttMs => Link?.RttMs ?? 0.2;

        public double LossPercent => Link?.LossPercent ?? 0;

        /// <summary>The speed of the narrower end's vMotion network, in Mbps.</summary>
        public double HostNetworkMbps { get; internal set; }

        public string DestinationDescription => Destination.Name + "/" + DestinationCluster.Name;

        /// <summary>The move's own pre-copy choices (algorithm, bandwidth cap, stop-and-copy) over the lab's.</summary>
        public MoveOptions Options { get; internal set; } = MoveOptions.None;

        /// <summary>The readiness rules' warnings for this move ("id: message"), reported on its result.</summary>
        public IReadOnlyList<string> ReadinessWarnings { get; internal set; } = System.Array.Empty<string>();
    }
}
