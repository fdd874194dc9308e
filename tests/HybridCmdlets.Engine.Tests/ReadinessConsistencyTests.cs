using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Readiness;
using Xunit.Abstractions;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// DESIGN.md's promise, over the whole default lab: for every VM, every other endpoint and every type, when the
    /// test says Ready or ReadyWithWarnings the move by that type succeeds (alone, with no faults), with the predicted
    /// duration and downtime; when it says NotReady, the move is refused. No case where the test and the move disagree.
    /// </summary>
    public class ReadinessConsistencyTests
    {
        private static readonly DateTime Epoch = LabDocument.DefaultClock;
        private readonly ITestOutputHelper log;

        public ReadinessConsistencyTests(ITestOutputHelper log) => this.log = log;

        [Fact]
        public void The_test_and_the_move_never_disagree_across_the_default_lab()
        {
            var lab = LabGenerator.CreateDefault();
            var baseline = new Estate(lab.Endpoints, lab.Links, lab.VMs);
            var counts = new Dictionary<string, int>();
            var cases = 0;
            foreach (var vm in baseline.VMs.ToList())
            {
                foreach (var destination in baseline.Endpoints.Where(e => e.Name != vm.Endpoint))
                {
                    foreach (var type in new[] { MigrationType.Auto }.Concat(ReadinessEvaluator.TypesByDisruption))
                    {
                        // A fresh estate for each case: the move is alone on an idle path, as the prediction assumes.
                        var estate = new Estate(lab.Endpoints, lab.Links, lab.VMs);
                        var request = new MigrationRequest { VMId = vm.Id, DestinationEndpoint = destination.Name, Type = type };
                        var readiness = ReadinessEvaluator.Evaluate(estate, request, MigrationAlgorithm.vSphere, Epoch);
                        cases++;
                        var key = type + " " + readiness.Verdict;
                        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
                        if (type != MigrationType.Auto) Assert.Equal(type, readiness.EvaluatedType);

                        if (readiness.Verdict == ReadinessVerdict.NotReady)
                        {
                            var refused = Assert.Throws<HybridException>(() => ReadinessEvaluator.PlanMove(estate, request, MigrationAlgorithm.vSphere, Epoch, out _));
                            Assert.Equal("MigrationNotReady", refused.ErrorId);
                            Assert.Same(vm, estate.FindVMById(vm.Id));
                            continue;
                        }

                        var plan = ReadinessEvaluator.PlanMove(estate, request, MigrationAlgorithm.vSphere, Epoch, out _);
                        var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
                        var run = batch.Add(plan);
                        batch.RunToEnd();
                        Assert.True(run.Result.Status == MigrationStatus.Succeeded, vm.Name + " -> " + destination.Name + " by " + readiness.EvaluatedType + ": " + run.Result.ErrorMessage);
                        Assert.Equal(readiness.PredictedDuration, run.Result.Duration);
                        Assert.Equal(readiness.PredictedDowntime, run.Result.Downtime);
                        Assert.Equal(destination.Name, estate.FindVM(destination.Name, vm.Name)!.Endpoint);
                    }
                }
            }

            foreach (var pair in counts.OrderBy(p => p.Key)) log.WriteLine(pair.Key + ": " + pair.Value);
            // The lab holds both kinds: a property that held only for refusals (or only for moves) would prove little.
            Assert.Contains(counts, p => p.Key.EndsWith("NotReady") && p.Value > 50);
            Assert.Contains(counts, p => p.Key.EndsWith(" Ready") && p.Value > 50);
            Assert.Contains(counts, p => p.Key.EndsWith("ReadyWithWarnings") && p.Value > 50);
            Assert.True(cases > 3000);
        }
    }
}
