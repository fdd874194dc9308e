using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Lab
{
    /// <summary>Settings of a lab that travel with it in its file (Set-HybridLabOption).</summary>
    public sealed class LabOptions
    {
        /// <summary>Save a file-backed lab after every change (a new or removed VM, a changed link, a finished move).</summary>
        public bool AutoSave { get; internal set; } = true;

        /// <summary>Virtual seconds per wall second while a move is watched; 0 runs as fast as the machine can.</summary>
        public double TimeScale { get; internal set; }

        /// <summary>The pre-copy algorithm of live moves: vSphere, as every VMware endpoint runs, or Xen or Qemu to compare with the literature.</summary>
        public MigrationAlgorithm MigrationAlgorithm { get; internal set; } = MigrationAlgorithm.vSphere;

        /// <summary>
        /// The switchover target in ms for vSphere (its switchover goal) and Qemu (its downtime-limit); null for the
        /// algorithm's own (500 ms, 300 ms). Xen has none. Over 0 and at most 2,000,000.
        /// </summary>
        public double? DowntimeTargetMs { get; internal set; }

        /// <summary>QEMU's auto-converge capability for Qemu moves; off, as in QEMU.</summary>
        public bool AutoConverge { get; internal set; }

        /// <summary>The lab's pre-copy settings, for ReadinessEvaluator, MigrationTimeline.Submit and MigrationBatch.</summary>
        public MigrationSettings GetMigrationSettings() =>
            MigrationSettings.For(MigrationAlgorithm).With(downtimeTargetMs: DowntimeTargetMs, autoConverge: AutoConverge);

        internal LabOptions Copy() => (LabOptions)MemberwiseClone();
    }
}
