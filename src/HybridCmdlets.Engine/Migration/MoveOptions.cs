namespace HybridCmdlets.Engine.Migration
{
    /// <summary>A move's own pre-copy choices (MigrationRequest), applied over the lab's settings.</summary>
    public sealed class MoveOptions
    {
        public static readonly MoveOptions None = new MoveOptions(null, null, false);

        public MoveOptions(MigrationAlgorithm? algorithm, double? maxBandwidthMbps, bool stopAndCopy)
        {
            Algorithm = algorithm;
            MaxBandwidthMbps = maxBandwidthMbps;
            StopAndCopy = stopAndCopy;
        }

        public MigrationAlgorithm? Algorithm { get; }

        public double? MaxBandwidthMbps { get; }

        public bool StopAndCopy { get; }

        /// <summary>The lab's settings with this move's choices over them.</summary>
        public MigrationSettings Over(MigrationSettings lab) =>
            this == None ? lab : lab.With(algorithm: Algorithm, maxBandwidthMbps: MaxBandwidthMbps, stopAndCopy: StopAndCopy ? true : (bool?)null);
    }
}
