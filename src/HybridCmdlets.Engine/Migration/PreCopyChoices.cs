namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// What a user may choose for one move's pre-copy, over the lab's settings (Move-CloudVM, Test-MigrationReadiness):
    /// the algorithm, a bandwidth cap, and a non-live stop-and-copy. Checked by <see cref="MigrationRequest"/>.
    /// </summary>
    public sealed class PreCopyChoices
    {
        public static readonly PreCopyChoices None = new PreCopyChoices();

        public MigrationAlgorithm? Algorithm { get; set; }

        public double? MaxBandwidthMbps { get; set; }

        public bool StopAndCopy { get; set; }
    }
}
