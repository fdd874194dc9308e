namespace HybridCmdlets.Engine.Migration
{
    /// <summary>A snapshot of where a migration stands, for a progress bar.</summary>
    public readonly struct TaskProgress
    {
        public TaskProgress(string phase, int percentComplete, double phaseGBLeft, double phaseSecondsLeft, double secondsLeft)
        {
            Phase = phase;
            PercentComplete = percentComplete;
            PhaseGBLeft = phaseGBLeft;
            PhaseSecondsLeft = phaseSecondsLeft;
            SecondsLeft = secondsLeft;
        }

        public string Phase { get; }

        public int PercentComplete { get; }

        /// <summary>What the transfer now under way still has to send, in GB; 0 when none is under way.</summary>
        public double PhaseGBLeft { get; }

        /// <summary>Virtual seconds until the current transfer ends at its present rate; NaN when unknown.</summary>
        public double PhaseSecondsLeft { get; }

        /// <summary>Virtual seconds until the whole move ends, estimated from what it must still send at its present rate; NaN when unknown.</summary>
        public double SecondsLeft { get; }
    }
}
