namespace HybridCmdlets.Engine.Migration
{
    /// <summary>One migration in a batch: its plan, where it stands, and its result once it ends.</summary>
    public sealed class MigrationRun
    {
        internal MigrationRun(int number, MigrationPlan plan, ConcurrencyLimits.Claim[] claims, MigrationResult result)
        {
            Number = number;
            Plan = plan;
            Claims = claims;
            Result = result;
        }

        /// <summary>Order of submission in the batch, from 1.</summary>
        public int Number { get; }

        public MigrationPlan Plan { get; }

        public MigrationStatus Status => Result.Status;

        private MigrationPhase stage = MigrationPhase.Queued;

        /// <summary>Where it stands now; while a live migration runs, its own phase (disk copy, pre-copy, switchover).</summary>
        public MigrationPhase Stage
        {
            get => Live?.Phase ?? stage;
            internal set => stage = value;
        }

        /// <summary>The pre-copy round under way, from 1; 0 when no live migration runs.</summary>
        public int Round => Live?.Round ?? 0;

        /// <summary>What it is doing now, as a task shows it: "queued", "replicating disks", "pre-copy round 3", "switchover", ...</summary>
        public string Phase => MigrationPhases.Describe(Stage, Plan.Type, Round);

        /// <summary>The transfer under way, whether the live migration's or the batch's own (replication, final sync).</summary>
        internal Simulation.Flow? ActiveFlow => Live?.CurrentTransfer ?? CurrentFlow;

        public MigrationResult Result { get; }

        internal ConcurrencyLimits.Claim[] Claims { get; }

        internal double QueuedAt { get; set; }

        internal PreCopyPolicy Policy { get; set; } = new VSpherePolicy();

        internal double StartedAt { get; set; }

        internal Simulation.Flow? CurrentFlow { get; set; }

        internal LiveMigration? Live { get; set; }

        internal bool Done { get; set; }

        /// <summary>When the guest stopped for a Bulk final sync: the start of its downtime.</summary>
        internal double SwitchoverBegan { get; set; }

        /// <summary>A fault stalled a Bulk switchover: the power-on at the destination never comes.</summary>
        internal bool SwitchoverHung { get; set; }

        /// <summary>The downtime a fault imposed (a crash and HA restart), reported instead of the model's.</summary>
        internal double? DowntimeOverride { get; set; }
    }
}
