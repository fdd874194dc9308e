namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// How a VM's guest uses memory and disk while it runs: the inputs of the live-migration model (MODEL.md).
    /// </summary>
    public sealed class WorkloadProfile
    {
        /// <summary>Rate at which the guest writes memory pages, in MB/s (D).</summary>
        public double DirtyRateMBps { get; internal set; }
        /// <summary>Size of the set of pages the guest keeps rewriting, in MB (W); unique dirty bytes saturate here.</summary>
        public double WritableWorkingSetMB { get; internal set; }
        /// <summary>Share of memory the guest has ever touched, in percent; the rest are zero pages (1 - Z).</summary>
        public double TouchedMemoryPercent { get; internal set; }
        /// <summary>Rate of writes to the VM's disks, in MB/s: mirrored during a disk copy, replicated by HCX.</summary>
        public double DiskWriteRateMBps { get; internal set; }
        /// <summary>True when the figures were estimated from role and size rather than measured.</summary>
        public bool IsEstimated { get; internal set; }

        public override string ToString() =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "dirty {0:0.#} MB/s, WWS {1:0} MB, touched {2:0}%, disk writes {3:0.#} MB/s{4}",
                DirtyRateMBps, WritableWorkingSetMB, TouchedMemoryPercent, DiskWriteRateMBps, IsEstimated ? " (estimated)" : "");
    }
}
