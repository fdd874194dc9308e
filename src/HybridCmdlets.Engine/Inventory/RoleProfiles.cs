using System;
using System.Linq;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// Plausible workload ranges per role. The default lab draws inside them; an estimate for a VM whose
    /// workload was never measured takes their middle, scaled by its memory.
    /// </summary>
    public static class RoleProfiles
    {
        public sealed class Range
        {
            public Range(double min, double max) { Min = min; Max = max; }
            public double Min { get; }
            public double Max { get; }
            public double Middle => (Min + Max) / 2;
            public double At(double fraction) => Min + (Max - Min) * fraction;
        }

        /// <summary>
        /// Dirty rate (MB/s), hot set and writable working set as shares of memory, touched share (%), disk writes (MB/s).
        /// </summary>
        public sealed class RoleProfile
        {
            public RoleProfile(Range dirty, Range hotSetShare, Range workingSetShare, Range touched, Range diskWrites)
            {
                DirtyRateMBps = dirty; HotSetShare = hotSetShare; WorkingSetShare = workingSetShare; TouchedPercent = touched; DiskWriteRateMBps = diskWrites;
            }

            public Range DirtyRateMBps { get; }
            /// <summary>The hot set's share of memory: always below the working set's at the same point of the ranges.</summary>
            public Range HotSetShare { get; }
            public Range WorkingSetShare { get; }
            public Range TouchedPercent { get; }
            public Range DiskWriteRateMBps { get; }
        }

        private static readonly RoleProfile[] Profiles = ((WorkloadRole[])Enum.GetValues(typeof(WorkloadRole))).Select(Create).ToArray();

        /// <summary>The ranges of a role (the same object every time: an import asks once per VM).</summary>
        public static RoleProfile For(WorkloadRole role) =>
            (int)role >= 0 && (int)role < Profiles.Length ? Profiles[(int)role] : throw new ArgumentOutOfRangeException(nameof(role), role, null);

        // A database keeps a large buffer pool with a hot core of index and log pages; a web server rewrites small
        // session and cache pages around a hot set of stacks and network buffers.
        private static RoleProfile Create(WorkloadRole role) => role switch
        {
            WorkloadRole.Web => new RoleProfile(new Range(5, 40), new Range(0.005, 0.02), new Range(0.04, 0.12), new Range(45, 80), new Range(0.2, 2)),
            WorkloadRole.App => new RoleProfile(new Range(15, 80), new Range(0.01, 0.03), new Range(0.06, 0.18), new Range(60, 90), new Range(0.5, 5)),
            WorkloadRole.Database => new RoleProfile(new Range(40, 220), new Range(0.01, 0.04), new Range(0.10, 0.30), new Range(90, 99), new Range(5, 40)),
            WorkloadRole.File => new RoleProfile(new Range(2, 15), new Range(0.002, 0.01), new Range(0.02, 0.06), new Range(40, 70), new Range(2, 20)),
            WorkloadRole.Infrastructure => new RoleProfile(new Range(1, 8), new Range(0.002, 0.01), new Range(0.02, 0.08), new Range(40, 70), new Range(0.1, 2)),
            WorkloadRole.DevTest => new RoleProfile(new Range(0.5, 15), new Range(0.002, 0.015), new Range(0.02, 0.10), new Range(30, 70), new Range(0.1, 3)),
            WorkloadRole.Desktop => new RoleProfile(new Range(5, 30), new Range(0.01, 0.03), new Range(0.08, 0.20), new Range(50, 85), new Range(0.5, 4)),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };

        /// <summary>A profile for a VM of this role and size, drawn at the given point of each range (0..1).</summary>
        public static WorkloadProfile Draw(WorkloadRole role, int memoryMB, double dirty, double workingSet, double touched, double disk, bool estimated)
        {
            var p = For(role);
            return new WorkloadProfile
            {
                DirtyRateMBps = Math.Round(p.DirtyRateMBps.At(dirty), 1),
                // Drawn at the working set's point, so a lab draws no more numbers than before the hot set existed.
                HotSetMB = Math.Round(memoryMB * p.HotSetShare.At(workingSet)),
                WritableWorkingSetMB = Math.Round(memoryMB * p.WorkingSetShare.At(workingSet)),
                TouchedMemoryPercent = Math.Round(p.TouchedPercent.At(touched)),
                DiskWriteRateMBps = Math.Round(p.DiskWriteRateMBps.At(disk), 1),
                IsEstimated = estimated,
            };
        }

        /// <summary>The VM's hot set in MB: its own when stated, else its role's default (the middle of the range), within its working set.</summary>
        public static double HotSetMB(CloudVM vm) =>
            vm.Workload.HotSetMB ?? Math.Min(vm.Workload.WritableWorkingSetMB, Math.Round(vm.MemoryMB * For(vm.Role).HotSetShare.Middle));

        /// <summary>The estimate for an unmeasured VM: the middle of every range, marked as estimated.</summary>
        public static WorkloadProfile Estimate(WorkloadRole role, int memoryMB) => Draw(role, memoryMB, 0.5, 0.5, 0.5, 0.5, estimated: true);
    }
}
