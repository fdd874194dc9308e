using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>The qualitative behaviour MODEL.md asks of the live-migration model, one property per test.</summary>
    public class LiveMigrationModelTests
    {
        private const double MB = 1024 * 1024;
        private const double GB = 1024 * MB;
        private const double Gbps = 1e9 / 8;

        private static LiveMigrationInputs VM(double memoryGB = 8, double dirtyMBps = 0, double workingSetMB = 512, double touched = 1) => new LiveMigrationInputs
        {
            MemoryBytes = memoryGB * GB,
            TouchedFraction = touched,
            DirtyBytesPerSecond = dirtyMBps * MB,
            WorkingSetBytes = workingSetMB * MB,
            RttMs = 1,
        };

        private static LiveMigrationResult Run(LiveMigrationInputs inputs, double linkBytesPerSecond, MigrationAlgorithm algorithm = MigrationAlgorithm.vSphere) =>
            LoneMigration.Run(inputs, linkBytesPerSecond, algorithm);

        [Fact]
        public void An_idle_vm_moves_in_about_memory_over_bandwidth_with_tiny_downtime()
        {
            var result = Run(VM(memoryGB: 8), 10 * Gbps);
            Assert.True(result.Succeeded);
            Assert.InRange(result.DurationSeconds, 8 * GB / (10 * Gbps), 8 * GB / (10 * Gbps) * 1.05 + 0.2);
            Assert.InRange(result.DowntimeSeconds, 0, 0.2);
            Assert.Single(result.Rounds);
        }

        [Fact]
        public void Zero_pages_cost_a_header_only()
        {
            var full = Run(VM(memoryGB: 8, touched: 1), 1 * Gbps);
            var sparse = Run(VM(memoryGB: 8, touched: 0.25), 1 * Gbps);
            Assert.InRange(sparse.MemoryBytesSent, 2 * GB, 2.01 * GB + 4 * MB);
            Assert.True(sparse.DurationSeconds < full.DurationSeconds / 3.5);
        }

        /// <summary>
        /// Where the last round lands under the switchover threshold depends on memory size as well as dirty rate
        /// (a saw-tooth), so the property is of the mean over VMs of several sizes, as a fleet would show it.
        /// </summary>
        private static double MeanDowntime(double dirtyMBps, double linkBytesPerSecond, MigrationAlgorithm algorithm) =>
            Enumerable.Range(2, 9).Average(gb => Run(VM(memoryGB: gb, dirtyMBps: dirtyMBps, workingSetMB: 1536), linkBytesPerSecond, algorithm).DowntimeSeconds);

        [Theory]
        [InlineData(MigrationAlgorithm.vSphere)]
        [InlineData(MigrationAlgorithm.Xen)]
        [InlineData(MigrationAlgorithm.Qemu)]
        public void Downtime_rises_with_the_dirty_rate(MigrationAlgorithm algorithm)
        {
            var downtimes = new[] { 2.0, 30, 90 }.Select(d => MeanDowntime(d, 1 * Gbps, algorithm)).ToArray();
            for (var i = 1; i < downtimes.Length; i++) Assert.True(downtimes[i] > downtimes[i - 1], algorithm + ": " + string.Join(", ", downtimes));
        }

        [Theory]
        [InlineData(MigrationAlgorithm.vSphere)]
        [InlineData(MigrationAlgorithm.Xen)]
        [InlineData(MigrationAlgorithm.Qemu)]
        public void Downtime_falls_with_bandwidth(MigrationAlgorithm algorithm)
        {
            // Below the rate limits of Xen (500 Mb/s) and QEMU (128 MiB/s), so that the link is what differs.
            var slow = MeanDowntime(20, 0.2 * Gbps, algorithm);
            var fast = MeanDowntime(20, 1 * Gbps, algorithm);
            Assert.True(fast < slow, fast + " vs " + slow);
            Assert.True(Run(VM(memoryGB: 4, dirtyMBps: 20), 1 * Gbps, algorithm).DurationSeconds < Run(VM(memoryGB: 4, dirtyMBps: 20), 0.2 * Gbps, algorithm).DurationSeconds);
        }

        [Fact]
        public void A_guest_dirtying_faster_than_the_link_converges_on_vSphere_only_by_throttling()
        {
            // 1 Gbps carries 119 MiB/s; the guest rewrites 300 MiB/s over a 4 GiB hot set.
            var result = Run(VM(memoryGB: 16, dirtyMBps: 300, workingSetMB: 4096), 1 * Gbps);
            Assert.True(result.Succeeded);
            Assert.True(result.ThrottlePercent > 50, "throttle " + result.ThrottlePercent);
            Assert.InRange(result.DowntimeSeconds, 0, VSpherePolicy.SwitchoverGoalSeconds + 0.2);
            var unthrottled = Run(VM(memoryGB: 16, dirtyMBps: 5, workingSetMB: 4096), 1 * Gbps);
            Assert.Equal(0, unthrottled.ThrottlePercent);
        }

        [Fact]
        public void A_guest_dirtying_faster_than_the_link_hits_Xens_round_or_traffic_caps()
        {
            var result = Run(VM(memoryGB: 2, dirtyMBps: 300, workingSetMB: 1024), 1 * Gbps, MigrationAlgorithm.Xen);
            Assert.True(result.Succeeded);
            Assert.Equal(0, result.ThrottlePercent);
            var memory = 2 * GB;
            var stoppedByCap = result.Rounds.Count >= XenPolicy.MaxRounds
                || result.Rounds.Sum(r => r.BytesSent) >= 3 * memory
                || result.Rounds.Last().DirtyBytesLeft / result.Rounds.Last().Seconds >= XenPolicy.MaxRate;
            Assert.True(stoppedByCap);
            // Stop-and-copy of a nearly whole hot set at 500 Mb/s: seconds of downtime, not milliseconds.
            Assert.True(result.DowntimeSeconds > 5, "downtime " + result.DowntimeSeconds);
        }

        [Fact]
        public void Xen_starts_at_100_Mbps_and_adapts_the_rate_to_the_dirtying()
        {
            var result = Run(VM(memoryGB: 1, dirtyMBps: 10, workingSetMB: 64), 1 * Gbps, MigrationAlgorithm.Xen);
            var first = result.Rounds[0];
            Assert.Equal(XenPolicy.FirstRoundRate, first.BytesSent / first.Seconds, 0);
            Assert.True(result.Rounds.Count > 1);
            Assert.All(result.Rounds.Skip(1), r => Assert.InRange(r.BytesSent / r.Seconds, XenPolicy.RateStep * 0.99, XenPolicy.MaxRate * 1.001));
        }

        [Fact]
        public void Qemu_auto_converge_throttles_20_then_10_percent_more()
        {
            var result = Run(VM(memoryGB: 4, dirtyMBps: 400, workingSetMB: 2048), 10 * Gbps, MigrationAlgorithm.Qemu);
            Assert.True(result.Succeeded);
            var throttles = result.Rounds.Select(r => r.ThrottlePercent).Where(t => t > 0).Distinct().ToList();
            Assert.Equal(20, throttles[0], 6);
            for (var i = 1; i < throttles.Count; i++) Assert.Equal(throttles[i - 1] + 10, throttles[i], 6);
        }

        [Fact]
        public void Round_trip_time_lowers_throughput_through_the_window_limit()
        {
            double Duration(double rttMs)
            {
                var vm = VM(memoryGB: 8);
                vm.RttMs = rttMs;
                vm.FlowCapBytesPerSecond = TransportLimits.StreamsBytesPerSecond(4, 4 * MB, rttMs, 0);
                return Run(vm, 10 * Gbps).DurationSeconds;
            }

            var lan = Duration(1);
            var metro = Duration(10);
            var transatlantic = Duration(100);
            Assert.True(lan <= metro && metro < transatlantic, lan + ", " + metro + ", " + transatlantic);
            Assert.InRange(transatlantic / metro, 5, 12);
        }

        [Fact]
        public void Loss_lowers_throughput_as_Mathis_says()
        {
            var clean = TransportLimits.StreamsBytesPerSecond(1, 64 * MB, 100, 0);
            var lossy = TransportLimits.StreamsBytesPerSecond(1, 64 * MB, 100, 0.01);
            var lossier = TransportLimits.StreamsBytesPerSecond(1, 64 * MB, 100, 0.04);
            Assert.True(lossy < clean);
            // Quadrupling the loss halves the rate: C/sqrt(p).
            Assert.Equal(2.0, lossy / lossier, 6);
        }

        [Fact]
        public void Concurrent_moves_on_one_link_each_take_longer_but_the_batch_finishes_sooner_than_in_series()
        {
            const int count = 8;
            LiveMigrationInputs Capped()
            {
                var vm = VM(memoryGB: 4, dirtyMBps: 2, workingSetMB: 128);
                vm.FlowCapBytesPerSecond = 2 * Gbps;
                return vm;
            }

            var alone = Run(Capped(), 10 * Gbps);

            var clock = new EventQueue();
            var link = new SharedLink(clock, 10 * Gbps);
            var results = new List<LiveMigrationResult>();
            for (var i = 0; i < count; i++) new LiveMigration(clock, link, Capped(), new VSpherePolicy(), results.Add).Start();
            clock.RunToEnd();

            Assert.Equal(count, results.Count);
            Assert.All(results, r => Assert.True(r.Succeeded && r.DurationSeconds > alone.DurationSeconds * 1.2));
            var batch = results.Max(r => r.EndSeconds);
            Assert.True(batch < count * alone.DurationSeconds / 2, batch + " vs series " + count * alone.DurationSeconds);
        }

        [Fact]
        public void Disks_move_first_when_no_datastore_is_shared_and_writes_add_to_the_traffic()
        {
            var vm = VM(memoryGB: 4);
            vm.DiskBytes = 100 * GB;
            vm.DiskWriteBytesPerSecond = 20 * MB;
            var result = Run(vm, 10 * Gbps);
            Assert.True(result.DiskBytesSent > 100 * GB);
            Assert.InRange(result.DiskBytesSent - 100 * GB, 20 * MB * (100 * GB / (10 * Gbps)) * 0.9, 20 * MB * (100 * GB / (10 * Gbps)) * 1.2);
            Assert.True(result.DurationSeconds > (104 * GB) / (10 * Gbps));
        }

        [Fact]
        public void A_switchover_that_would_exceed_100_seconds_fails_and_leaves_the_vm_at_its_source()
        {
            // A 2 Mbps path and a guest whose hot set cannot shrink below what takes minutes to send.
            var vm = VM(memoryGB: 1, dirtyMBps: 400, workingSetMB: 800);
            var result = Run(vm, 2e6 / 8);
            Assert.False(result.Succeeded);
            Assert.Equal("SwitchoverTimeout", result.ErrorId);
            Assert.Equal(0, result.DowntimeSeconds);
            Assert.Contains("keeps running at its source", result.ErrorMessage);
        }

        [Fact]
        public void A_cancel_stops_the_transfer_and_says_so()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 1 * Gbps);
            LiveMigrationResult? result = null;
            var migration = new LiveMigration(clock, link, VM(memoryGB: 8), new VSpherePolicy(), r => result = r);
            migration.Start();
            clock.At(3, migration.Cancel);
            clock.RunToEnd();
            Assert.False(result!.Succeeded);
            Assert.Equal("Canceled", result.ErrorId);
            Assert.Equal(3, result.EndSeconds, 6);
            Assert.Equal(0, link.ActiveFlows);
        }

        [Fact]
        public void A_cancel_during_the_handover_stands_and_reports_the_stun_so_far()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 10 * Gbps);
            var results = new List<LiveMigrationResult>();
            var migration = new LiveMigration(clock, link, VM(memoryGB: 1), new VSpherePolicy(), results.Add);
            migration.Start();
            // Run until the final copy is done and only the handover remains, then cancel.
            while (migration.Phase != "switchover" && clock.Step())
            {
            }

            var stopped = clock.Now;
            while (link.ActiveFlows > 0 && clock.Step())
            {
            }

            var canceled = clock.Now;
            migration.Cancel();
            clock.RunToEnd();
            var result = Assert.Single(results);
            Assert.False(result.Succeeded);
            Assert.Equal("Canceled", result.ErrorId);
            // The guest was stopped from the switchover until the cancel resumed it at the source: that is its downtime.
            Assert.True(canceled > stopped);
            Assert.Equal(canceled - stopped, result.DowntimeSeconds, 9);
        }

        [Fact]
        public void The_same_inputs_give_the_same_result()
        {
            var a = Run(VM(memoryGB: 6, dirtyMBps: 70, workingSetMB: 900), 1 * Gbps);
            var b = Run(VM(memoryGB: 6, dirtyMBps: 70, workingSetMB: 900), 1 * Gbps);
            Assert.Equal(a.DurationSeconds, b.DurationSeconds);
            Assert.Equal(a.DowntimeSeconds, b.DowntimeSeconds);
            Assert.Equal(a.Rounds.Select(r => r.BytesSent), b.Rounds.Select(r => r.BytesSent));
        }
    }
}
