namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>An ESXi host (PowerCLI's VMHost).</summary>
    public sealed class CloudHost
    {
        public string Name { get; internal set; } = "";
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

        public override string ToString() => Name;
    }
}
