using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Tests
{
    internal static class LoneMigration
    {
        /// <summary>One live migration alone on a link of the given capacity, run to its end.</summary>
        public static LiveMigrationResult Run(LiveMigrationInputs inputs, double linkBytesPerSecond, MigrationAlgorithm algorithm = MigrationAlgorithm.vSphere) =>
            Run(inputs, linkBytesPerSecond, MigrationSettings.For(algorithm));

        /// <summary>As the other, under the given pre-copy settings (a downtime target, auto-converge, a bandwidth cap).</summary>
        public static LiveMigrationResult Run(LiveMigrationInputs inputs, double linkBytesPerSecond, MigrationSettings settings)
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, linkBytesPerSecond);
            LiveMigrationResult? result = null;
            new LiveMigration(clock, link, inputs, PreCopyPolicy.For(settings), r => result = r).Start();
            clock.RunToEnd();
            return result!;
        }
    }
}
