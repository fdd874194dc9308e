using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Bench
{
    /// <summary>
    /// N on-premises VMs moved to Azure VMware Solution at once, over the one ExpressRoute link, with vCenter's and
    /// HCX's concurrency limits: a mix of Bulk, RAV and HCX vMotion for running VMs and Cold for powered-off ones,
    /// planned and simulated end to end on the virtual timeline. Targets (issue 3): 10,000 in 1 s, 100,000 in 10 s,
    /// the cost growing linearly.
    /// </summary>
    internal static class MigrationBench
    {
        public static readonly int[] DefaultCounts = { 1_000, 10_000, 100_000 };

        public static void Run(IReadOnlyList<int> counts, int iterations, int seed)
        {
            Console.WriteLine("HybridCmdlets migration benchmark — " + DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            Console.WriteLine("machine: " + Environment.ProcessorCount + " logical processors, " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription
                + (LabBench.IsOptimized() ? ", Release (optimised)" : ", DEBUG BUILD: figures are not meaningful"));
            Console.WriteLine("seed " + seed + "; per size: warm-up (1 run; 10,000 VMs' worth for small sizes), then the median of " + iterations + " timed runs, each on a fresh estate");
            Console.WriteLine();

            var rows = new List<Measured>();
            foreach (var count in counts)
            {
                Console.Error.WriteLine("… " + count.ToString("N0", CultureInfo.InvariantCulture) + " VMs");
                // The lab is generated once; every run builds its own Estate from it (a run changes only the estate).
                var doc = LabGenerator.Create(seed, count + 200);
                // Small sizes get more warm-up runs: their timed runs would otherwise include the JIT's tiering.
                var warmups = Math.Max(1, Math.Min(10, 10_000 / count));
                var runs = new List<Measured>();
                for (var i = 0; i < warmups + iterations; i++)
                {
                    var run = Once(doc, count);
                    if (i >= warmups) runs.Add(run);
                    else if (i == 0) rows.Add(run); // keeps the first run's fingerprint and time (cold, for the first size)
                }

                var median = Measured.Median(runs);
                median.FirstRunMs = rows[rows.Count - 1].TotalMs;
                median.SameFingerprint = runs.All(r => r.Fingerprint == rows[rows.Count - 1].Fingerprint);
                rows[rows.Count - 1] = median;
            }

            Console.WriteLine("| VMs | plan | simulate | end to end | min | target | µs/VM | events | events/s | succeeded | virtual duration | GC pauses | allocated | 1st run | fingerprint |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in rows)
            {
                var target = r.Count <= 10_000 ? 1.0 : 10.0 * r.Count / 100_000;
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "| {0:N0} | {1:N0} ms | {2:N0} ms | {3:N0} ms | {4:N0} ms | ≤ {5:0.#} s {6} | {7:N1} | {8:N0} | {9:N0} | {10:N0} | {11:%d}d {11:hh}h | {15:N0} ms ({17} gen2) | {16:N0} MB | {14:N0} ms | {12}{13} |",
                    r.Count, r.PlanMs, r.SimulateMs, r.TotalMs, r.MinTotalMs, target, r.TotalMs <= target * 1000 ? "PASS" : "FAIL",
                    r.TotalMs * 1000 / r.Count, r.Events, r.Events / (r.SimulateMs / 1000), r.Succeeded, TimeSpan.FromSeconds(r.VirtualSeconds),
                    r.Fingerprint, r.SameFingerprint ? "" : " (RUNS DIFFER)", r.FirstRunMs, r.GCPauseMs, r.AllocatedMB, r.Gen2));
            }

            // Linear growth: the cost per VM should stay about the same from one size to the next.
            for (var i = 1; i < rows.Count; i++)
            {
                var a = rows[i - 1];
                var b = rows[i];
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "growth {0:N0} → {1:N0} VMs (×{2:0.#}): end to end ×{3:0.0} (×{7:0.0} without GC pauses), plan ×{4:0.0}, simulate ×{5:0.0}, events ×{6:0.0}",
                    a.Count, b.Count, (double)b.Count / a.Count, b.TotalMs / a.TotalMs, b.PlanMs / a.PlanMs, b.SimulateMs / a.SimulateMs, (double)b.Events / a.Events,
                    (b.TotalMs - b.GCPauseMs) / (a.TotalMs - a.GCPauseMs)));
            }

            Console.WriteLine("GC pauses, allocated: during plan + simulate (included in the times).");
            Console.WriteLine("1st run: the first, untimed run of that size; for the first size of the process it includes JIT compilation.");
            Console.WriteLine("fingerprint: SHA-256 (first 16 hex digits) of every result (times, downtime, rounds, bytes, throughput, status)");
            Console.WriteLine("and of the estate afterwards (each VM's place, NICs, disks; each datastore's free space); it must not change");
            Console.WriteLine("when the engine is optimised, and every run of one size must give the same.");
        }

        /// <summary>
        /// The benchmark's wave: the first <paramref name="count"/> on-premises VMs of <paramref name="estate"/> planned
        /// for AVS (Bulk, RAV, Bulk, vMotion in turn for running VMs, Cold for the others) and added to a new batch.
        /// </summary>
        internal static MigrationBatch PlanWave(Estate estate, int count)
        {
            var mapping = estate.GetEndpoint("onprem-lon").Networks.ToDictionary(n => n.Name, _ => "workload-segment-01");
            var vms = estate.VMs.Where(v => v.Endpoint == SiteCatalog.OnPrem).Take(count).ToList();
            var types = new[] { MigrationType.Bulk, MigrationType.RAV, MigrationType.Bulk, MigrationType.vMotion };
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc));
            var i = 0;
            foreach (var vm in vms)
            {
                var type = vm.PowerState == PowerState.PoweredOn ? types[i++ % types.Length] : MigrationType.Cold;
                batch.Add(MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope", NetworkMapping = mapping, Type = type }));
            }

            return batch;
        }

        private static Measured Once(Engine.Persistence.LabDocument doc, int count)
        {
            var estate = new Estate(doc.Endpoints, doc.Links, doc.VMs);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var paused = GC.GetTotalPauseDuration();
            var gen2 = GC.CollectionCount(2);
            var clock = Stopwatch.StartNew();
            var batch = PlanWave(estate, count);
            var planned = clock.Elapsed;
            clock.Restart();
            batch.RunToEnd();
            var simulated = clock.Elapsed;
            paused = GC.GetTotalPauseDuration() - paused;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            gen2 = GC.CollectionCount(2) - gen2;
            return new Measured
            {
                Count = count,
                PlanMs = planned.TotalMilliseconds,
                SimulateMs = simulated.TotalMilliseconds,
                TotalMs = (planned + simulated).TotalMilliseconds,
                Events = batch.Clock.Processed,
                Succeeded = batch.Runs.Count(r => r.Status == MigrationStatus.Succeeded),
                VirtualSeconds = batch.Clock.Now,
                GCPauseMs = paused.TotalMilliseconds,
                AllocatedMB = allocated / 1048576.0,
                Gen2 = gen2,
                Fingerprint = Fingerprint(batch, estate),
            };
        }

        /// <summary>A hash of everything the simulation decided, to the bit: the results and the estate they left.</summary>
        private static string Fingerprint(MigrationBatch batch, Estate estate)
        {
            using var stream = new MemoryStream();
            using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                foreach (var run in batch.Runs)
                {
                    var r = run.Result;
                    w.Write(r.VMId);
                    w.Write(r.Destination);
                    w.Write((int)r.MigrationType);
                    w.Write((int)r.Status);
                    w.Write(r.StartTime.Ticks);
                    w.Write(r.EndTime.Ticks);
                    w.Write(r.QueuedTime.Ticks);
                    w.Write(r.Downtime.Ticks);
                    w.Write(r.MemoryTransferredGB);
                    w.Write(r.DiskTransferredGB);
                    w.Write(r.AverageThroughputMbps);
                    w.Write(r.ThrottlePercent);
                    w.Write(r.Error ?? "");
                    w.Write(r.Rounds.Count);
                    foreach (var round in r.Rounds)
                    {
                        w.Write(round.Index);
                        w.Write(round.BytesSent);
                        w.Write(round.Seconds);
                        w.Write(round.DirtyBytesLeft);
                        w.Write(round.ThrottlePercent);
                    }
                }

                w.Write(batch.Clock.Now);
                foreach (var vm in estate.VMs)
                {
                    w.Write(vm.Id);
                    w.Write(vm.Name);
                    w.Write(vm.Endpoint);
                    w.Write(vm.Cluster);
                    w.Write(vm.VMHost);
                    w.Write(vm.Datastore);
                    w.Write((int)vm.PowerState);
                    w.Write(vm.CpuBaseline);
                    w.Write(vm.Snapshots.Count);
                    foreach (var nic in vm.NetworkAdapters)
                    {
                        w.Write(nic.NetworkName);
                        w.Write(nic.MacAddress);
                    }

                    foreach (var disk in vm.HardDisks) w.Write(disk.Datastore);
                }

                foreach (var endpoint in estate.Endpoints)
                {
                    foreach (var datastore in endpoint.Datastores)
                    {
                        w.Write(datastore.Name);
                        w.Write(datastore.FreeSpaceGB);
                    }
                }
            }

            stream.Position = 0;
            return Convert.ToHexString(SHA256.HashData(stream)).Substring(0, 16).ToLowerInvariant();
        }

        private sealed class Measured
        {
            public int Count;
            public double PlanMs, SimulateMs, TotalMs, MinTotalMs, FirstRunMs, GCPauseMs, AllocatedMB;
            public int Gen2;
            public long Events;
            public int Succeeded;
            public double VirtualSeconds;
            public string Fingerprint = "";
            public bool SameFingerprint = true;

            /// <summary>The median of each phase on its own (so plan + simulate need not add up to the median total).</summary>
            public static Measured Median(List<Measured> runs)
            {
                static double Of(IEnumerable<double> values)
                {
                    var sorted = values.OrderBy(v => v).ToArray();
                    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
                }

                var first = runs[0];
                return new Measured
                {
                    Count = first.Count,
                    PlanMs = Of(runs.Select(r => r.PlanMs)),
                    SimulateMs = Of(runs.Select(r => r.SimulateMs)),
                    TotalMs = Of(runs.Select(r => r.TotalMs)),
                    GCPauseMs = Of(runs.Select(r => r.GCPauseMs)),
                    AllocatedMB = Of(runs.Select(r => r.AllocatedMB)),
                    Gen2 = first.Gen2,
                    MinTotalMs = runs.Min(r => r.TotalMs),
                    Events = first.Events,
                    Succeeded = first.Succeeded,
                    VirtualSeconds = first.VirtualSeconds,
                    Fingerprint = first.Fingerprint,
                };
            }
        }
    }
}
