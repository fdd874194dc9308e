namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// How a VM's guest uses memory and disk while it runs: the inputs of the live-migration model (MODEL.md).
    /// </summary>
    public sealed class WorkloadProfile
    {
        /// <summary>Rate at which the guest dirties pages of its working set outside the hot set, in MB/s (D).</summary>
        public double DirtyRateMBps { get; internal set; }
        /// <summary>
        /// Size of the hot set, in MB (H): pages rewritten so often that every pre-copy round finds them dirty again,
        /// so rounds plateau at it and it is what is left at the switchover. Inside the writable working set. Null when
        /// not stated (a lab file from before it existed): the role's default applies (<see cref="RoleProfiles.HotSetMB"/>).
        /// </summary>
        public double? HotSetMB { get; internal set; }
        /// <summary>Size of the set of pages the guest writes over a long while, hot set included, in MB (W); unique dirty bytes saturate here.</summary>
        public double WritableWorkingSetMB { get; internal set; }
        /// <summary>Share of memory the guest has ever touched, in percent; the rest are zero pages (1 - Z).</summary>
        public double TouchedMemoryPercent { get; internal set; }
        /// <summary>Rate of writes to the VM's disks, in MB/s: mirrored during a disk copy, replicated by HCX.</summary>
        public double DiskWriteRateMBps { get; internal set; }
        /// <summary>True when the figures were estimated from role and size rather than measured.</summary>
        public bool IsEstimated { get; internal set; }

        public override string ToString() =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "dirty {0:0.#} MB/s, hot set {5} MB, WWS {1:0} MB, touched {2:0}%, disk writes {3:0.#} MB/s{4}",
                DirtyRateMBps, WritableWorkingSetMB, TouchedMemoryPercent, DiskWriteRateMBps, IsEstimated ? " (estimated)" : "",
                HotSetMB is double hot ? hot.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "(role default)");
    }
}
