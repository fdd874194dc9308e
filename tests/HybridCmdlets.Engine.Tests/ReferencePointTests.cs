using System;
using System.Linq;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// MODEL.md's "Published reference points": each test builds the published experiment's workload from the
    /// figures the source reports, runs it under the matching pre-copy algorithm, and holds the model to the
    /// published result within a stated tolerance. Where a source leaves a parameter unstated, the assumption made
    /// (and what it is derived from) is named beside it.
    /// The per-run details of Clark et al. used below (800 MB and 64 MB guests, 676.8 MB in the first round,
    /// 18.2 MB and 148 KB left for the last, the 9 ms and 40 ms start-up) are from the paper's Figures 10 and 12
    /// as recalled when this was written; only the headline 210 ms and 60 ms were checked against a copy of its text.
    /// </summary>
    public class ReferencePointTests
    {
        private const double KiB = 1024;
        private const double MiB = 1024 * KiB;
        private const double GiB = 1024 * MiB;
        private const double Mbps = 1e6 / 8;
        private const double Gbps = 1e9 / 8;

        private static LiveMigrationResult Run(LiveMigrationInputs inputs, double linkBytesPerSecond, MigrationAlgorithm algorithm) =>
            LoneMigration.Run(inputs, linkBytesPerSecond, algorithm);

        private static string Describe(LiveMigrationResult r) => string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "downtime {0:0.0} ms, total {1:0.0} s, {2} rounds, last round left {3:0.00} MiB",
            r.DowntimeSeconds * 1000, r.DurationSeconds, r.Rounds.Count, r.Rounds.Last().DirtyBytesLeft / MiB);

        /// <summary>
        /// Clark et al. 2005, SPECweb99 (350 clients, 90% of peak) in an 800 MB Xen guest over switched gigabit
        /// Ethernet, under the paper's prototype (XenAdaptive: 100 to 500 Mb/s): 210 ms of downtime.
        /// The paper gives no dirty rate. Workload assumptions, from what it reports for this run (as recalled when this
        /// was written): the first round sent 676.8 MB of the 800 MB, so the rest, 123.2 MB, is the writable working set
        /// the server rewrote during those 54 s (Xen skips such pages); 18.2 MB were left for the last round, which the
        /// model's hot set is by definition. The wider set is dirtied at 100 Mb/s, a guess bounded by the 500 Mb/s the
        /// prototype never reached before stopping on its 29 rounds.
        /// </summary>
        [Fact]
        public void Clark_2005_SPECweb99_migrates_with_about_210_ms_of_downtime()
        {
            var vm = new LiveMigrationInputs
            {
                MemoryBytes = 800 * MiB,
                WorkingSetBytes = (800 - 676.8) * MiB,
                HotSetBytes = 18.2 * MiB,
                DirtyBytesPerSecond = 100 * Mbps,
                RttMs = 0.1,
            };

            var result = Run(vm, 1 * Gbps, MigrationAlgorithm.XenAdaptive);

            Assert.True(result.Succeeded);
            // ±50%: the workload is only partly reported.
            Assert.True(Math.Abs(result.DowntimeSeconds - 0.210) <= 0.5 * 0.210, Describe(result));
        }

        /// <summary>
        /// Clark et al. 2005, a Quake 3 server (6 players) in a 64 MB Xen guest over gigabit Ethernet: 60 ms of
        /// downtime, the lowest the paper records, with a last round of 148 KB. The model has no fitted handover cost:
        /// what it counts is that last round, the device state and xl's unpause handshake, which at 500 Mb/s come to a
        /// few milliseconds. The rest of the paper's 60 ms is the guest's own suspend and resume, which no source
        /// sizes, so the model holds this point only as a bound: never more downtime than the paper measured (+50%).
        /// </summary>
        [Fact]
        public void Clark_2005_Quake3_downtime_is_no_more_than_about_60_ms()
        {
            foreach (var dirtyMiBps in new[] { 0.5, 2, 8 })
            {
                var vm = new LiveMigrationInputs
                {
                    MemoryBytes = 64 * MiB,
                    WorkingSetBytes = 16 * MiB,
                    HotSetBytes = 148 * KiB,
                    DirtyBytesPerSecond = dirtyMiBps * MiB,
                    RttMs = 0.1,
                };

                var result = Run(vm, 1 * Gbps, MigrationAlgorithm.XenAdaptive);

                Assert.True(result.Succeeded);
                Assert.True(result.DowntimeSeconds <= 1.5 * 0.060, "D " + dirtyMiBps + " MiB/s: " + Describe(result));
                Assert.True(result.DowntimeSeconds >= 148 * KiB / (500 * Mbps), "the last round alone takes this long: " + Describe(result));
            }
        }

        /// <summary>
        /// Nelson et al. 2005 (VMotion): "for a variety of workloads, application downtime caused by migration is
        /// less than a second". The paper's workload list and VM sizes were not reachable from here, so the
        /// assumption is a spread of 2005-era VMs on the gigabit Ethernet VMotion used, from idle to a guest
        /// rewriting a large working set at two thirds of the link rate, all slower than the link, each with a hot set
        /// of a few percent of its memory (VMotion of 2005 had no Stun During Page Send, so the test also requires
        /// that none of these needed it).
        /// </summary>
        [Theory]
        [InlineData("idle server", 0.5, 1, 4, 32)]
        [InlineData("kernel compile", 0.5, 20, 8, 128)]
        [InlineData("database server", 1, 40, 32, 512)]
        [InlineData("memory-heavy", 1, 80, 4, 768)]
        [InlineData("large memory-heavy", 2, 80, 4, 1536)]
        public void Nelson_2005_VMotion_downtime_is_under_one_second(string workload, double memoryGiB, double dirtyMiBps, double hotSetMiB, double workingSetMiB)
        {
            var vm = new LiveMigrationInputs
            {
                MemoryBytes = memoryGiB * GiB,
                DirtyBytesPerSecond = dirtyMiBps * MiB,
                HotSetBytes = hotSetMiB * MiB,
                WorkingSetBytes = workingSetMiB * MiB,
                RttMs = 0.2,
            };

            var result = Run(vm, 1 * Gbps, MigrationAlgorithm.vSphere);

            Assert.True(result.Succeeded, workload);
            Assert.Equal(0, result.ThrottlePercent);
            // No tolerance: the published figure is itself a bound.
            Assert.True(result.DowntimeSeconds < 1.0, workload + ": " + Describe(result));
        }

        /// <summary>
        /// QEMU's defaults (migration/options.c): max-bandwidth MAX_THROTTLE = 128 MiB/s, downtime-limit 300 ms;
        /// switch over when pending &lt;= bandwidth x downtime limit (migration.c, threshold_size); auto-converge
        /// (migration/ram.c, migration_trigger_throttle): when the bytes dirtied in a sync period exceed
        /// throttle-trigger-threshold (50%) of the bytes sent in it for the second time, throttle at
        /// cpu-throttle-initial (20%), then add cpu-throttle-increment (10%), up to max-cpu-throttle (99%).
        /// The workload (a 4 GiB guest rewriting a 2 GiB working set at 400 MiB/s on 10 GbE, so that the 128 MiB/s
        /// default is the binding limit), with auto-converge turned on, is made to need several throttle steps, so the
        /// schedule is observable.
        /// </summary>
        [Fact]
        public void Qemu_defaults_switch_over_within_300_ms_and_throttle_20_then_10_percent_more_per_two_slow_rounds()
        {
            var policy = new QemuPolicy();
            Assert.Equal(0.300, policy.DowntimeLimitSeconds, 9);
            Assert.Equal(128 << 20, policy.MaxBandwidth, 0);
            Assert.False(policy.Settings.AutoConverge);

            var vm = new LiveMigrationInputs
            {
                MemoryBytes = 4 * GiB,
                DirtyBytesPerSecond = 400 * MiB,
                WorkingSetBytes = 2 * GiB,
                RttMs = 0.2,
            };
            var result = LoneMigration.Run(vm, 10 * Gbps, MigrationSettings.For(MigrationAlgorithm.Qemu).With(autoConverge: true));
            Assert.True(result.Succeeded);
            var rounds = result.Rounds;

            // The rate never exceeds max-bandwidth, although the link carries nine times more.
            Assert.All(rounds, r => Assert.True(r.BytesSent / r.Seconds <= policy.MaxBandwidth * 1.0001));

            // Switchover criterion: every round but the last left more than bandwidth x 300 ms; the last did not.
            for (var i = 0; i < rounds.Count; i++)
            {
                var threshold = rounds[i].BytesSent / rounds[i].Seconds * policy.DowntimeLimitSeconds;
                if (i < rounds.Count - 1) Assert.True(rounds[i].DirtyBytesLeft > threshold, "round " + rounds[i].Index + " should not have switched over");
                else Assert.True(rounds[i].DirtyBytesLeft <= threshold, "the last round should fit the downtime limit");
            }

            // So the stop-and-copy of memory takes at most the 300 ms limit; the rest of the downtime is device state and handover.
            var last = rounds[rounds.Count - 1];
            var memoryCopySeconds = last.DirtyBytesLeft / Math.Min(last.BytesSent / last.Seconds, policy.MaxBandwidth);
            Assert.True(memoryCopySeconds <= policy.DowntimeLimitSeconds + 1e-9);
            // Besides it, the device state and the last bytes' trip: a few milliseconds at most.
            Assert.InRange(result.DowntimeSeconds, memoryCopySeconds, memoryCopySeconds + 0.010);

            // Throttle schedule, replayed from the per-round records with QEMU's rule: a period counts as slow when
            // it dirtied more than 50% of what it sent; the second slow period (the count is not reset by a fast
            // one) starts or raises the throttle, which applies from the next round on.
            var counter = 0;
            var expected = 0.0;
            var steps = 0;
            for (var i = 0; i < rounds.Count - 1; i++)
            {
                Assert.Equal(expected, rounds[i].ThrottlePercent, 6);
                if (rounds[i].DirtyBytesLeft > 0.5 * rounds[i].BytesSent && ++counter >= 2)
                {
                    counter = 0;
                    expected = expected == 0 ? 20 : Math.Min(99, expected + 10);
                    steps++;
                }
            }

            Assert.Equal(expected, last.ThrottlePercent, 6);
            Assert.True(steps >= 3, "the workload should need several throttle steps, got " + steps);
            var seen = rounds.Select(r => Math.Round(r.ThrottlePercent, 6)).Distinct().ToList();
            Assert.Equal(new[] { 0.0, 20, 30 }, seen.Take(3));
        }

        /// <summary>
        /// CloudSim's simple model (PowerDatacenter: vm.getRam() / (host.getBw() / (2 * 8000)), "we use BW / 2 to
        /// model BW available for migration purposes, the other half of BW is for VM communication"): a migration
        /// takes RAM / (bandwidth / 2). For a moderately dirtying VM on a link the migration may use whole (vSphere,
        /// and QEMU, whose 128 MiB/s default exceeds 1 Gb/s), the model's total lies between the bare copy,
        /// RAM / bandwidth, and CloudSim's RAM / (bandwidth / 2): the re-sent hot set costs less than a second copy.
        /// Shipped Xen (at link rate) too. The 2005 prototype falls outside on purpose: its 100 Mb/s first round alone
        /// takes ten times RAM / bandwidth on gigabit.
        /// </summary>
        [Theory]
        [InlineData(MigrationAlgorithm.vSphere)]
        [InlineData(MigrationAlgorithm.Qemu)]
        [InlineData(MigrationAlgorithm.Xen)]
        public void CloudSim_bound_a_moderately_dirtying_vm_moves_in_between_ram_over_bandwidth_and_twice_that(MigrationAlgorithm algorithm)
        {
            // A 4 GiB application server rewriting 20 MiB/s over a 512 MiB working set around an 8 MiB hot set, on 1 Gb/s.
            var vm = new LiveMigrationInputs { MemoryBytes = 4 * GiB, DirtyBytesPerSecond = 20 * MiB, HotSetBytes = 8 * MiB, WorkingSetBytes = 512 * MiB, RttMs = 0.2 };
            var bare = vm.MemoryBytes / (1 * Gbps);

            var result = Run(vm, 1 * Gbps, algorithm);

            Assert.True(result.Succeeded);
            Assert.InRange(result.DurationSeconds, bare, 2 * bare);

            var prototype = Run(vm, 1 * Gbps, MigrationAlgorithm.XenAdaptive);
            Assert.True(prototype.DurationSeconds > 2 * bare, "the prototype's rate limit keeps it below the link by design: " + prototype.DurationSeconds);
        }
    }
}
