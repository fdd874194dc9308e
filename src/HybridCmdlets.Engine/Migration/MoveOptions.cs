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

        /// <summary>
        /// A move's choices, checked: ValueOutOfRange for a bandwidth cap out of range or an undefined algorithm. None when
        /// the move chooses nothing, so that the lab's settings stand as they are.
        /// </summary>
        public static MoveOptions Of(MigrationAlgorithm? algorithm, double? maxBandwidthMbps, bool stopAndCopy)
        {
            if (maxBandwidthMbps is double mbps) MigrationSettings.CheckMaxBandwidth(mbps);
            if (algorithm is MigrationAlgorithm a && !System.Enum.IsDefined(typeof(MigrationAlgorithm), a))
            {
                throw Errors.EngineErrors.ValueOutOfRange("MigrationAlgorithm", a, "one of " + string.Join(", ", System.Enum.GetNames(typeof(MigrationAlgorithm))));
            }

            return algorithm == null && maxBandwidthMbps == null && !stopAndCopy ? None : new MoveOptions(algorithm, maxBandwidthMbps, stopAndCopy);
        }

        /// <summary>The lab's settings with this move's choices over them.</summary>
        public MigrationSettings Over(MigrationSettings lab) =>
            this == None ? lab : lab.With(algorithm: Algorithm, maxBandwidthMbps: MaxBandwidthMbps, stopAndCopy: StopAndCopy ? true : (bool?)null);
    }
}
