using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Bench
{
    /// <summary>
    /// Issue 5 at a larger scale than the test suite's soak: many more concurrent moves under random faults of
    /// every kind and random cancels, with the invariants counted (VMs lost, VMs running twice: both must be 0); and
    /// how long a cancel (Stop-CloudTask, Ctrl+C) takes to return at several time scales (target: 200 ms).
    /// </summary>
    internal static class FaultSoakBench
    {
        public static void Soak(int migrations, int seed)
        {
            var watch = Stopwatch.StartNew();
            var lab = LabSession.FromDocument(LabGenerator.Create(LabGenerator.DefaultSeed, (int)(migrations * 2.6)));
            var estate = lab.Estate;
            var random = new DeterministicRandom(seed);
            var destinations = estate.Endpoints.Where(e => e.Provider != CloudProvider.OnPremises).Select(e => e.Name).ToArray();
            var types = new[] { MigrationType.Auto, MigrationType.vMotion, MigrationType.RAV, MigrationType.Bulk, MigrationType.Cold };
            var timeline = lab.Timeline;
            foreach (var (kind, rate, duration) in new (FaultKind, double, double?)[]
            {
                (FaultKind.LinkDown, 0.5, 12), (FaultKind.LinkDown, 0.1, 180), (FaultKind.LinkDegraded, 0.5, null),
                (FaultKind.DestinationHostFailure, 0.02, null), (FaultKind.SourceHostFailure, 0.5, null), (FaultKind.SwitchoverTimeout, 2, null),
                (FaultKind.DatastoreFull, 0.002, null),
            })
            {
                timeline.AddFault(new FaultSpec
                {
                    Kind = kind, RatePerHour = rate, Seed = seed + (int)kind, Duration = duration.HasValue ? TimeSpan.FromSeconds(duration.Value) : (TimeSpan?)null,
                    BandwidthMbps = kind == FaultKind.LinkDegraded ? 300 : (double?)null, RttMs = kind == FaultKind.LinkDegraded ? 60 : (double?)null,
                });
            }

            var originals = estate.VMs.Where(v => v.PowerState == PowerState.PoweredOn).Select(v => v.Name).ToList();
            var tasks = new List<CloudTask>();
            foreach (var vm in estate.VMs.Where(v => v.Provider == CloudProvider.OnPremises))
            {
                if (tasks.Count == migrations) break;
                var request = new MigrationRequest { VMId = vm.Id, DestinationEndpoint = destinations[random.Between(0, destinations.Length - 1)], Type = types[random.Between(0, types.Length - 1)] };
                try
                {
                    tasks.Add(lab.Submit(ReadinessEvaluator.PlanMove(estate, request, MigrationAlgorithm.vSphere, timeline.VirtualNow, out _)));
                }
                catch (Engine.Errors.HybridException)
                {
                }
            }

            var setUp = watch.Elapsed;
            // A fifth are canceled at random moments: a wait canceled by a token set partway through the run.
            var cancelAt = new HashSet<CloudTask>(tasks.Where(_ => random.Chance(0.2)));
            timeline.WaitFor(tasks.Where(t => !cancelAt.Contains(t)).Take(tasks.Count / 2).ToList(), CancellationToken.None);
            foreach (var task in cancelAt) timeline.Cancel(task);
            timeline.WaitFor(tasks, CancellationToken.None);
            var ran = watch.Elapsed - setUp;

            var byOutcome = tasks.GroupBy(t => t.Result!.Status + (t.Result.Error is string e && e != "Canceled" ? " " + e : "")).OrderBy(g => g.Key);
            var vms = estate.VMs;
            var running = vms.Where(v => v.PowerState == PowerState.PoweredOn).GroupBy(v => v.Name, Names.Comparer).ToDictionary(g => g.Key, g => g.Count(), Names.Comparer);
            var lost = originals.Count(n => !running.ContainsKey(n) && !vms.Any(v => Names.Equal(v.Name, n)));
            var twice = running.Count(p => p.Value > 1);
            var reopened = Reopens(lab);

            Console.WriteLine($"soak: {tasks.Count:N0} migrations under random faults, {cancelAt.Count:N0} canceled; {timeline.EventsProcessed:N0} events");
            Console.WriteLine($"  set-up {setUp.TotalSeconds:0.0} s, simulated {ran.TotalSeconds:0.0} s; lab time {timeline.VirtualNow - LabDocument.DefaultClock}");
            foreach (var group in byOutcome) Console.WriteLine($"  {group.Key}: {group.Count():N0}");
            foreach (var fault in timeline.Faults) Console.WriteLine($"  {fault.Id} {fault.Kind}: fired {fault.TimesFired:N0}, failed {fault.MigrationsFailed:N0}");
            Console.WriteLine($"  VMs lost: {lost} (must be 0); VMs running twice: {twice} (must be 0); saved and reopened identical: {reopened}");
        }

        private static bool Reopens(LabSession lab)
        {
            var path = System.IO.Path.GetTempFileName();
            try
            {
                lab.Save(path);
                var first = System.IO.File.ReadAllText(path);
                var again = LabSession.CreateDefault();
                again.Open(path);
                again.Save(path);
                return first == System.IO.File.ReadAllText(path);
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }

        /// <summary>Wall time from a cancel to the wait's return, with 10,000 moves in flight, at several time scales.</summary>
        public static void CancelLatency(int moves)
        {
            foreach (var scale in new[] { 0.0, 1, 1000, 1_000_000 })
            {
                var samples = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var lab = LabSession.FromDocument(LabGenerator.Create(LabGenerator.DefaultSeed, (int)(moves * 2.6)));
                    lab.SetOptions(timeScale: scale);
                    var tasks = new List<CloudTask>();
                    foreach (var vm in lab.Estate.VMs.Where(v => v.Provider == CloudProvider.OnPremises))
                    {
                        if (tasks.Count == moves) break;
                        try
                        {
                            tasks.Add(lab.Submit(MigrationPlanner.Plan(lab.Estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope", Type = MigrationType.Bulk })));
                        }
                        catch (Engine.Errors.HybridException)
                        {
                        }
                    }

                    // The set-up's garbage (a new lab each time) is collected first: what is timed is the cancel, not a
                    // collection of what the benchmark itself left behind.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    using var cancel = new CancellationTokenSource();
                    var returned = TimeSpan.Zero;
                    var clock = Stopwatch.StartNew();
                    var waiter = new Thread(() =>
                    {
                        lab.WaitFor(tasks, cancel.Token);
                        returned = clock.Elapsed;
                    });
                    waiter.Start();
                    // As fast as the machine runs, the whole wave takes about half a second: cancel early in it.
                    Thread.Sleep(scale == 0 ? 50 : 300);
                    var canceledAt = clock.Elapsed;
                    cancel.Cancel();
                    waiter.Join();
                    if (returned > canceledAt) samples.Add((returned - canceledAt).TotalMilliseconds);
                }

                samples.Sort();
                Console.WriteLine(samples.Count == 0
                    ? $"cancel: {moves:N0} moves at time scale {scale:G}: every wait had ended before the cancel"
                    : $"cancel: {moves:N0} moves at time scale {scale:G}: median {samples[samples.Count / 2]:0} ms, worst {samples[samples.Count - 1]:0} ms over {samples.Count} cancels (target 200 ms)");
            }
        }
    }
}
