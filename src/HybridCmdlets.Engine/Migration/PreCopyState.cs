namespace HybridCmdlets.Engine.Migration
{
    /// <summary>Where a live migration's pre-copy stands after a round: what a policy decides on.</summary>
    public sealed class PreCopyState
    {
        public PreCopyState(double memoryBytes, double dirtyBytesPerSecond)
        {
            MemoryBytes = memoryBytes;
            DirtyBytesPerSecond = dirtyBytesPerSecond;
        }

        public double MemoryBytes { get; }

        /// <summary>The guest's own dirty rate, before any throttling.</summary>
        public double DirtyBytesPerSecond { get; }

        /// <summary>Rounds completed so far.</summary>
        public int RoundsDone { get; internal set; }

        /// <summary>Bytes the last round sent.</summary>
        public double LastRoundBytes { get; internal set; }

        /// <summary>Bytes the round before the last sent (Xen's sent_last_iter; memory before the second round).</summary>
        public double PreviousRoundBytes { get; internal set; }

        /// <summary>Bytes due in the last round: those it sent and those it skipped as dirtied again (Xen's sent + skipped).</summary>
        public double LastRoundDue { get; internal set; }

        public double LastRoundSeconds { get; internal set; }

        /// <summary>The algorithm's rate limit for the last round (infinite when it had none).</summary>
        public double LastRoundLimit { get; internal set; } = double.PositiveInfinity;

        /// <summary>Bytes dirtied during the last round: what the next round (or the switchover) must send.</summary>
        public double Pending { get; internal set; }

        public double TotalSent { get; internal set; }

        /// <summary>Share of the guest's CPU time taken away to slow its dirtying (0 to 0.99).</summary>
        public double Throttle { get; internal set; }

        /// <summary>The rate the last round achieved, in bytes per second.</summary>
        public double LastRoundRate => LastRoundSeconds > 0 ? LastRoundBytes / LastRoundSeconds : double.PositiveInfinity;

        /// <summary>The rate at which the guest dirtied unique bytes during the last round.</summary>
        public double LastDirtyRate => LastRoundSeconds > 0 ? Pending / LastRoundSeconds : 0;

        /// <summary>Counter for policies that act after several rounds in a row fail to converge (QEMU's dirty_rate_high_cnt).</summary>
        internal int NonConvergingRounds { get; set; }
    }
}
