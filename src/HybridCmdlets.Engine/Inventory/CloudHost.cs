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
        /// <summary>Speed of the vMotion network, which sets how many vMotions the host runs at once.</summary>
        public int VMotionNetworkGbps { get; internal set; }
        /// <summary>Physical GPU model for vGPU profiles, or null.</summary>
        public string? GpuModel { get; internal set; }

        public override string ToString() => Name;
    }
}
