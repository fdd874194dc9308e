using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Bench
{
    /// <summary>
    /// Test-MigrationReadiness of every VM of a generated lab against one destination, engine side: the rule catalog
    /// for each type until one passes, and the simulated move that gives the prediction. Target (issue 4): 100,000
    /// VMs in 2 s.
    /// </summary>
    internal static class ReadinessBench
    {
        public static void Run(int count, int iterations, int seed, string destination)
        {
            Console.WriteLine("HybridCmdlets readiness benchmark — " + DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            Console.WriteLine("machine: " + Environment.ProcessorCount + " logical processors, " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription
                + (LabBench.IsOptimized() ? ", Release (optimised)" : ", DEBUG BUILD: figures are not meaningful"));
            var doc = LabGenerator.Create(seed, count);
            var estate = new Estate(doc.Endpoints, doc.Links, doc.VMs);
            var vms = estate.VMs.Where(v => !Names.Equal(v.Endpoint, destination)).ToList();
            Console.WriteLine("seed " + seed + "; " + vms.Count.ToString("N0", CultureInfo.InvariantCulture) + " VMs against " + destination + "; one warm-up, then the median of " + iterations + " runs");

            var times = new List<double>();
            Dictionary<string, int>? verdicts = null;
            for (var i = 0; i <= iterations; i++)
            {
                var counts = new Dictionary<string, int>();
                var watch = Stopwatch.StartNew();
                foreach (var vm in vms)
                {
                    var readiness = ReadinessEvaluator.Evaluate(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = destination }, MigrationAlgorithm.vSphere, LabDocument.DefaultClock);
                    var key = readiness.Verdict + (readiness.RecommendedType is MigrationType t ? " (" + t + ")" : "");
                    counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
                }

                watch.Stop();
                if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
                verdicts = counts;
            }

            times.Sort();
            var median = times[times.Count / 2];
            var target = 2000.0 * vms.Count / 100_000;
            Console.WriteLine();
            Console.WriteLine("| VMs | median | min | µs/VM | target | result |");
            Console.WriteLine("|---:|---:|---:|---:|---|---|");
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0:N0} | {1:N0} ms | {2:N0} ms | {3:N1} | ≤ {4:N0} ms | {5} |",
                vms.Count, median, times[0], median * 1000 / vms.Count, target, median <= target ? "PASS" : "MISS"));
            Console.WriteLine();
            foreach (var pair in verdicts!.OrderByDescending(p => p.Value)) Console.WriteLine("  " + pair.Key + ": " + pair.Value.ToString("N0", CultureInfo.InvariantCulture));
        }
    }
}
