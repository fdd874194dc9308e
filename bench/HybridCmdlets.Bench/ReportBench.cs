using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Engine.Reports;

namespace HybridCmdlets.Bench
{
    /// <summary>
    /// Export-MigrationReport's engine side for a large wave: the results of the migrate benchmark's wave (N VMs to
    /// AVS, simulated once), turned into a report model and written as HTML to a file, as the cmdlet does once all
    /// input has been read. Target (issue 6): 10,000 migrations in 2 s, the file under 20 MB.
    /// </summary>
    internal static class ReportBench
    {
        private const double TargetSeconds = 2;
        private const double TargetMegabytes = 20;

        public static void Run(int count, int iterations, int seed)
        {
            Console.WriteLine("HybridCmdlets report benchmark — " + DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            Console.WriteLine("machine: " + Environment.ProcessorCount + " logical processors, " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription
                + (LabBench.IsOptimized() ? ", Release (optimised)" : ", DEBUG BUILD: figures are not meaningful"));

            Console.Error.WriteLine("… simulating " + count.ToString("N0", CultureInfo.InvariantCulture) + " migrations");
            var doc = LabGenerator.Create(seed, count + 200);
            var estate = new Estate(doc.Endpoints, doc.Links, doc.VMs);
            var batch = MigrationBench.PlanWave(estate, count);
            batch.RunToEnd();
            var results = batch.Runs.Select(r => r.Result).ToList();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "wave: {0:N0} migrations ({1:N0} succeeded, {2:N0} failed), seed {3}; first run, then the median of {4} timed runs",
                results.Count, results.Count(r => r.Status == MigrationStatus.Succeeded), results.Count(r => r.Status == MigrationStatus.Failed), seed, iterations));
            Console.WriteLine();

            var path = Path.Combine(Path.GetTempPath(), "hybridcmdlets-report-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".html");
            try
            {
                var first = Once(results, path);
                var runs = Enumerable.Range(0, iterations).Select(_ => Once(results, path)).ToList();
                var size = new FileInfo(path).Length / (1024.0 * 1024);
                var model = Median(runs.Select(r => r.ModelMs));
                var total = Median(runs.Select(r => r.TotalMs));
                Console.WriteLine("| migrations | model | write | end to end | min | first run | file | target |");
                Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|");
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "| {0:N0} | {1:N0} ms | {2:N0} ms | {3:N0} ms | {4:N0} ms | {5:N0} ms | {6:0.0} MiB | ≤ {7:0} s, < {8:0} MB: {9} |",
                    results.Count, model, Median(runs.Select(r => r.TotalMs - r.ModelMs)), total, runs.Min(r => r.TotalMs), first.TotalMs, size,
                    TargetSeconds, TargetMegabytes, total <= TargetSeconds * 1000 && size * 1.048576 < TargetMegabytes ? "PASS" : "FAIL"));
                Console.WriteLine("model: new MigrationReport (order, summary, downtime ranking, throughput per link); write: ReportFile.Write");
                Console.WriteLine("(HTML to a temporary file beside the target, then the rename). first run: includes the JIT.");
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static (double ModelMs, double TotalMs) Once(IReadOnlyList<MigrationResult> results, string path)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var report = new MigrationReport("Benchmark wave", results, Array.Empty<MigrationReadiness>());
            var model = clock.Elapsed.TotalMilliseconds;
            ReportFile.Write(report, path, noClobber: false, force: false);
            return (model, clock.Elapsed.TotalMilliseconds);
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
