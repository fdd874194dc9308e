using System;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Each fault in each stage gives the outcome a VMware engineer expects, and never a half-moved VM.</summary>
    public class FaultInjectionTests
    {
        private static readonly DateTime Epoch = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        private const string Source = "onprem-lon";
        private const string Avs = "avs-westeurope";
        private const string AvsLink = "onprem-lon <-> avs-westeurope";

        /// <summary>A default lab with its timeline: moves from onprem-lon to AVS, with or without faults.</summary>
        private sealed class Lab
        {
            public Estate Estate { get; }

            public MigrationTimeline Timeline { get; }

            public Lab()
            {
                var doc = LabGenerator.CreateDefault();
                Estate = new Estate(doc.Endpoints, doc.Links, doc.VMs);
                Timeline = new MigrationTimeline(Estate, Epoch);
            }

            public CloudVM VM(string name) => Estate.FindVM(Source, name) ?? Estate.VMs.Single(v => v.Name == name);

            public CloudTask Move(string vm, MigrationType type) => Timeline.Submit(
                MigrationPlanner.Plan(Estate, new MigrationRequest { VMId = VM(vm).Id, DestinationEndpoint = Avs, Type = type }), MigrationAlgorithm.vSphere);

            /// <summary>VMs of onprem-lon the planner can send to AVS (some have networks AVS does not carry).</summary>
            public System.Collections.Generic.IEnumerable<CloudVM> Movable(PowerState power) => Estate.VMs.Where(v =>
            {
                if (v.Endpoint != Source || v.PowerState != power) return false;
                try
                {
                    MigrationPlanner.Plan(Estate, new MigrationRequest { VMId = v.Id, DestinationEndpoint = Avs });
                    return true;
                }
                catch (HybridException)
                {
                    return false;
                }
            });

            public MigrationResult Run(string vm, MigrationType type)
            {
                var task = Move(vm, type);
                Timeline.WaitFor(new[] { task }, CancellationToken.None);
                return task.Result!;
            }
        }

        private static MigrationResult Baseline(string vm, MigrationType type) => new Lab().Run(vm, type);

        /// <summary>The VM is exactly where it was: same endpoint, cluster, host, datastore, disks and networks.</summary>
        private static void AssertAtSource(Lab lab, CloudVM before)
        {
            var after = lab.Estate.FindVMById(before.Id)!;
            Assert.Equal(before.Endpoint, after.Endpoint);
            Assert.Equal(before.Cluster, after.Cluster);
            Assert.Equal(before.VMHost, after.VMHost);
            Assert.Equal(before.Datastore, after.Datastore);
            Assert.Equal(before.PowerState, after.PowerState);
            Assert.Equal(before.HardDisks.Select(d => d.Datastore), after.HardDisks.Select(d => d.Datastore));
            Assert.Equal(before.NetworkAdapters.Select(n => (n.NetworkName, n.MacAddress)), after.NetworkAdapters.Select(n => (n.NetworkName, n.MacAddress)));
            Assert.Null(lab.Estate.FindVM(Avs, before.Name));
            Assert.False(lab.Estate.IsMigrating(before.Id));
        }

        [Fact]
        public void A_link_that_drops_and_returns_within_the_retry_window_lets_the_vmotion_resume()
        {
            var baseline = Baseline("crm-web01", MigrationType.vMotion);
            var lab = new Lab();
            var fault = lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = "crm-web01", Phase = MigrationPhase.PreCopy, Duration = TimeSpan.FromSeconds(12) });

            var result = lab.Run("crm-web01", MigrationType.vMotion);

            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            Assert.Null(result.Fault);
            Assert.Contains(result.Warnings, w => w.StartsWith("fault-1: the link " + AvsLink + " was down for 12 s during pre-copy", StringComparison.Ordinal));
            Assert.True(result.Duration - baseline.Duration >= TimeSpan.FromSeconds(11.9), $"{result.Duration} vs {baseline.Duration}");
            Assert.NotNull(lab.Estate.FindVM(Avs, "crm-web01"));
            Assert.Equal(FaultState.Ended, lab.Timeline.Faults.Single().State);
            Assert.Equal(1, fault.TimesFired);
            // Aimed at what crm-web01's move uses: once fired, it names what it hit.
            Assert.Equal(AvsLink, fault.Target);
        }

        [Fact]
        public void A_link_down_longer_than_the_retry_window_fails_the_vmotion_before_switchover_and_leaves_the_vm_at_its_source()
        {
            var lab = new Lab();
            var before = lab.VM("crm-web01");
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = "crm-web01", Phase = MigrationPhase.PreCopy, Duration = TimeSpan.FromMinutes(5) });

            var result = lab.Run("crm-web01", MigrationType.vMotion);

            Assert.Equal(MigrationStatus.Failed, result.Status);
            Assert.Equal("NetworkTimeout", result.Error);
            Assert.Equal("fault-1", result.Fault);
            Assert.Contains("Migrate.NetTimeout", result.ErrorMessage);
            Assert.Contains("keeps running at its source", result.ErrorMessage);
            Assert.Equal(TimeSpan.Zero, result.Downtime);
            AssertAtSource(lab, before);
            Assert.Equal(1, lab.Timeline.Faults.Single().MigrationsFailed);
        }

        [Fact]
        public void A_cold_copy_also_fails_when_the_link_stays_down()
        {
            var lab = new Lab();
            var vm = lab.Movable(PowerState.PoweredOff).First();
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = vm.Name, Phase = MigrationPhase.DiskCopy });

            var result = lab.Run(vm.Name, MigrationType.Cold);

            Assert.Equal("NetworkTimeout", result.Error);
            AssertAtSource(lab, vm);
        }

        [Fact]
        public void Replication_resumes_from_its_last_checkpoint_after_a_long_outage()
        {
            var baseline = Baseline("crm-web01", MigrationType.Bulk);
            var lab = new Lab();
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = "crm-web01", Phase = MigrationPhase.Replication, Duration = TimeSpan.FromMinutes(10) });
            // Let the replication run a while before the link drops: the time trigger fires mid-copy.
            var result = lab.Run("crm-web01", MigrationType.Bulk);

            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            Assert.Contains(result.Warnings, w => w.Contains("replication resumed from its last checkpoint"));
            Assert.True(result.Duration - baseline.Duration >= TimeSpan.FromMinutes(10));
            Assert.NotNull(lab.Estate.FindVM(Avs, "crm-web01"));
        }

        [Fact]
        public void A_mid_copy_outage_sends_again_only_what_followed_the_last_checkpoint()
        {
            var baseline = Baseline("crm-web01", MigrationType.Bulk);
            var lab = new Lab();
            // 40 s into the replication, the link drops for 10 minutes.
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, Target = AvsLink, At = Epoch.AddSeconds(40), Duration = TimeSpan.FromMinutes(10) });

            var result = lab.Run("crm-web01", MigrationType.Bulk);

            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            var resent = result.DiskTransferredGB - baseline.DiskTransferredGB;
            // The guest's writes during the outage also cross later, so more than the lost part is sent; but the copy
            // was not started over: far less than the whole disk again.
            Assert.True(resent > 0, resent.ToString());
            Assert.True(resent < baseline.DiskTransferredGB / 2, $"{resent} GB sent again of {baseline.DiskTransferredGB} GB");
        }

        [Fact]
        public void Replication_gives_up_after_an_hour_without_the_link()
        {
            var lab = new Lab();
            var before = lab.VM("crm-web01");
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = "crm-web01", Phase = MigrationPhase.Replication, Duration = TimeSpan.FromHours(2) });

            var result = lab.Run("crm-web01", MigrationType.Bulk);

            Assert.Equal("ReplicationTimeout", result.Error);
            Assert.Equal(3600, (result.EndTime - result.StartTime).TotalSeconds, 1.0);
            AssertAtSource(lab, before);
            Assert.Single(lab.Estate.VMs, v => v.Name.StartsWith("crm-web01", StringComparison.Ordinal));
        }

        [Fact]
        public void A_degraded_link_slows_the_moves_on_it_while_it_lasts()
        {
            var baseline = Baseline("crm-web01", MigrationType.vMotion);
            var lab = new Lab();
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDegraded, VM = "crm-web01", Phase = MigrationPhase.DiskCopy, BandwidthMbps = 200, RttMs = 40 });

            var result = lab.Run("crm-web01", MigrationType.vMotion);

            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            Assert.True(result.Duration > baseline.Duration * 3, $"{result.Duration} vs {baseline.Duration}");
            Assert.Equal(FaultState.Active, lab.Timeline.Faults.Single().State);
        }

        [Theory]
        [InlineData(MigrationType.vMotion, MigrationPhase.DiskCopy)]
        [InlineData(MigrationType.vMotion, MigrationPhase.PreCopy)]
        [InlineData(MigrationType.vMotion, MigrationPhase.Switchover)]
        [InlineData(MigrationType.RAV, MigrationPhase.Replication)]
        [InlineData(MigrationType.Bulk, MigrationPhase.Switchover)]
        public void A_destination_host_failure_fails_the_move_and_leaves_the_vm_at_its_source(MigrationType type, MigrationPhase phase)
        {
            var lab = new Lab();
            var before = lab.VM("crm-web01");
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.DestinationHostFailure, VM = "crm-web01", Phase = phase });

            var result = lab.Run("crm-web01", type);

            Assert.Equal("DestinationHostFailed", result.Error);
            Assert.Equal("fault-1", result.Fault);
            AssertAtSource(lab, before);
        }

        [Fact]
        public void A_full_destination_datastore_fails_the_disk_copy_and_changes_no_free_space()
        {
            var lab = new Lab();
            var before = lab.VM("crm-web01");
            var free = lab.Estate.FindEndpoint(Avs)!.Datastores.Select(d => d.FreeSpaceGB).ToArray();
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.DatastoreFull, VM = "crm-web01", Phase = MigrationPhase.DiskCopy });

            var result = lab.Run("crm-web01", MigrationType.vMotion);

            Assert.Equal("DatastoreFull", result.Error);
            Assert.Contains("partial copy was deleted", result.ErrorMessage);
            AssertAtSource(lab, before);
            Assert.Equal(free, lab.Estate.FindEndpoint(Avs)!.Datastores.Select(d => d.FreeSpaceGB).ToArray());
        }

        [Fact]
        public void A_full_datastore_also_refuses_moves_that_start_writing_to_it_while_it_is_full()
        {
            var lab = new Lab();
            var datastore = MigrationPlanner.Plan(lab.Estate, new MigrationRequest { VMId = lab.VM("crm-web02").Id, DestinationEndpoint = Avs }).DestinationDatastore.Name;
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.DatastoreFull, Target = Avs + "/" + datastore, At = Epoch });
            lab.Timeline.CatchUp();

            var result = lab.Run("crm-web02", MigrationType.Bulk);

            Assert.Equal("DatastoreFull", result.Error);
            Assert.Equal(FaultState.Active, lab.Timeline.Faults.Single().State);
        }

        [Theory]
        [InlineData(MigrationType.vMotion)]
        [InlineData(MigrationType.RAV)]
        [InlineData(MigrationType.Bulk)]
        public void A_stalled_switchover_times_out_after_100_s_with_the_vm_resumed_at_its_source(MigrationType type)
        {
            var lab = new Lab();
            var before = lab.VM("crm-web01");
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.SwitchoverTimeout, VM = "crm-web01", Phase = type == MigrationType.Bulk ? MigrationPhase.Replication : MigrationPhase.PreCopy });

            var result = lab.Run("crm-web01", type);

            Assert.Equal("SwitchoverTimeout", result.Error);
            Assert.Equal("fault-1", result.Fault);
            // The guest was stunned for the whole stalled switchover, then resumed at the source.
            Assert.Equal(MigrationBatch.SwitchoverLimitSeconds, result.Downtime.TotalSeconds, 0.001);
            AssertAtSource(lab, before);
            Assert.DoesNotContain(lab.Estate.VMs, v => v.Name.Contains("POSTMIGRATION"));
        }

        [Fact]
        public void A_source_host_failure_during_precopy_is_an_ha_restart_at_the_source()
        {
            var lab = new Lab();
            var before = lab.VM("crm-web01");
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.SourceHostFailure, VM = "crm-web01", Phase = MigrationPhase.PreCopy });

            var result = lab.Run("crm-web01", MigrationType.vMotion);

            Assert.Equal("SourceHostFailed", result.Error);
            Assert.Contains("vSphere HA restarted the VM on", result.ErrorMessage);
            Assert.Equal(TimeSpan.FromSeconds(45), result.Downtime);
            var after = lab.Estate.FindVMById(before.Id)!;
            Assert.Equal(Source, after.Endpoint);
            Assert.Equal(before.Cluster, after.Cluster);
            Assert.NotEqual(before.VMHost, after.VMHost);
            Assert.Equal(PowerState.PoweredOn, after.PowerState);
            Assert.Null(lab.Estate.FindVM(Avs, "crm-web01"));
            // Every other VM that ran on the failed host was restarted too: none runs there now.
            Assert.DoesNotContain(lab.Estate.VMs, v => v.Endpoint == Source && v.VMHost == before.VMHost && v.PowerState == PowerState.PoweredOn);
            Assert.True(lab.Timeline.EstateChanges > 0);
        }

        [Fact]
        public void A_source_host_failure_during_replication_waits_for_the_restart_and_resumes()
        {
            var lab = new Lab();
            var before = lab.VM("crm-web01");
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.SourceHostFailure, Target = Source + "/" + before.VMHost, At = Epoch.AddSeconds(30) });

            var result = lab.Run("crm-web01", MigrationType.Bulk);

            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            Assert.Contains(result.Warnings, w => w.Contains("vSphere HA restarted the VM") && w.Contains("resumed from its last checkpoint"));
            Assert.NotNull(lab.Estate.FindVM(Avs, "crm-web01"));
        }

        [Fact]
        public void A_fault_at_a_time_fires_then_and_is_listed_with_what_it_did()
        {
            var lab = new Lab();
            var fault = lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, Target = "avs-westeurope<->onprem-lon", At = Epoch.AddSeconds(5), Duration = TimeSpan.FromMinutes(2) });
            Assert.Equal(FaultState.Scheduled, fault.State);
            Assert.Equal(AvsLink, fault.Target);
            Assert.Equal("at 2026-11-23 08:00:05", fault.Trigger);

            var result = lab.Run("crm-web01", MigrationType.vMotion);

            Assert.Equal(Epoch.AddSeconds(5), fault.FiredAt);
            Assert.Equal("NetworkTimeout", result.Error);
            Assert.Equal(Epoch.AddSeconds(25), result.EndTime);
        }

        [Fact]
        public void Clearing_a_fault_brings_the_link_back_at_once()
        {
            var lab = new Lab();
            var fault = lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, Target = AvsLink, At = Epoch });
            var task = lab.Move("crm-web01", MigrationType.Bulk);
            lab.Timeline.ClearFault(fault);
            lab.Timeline.WaitFor(new[] { task }, CancellationToken.None);

            Assert.Equal(FaultState.Cleared, fault.State);
            Assert.Equal(0, fault.TimesFired);
            Assert.Equal(MigrationStatus.Succeeded, task.Result!.Status);
        }

        [Fact]
        public void Random_faults_with_the_same_seed_replay_the_same_way()
        {
            string Outcomes(int seed)
            {
                var lab = new Lab();
                lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, RatePerHour = 30, Seed = seed, Duration = TimeSpan.FromSeconds(40) });
                lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.SourceHostFailure, RatePerHour = 6, Seed = seed + 1 });
                var tasks = lab.Movable(PowerState.PoweredOn).Take(30).ToList()
                    .Select((v, i) => lab.Move(v.Name, i % 2 == 0 ? MigrationType.Bulk : MigrationType.vMotion)).ToList();
                lab.Timeline.WaitFor(tasks, CancellationToken.None);
                Assert.True(lab.Timeline.Faults.Sum(f => f.TimesFired) > 0);
                return string.Join("\n", tasks.Select(t => $"{t.Result!.VM} {t.Result.Status} {t.Result.Error} {t.Result.EndTime:O}"));
            }

            Assert.Equal(Outcomes(7), Outcomes(7));
            Assert.NotEqual(Outcomes(7), Outcomes(8));
        }

        [Fact]
        public void A_random_fault_sleeps_while_nothing_moves_so_waiting_never_runs_forever()
        {
            var lab = new Lab();
            lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, RatePerHour = 60, Seed = 1 });
            var result = lab.Run("crm-web01", MigrationType.vMotion);
            Assert.NotEqual(MigrationStatus.Running, result.Status);
            Assert.Equal(0, lab.Timeline.UnfinishedCount);
        }

        public static TheoryData<string, FaultSpec> BadSpecs() => new TheoryData<string, FaultSpec>
        {
            { "FaultTriggerInvalid", new FaultSpec { Kind = FaultKind.LinkDown, Target = AvsLink } },
            { "FaultTriggerInvalid", new FaultSpec { Kind = FaultKind.LinkDown, Target = AvsLink, At = Epoch, RatePerHour = 1 } },
            { "FaultTriggerInvalid", new FaultSpec { Kind = FaultKind.LinkDown, Target = AvsLink, At = Epoch.AddSeconds(-1) } },
            { "FaultTriggerInvalid", new FaultSpec { Kind = FaultKind.LinkDown, VM = "crm-web01" } },
            { "VMNotFound", new FaultSpec { Kind = FaultKind.LinkDown, VM = "ghost01", Phase = MigrationPhase.PreCopy } },
            { "FaultTargetNotFound", new FaultSpec { Kind = FaultKind.LinkDown, Target = "onprem-lon <-> mars", At = Epoch } },
            { "FaultTargetNotFound", new FaultSpec { Kind = FaultKind.LinkDown, Target = "onprem-lon", At = Epoch } },
            { "FaultTargetNotFound", new FaultSpec { Kind = FaultKind.SourceHostFailure, Target = "onprem-lon/esx-nowhere", At = Epoch } },
            { "FaultTargetNotFound", new FaultSpec { Kind = FaultKind.DatastoreFull, Target = "avs-westeurope/none", At = Epoch } },
            { "FaultSpecificationInvalid", new FaultSpec { Kind = FaultKind.LinkDegraded, Target = AvsLink, At = Epoch } },
            { "FaultSpecificationInvalid", new FaultSpec { Kind = FaultKind.LinkDown, Target = AvsLink, At = Epoch, RttMs = 50 } },
            { "FaultSpecificationInvalid", new FaultSpec { Kind = FaultKind.SwitchoverTimeout, VM = "crm-web01", Phase = MigrationPhase.PreCopy, Duration = TimeSpan.FromSeconds(5) } },
            { "FaultSpecificationInvalid", new FaultSpec { Kind = FaultKind.DatastoreFull, At = Epoch } },
            { "ValueOutOfRange", new FaultSpec { Kind = FaultKind.LinkDown, RatePerHour = 0 } },
            { "ValueOutOfRange", new FaultSpec { Kind = FaultKind.LinkDown, RatePerHour = double.NaN } },
            { "ValueOutOfRange", new FaultSpec { Kind = FaultKind.LinkDown, Target = AvsLink, At = Epoch, Duration = TimeSpan.Zero } },
            { "ValueOutOfRange", new FaultSpec { Kind = FaultKind.LinkDegraded, Target = AvsLink, At = Epoch, LossPercent = 100 } },
            { "ValueOutOfRange", new FaultSpec { Kind = FaultKind.LinkDegraded, Target = AvsLink, At = Epoch, BandwidthMbps = -1 } },
            // A degraded link's figures are held to Set-CloudLink's ranges.
            { "ValueOutOfRange", new FaultSpec { Kind = FaultKind.LinkDegraded, Target = AvsLink, At = Epoch, RttMs = 2500 } },
            { "ValueOutOfRange", new FaultSpec { Kind = FaultKind.LinkDegraded, Target = AvsLink, At = Epoch, BandwidthMbps = 500_000 } },
        };

        [Theory]
        [MemberData(nameof(BadSpecs))]
        public void A_bad_fault_is_refused_with_a_documented_error_and_nothing_is_scheduled(string errorId, FaultSpec spec)
        {
            var lab = new Lab();
            var error = Assert.Throws<HybridException>(() => lab.Timeline.AddFault(spec));
            Assert.Equal(errorId, error.ErrorId);
            Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
            Assert.Empty(lab.Timeline.Faults);
            Assert.Equal(0, lab.Estate.VMs.Count(v => lab.Estate.IsMigrating(v.Id)));
        }

        [Fact]
        public void A_host_named_on_two_endpoints_must_be_named_with_its_endpoint()
        {
            var doc = LabGenerator.CreateDefault();
            var hostNames = doc.Endpoints.SelectMany(e => e.Clusters.SelectMany(c => c.Hosts).Select(h => (e.Name, h.Name))).ToList();
            var shared = hostNames.GroupBy(h => h.Item2).FirstOrDefault(g => g.Count() > 1);
            var lab = new Lab();
            if (shared == null)
            {
                // Every host name is unique in the default lab: the bare name is enough.
                var (endpoint, host) = hostNames[0];
                Assert.Equal(endpoint + "/" + host, lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.SourceHostFailure, Target = host, At = Epoch }).Target);
                return;
            }

            var error = Assert.Throws<HybridException>(() => lab.Timeline.AddFault(new FaultSpec { Kind = FaultKind.SourceHostFailure, Target = shared.Key, At = Epoch }));
            Assert.Equal("FaultTargetAmbiguous", error.ErrorId);
        }
    }
}
