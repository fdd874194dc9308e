using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Tests
{
    internal static class LoneMigration
    {
        /// <summary>One live migration alone on a link of the given capacity, run to its end.</summary>
        public static LiveMigrationResult Run(LiveMigrationInputs inputs, double linkBytesPerSecond, MigrationAlgorithm algorithm = MigrationAlgorithm.vSphere)
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, linkBytesPerSecond);
            LiveMigrationResult? result = null;
            new LiveMigration(clock, link, inputs, PreCopyPolicy.For(algorithm), r => result = r).Start();
            clock.RunToEnd();
            return result!;
        }
    }
}
