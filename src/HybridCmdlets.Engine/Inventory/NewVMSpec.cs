using System.Collections.Generic;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>What New-CloudVM asks for. Anything left null is chosen by the lab, as vCenter's placement would.</summary>
    public sealed class NewVMSpec
    {
        public string Name { get; set; } = "";
        public string Endpoint { get; set; } = "";
        public string? Cluster { get; set; }
        public string? VMHost { get; set; }
        public string? Datastore { get; set; }
        public int NumCpu { get; set; } = 1;
        public int? CoresPerSocket { get; set; }
        public int MemoryMB { get; set; } = 4096;
        public IReadOnlyList<double>? DiskGB { get; set; }
        public IReadOnlyList<string>? NetworkNames { get; set; }
        public string GuestId { get; set; } = "otherGuest64";
        public string? HardwareVersion { get; set; }
        public PowerState PowerState { get; set; } = PowerState.PoweredOff;
        public string? Folder { get; set; }
        public IReadOnlyList<string>? Tags { get; set; }
        public WorkloadRole Role { get; set; } = WorkloadRole.App;
        public double? DirtyRateMBps { get; set; }
        public double? WritableWorkingSetMB { get; set; }
        /// <summary>The hot set in MB, at most the writable working set; null for the role's default.</summary>
        public double? HotSetMB { get; set; }
        public double? TouchedMemoryPercent { get; set; }
        public double? DiskWriteRateMBps { get; set; }
    }
}
