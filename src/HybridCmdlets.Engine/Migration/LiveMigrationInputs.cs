namespace HybridCmdlets.Engine.Migration
{
    /// <summary>What the model needs to know of one VM and its path (MODEL.md's M, Z, D, H, W and the path).</summary>
    public sealed class LiveMigrationInputs
    {
        public double MemoryBytes { get; set; }

        /// <summary>Share of memory ever touched (0..1); the rest are zero pages, sent as headers only where the hypervisor elides them.</summary>
        public double TouchedFraction { get; set; } = 1;

        /// <summary>D: the rate at which the guest dirties pages of its working set outside the hot set.</summary>
        public double DirtyBytesPerSecond { get; set; }

        /// <summary>H: the hot set, rewritten continually (at most the working set).</summary>
        public double HotSetBytes { get; set; }

        /// <summary>W: the writable working set, the hot set included.</summary>
        public double WorkingSetBytes { get; set; }

        /// <summary>Used disk bytes to copy first when source and destination share no datastore; 0 otherwise.</summary>
        public double DiskBytes { get; set; }

        /// <summary>Guest disk writes during the disk copy, mirrored into the traffic.</summary>
        public double DiskWriteBytesPerSecond { get; set; }

        /// <summary>The most this migration may take of the link: its streams at the path's RTT and loss, and per-migration limits.</summary>
        public double FlowCapBytesPerSecond { get; set; } = double.PositiveInfinity;

        public double RttMs { get; set; }

        /// <summary>vCPUs and devices (NICs and disks): they size the device state the switchover sends.</summary>
        public int NumCpu { get; set; } = 1;

        public int Devices { get; set; } = 2;

        /// <summary>Device and vCPU state sent at switchover; null for the hypervisor's size for this VM (PreCopyPolicy.DeviceStateBytes).</summary>
        public double? DeviceStateBytes { get; set; }

        /// <summary>Disk changes the switchover must also send (RAV's last replication delta).</summary>
        public double SwitchoverDiskBytes { get; set; }

        internal DirtyMemory Dirty => new DirtyMemory(DirtyBytesPerSecond, HotSetBytes, WorkingSetBytes);
    }
}
