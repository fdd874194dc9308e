namespace HybridCmdlets.Engine.Migration
{
    /// <summary>What the model needs to know of one VM and its path (MODEL.md's M, Z, W, D and the path).</summary>
    public sealed class LiveMigrationInputs
    {
        public double MemoryBytes { get; set; }

        /// <summary>Share of memory ever touched (0..1); the rest are zero pages, sent as headers only.</summary>
        public double TouchedFraction { get; set; } = 1;

        public double DirtyBytesPerSecond { get; set; }

        public double WorkingSetBytes { get; set; }

        /// <summary>Used disk bytes to copy first when source and destination share no datastore; 0 otherwise.</summary>
        public double DiskBytes { get; set; }

        /// <summary>Guest disk writes during the disk copy, mirrored into the traffic.</summary>
        public double DiskWriteBytesPerSecond { get; set; }

        /// <summary>The most this migration may take of the link: its streams at the path's RTT and loss, and per-migration limits.</summary>
        public double FlowCapBytesPerSecond { get; set; } = double.PositiveInfinity;

        public double RttMs { get; set; }

        /// <summary>Device and vCPU state sent at switchover.</summary>
        public double DeviceStateBytes { get; set; } = 2 * 1024 * 1024;
    }
}
