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

        private static LiveMigrationInputs VM(double memoryGB = 8, double dirtyMBps = 0, double workingSetMB = 512, double touched = 1, double hotSetMB = 0) => new LiveMigrationInputs
        {
            MemoryBytes = memoryGB * GB,
            TouchedFraction = touched,
            DirtyBytesPerSecond = dirtyMBps * MB,
            HotSetBytes = hotSetMB * MB,
            WorkingSetBytes = workingSetMB * MB,
            RttMs = 1,
        };

        private static LiveMigrationResult Run(LiveMigrationInputs inputs, double linkBytesPerSecond, MigrationAlgorithm algorithm = MigrationAlgorithm.vSphere) =>
            LoneMigration.Run(inputs, linkBytesPerSecond, algorithm);

        /// <summary>
        /// The algorithm as the laws below run it: QEMU with auto-converge on, since without it a hot set larger than
        /// its downtime budget never converges (a law of its own, tested below).
        /// </summary>
        private static MigrationSettings Converging(MigrationAlgorithm algorithm) =>
            MigrationSettings.For(algorithm).With(autoConverge: algorithm == MigrationAlgorithm.Qemu);

        /// <summary>An idle VM moves at the rate its algorithm sends: the link, QEMU's 128 MiB/s default, the prototype's 100 Mb/s first round.</summary>
        [Theory]
        [InlineData(MigrationAlgorithm.vSphere, 10_000)]
        [InlineData(MigrationAlgorithm.Xen, 10_000)]
        [InlineData(MigrationAlgorithm.Qemu, 1073.741824)]
        [InlineData(MigrationAlgorithm.XenAdaptive, 100)]
        public void An_idle_vm_moves_in_about_memory_over_the_rate_with_tiny_downtime(MigrationAlgorithm algorithm, double rateMbps)
        {
            var result = Run(VM(memoryGB: 8), 10 * Gbps, algorithm);
            var bare = 8 * GB / (rateMbps * 1e6 / 8);
            Assert.True(result.Succeeded);
            Assert.InRange(result.DurationSeconds, bare, bare * 1.01 + 0.05);
            Assert.InRange(result.DowntimeSeconds, 0, 0.05);
        }

        [Fact]
        public void Zero_pages_cost_a_header_only_except_in_Xens_save_loop()
        {
            var full = Run(VM(memoryGB: 8, touched: 1), 1 * Gbps);
            var sparse = Run(VM(memoryGB: 8, touched: 0.25), 1 * Gbps);
            Assert.InRange(sparse.MemoryBytesSent, 2 * GB, 2.01 * GB + 4 * MB);
            Assert.True(sparse.DurationSeconds < full.DurationSeconds / 3.5);
            // xc_domain_save sends every page whole: a sparse guest costs as much as a full one.
            var xen = Run(VM(memoryGB: 8, touched: 0.25), 1 * Gbps, MigrationAlgorithm.Xen);
            Assert.True(xen.MemoryBytesSent >= 8 * GB, "Xen sent " + xen.MemoryBytesSent / GB + " GB");
        }

        [Fact]
        public void Rounds_plateau_at_the_hot_set_and_what_is_left_at_the_stop_is_the_hot_set()
        {
            // 10 GbE carries ~1190 MiB/s; the hot set of 300 MiB takes 0.25 s, well within vSphere's 500 ms goal.
            var result = Run(VM(memoryGB: 8, dirtyMBps: 50, workingSetMB: 2048, hotSetMB: 300), 10 * Gbps);
            Assert.True(result.Succeeded);
            var left = result.Rounds.Last().DirtyBytesLeft;
            Assert.InRange(left, 300 * MB, 330 * MB);
            // QEMU without auto-converge on a gigabit link: 300 MiB never fits 300 ms at 119 MiB/s, so the rounds stay at the
            // hot set and what it dirties meanwhile, round after round.
            var qemu = Run(VM(memoryGB: 4, dirtyMBps: 20, workingSetMB: 1024, hotSetMB: 300), 1 * Gbps, MigrationAlgorithm.Qemu);
            var tail = qemu.Rounds.Skip(10).Take(20).Select(r => r.BytesSent).ToList();
            Assert.True(tail.Max() - tail.Min() < 0.01 * tail.Max(), "the rounds should plateau: " + string.Join(", ", tail));
            Assert.True(tail.Min() >= 300 * MB);
        }

        /// <summary>
        /// Where the last round lands under the switchover threshold depends on memory size as well as dirty rate
        /// (a saw-tooth), so the property is of the mean over VMs of several sizes, as a fleet would show it.
        /// </summary>
        private static double MeanDowntime(double dirtyMBps, double linkBytesPerSecond, MigrationAlgorithm algorithm, double hotSetMB = 0) =>
            Enumerable.Range(2, 9).Average(gb => LoneMigration.Run(VM(memoryGB: gb, dirtyMBps: dirtyMBps, workingSetMB: 1536, hotSetMB: hotSetMB), linkBytesPerSecond, Converging(algorithm)).DowntimeSeconds);

        private static void Rises(double[] downtimes, string what, double factor = 1.5)
        {
            for (var i = 1; i < downtimes.Length; i++) Assert.True(downtimes[i] >= downtimes[i - 1] * 0.99, what + ": " + string.Join(", ", downtimes));
            Assert.True(downtimes[downtimes.Length - 1] > factor * downtimes[0], what + ": " + string.Join(", ", downtimes));
        }

        /// <summary>Below the link's rate, where the algorithms that throttle have not started to: with no hot set, the rest at the stop grows with D.</summary>
        [Theory]
        [InlineData(MigrationAlgorithm.vSphere)]
        [InlineData(MigrationAlgorithm.Qemu)]
        [InlineData(MigrationAlgorithm.XenAdaptive)]
        public void Downtime_rises_with_the_dirty_rate(MigrationAlgorithm algorithm) =>
            Rises(new[] { 2.0, 30, 90 }.Select(d => MeanDowntime(d, 1 * Gbps, algorithm)).ToArray(), algorithm.ToString());

        /// <summary>Shipped Xen iterates at link rate until its caps: its rest grows once the guest dirties near or above the link.</summary>
        [Fact]
        public void Downtime_rises_with_the_dirty_rate_under_shipped_Xen() =>
            Rises(new[] { 2.0, 90, 300 }.Select(d => MeanDowntime(d, 1 * Gbps, MigrationAlgorithm.Xen, hotSetMB: 8)).ToArray(), "Xen");

        /// <summary>QEMU's stop rule keeps every downtime under its 300 ms limit, so its rise is the smallest.</summary>
        [Theory]
        [InlineData(MigrationAlgorithm.vSphere, 1.5)]
        [InlineData(MigrationAlgorithm.Xen, 1.5)]
        [InlineData(MigrationAlgorithm.Qemu, 1.2)]
        [InlineData(MigrationAlgorithm.XenAdaptive, 1.5)]
        public void Downtime_rises_with_the_hot_set(MigrationAlgorithm algorithm, double factor) =>
            Rises(new[] { 4.0, 16, 64 }.Select(h => MeanDowntime(20, 1 * Gbps, algorithm, hotSetMB: h)).ToArray(), algorithm.ToString(), factor);

        [Theory]
        [InlineData(MigrationAlgorithm.vSphere)]
        [InlineData(MigrationAlgorithm.Xen)]
        [InlineData(MigrationAlgorithm.Qemu)]
        public void Downtime_falls_with_bandwidth(MigrationAlgorithm algorithm)
        {
            // Below QEMU's 128 MiB/s, so that the link is what differs; a hot set small enough to need no throttling.
            var slow = MeanDowntime(20, 0.2 * Gbps, algorithm, hotSetMB: 2);
            var fast = MeanDowntime(20, 1 * Gbps, algorithm, hotSetMB: 2);
            Assert.True(fast < slow, fast + " vs " + slow);
            Assert.True(LoneMigration.Run(VM(memoryGB: 4, dirtyMBps: 20, hotSetMB: 2), 1 * Gbps, Converging(algorithm)).DurationSeconds
                < LoneMigration.Run(VM(memoryGB: 4, dirtyMBps: 20, hotSetMB: 2), 0.2 * Gbps, Converging(algorithm)).DurationSeconds);
        }

        [Fact]
        public void A_guest_dirtying_faster_than_the_link_converges_on_vSphere_only_by_throttling()
        {
            // 1 Gbps carries 119 MiB/s; the guest rewrites 300 MiB/s over a 4 GiB working set.
            var result = Run(VM(memoryGB: 16, dirtyMBps: 300, workingSetMB: 4096, hotSetMB: 64), 1 * Gbps);
            Assert.True(result.Succeeded);
            Assert.True(result.ThrottlePercent > 50, "throttle " + result.ThrottlePercent);
            Assert.InRange(result.DowntimeSeconds, 0, VSpherePolicy.DefaultSwitchoverGoalSeconds + 0.2);
            var unthrottled = Run(VM(memoryGB: 16, dirtyMBps: 5, workingSetMB: 4096, hotSetMB: 16), 1 * Gbps);
            Assert.Equal(0, unthrottled.ThrottlePercent);
        }

        [Fact]
        public void A_guest_dirtying_faster_than_the_link_does_not_converge_under_QEMU_without_auto_converge()
        {
            var guest = VM(memoryGB: 4, dirtyMBps: 400, workingSetMB: 2048, hotSetMB: 64);
            var plain = Run(guest, 10 * Gbps, MigrationAlgorithm.Qemu);
            Assert.False(plain.Succeeded);
            Assert.Equal("MigrationNotConverging", plain.ErrorId);
            Assert.Equal(0, plain.ThrottlePercent);
            Assert.Null(plain.SwitchoverSeconds);

            var throttled = LoneMigration.Run(guest, 10 * Gbps, MigrationSettings.For(MigrationAlgorithm.Qemu).With(autoConverge: true));
            Assert.True(throttled.Succeeded);
            Assert.True(throttled.ThrottlePercent >= 20);
        }

        [Fact]
        public void A_guest_dirtying_faster_than_the_link_hits_Xens_iteration_or_traffic_cap_with_seconds_of_downtime()
        {
            var result = Run(VM(memoryGB: 2, dirtyMBps: 300, workingSetMB: 1024, hotSetMB: 16), 1 * Gbps, MigrationAlgorithm.Xen);
            Assert.True(result.Succeeded);
            Assert.Equal(0, result.ThrottlePercent);
            var memory = 2 * GB;
            Assert.True(result.Rounds.Count == 29 || result.Rounds.Sum(r => r.BytesSent) > 3 * memory, result.Rounds.Count + " rounds");
            // Stop-and-copy of a nearly whole working set at link rate: seconds of downtime, not milliseconds.
            Assert.True(result.DowntimeSeconds > 5, "downtime " + result.DowntimeSeconds);
        }

        [Fact]
        public void Shipped_Xen_sends_at_link_rate_and_never_more_than_29_live_rounds()
        {
            var result = Run(VM(memoryGB: 1, dirtyMBps: 10, workingSetMB: 256, hotSetMB: 8), 1 * Gbps, MigrationAlgorithm.Xen);
            Assert.True(result.Succeeded);
            var first = result.Rounds[0];
            Assert.Equal(1 * Gbps, first.BytesSent / first.Seconds, 0);
            Assert.Equal(29, result.Rounds.Count);
            // Its hot set is rewritten at once: every round skips it, so the stop-and-copy is what carries it.
            Assert.InRange(result.Rounds.Last().DirtyBytesLeft, 8 * MB, 8.5 * MB);
            Assert.InRange(result.DowntimeSeconds, 8 * MB / Gbps, 8.5 * MB / Gbps + 0.01);
        }

        [Fact]
        public void Shipped_Xen_skips_pages_dirtied_again_before_their_turn()
        {
            // A guest rewriting its 512 MiB working set fast: the first round skips much of it (sent later anyway).
            var result = Run(VM(memoryGB: 2, dirtyMBps: 100, workingSetMB: 512, hotSetMB: 0), 1 * Gbps, MigrationAlgorithm.Xen);
            Assert.InRange(result.Rounds[0].BytesSent, 1.5 * GB, 2 * GB - 256 * MB);
        }

        [Fact]
        public void An_idle_Xen_guest_stops_when_fewer_than_50_pages_are_due()
        {
            var result = Run(VM(memoryGB: 1), 1 * Gbps, MigrationAlgorithm.Xen);
            Assert.Equal(2, result.Rounds.Count);
            Assert.Equal(0, result.Rounds[1].BytesSent);
        }

        [Fact]
        public void The_research_prototype_starts_at_100_Mbps_and_adapts_the_rate_to_the_dirtying()
        {
            var result = Run(VM(memoryGB: 1, dirtyMBps: 10, workingSetMB: 64), 1 * Gbps, MigrationAlgorithm.XenAdaptive);
            var first = result.Rounds[0];
            Assert.Equal(100e6 / 8, first.BytesSent / first.Seconds, 0);
            Assert.True(result.Rounds.Count > 1);
            Assert.All(result.Rounds.Skip(1), r => Assert.InRange(r.BytesSent / r.Seconds, 50e6 / 8 * 0.99, 500e6 / 8 * 1.001));
        }

        [Fact]
        public void Qemu_auto_converge_is_off_by_default_and_throttles_20_then_10_percent_more_when_on()
        {
            Assert.False(MigrationSettings.For(MigrationAlgorithm.Qemu).AutoConverge);
            var result = LoneMigration.Run(VM(memoryGB: 4, dirtyMBps: 400, workingSetMB: 2048), 10 * Gbps, MigrationSettings.For(MigrationAlgorithm.Qemu).With(autoConverge: true));
            Assert.True(result.Succeeded);
            var throttles = result.Rounds.Select(r => r.ThrottlePercent).Where(t => t > 0).Distinct().ToList();
            Assert.Equal(20, throttles[0], 6);
            for (var i = 1; i < throttles.Count; i++) Assert.Equal(throttles[i - 1] + 10, throttles[i], 6);
        }

        [Fact]
        public void Older_QEMU_is_expressed_by_a_30_ms_target_and_a_32_MiB_per_s_cap()
        {
            var guest = VM(memoryGB: 2, dirtyMBps: 5, workingSetMB: 256, hotSetMB: 0.5);
            var old = LoneMigration.Run(guest, 1 * Gbps, MigrationSettings.For(MigrationAlgorithm.Qemu).With(downtimeTargetMs: 30, maxBandwidthMbps: 32 * 1.048576 * 8));
            var today = Run(guest, 1 * Gbps, MigrationAlgorithm.Qemu);
            Assert.True(old.Succeeded && today.Succeeded);
            Assert.InRange(old.Rounds[0].BytesSent / old.Rounds[0].Seconds, 31.99 * MB, 32.01 * MB);
            Assert.True(old.DurationSeconds > 3 * today.DurationSeconds);
            // Each of them stopped with no more pending than its target allowed at the rate it measured.
            Assert.True(old.Rounds.Last().DirtyBytesLeft <= 0.030 * 32 * MB);
            Assert.True(today.Rounds.Last().DirtyBytesLeft <= 0.300 * 1 * Gbps);
        }

        [Fact]
        public void Stop_and_copy_pauses_the_guest_for_the_whole_copy()
        {
            var guest = VM(memoryGB: 4, dirtyMBps: 50, workingSetMB: 1024, hotSetMB: 64);
            var result = LoneMigration.Run(guest, 1 * Gbps, MigrationSettings.For(MigrationAlgorithm.vSphere).With(stopAndCopy: true));
            Assert.True(result.Succeeded);
            Assert.Empty(result.Rounds);
            Assert.InRange(result.DowntimeSeconds, 4 * GB / Gbps, 4 * GB / Gbps + 0.1);
            Assert.Equal(result.DurationSeconds, result.DowntimeSeconds, 6);
        }

        [Fact]
        public void Round_trips_add_to_the_downtime_through_the_handover_handshake()
        {
            double Downtime(double rttMs, MigrationAlgorithm algorithm)
            {
                var vm = VM(memoryGB: 1, dirtyMBps: 5, hotSetMB: 1);
                vm.RttMs = rttMs;
                return Run(vm, 1 * Gbps, algorithm).DowntimeSeconds;
            }

            // At least the last bytes' one-way trip; xl's unpause handshake takes a round trip more.
            foreach (var algorithm in new[] { MigrationAlgorithm.vSphere, MigrationAlgorithm.Qemu, MigrationAlgorithm.Xen })
            {
                Assert.True(Downtime(100, algorithm) - Downtime(1, algorithm) >= 0.0495, algorithm.ToString());
            }

            Assert.True(Downtime(100, MigrationAlgorithm.Xen) - Downtime(1, MigrationAlgorithm.Xen) >= 0.148);
        }

        [Fact]
        public void Device_state_is_sent_once_and_is_small_for_a_small_Xen_guest()
        {
            var xen = PreCopyPolicy.For(MigrationAlgorithm.Xen).DeviceStateBytes(numCpu: 1, devices: 2);
            Assert.InRange(xen, 64 * 1024, 512 * 1024);
            Assert.True(PreCopyPolicy.For(MigrationAlgorithm.vSphere).DeviceStateBytes(8, 4) > PreCopyPolicy.For(MigrationAlgorithm.vSphere).DeviceStateBytes(1, 1));
            // An idle guest's switchover sends nothing but its device state: under 1 ms of it at 10 GbE.
            var idle = Run(VM(memoryGB: 1), 10 * Gbps, MigrationAlgorithm.Xen);
            Assert.InRange(idle.DowntimeSeconds, 0, 0.001 + 1.5 * 0.001);
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
            while (migration.Phase != MigrationPhase.Switchover && clock.Step())
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
