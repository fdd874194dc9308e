using System;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>The knobs of issue 13: per-move algorithm and bandwidth cap, the lab's downtime target and auto-converge, and where VMware's thresholds stop.</summary>
    public class MigrationSettingsTests
    {
        private static Estate NewEstate()
        {
            var lab = LabGenerator.CreateDefault();
            return new Estate(lab.Endpoints, lab.Links, lab.VMs);
        }

        private static MigrationRequest Request(Estate estate, string vm, string destination, MigrationType type = MigrationType.vMotion) => new MigrationRequest
        {
            VMId = estate.VMs.Single(v => v.Name == vm).Id,
            DestinationEndpoint = destination,
            Type = type,
        };

        [Theory]
        [InlineData(MigrationAlgorithm.Xen)]
        [InlineData(MigrationAlgorithm.Qemu)]
        public void Over_a_50_Mbps_path_HCXs_thresholds_are_not_applied_under_a_hypervisors_own_algorithm_and_the_move_goes(MigrationAlgorithm algorithm)
        {
            var estate = NewEstate();
            estate.SetLink("onprem-lon", "ovh-rbx", bandwidthMbps: 50, rttMs: 180, lossPercent: null);
            var request = Request(estate, "crm-web01", "ovh-rbx");

            var vSphere = ReadinessEvaluator.Evaluate(estate, request, MigrationSettings.Default, LabDocument.DefaultClock);
            Assert.Equal(ReadinessVerdict.NotReady, vSphere.Verdict);
            Assert.Equal(CheckStatus.Fail, vSphere.Checks.Single(c => c.Id == "path.bandwidth").Status);

            var settings = MigrationSettings.For(algorithm).With(autoConverge: true);
            var readiness = ReadinessEvaluator.Evaluate(estate, request, settings, LabDocument.DefaultClock);
            foreach (var id in new[] { "path.bandwidth", "path.rtt" })
            {
                var check = readiness.Checks.Single(c => c.Id == id);
                Assert.Equal(CheckStatus.Pass, check.Status);
                Assert.StartsWith("Not applied under the " + algorithm + " algorithm", check.Message);
            }

            Assert.Contains("50 Mbps", readiness.Checks.Single(c => c.Id == "path.bandwidth").Message);
            Assert.NotEqual(ReadinessVerdict.NotReady, readiness.Verdict);

            var plan = ReadinessEvaluator.PlanMove(estate, request, settings, LabDocument.DefaultClock, out _);
            var batch = new MigrationBatch(estate, settings, LabDocument.DefaultClock);
            var run = batch.Add(plan, settings);
            batch.RunToEnd();
            Assert.Equal(MigrationStatus.Succeeded, run.Result.Status);
            Assert.True(run.Result.AverageThroughputMbps <= 50.0001, run.Result.AverageThroughputMbps.ToString());
        }

        [Fact]
        public void A_per_move_bandwidth_cap_slows_every_transfer_of_the_move_and_the_move_alone()
        {
            var estate = NewEstate();
            var free = Request(estate, "crm-app01", "avs-westeurope");
            var capped = Request(estate, "crm-app01", "avs-westeurope");
            capped.MaxBandwidthMbps = 200;
            var fast = MigrationBatch.Predict(ReadinessEvaluator.PlanMove(estate, free, MigrationSettings.Default, LabDocument.DefaultClock, out _), MigrationSettings.Default, LabDocument.DefaultClock);
            var slow = MigrationBatch.Predict(ReadinessEvaluator.PlanMove(estate, capped, MigrationSettings.Default, LabDocument.DefaultClock, out _), MigrationSettings.Default, LabDocument.DefaultClock);
            Assert.Equal(MigrationStatus.Succeeded, slow.Status);
            Assert.True(slow.AverageThroughputMbps <= 200.0001, slow.AverageThroughputMbps.ToString());
            Assert.True(fast.AverageThroughputMbps > 1000);
            Assert.True(slow.Duration > fast.Duration + fast.Duration);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-5.0)]
        [InlineData(double.NaN)]
        [InlineData(400_001.0)]
        public void A_bad_bandwidth_cap_is_ValueOutOfRange_before_anything_is_planned(double mbps)
        {
            var estate = NewEstate();
            var request = Request(estate, "crm-app01", "avs-westeurope");
            request.MaxBandwidthMbps = mbps;
            var error = Assert.Throws<HybridException>(() => ReadinessEvaluator.Evaluate(estate, request, MigrationSettings.Default, LabDocument.DefaultClock));
            Assert.Equal("ValueOutOfRange", error.ErrorId);
            Assert.Contains("MaxBandwidthMbps", error.Message);
            Assert.Equal("ValueOutOfRange", Assert.Throws<HybridException>(() => MigrationPlanner.Plan(estate, request)).ErrorId);
        }

        [Fact]
        public void A_per_move_algorithm_overrides_the_labs()
        {
            var estate = NewEstate();
            var request = Request(estate, "crm-app01", "avs-westeurope");
            request.Algorithm = MigrationAlgorithm.Xen;
            var readiness = ReadinessEvaluator.Evaluate(estate, request, MigrationSettings.Default, LabDocument.DefaultClock);
            Assert.StartsWith("Not applied under the Xen algorithm", readiness.Checks.Single(c => c.Id == "path.bandwidth").Message);
        }

        [Fact]
        public void The_labs_downtime_target_and_auto_converge_are_options_saved_with_it_and_bad_targets_are_refused()
        {
            var session = LabSession.CreateDefault();
            session.SetOptions(algorithm: MigrationAlgorithm.Qemu, downtimeTargetMs: 30, autoConverge: true);
            var described = session.Describe();
            Assert.Equal(30, described.DowntimeTargetMs);
            Assert.True(described.AutoConverge);
            var settings = session.Options.GetMigrationSettings();
            Assert.Equal(0.030, new QemuPolicy(settings).DowntimeLimitSeconds, 9);
            Assert.True(settings.AutoConverge);

            foreach (var bad in new[] { 0.0, -1, double.NaN, 2_000_001 })
            {
                var error = Assert.Throws<HybridException>(() => session.SetOptions(downtimeTargetMs: bad));
                Assert.Equal("ValueOutOfRange", error.ErrorId);
            }

            Assert.Equal(30, session.Describe().DowntimeTargetMs);
            session.SetOptions(clearDowntimeTarget: true);
            Assert.Null(session.Describe().DowntimeTargetMs);
        }

        [Fact]
        public void vSpheres_switchover_goal_follows_the_labs_downtime_target()
        {
            // A hot set of 200 MiB fits 500 ms at 10 GbE but not 100 ms: the tighter goal needs Stun During Page Send.
            var guest = new LiveMigrationInputs { MemoryBytes = 8.0 * (1 << 30), DirtyBytesPerSecond = 20 << 20, HotSetBytes = 200 << 20, WorkingSetBytes = 1 << 30, RttMs = 0.2 };
            var goal500 = LoneMigration.Run(guest, 10e9 / 8, MigrationSettings.Default);
            var goal100 = LoneMigration.Run(guest, 10e9 / 8, MigrationSettings.Default.With(downtimeTargetMs: 100));
            Assert.Equal(0, goal500.ThrottlePercent);
            Assert.True(goal100.ThrottlePercent > 0);
            Assert.True(goal100.DowntimeSeconds < goal500.DowntimeSeconds);
        }
    }
}
