namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>What Set-CloudVM changes of a VM's workload profile; null leaves a value as it is (Estate.SetWorkload).</summary>
    public sealed class WorkloadChange
    {
        public double? DirtyRateMBps { get; set; }
        public double? HotSetMB { get; set; }
        public double? WritableWorkingSetMB { get; set; }
        public double? TouchedMemoryPercent { get; set; }
        public double? DiskWriteRateMBps { get; set; }

        internal bool IsComplete => DirtyRateMBps != null && HotSetMB != null && WritableWorkingSetMB != null && TouchedMemoryPercent != null && DiskWriteRateMBps != null;
    }
}
