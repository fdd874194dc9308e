using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Bench
{
    /// <summary>
    /// The README's figure of the dirty-memory model: one VM moved alone over one link under each pre-copy algorithm,
    /// the bytes each round sent and what it left dirty, as a table and an ASCII chart. Not a timing: the engine's
    /// own output, so that the figure is regenerated, never drawn by hand.
    /// </summary>
    internal static class RoundsBench
    {
        private const double MiB = 1024 * 1024;
        /// <summary>Rounds shown; a move that iterates longer (QEMU that never converges) is summarised after them.</summary>
        private const int Shown = 30;

        public sealed class Options
        {
            public double MemoryGB { get; set; } = 8;
            public double DirtyMBps { get; set; } = 40;
            public double HotSetMB { get; set; } = 64;
            public double WorkingSetMB { get; set; } = 2048;
            public double LinkMbps { get; set; } = 1000;
            public double RttMs { get; set; } = 0.2;
            public int NumCpu { get; set; } = 2;
        }

        public static void Run(Options o)
        {
            var f = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Format(f, "A {0:0.#} GiB VM, all memory touched, dirtying {1:0.#} MiB/s of a {3:0} MiB writable working set around a {2:0} MiB hot set, alone on a {4:0} Mbps link ({5:0.#} ms RTT):",
                o.MemoryGB, o.DirtyMBps, o.HotSetMB, o.WorkingSetMB, o.LinkMbps, o.RttMs));
            Console.WriteLine();
            var algorithms = (MigrationAlgorithm[])Enum.GetValues(typeof(MigrationAlgorithm));
            var results = algorithms.ToDictionary(a => a, a => Once(o, a));
            var most = Math.Min(Shown, results.Values.Max(r => r.Rounds.Count));
            Console.WriteLine("| round | " + string.Join(" | ", algorithms.Select(a => a + " sent (MiB)")) + " |");
            Console.WriteLine("|---:|" + string.Concat(algorithms.Select(_ => "---:|")));
            for (var i = 0; i < most; i++)
            {
                Console.WriteLine(string.Format(f, "| {0} | {1} |", i + 1, string.Join(" | ", algorithms.Select(a =>
                    i < results[a].Rounds.Count ? (results[a].Rounds[i].BytesSent / MiB).ToString("N1", f) : ""))));
            }

            Console.WriteLine(string.Format(f, "| rounds | {0} |", string.Join(" | ", algorithms.Select(a => results[a].Rounds.Count.ToString("N0", f)))));
            Console.WriteLine(string.Format(f, "| left at stop (MiB) | {0} |", string.Join(" | ", algorithms.Select(a => (results[a].Rounds.Last().DirtyBytesLeft / MiB).ToString("N1", f)))));
            Console.WriteLine(string.Format(f, "| total / downtime | {0} |", string.Join(" | ", algorithms.Select(a =>
                results[a].Succeeded ? string.Format(f, "{0:0.0} s / {1:0} ms", results[a].DurationSeconds, results[a].DowntimeSeconds * 1000) : results[a].ErrorId))));
            Console.WriteLine();
            foreach (var a in algorithms) Chart(a, results[a]);
        }

        private static LiveMigrationResult Once(Options o, MigrationAlgorithm algorithm)
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, o.LinkMbps * 1e6 / 8);
            LiveMigrationResult? result = null;
            var inputs = new LiveMigrationInputs
            {
                MemoryBytes = o.MemoryGB * 1024 * MiB,
                DirtyBytesPerSecond = o.DirtyMBps * MiB,
                HotSetBytes = o.HotSetMB * MiB,
                WorkingSetBytes = o.WorkingSetMB * MiB,
                RttMs = o.RttMs,
                NumCpu = o.NumCpu,
            };
            new LiveMigration(clock, link, inputs, PreCopyPolicy.For(algorithm), r => result = r).Start();
            clock.RunToEnd();
            return result!;
        }

        /// <summary>One bar per round, its length the bytes the round sent (log scale: the first round dwarfs the rest).</summary>
        private static void Chart(MigrationAlgorithm algorithm, LiveMigrationResult result)
        {
            const int width = 50;
            var f = CultureInfo.InvariantCulture;
            Console.WriteLine(algorithm + " (bytes sent per round, log scale; '.' marks what the round left dirty)");
            var max = Math.Log10(result.Rounds.Max(r => Math.Max(r.BytesSent, r.DirtyBytesLeft)) / 1024 + 1);
            foreach (var r in result.Rounds.Take(Shown))
            {
                var sent = (int)Math.Round(width * Math.Log10(r.BytesSent / 1024 + 1) / max);
                var left = (int)Math.Round(width * Math.Log10(r.DirtyBytesLeft / 1024 + 1) / max);
                var bar = new string('#', sent).PadRight(Math.Max(sent, left), '.');
                Console.WriteLine(string.Format(f, "  {0,3} {1,-" + width + "} {2,9:N1} MiB", r.Index, bar, r.BytesSent / MiB));
            }

            if (result.Rounds.Count > Shown) Console.WriteLine(string.Format(f, "  ... {0:N0} rounds in all", result.Rounds.Count));
            Console.WriteLine();
        }
    }
}
