using System;
using System.Collections.Generic;
using System.Linq;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>A vSphere cluster: hosts that share an EVC baseline, HA settings and datastores.</summary>
    public sealed class CloudCluster : VMLocation
    {
        public string Name { get; internal set; } = "";
        public string Endpoint { get; internal set; } = "";
        public CpuVendor CpuVendor { get; internal set; }
        /// <summary>The Enhanced vMotion Compatibility baseline the cluster offers, e.g. <c>intel-cascadelake</c>.</summary>
        public string EvcMode { get; internal set; } = "";
        public bool HAEnabled { get; internal set; }
        /// <summary>Share of CPU and memory HA keeps free for failover (admission control).</summary>
        public int HAFailoverReservePercent { get; internal set; }
        public bool DrsEnabled { get; internal set; }
        public IReadOnlyList<CloudHost> Hosts { get; internal set; } = Array.Empty<CloudHost>();
        /// <summary>Shared datastores every host of the cluster mounts.</summary>
        public IReadOnlyList<string> Datastores { get; internal set; } = Array.Empty<string>();

        public int NumHosts => Hosts.Count;
        public int NumCpuCores => Hosts.Sum(h => h.NumCpuCores);
        public int MemoryGB => Hosts.Sum(h => h.MemoryGB);
        /// <summary>The lowest ESXi release among the hosts: it decides what the cluster can run.</summary>
        public string EsxiVersion => Hosts.Count == 0 ? "" : Hosts.Select(h => Version.Parse(h.EsxiVersion)).Min()!.ToString();
        public string MaxHardwareVersion => VirtualHardware.Format(MaxHardwareVersionNumber);
        internal int MaxHardwareVersionNumber => Hosts.Count == 0 ? 0 : Hosts.Min(h => VirtualHardware.MaxForEsxi(h.EsxiVersion));

        public override bool Holds(CloudVM vm) => Names.Equal(vm.Endpoint, Endpoint) && Names.Equal(vm.Cluster, Name);

        internal CloudCluster Copy() => (CloudCluster)MemberwiseClone();

        public override string ToString() => Name;
    }
}
