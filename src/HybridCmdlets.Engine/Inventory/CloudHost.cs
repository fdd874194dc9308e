namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>An ESXi host (PowerCLI's VMHost).</summary>
    public sealed class CloudHost : VMLocation
    {
        public string Name { get; internal set; } = "";
        /// <summary>The endpoint (vCenter) that manages the host; set on the hosts Get-CloudVMHost lists (see Querying.InventoryQuery).</summary>
        public string Endpoint { get; internal set; } = "";
        public string Cluster { get; internal set; } = "";
        public string Model { get; internal set; } = "";
        public string ProcessorType { get; internal set; } = "";
        public CpuVendor CpuVendor { get; internal set; }
        /// <summary>The EVC mode that matches this host's own CPU generation, e.g. <c>intel-icelake</c>.</summary>
        public string CpuGeneration { get; internal set; } = "";
        public int NumCpuSockets { get; internal set; }
        public int NumCpuCores { get; internal set; }
        public int CpuMhz { get; internal set; }
        public int MemoryGB { get; internal set; }
        public string EsxiVersion { get; internal set; } = "";
        /// <summary>
        /// The vMotion network's speed where the inventory does not say it (an RVTools import adds hosts it cannot
        /// read it from): 10 GbE, the faster of the two classes vCenter's concurrency limits are written for (4
        /// vMotions at once on 1 GbE, 8 on 10 GbE: "Limits on Simultaneous Migrations", vCenter Server and Host
        /// Management). Not a measurement; a lab file states each host's own.
        /// </summary>
        public const int DefaultVMotionNetworkGbps = 10;

        /// <summary>
        /// Speed of the host's vMotion network (its vMotion VMkernel adapter's uplinks), in Gbps: it sets how many
        /// vMotions the host runs at once, and its capacity is shared by the live moves from and to the host.
        /// </summary>
        public int VMotionNetworkGbps { get; internal set; }
        /// <summary>Physical GPU model for vGPU profiles, or null.</summary>
        public string? GpuModel { get; internal set; }

        /// <summary>The lab has no disconnected or maintenance-mode hosts: every host is connected, as vCenter shows a healthy one.</summary>
        public HostConnectionState ConnectionState => HostConnectionState.Connected;
        public PowerState PowerState => PowerState.PoweredOn;
        /// <summary>PowerCLI's VMHost.NumCpu: the physical cores.</summary>
        public int NumCpu => NumCpuCores;
        public int CpuTotalMhz => NumCpuCores * CpuMhz;
        /// <summary>
        /// The workload model has no CPU demand, so this is the clock the powered-on VMs' vCPUs may draw (vCPUs times
        /// the host's clock), at most the host's total: an upper bound of vCenter's figure. Usage is set on the hosts
        /// Get-CloudVMHost lists; a host read from an endpoint's Clusters has none (null), rather than a false zero.
        /// </summary>
        public int? CpuUsageMhz { get; internal set; }
        public double MemoryTotalGB => MemoryGB;
        /// <summary>Memory the powered-on VMs have touched (their size times their touched share), in GB; null unless listed.</summary>
        public double? MemoryUsageGB { get; internal set; }
        /// <summary>The VMs placed on the host, running or not; null unless listed.</summary>
        public int? NumVMs { get; internal set; }
        /// <summary>PowerCLI's VMHost.Version: the ESXi release, e.g. <c>8.0.2</c>.</summary>
        public string Version => EsxiVersion;
        /// <summary>The ESXi build of the release's GA image (<see cref="EsxiBuilds"/>); 0 when not known.</summary>
        public int Build => EsxiBuilds.Of(EsxiVersion);
        /// <summary>PowerCLI's VMHost.Parent: the cluster that holds the host.</summary>
        public string Parent => Cluster;

        /// <summary>A host read straight from an endpoint's clusters has no Endpoint: it then holds the VMs placed on a host of its name on any endpoint.</summary>
        public override bool Holds(CloudVM vm) => Names.Equal(vm.VMHost, Name) && (Endpoint.Length == 0 || Names.Equal(vm.Endpoint, Endpoint));

        internal CloudHost Copy() => (CloudHost)MemberwiseClone();

        public override string ToString() => Name;
    }
}
