using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Moves as Move-CloudVM makes them, without PowerShell: <see cref="MoveTarget"/> read once, each VM planned by
    /// <see cref="LabMoves"/> and submitted, all waited for by one <see cref="MigrationWatch"/>.
    /// </summary>
    public class LabMovesTests
    {
        private readonly LabSession lab = LabSession.CreateDefault();

        /// <summary>What one Move-CloudVM call did: its results as handed back, its errors, tasks and progress.</summary>
        private sealed class Moved
        {
            public List<MigrationResult> Results { get; } = new List<MigrationResult>();
            public List<CloudTask> Tasks { get; } = new List<CloudTask>();
            public List<HybridException> Errors { get; } = new List<HybridException>();
            public List<ProgressUpdate> Progress { get; } = new List<ProgressUpdate>();

            public IEnumerable<int> OpenActivities() => Progress.GroupBy(p => p.ActivityId).Where(g => !g.Last().Completed).Select(g => g.Key);
        }

        private static Moved Move(LabSession lab, string destination, string[] vms, MigrationType type = MigrationType.Auto, string? datastore = null,
            IDictionary? mapping = null, bool runAsync = false, CancellationToken cancellation = default, Action<ProgressUpdate>? onProgress = null)
        {
            var moved = new Moved();
            MoveTarget target;
            try
            {
                target = MoveTarget.Parse(destination, mapping, type, datastore);
            }
            catch (HybridException error)
            {
                moved.Errors.Add(error);
                return moved;
            }

            foreach (var vm in vms.SelectMany(name => VisibleVMs.Resolve(lab, null, name, moved.Errors.Add)))
            {
                try
                {
                    moved.Tasks.Add(lab.Submit(LabMoves.Plan(lab, vm, target)));
                }
                catch (HybridException error)
                {
                    moved.Errors.Add(error);
                }
            }

            if (runAsync || moved.Tasks.Count == 0) return moved;
            Wait(lab, moved, cancellation, onProgress);
            return moved;
        }

        private static void Wait(LabSession lab, Moved moved, CancellationToken cancellation = default, Action<ProgressUpdate>? onProgress = null)
        {
            new MigrationWatch(lab, moved.Tasks, "Moving", p =>
            {
                moved.Progress.Add(p);
                onProgress?.Invoke(p);
            }).Wait(cancellation, task => moved.Results.Add(task.Result));
            lab.RecordMoves();
        }

        /// <summary>A default lab whose waits report progress after every event (see <see cref="SteppingWall"/>).</summary>
        private static LabSession Watched() => LabSession.FromDocument(Generation.LabGenerator.CreateDefault(), new SteppingWall());

        private static string TempPath() => Path.Combine(Path.GetTempPath(), "hybridcmdlets-move-" + Guid.NewGuid().ToString("N") + ".json");

        [Fact]
        public void A_move_migrates_the_vm_hands_back_its_result_and_the_estate_has_it_at_the_destination()
        {
            var before = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            var moved = Move(lab, "avs-westeurope", new[] { "crm-web01" });

            Assert.Empty(moved.Errors);
            var result = Assert.Single(moved.Results);
            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            Assert.Equal(MigrationType.vMotion, result.MigrationType);
            Assert.Equal("onprem-lon/" + before.Cluster, result.Source);
            Assert.StartsWith("avs-westeurope/", result.Destination);
            Assert.True(result.Duration > TimeSpan.Zero && result.Downtime > TimeSpan.Zero && result.Downtime < TimeSpan.FromSeconds(1));
            Assert.True(result.Rounds.Count >= 1 && result.MemoryTransferredGB > 0 && result.DiskTransferredGB >= before.UsedSpaceGB);

            Assert.Null(lab.Estate.FindVM("onprem-lon", "crm-web01"));
            var after = lab.Estate.FindVM("avs-westeurope", "crm-web01")!;
            Assert.Equal(before.Id, after.Id);
            Assert.Equal(result.Destination, after.Endpoint + "/" + after.Cluster);
            Assert.True(lab.Describe().IsModified);
        }

        [Fact]
        public void The_watch_shows_each_phase_and_ends_every_progress_bar_with_a_Completed_record()
        {
            var moved = Move(Watched(), "avs-westeurope", new[] { "shop-app01" });

            var statuses = moved.Progress.Select(p => p.Status).ToList();
            Assert.Contains(statuses, s => s.StartsWith("disk copy", StringComparison.Ordinal));
            Assert.Contains(statuses, s => s.StartsWith("pre-copy round 1: ", StringComparison.Ordinal) && s.Contains(" GB left, about "));
            Assert.Contains(statuses, s => s.StartsWith("cleanup", StringComparison.Ordinal));
            Assert.Empty(moved.OpenActivities());
            Assert.True(moved.Progress.Last().Completed);
        }

        [Fact]
        public void Datastore_alone_within_the_endpoint_is_a_Storage_vMotion_that_keeps_the_cluster()
        {
            var vm = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            var cluster = lab.Estate.GetEndpoint("onprem-lon").FindCluster(vm.Cluster)!;
            var other = cluster.Datastores.First(d => d != vm.Datastore);
            var moved = Move(lab, "onprem-lon", new[] { "crm-web01" }, datastore: other);

            Assert.Empty(moved.Errors);
            var result = Assert.Single(moved.Results);
            Assert.Equal("onprem-lon/" + vm.Cluster, result.Destination);
            Assert.True(result.DiskTransferredGB >= vm.UsedSpaceGB);
            var after = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            Assert.Equal(vm.Cluster, after.Cluster);
            Assert.Equal(other, after.Datastore);

            var endpoint = lab.Estate.GetEndpoint("onprem-lon");
            var local = endpoint.Datastores.Select(d => d.Name).First(d => endpoint.Clusters.All(c => !c.Datastores.Contains(d)));
            Assert.Equal("DatastoreNotAccessible", Assert.Single(Move(lab, "onprem-lon", new[] { "crm-web02" }, datastore: local).Errors).ErrorId);
        }

        [Fact]
        public void WhatIf_texts_say_what_would_move_where_by_which_type()
        {
            var vm = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            var plan = LabMoves.Plan(lab, vm, MoveTarget.Parse("avs-westeurope/Cluster-1", null, MigrationType.RAV));

            Assert.Equal("VM 'crm-web01' at onprem-lon/" + vm.Cluster, LabMoves.WhatIfTarget(plan));
            var action = LabMoves.WhatIfAction(plan);
            Assert.StartsWith("Migrate to avs-westeurope/Cluster-1 by RAV (host ", action);
            Assert.Contains(", datastore ", action);
            Assert.Contains("networks '" + vm.Networks[0] + "' -> '", action);
            // Planning alone submits and changes nothing.
            Assert.Empty(lab.Timeline.Tasks);
            Assert.False(lab.Describe().IsModified);
        }

        [Fact]
        public void Tasks_submitted_together_run_together_and_each_result_is_handed_back_as_its_move_ends()
        {
            var lab = Watched();
            // RAV, not vMotion: HCX runs its vMotions one at a time, its replications by the hundred.
            var moved = Move(lab, "avs-westeurope", new[] { "crm-web01", "crm-web02", "crm-web03" }, MigrationType.RAV, runAsync: true);
            Assert.Equal(3, moved.Tasks.Count);
            Assert.All(moved.Tasks, t => Assert.False(t.IsFinished));
            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "crm-web02"));
            Assert.Equal(3, lab.Describe().RunningTasks);

            Wait(lab, moved);

            Assert.Equal(new[] { "crm-web01", "crm-web02", "crm-web03" }, moved.Results.Select(r => r.VM).OrderBy(v => v));
            Assert.All(moved.Results, r => Assert.Equal(MigrationStatus.Succeeded, r.Status));
            // In the order they ended.
            Assert.Equal(moved.Results.Select(r => r.EndTime).OrderBy(t => t), moved.Results.Select(r => r.EndTime));
            // Together, not one after the other.
            Assert.True(moved.Results.Max(r => r.StartTime) < moved.Results.Min(r => r.EndTime));
            Assert.NotNull(lab.Estate.FindVM("avs-westeurope", "crm-web03"));

            // One parent bar, child bars under it, and every bar completed.
            Assert.Contains(moved.Progress, p => p.ActivityId == 1 && p.Status.Contains("of 3 ended"));
            Assert.Contains(moved.Progress, p => p.ParentActivityId == 1 && !p.Completed);
            Assert.Empty(moved.OpenActivities());
            Assert.Equal(0, lab.Describe().RunningTasks);
        }

        [Fact]
        public void Each_bad_item_is_an_error_for_that_item_and_the_rest_still_moves()
        {
            var moved = Move(lab, "avs-westeurope", new[] { "ghost01", "crm-web01" });
            Assert.Equal("VMNotFound", Assert.Single(moved.Errors).ErrorId);
            Assert.Equal("crm-web01", Assert.Single(moved.Results).VM);

            foreach (var (destination, id) in new[]
            {
                ("nowhere", "EndpointNotFound"), ("avs-westeurope/NoSuchCluster", "ClusterNotFound"), ("a/b/c/d", "DestinationInvalid"), ("avs-westeurope/Cluster-1/no-such-host", "VMHostNotFound"),
                ("avs*", "DestinationInvalid"), (" ", "DestinationInvalid"), ("avs-westeurope/", "DestinationInvalid"),
            })
            {
                var bad = Move(lab, destination, new[] { "crm-web02" });
                var error = Assert.Single(bad.Errors);
                Assert.Equal(id, error.ErrorId);
                Assert.False(string.IsNullOrEmpty(error.RecommendedAction));
                Assert.Empty(bad.Tasks);
            }

            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "crm-web02"));
        }

        [Fact]
        public void Moving_a_vm_to_where_it_is_or_while_it_moves_is_refused_by_name()
        {
            var vm = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            var error = Assert.Single(Move(lab, "onprem-lon/" + vm.Cluster, new[] { "crm-web01" }).Errors);
            Assert.Equal("MigrationDestinationIsSource", error.ErrorId);
            Assert.Equal("crm-web01", error.Target);

            Move(lab, "avs-westeurope", new[] { "crm-web01" }, runAsync: true);
            var again = Move(lab, "gcve-europe-west2", new[] { "crm-web01" });
            Assert.Equal("MigrationInProgress", Assert.Single(again.Errors).ErrorId);
            Assert.Empty(again.Tasks);
        }

        [Fact]
        public void A_network_mapping_of_the_wrong_shape_is_refused_before_anything_moves()
        {
            foreach (var table in new Hashtable[]
            {
                new Hashtable { ["Web-VLAN110"] = new Hashtable { ["x"] = "y" } },
                new Hashtable { ["Web-VLAN110"] = new[] { "a", "b" } },
                new Hashtable { ["Web-VLAN110"] = " " },
                new Hashtable { ["Web-VLAN110"] = null },
            })
            {
                Assert.Equal("NetworkMappingInvalid", Assert.Single(Move(lab, "avs-westeurope", new[] { "crm-web01" }, mapping: table).Errors).ErrorId);
                Assert.Empty(lab.Timeline.Tasks);
            }
        }

        [Fact]
        public void A_mapping_of_a_network_the_vm_is_not_on_or_onto_one_the_destination_lacks_is_NetworkMappingInvalid_for_that_vm()
        {
            var vm = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            Assert.Equal(new[] { "Web-VLAN110" }, vm.Networks);
            foreach (var (table, offending) in new[]
            {
                (new Hashtable { ["DB-VLAN130"] = "workload-segment-01" }, "DB-VLAN130"),
                (new Hashtable { ["Web-VLAN110"] = "no-such-segment" }, "no-such-segment"),
            })
            {
                var error = Assert.Single(Move(lab, "avs-westeurope", new[] { "crm-web01" }, mapping: table).Errors);
                Assert.Equal("NetworkMappingInvalid", error.ErrorId);
                Assert.Equal("crm-web01", error.Target);
                Assert.Contains("'" + offending + "'", error.Message);
                Assert.False(string.IsNullOrEmpty(error.RecommendedAction));
                Assert.Throws<HybridException>(() => LabMoves.Test(lab, vm, MoveTarget.Parse("avs-westeurope", table, MigrationType.Auto)));
                Assert.Empty(lab.Timeline.Tasks);
            }
        }

        [Fact]
        public void An_explicit_network_mapping_is_applied_and_warned_of_unless_it_is_the_networks_HCX_extension()
        {
            var vm = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            var avs = lab.Estate.GetEndpoint("avs-westeurope");
            var segment = avs.Networks.First(n => n.ExtendedFrom == null).Name;
            var extension = avs.Networks.Single(n => n.ExtendedFrom == "onprem-lon/" + vm.Networks[0]).Name;

            var elsewhere = LabMoves.Test(lab, vm, MoveTarget.Parse("avs-westeurope", new Hashtable { [vm.Networks[0]] = segment }, MigrationType.Auto));
            var check = elsewhere.Checks.Single(c => c.Id == "network.mapping");
            Assert.Equal(CheckStatus.Warning, check.Status);
            Assert.Contains("(as mapped), not an HCX extension of it", check.Message);
            Assert.Equal(ReadinessVerdict.ReadyWithWarnings, elsewhere.Verdict);

            var extended = LabMoves.Test(lab, vm, MoveTarget.Parse("avs-westeurope", new Hashtable { [vm.Networks[0]] = extension }, MigrationType.Auto));
            Assert.Equal(CheckStatus.Pass, extended.Checks.Single(c => c.Id == "network.mapping").Status);

            var moved = Move(lab, "avs-westeurope", new[] { "crm-web01" }, mapping: new Hashtable { [vm.Networks[0].ToUpperInvariant()] = segment });
            Assert.Empty(moved.Errors);
            Assert.Contains(Assert.Single(moved.Results).Warnings, w => w.StartsWith("network.mapping: ", StringComparison.Ordinal));
            Assert.Equal(segment, lab.Estate.FindVM("avs-westeurope", "crm-web01")!.Networks[0]);
        }

        [Fact]
        public void A_changed_link_carries_the_moves_on_it_at_its_new_bandwidth()
        {
            // A first move makes the lab hold the link; the change must still reach the next one, and the one under way.
            Move(lab, "avs-westeurope", new[] { "crm-web01" });
            lab.SetLink("onprem-lon", "avs-westeurope", 100, null, null);
            Assert.InRange(Assert.Single(Move(lab, "avs-westeurope", new[] { "crm-web02" }, MigrationType.Bulk).Results).AverageThroughputMbps, 90, 100);

            var running = Move(lab, "avs-westeurope", new[] { "crm-web03" }, MigrationType.Bulk, runAsync: true);
            lab.SetLink("onprem-lon", "avs-westeurope", 1000, null, null);
            Wait(lab, running);
            Assert.InRange(Assert.Single(running.Results).AverageThroughputMbps, 900, 1000);
        }

        [Fact]
        public void Every_move_between_endpoints_shares_the_HCX_Interconnect_appliance_of_about_1_6_Gbps()
        {
            // A 10 Gbps ExpressRoute, but HCX vMotion crosses the IX appliance.
            Assert.InRange(Assert.Single(Move(lab, "avs-westeurope", new[] { "crm-app01" }).Results).AverageThroughputMbps, 1400, 1600);
        }

        [Fact]
        public void A_powered_off_vm_moves_Cold_and_Bulk_is_refused_for_it()
        {
            var off = lab.Estate.VMs.First(v => v.Endpoint == "onprem-lon" && v.PowerState == Inventory.PowerState.PoweredOff && !v.Name.Contains("-db"));
            Assert.Contains("state.power", Assert.Single(Move(lab, "avs-westeurope", new[] { off.Name }, MigrationType.Bulk).Errors).Message);

            var result = Assert.Single(Move(lab, "avs-westeurope", new[] { off.Name }).Results);
            Assert.Equal(MigrationType.Cold, result.MigrationType);
            Assert.Equal(TimeSpan.Zero, result.Downtime);
            Assert.Equal(Inventory.PowerState.PoweredOff, lab.Estate.FindVM("avs-westeurope", off.Name)!.PowerState);
        }

        [Fact]
        public void A_move_that_fails_under_way_is_handed_back_failed_with_the_failure_id_and_the_vm_stays_at_its_source()
        {
            // Ready on the 1 Gbps OVHcloud Connect; then the link drops to 2 Mbps while the vMotion runs.
            var before = lab.Estate.FindVM("onprem-lon", "crm-app01")!;
            var moved = Move(lab, "ovh-rbx/Cluster2", new[] { "crm-app01" }, MigrationType.vMotion, runAsync: true);
            lab.SetLink("onprem-lon", "ovh-rbx", 2, null, null);
            Wait(lab, moved);

            var result = Assert.Single(moved.Results);
            Assert.Equal(MigrationStatus.Failed, result.Status);
            Assert.Equal("SwitchoverTimeout", result.Error);
            var error = EngineErrors.MigrationFailed(result.VM, result.Error!, result.ErrorMessage, result.Fault);
            Assert.Equal("SwitchoverTimeout", error.ErrorId);
            Assert.Equal("crm-app01", error.Target);
            Assert.Same(before, lab.Estate.FindVM("onprem-lon", "crm-app01"));
            Assert.Empty(moved.OpenActivities());
        }

        [Fact]
        public void A_move_is_refused_when_the_readiness_test_calls_it_NotReady_naming_the_failing_checks()
        {
            // crm-db01's backup VLAN has no network in AVS: the same verdict Test-MigrationReadiness gives.
            var vm = lab.Estate.FindVM("onprem-lon", "crm-db01")!;
            var readiness = LabMoves.Test(lab, vm, MoveTarget.Parse("avs-westeurope", null, MigrationType.Auto));
            Assert.Equal(ReadinessVerdict.NotReady, readiness.Verdict);

            var moved = Move(lab, "avs-westeurope", new[] { "crm-db01" });
            var error = Assert.Single(moved.Errors);
            Assert.Equal("MigrationNotReady", error.ErrorId);
            Assert.Equal("crm-db01", error.Target);
            Assert.Contains("network.mapping", error.Message);
            Assert.Equal(new[] { "network.mapping" }, (string[])error.Data["FailingChecks"]!);
            Assert.Contains("Test-MigrationReadiness", error.RecommendedAction);
            Assert.Empty(lab.Timeline.Tasks);
        }

        [Fact]
        public void Auto_moves_by_the_type_the_readiness_test_recommends()
        {
            // ovh-backup01 runs on AMD EPYC at OVHcloud: it cannot vMotion onto the Intel hosts of AVS, so Auto takes
            // the least disruptive type that passes.
            var amd = lab.Estate.FindVM("ovh-rbx", "ovh-backup01")!;
            Assert.StartsWith("amd-", amd.CpuBaseline);
            var readiness = LabMoves.Test(lab, amd, MoveTarget.Parse("avs-westeurope", null, MigrationType.Auto));
            Assert.Equal(MigrationType.Bulk, readiness.RecommendedType);
            Assert.Equal(MigrationType.Bulk, readiness.EvaluatedType);

            var result = Assert.Single(Move(lab, "avs-westeurope", new[] { amd.Name }).Results);
            Assert.Equal(readiness.RecommendedType, result.MigrationType);
            Assert.Equal(readiness.PredictedDuration, result.Duration);
            Assert.Equal(readiness.PredictedDowntime, result.Downtime);
        }

        [Fact]
        public void Ctrl_C_during_pre_copy_cancels_the_move_promptly_hands_back_nothing_and_leaves_the_vm_at_its_source()
        {
            var lab = Watched();
            using var ctrlC = new CancellationTokenSource();
            var before = lab.Estate.FindVM("onprem-lon", "shop-app01")!;
            var moved = Move(lab, "avs-westeurope", new[] { "shop-app01" }, cancellation: ctrlC.Token, onProgress: p =>
            {
                if (p.Status.StartsWith("pre-copy round", StringComparison.Ordinal)) ctrlC.Cancel();
            });

            Assert.True(ctrlC.IsCancellationRequested);
            Assert.Equal(MigrationStatus.Canceled, Assert.Single(lab.Timeline.Tasks).State);
            Assert.Same(before, lab.Estate.FindVM("onprem-lon", "shop-app01"));
            Assert.False(lab.Estate.IsMigrating(before.Id));
            Assert.Empty(moved.OpenActivities());
            Assert.Empty(moved.Results);
        }

        [Fact]
        public void Ctrl_C_while_a_move_plays_back_in_real_time_ends_the_wait_at_once()
        {
            // At one virtual second per wall second the move would take minutes; Ctrl+C after a moment must end it
            // long before that. The 200 ms the issue asks for is not timed here: a busy machine would fail it.
            lab.SetOptions(timeScale: 1);
            using var ctrlC = new CancellationTokenSource();
            ctrlC.CancelAfter(TimeSpan.FromMilliseconds(150));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var moved = Move(lab, "avs-westeurope", new[] { "crm-web01" }, cancellation: ctrlC.Token);
            watch.Stop();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "returned after " + watch.Elapsed);
            Assert.Equal(MigrationStatus.Canceled, Assert.Single(lab.Timeline.Tasks).State);
            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "crm-web01"));
            Assert.Empty(moved.OpenActivities());
        }

        [Fact]
        public void A_canceled_task_is_handed_back_canceled_by_a_later_wait()
        {
            var moved = Move(lab, "avs-westeurope", new[] { "crm-web01" }, runAsync: true);
            lab.Timeline.Cancel(moved.Tasks[0]);
            Wait(lab, moved);
            Assert.Equal(MigrationStatus.Canceled, Assert.Single(moved.Results).Status);
            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "crm-web01"));
        }

        [Fact]
        public void A_file_backed_lab_is_saved_once_after_the_moves_and_not_after_a_failure()
        {
            var path = TempPath();
            try
            {
                lab.Save(path);
                Move(lab, "avs-westeurope", new[] { "crm-web01", "crm-web02" });
                var reopened = LabSession.CreateDefault();
                reopened.Open(path);
                Assert.NotNull(reopened.Estate.FindVM("avs-westeurope", "crm-web01"));
                Assert.NotNull(reopened.Estate.FindVM("avs-westeurope", "crm-web02"));
                // The lab's clock went on: moves in a later session come after these.
                Assert.True(reopened.Timeline.VirtualNow > Persistence.LabDocument.DefaultClock);
                Assert.Equal(lab.Timeline.VirtualNow, reopened.Timeline.VirtualNow);

                var written = File.GetLastWriteTimeUtc(path);
                var savedText = File.ReadAllText(path);
                Assert.Equal("DatastoreNotFound", Assert.Single(Move(lab, "avs-westeurope", new[] { "crm-web03" }, datastore: "NoSuchDatastore").Errors).ErrorId);
                lab.RecordMoves();
                Assert.Equal(savedText, File.ReadAllText(path));
                Assert.Equal(written, File.GetLastWriteTimeUtc(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_lab_with_moves_under_way_is_not_replaced()
        {
            var moved = Move(lab, "avs-westeurope", new[] { "crm-web01" }, runAsync: true);
            Assert.Equal("LabBusy", Assert.Throws<HybridException>(() => lab.ResetToDefault()).ErrorId);
            Assert.Single(lab.Timeline.Tasks);

            lab.Timeline.Cancel(moved.Tasks[0]);
            lab.ResetToDefault();
            Assert.Empty(lab.Timeline.Tasks);
        }

        [Fact]
        public void The_time_scale_and_algorithm_travel_with_the_lab_and_a_bad_scale_changes_nothing()
        {
            lab.SetOptions(timeScale: 60, algorithm: MigrationAlgorithm.Xen);
            Assert.Equal(60, lab.Timeline.TimeScale);
            var path = TempPath();
            try
            {
                lab.Save(path);
                var reopened = LabSession.CreateDefault();
                reopened.Open(path);
                Assert.Equal(60, reopened.Options.TimeScale);
                Assert.Equal(MigrationAlgorithm.Xen, reopened.Options.MigrationAlgorithm);
                Assert.Equal(60, reopened.Timeline.TimeScale);
            }
            finally
            {
                File.Delete(path);
            }

            Assert.Equal("ValueOutOfRange", Assert.Throws<HybridException>(() => lab.SetOptions(timeScale: -1)).ErrorId);
            Assert.Equal(60, lab.Options.TimeScale);
        }

        [Fact]
        public void The_lab_algorithm_drives_live_moves()
        {
            lab.SetOptions(algorithm: MigrationAlgorithm.Qemu);
            var qemu = Assert.Single(Move(lab, "avs-westeurope", new[] { "shop-app01" }).Results);
            var vsphere = Assert.Single(Move(LabSession.CreateDefault(), "avs-westeurope", new[] { "shop-app01" }).Results);
            Assert.Equal(MigrationStatus.Succeeded, qemu.Status);
            Assert.NotEqual(qemu.Downtime, vsphere.Downtime);
        }

        [Fact]
        public void Readiness_gives_a_verdict_with_every_check_and_the_predicted_move_and_changes_nothing()
        {
            var target = MoveTarget.Parse("avs-westeurope", null, MigrationType.Auto);
            var ready = LabMoves.Test(lab, lab.Estate.FindVM("onprem-lon", "crm-web01")!, target);
            Assert.NotEqual(ReadinessVerdict.NotReady, ready.Verdict);
            Assert.Equal(MigrationType.vMotion, ready.RecommendedType);
            Assert.Equal(MigrationType.vMotion, ready.EvaluatedType);
            Assert.Equal(RuleCatalog.Rules.Select(r => r.Id).Append(RuleCatalog.SimulationCheckId), ready.Checks.Select(c => c.Id));
            Assert.True(ready.PredictedDuration > TimeSpan.Zero && ready.PredictedDowntime < TimeSpan.FromSeconds(1));
            Assert.Null(ready.Blocker);

            var blocked = LabMoves.Test(lab, lab.Estate.FindVM("onprem-lon", "crm-db01")!, target);
            Assert.Equal(ReadinessVerdict.NotReady, blocked.Verdict);
            Assert.StartsWith("network.mapping: VM 'crm-db01' has a NIC on 'Backup-VLAN300'", blocked.Blocker);
            Assert.Null(blocked.PredictedDuration);
            Assert.All(blocked.Checks.Where(c => c.Status != CheckStatus.Pass), c => Assert.False(string.IsNullOrEmpty(c.Remediation)));

            var cold = LabMoves.Test(lab, lab.Estate.FindVM("onprem-lon", "crm-web01")!, MoveTarget.Parse("avs-westeurope", null, MigrationType.Cold));
            Assert.Equal(MigrationType.Cold, cold.EvaluatedType);
            Assert.Equal(ReadinessVerdict.NotReady, cold.Verdict);
            Assert.StartsWith("state.power:", cold.Blocker);
            Assert.Equal(MigrationType.vMotion, cold.RecommendedType);

            Assert.Empty(lab.Timeline.Tasks);
            Assert.False(lab.Describe().IsModified);
        }

        [Fact]
        public void A_result_lists_the_faults_it_rode_out_apart_from_its_other_warnings()
        {
            var lab = LabSession.CreateDefault();
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = "crm-web01", Phase = MigrationPhase.PreCopy, Duration = TimeSpan.FromSeconds(12) });
            var task = lab.Submit(LabMoves.Plan(lab, lab.Estate.FindVM("onprem-lon", "crm-web01")!, MoveTarget.Parse("avs-westeurope", null, MigrationType.vMotion)));
            lab.WaitFor(new[] { task }, System.Threading.CancellationToken.None);

            Assert.Equal(MigrationStatus.Succeeded, task.Result.Status);
            var ridden = Assert.Single(task.Result.RiddenFaults);
            Assert.StartsWith("fault-1: the link onprem-lon <-> avs-westeurope was down for 12 s", ridden);
            Assert.Contains(ridden, task.Result.Warnings);
            // The cross-vCenter note is a warning of every such move, not a fault it rode out.
            Assert.Contains(task.Result.Warnings, w => w.Contains("performance history"));
        }
    }
}
