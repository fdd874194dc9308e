using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Readiness;
using Xunit.Abstractions;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// vMotion's promise, at scale (issue 5): 10,000 migrations of every type to every cloud, concurrent, under
    /// seeded random faults of every kind and with a share of them canceled at random moments (so in every phase).
    /// After each one ends, its VM exists exactly once, at exactly one place, with disks and networks that belong
    /// there; at the end the lab saved and reopened is the same lab.
    /// </summary>
    public class InvariantSoakTests
    {
        private const int Migrations = 10_000;
        private readonly ITestOutputHelper log;

        public InvariantSoakTests(ITestOutputHelper log) => this.log = log;

        [Fact]
        public void Ten_thousand_moves_under_random_faults_and_cancels_lose_no_VM_and_leave_a_lab_that_reopens_identical()
        {
            var random = new DeterministicRandom(20261122);
            var document = LabGenerator.Create(LabGenerator.DefaultSeed, 24_000);
            // The soak is about faults and cancels, not capacity: clouds with the memory for 10,000 arrivals at once
            // (moves in flight count against their destination's memory, as a wave's would).
            foreach (var host in document.Endpoints.Where(e => e.Provider != CloudProvider.OnPremises).SelectMany(e => e.Clusters).SelectMany(c => c.Hosts)) host.MemoryGB *= 50;
            var lab = LabSession.FromDocument(document);
            var estate = lab.Estate;
            var destinations = estate.Endpoints.Where(e => e.Provider != CloudProvider.OnPremises).Select(e => e.Name).ToArray();
            var types = new[] { MigrationType.Auto, MigrationType.vMotion, MigrationType.RAV, MigrationType.Bulk, MigrationType.Cold };
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, LabDocument.DefaultClock);
            var before = estate.VMs.ToDictionary(v => v.Id);
            var injector = new FaultInjector(batch, estate, LabDocument.DefaultClock);
            // Every kind of fault, at random moments, on whatever a running move uses.
            AddRandomFaults(injector);
            var statuses = new Dictionary<string, int>();
            var refused = 0;
            var checkedRuns = 0;
            batch.Finished += run =>
            {
                CheckOne(estate, run, before[run.Plan.VM.Id], injector.PoweredOffByHA);
                checkedRuns++;
                var key = run.Result.Status + (run.Result.Error is string e && e != "Canceled" ? " " + e : "");
                statuses[key] = statuses.TryGetValue(key, out var n) ? n + 1 : 1;
            };

            foreach (var vm in estate.VMs.Where(v => v.Provider == CloudProvider.OnPremises))
            {
                if (batch.Runs.Count == Migrations) break;
                var request = new MigrationRequest { VMId = vm.Id, DestinationEndpoint = destinations[random.Between(0, destinations.Length - 1)], Type = types[random.Between(0, types.Length - 1)] };
                MigrationPlan plan;
                try
                {
                    plan = ReadinessEvaluator.PlanMove(estate, request, MigrationAlgorithm.vSphere, LabDocument.DefaultClock, out _);
                }
                catch (Errors.HybridException)
                {
                    refused++;
                    continue;
                }

                var run = batch.Add(plan);
                // One in five is canceled, at a moment anywhere in a move's life: queued, copying, in pre-copy or switchover.
                if (random.Chance(0.2)) batch.Clock.After(7200 * random.NextDouble() * random.NextDouble(), () => batch.Cancel(run));
            }

            batch.RunToEnd();
            foreach (var pair in statuses.OrderBy(p => p.Key)) log.WriteLine(pair.Key + ": " + pair.Value);
            log.WriteLine("refused by readiness: " + refused + "; events: " + batch.Clock.Processed);
            foreach (var fault in injector.Faults) log.WriteLine($"{fault.Id} {fault.Kind}: fired {fault.TimesFired}, failed {fault.MigrationsFailed} migrations");
            log.WriteLine("VMs powered off because HA could not restart them: " + injector.PoweredOffByHA.Count);
            var lost = before.Values.Count(v => estate.FindVMById(v.Id) == null && !batch.Runs.Any(r => r.Plan.VM.Id == v.Id && r.Plan.Type == MigrationType.Bulk));
            log.WriteLine("VMs lost: " + lost);
            Assert.Equal(0, lost);

            Assert.Equal(Migrations, batch.Runs.Count);
            Assert.Equal(Migrations, checkedRuns);
            Assert.All(batch.Runs, r => Assert.True(r.Done));
            Assert.True(statuses.TryGetValue("Canceled", out var canceled) && canceled > 500, "too few cancels to prove anything");
            Assert.True(statuses.TryGetValue("Succeeded", out var succeeded) && succeeded > 4000, "succeeded: " + succeeded);
            // Faults of every kind fired, and each failure id they cause happened.
            Assert.All(injector.Faults, f => Assert.True(f.TimesFired > 0, f.Kind + " never fired"));
            foreach (var id in new[] { "NetworkTimeout", "DestinationHostFailed", "SourceHostFailed", "DatastoreFull", "SwitchoverTimeout" })
            {
                Assert.True(statuses.Keys.Any(k => k.EndsWith(" " + id, StringComparison.Ordinal)), "no move failed with " + id);
            }

            CheckWhole(estate, before, injector.PoweredOffByHA);
            lab.RecordChange();
            AssertReopensIdentical(lab);
        }

        /// <summary>
        /// The moves run for days of lab time, and one link, host or datastore fault fails every move on it that cannot
        /// wait it out (a vSAN datastore takes every disk copy into its cluster): rates low enough that most moves
        /// succeed, high enough that every kind fires and every failure id happens.
        /// </summary>
        private static void AddRandomFaults(FaultInjector injector)
        {
            injector.Add(new FaultSpec { Kind = FaultKind.LinkDown, RatePerHour = 0.5, Seed = 1, Duration = TimeSpan.FromSeconds(12) });
            injector.Add(new FaultSpec { Kind = FaultKind.LinkDown, RatePerHour = 0.1, Seed = 2, Duration = TimeSpan.FromMinutes(3) });
            injector.Add(new FaultSpec { Kind = FaultKind.LinkDegraded, RatePerHour = 0.5, Seed = 3, BandwidthMbps = 300, RttMs = 60, LossPercent = 0.5 });
            injector.Add(new FaultSpec { Kind = FaultKind.DestinationHostFailure, RatePerHour = 0.02, Seed = 4 });
            injector.Add(new FaultSpec { Kind = FaultKind.SourceHostFailure, RatePerHour = 0.5, Seed = 5 });
            // A full vSAN datastore fails every disk copy into its cluster (hundreds at once here): one, at a set time.
            var gcve = injector.Estate.GetEndpoint("gcve-europe-west2");
            injector.Add(new FaultSpec { Kind = FaultKind.DatastoreFull, Target = gcve.Name + "/" + gcve.Datastores[0].Name, At = LabDocument.DefaultClock.AddHours(6), Duration = TimeSpan.FromMinutes(1) });
            injector.Add(new FaultSpec { Kind = FaultKind.SwitchoverTimeout, RatePerHour = 2, Seed = 7 });
        }

        /// <summary>The VM of a run that just ended: once, in one place, consistent with that place.</summary>
        private static void CheckOne(Estate estate, MigrationRun run, CloudVM original, ISet<string> poweredOffByHA)
        {
            Assert.False(estate.IsMigrating(original.Id));
            var plan = run.Plan;
            if (run.Result.Status == MigrationStatus.Succeeded)
            {
                var moved = estate.FindVM(plan.Destination.Name, original.Name);
                Assert.NotNull(moved);
                Assert.Equal(plan.DestinationCluster.Name, moved!.Cluster);
                CheckPlace(estate, moved);
                var atSource = estate.FindVM(plan.Source.Name, original.Name);
                Assert.Null(atSource);
                if (plan.Type == MigrationType.Bulk)
                {
                    // The renamed copy left behind is powered off, with the original's id; the new VM has a new one.
                    var left = estate.FindVMById(original.Id)!;
                    Assert.StartsWith(original.Name + "-POSTMIGRATION-", left.Name);
                    Assert.Equal(PowerState.PoweredOff, left.PowerState);
                    Assert.NotEqual(original.Id, moved.Id);
                }
                else
                {
                    Assert.Equal(original.Id, moved.Id);
                }
            }
            else
            {
                // Failed or canceled: as it was, where it was; only HA may have restarted it on another host of its cluster.
                var now = estate.FindVMById(original.Id)!;
                Assert.Equal((original.Name, original.Endpoint, original.Cluster, original.Datastore), (now.Name, now.Endpoint, now.Cluster, now.Datastore));
                Assert.Equal(original.HardDisks.Select(d => (d.Datastore, d.UsedGB)), now.HardDisks.Select(d => (d.Datastore, d.UsedGB)));
                Assert.Equal(original.NetworkAdapters.Select(n => (n.NetworkName, n.MacAddress)), now.NetworkAdapters.Select(n => (n.NetworkName, n.MacAddress)));
                Assert.True(now.PowerState == original.PowerState || poweredOffByHA.Contains(now.Name), now.Name + " is " + now.PowerState);
                CheckPlace(estate, now);
                Assert.Null(estate.FindVM(plan.Destination.Name, original.Name));
            }
        }

        private static void CheckPlace(Estate estate, CloudVM vm)
        {
            var endpoint = estate.GetEndpoint(vm.Endpoint);
            var cluster = endpoint.FindCluster(vm.Cluster);
            Assert.NotNull(cluster);
            Assert.Contains(cluster!.Hosts, h => Names.Equal(h.Name, vm.VMHost));
            Assert.All(vm.HardDisks, d => Assert.NotNull(endpoint.FindDatastore(d.Datastore)));
            Assert.All(vm.NetworkAdapters, n => Assert.NotNull(endpoint.FindNetwork(n.NetworkName)));
        }

        /// <summary>The whole lab: no VM lost or doubled, every one consistent with where it is.</summary>
        private static void CheckWhole(Estate estate, IReadOnlyDictionary<string, CloudVM> before, ISet<string> poweredOffByHA)
        {
            var vms = estate.VMs;
            Assert.Equal(vms.Count, vms.Select(v => v.Id).Distinct().Count());
            Assert.Equal(vms.Count, vms.Select(v => v.Endpoint + "/" + v.Name.ToLowerInvariant()).Distinct().Count());
            foreach (var vm in vms) CheckPlace(estate, vm);

            // Every VM of before is still running exactly once: at its source, or under its name at one destination;
            // a VM that HA could not restart exists once, powered off.
            var runningByName = vms.Where(v => v.PowerState == PowerState.PoweredOn).GroupBy(v => v.Name, Names.Comparer).ToDictionary(g => g.Key, g => g.Count(), Names.Comparer);
            foreach (var original in before.Values.Where(v => v.PowerState == PowerState.PoweredOn))
            {
                var running = runningByName.TryGetValue(original.Name, out var n) ? n : 0;
                var expected = poweredOffByHA.Contains(original.Name) ? 0 : 1;
                Assert.True(running == expected, original.Name + " runs " + running + " times");
            }
        }

        private static void AssertReopensIdentical(LabSession lab)
        {
            var path = TestFiles.TempPath();
            try
            {
                lab.Save(path);
                var first = File.ReadAllText(path);
                var reopened = LabSession.CreateDefault();
                reopened.Open(path);
                var again = TestFiles.ToJson(reopened.ToDocument());
                Assert.Equal(first, again);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
