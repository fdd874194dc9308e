using System;
using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Readiness
{
    /// <summary>What every rule looks at: the VM, where it is, where it would go and by which type.</summary>
    public sealed class ReadinessContext
    {
        internal ReadinessContext(Estate estate, ResolvedDestination destination, IReadOnlyList<NicMapping> networks, MigrationSettings settings)
        {
            Settings = settings;
            Estate = estate;
            VM = destination.VM;
            Source = destination.Source;
            SourceCluster = destination.Source.FindCluster(VM.Cluster);
            Destination = destination.Endpoint;
            Cluster = destination.Cluster;
            Datastore = destination.Datastore;
            Link = destination.Link;
            CrossesEndpoints = destination.CrossesEndpoints;
            Networks = networks;
            Resolved = destination;
        }

        public Estate Estate { get; }
        public CloudVM VM { get; }
        public CloudEndpoint Source { get; }
        public CloudCluster? SourceCluster { get; }
        public CloudEndpoint Destination { get; }
        public CloudCluster Cluster { get; }
        public Datastore Datastore { get; }

        /// <summary>The WAN link; null within one endpoint, or when the endpoints have none (path.link fails).</summary>
        public CloudLink? Link { get; }

        /// <summary>Between endpoints every move is an HCX migration; within one, a vSphere vMotion or relocation.</summary>
        public bool CrossesEndpoints { get; }

        public IReadOnlyList<NicMapping> Networks { get; }

        /// <summary>The pre-copy settings the move would run under: the lab's, with the request's own over them.</summary>
        public MigrationSettings Settings { get; }

        /// <summary>The wave the VM is tested with (the VMs before it and what they take at their destinations), or null for a VM alone.</summary>
        public Wave? Wave { get; internal set; }

        /// <summary>The type the rules are asked about.</summary>
        public MigrationType Type { get; internal set; }

        public bool IsLive => Type == MigrationType.vMotion || Type == MigrationType.RAV;

        public bool IsPoweredOn => VM.PowerState == PowerState.PoweredOn;

        /// <summary>What the path carries, in Mbps: the link's bandwidth, or within an endpoint the hosts' vMotion network.</summary>
        public double PathMbps
        {
            get
            {
                if (Link != null) return Link.BandwidthMbps;
                var gbps = double.MaxValue;
                foreach (var host in Cluster.Hosts) gbps = Math.Min(gbps, host.VMotionNetworkGbps);
                if (SourceCluster != null)
                {
                    foreach (var host in SourceCluster.Hosts) gbps = Math.Min(gbps, host.VMotionNetworkGbps);
                }

                return gbps == double.MaxValue ? 0 : gbps * 1000;
            }
        }

        internal ResolvedDestination Resolved { get; }
    }
}
