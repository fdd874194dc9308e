using System;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace HybridCmdlets.Testing
{
    /// <summary>
    /// How every property-based test runs (issue 5): FsCheck inside a plain [Fact], with a fixed seed so that a run
    /// tests the same inputs every time and a failure found in CI is found again on a developer's machine.
    /// HYBRIDCMDLETS_PROPERTY_SEED (a number) tries other inputs, and HYBRIDCMDLETS_PROPERTY_SCALE (a factor) runs
    /// more of them; a failure message names the seed to replay it with.
    /// </summary>
    internal static class PropertyCheck
    {
        /// <summary>The seed the suite uses; any value will do, but it must not change by itself.</summary>
        private const ulong DefaultSeed = 20260005UL;

        /// <summary>FsCheck's random generator takes a seed and an odd "gamma"; this one is the usual golden-ratio constant.</summary>
        private const ulong Gamma = 0x9E3779B97F4A7C15UL;

        public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("HYBRIDCMDLETS_PROPERTY_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

        private static int Scale => int.TryParse(Environment.GetEnvironmentVariable("HYBRIDCMDLETS_PROPERTY_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

        /// <summary>Checks <paramref name="property"/> on <paramref name="tests"/> inputs; a counterexample fails the test with the input that broke it.</summary>
        public static void Run(string name, int tests, Property property)
        {
            var config = Config.QuickThrowOnFailure
                .WithMaxTest(tests * Scale)
                .WithQuietOnSuccess(true)
                .WithName(name + " (seed " + Seed.ToString(CultureInfo.InvariantCulture) + ")")
                .WithReplay(Seed, Gamma);
            Check.One(config, property);
        }
    }
}
