using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Live moves from or to one host share its vMotion network (the default lab's Legacy-Cluster hosts have 1 GbE),
    /// max-min fairly with each other and with their paths. The VMs are made idle (nothing dirtied, all memory
    /// touched, no disk to copy), so a move sends its memory once: its duration is memory ÷ rate, worked out here.
    /// </summary>
    public class HostVMotionNetworkTests
    {
        private static readonly DateTime Epoch = new DateTime(2026, 11, 22, 20, 0, 0, DateTimeKind.Utc);
        private const double MemoryMB = 4096;
        private const double OneGbEBytesPerSecond = 1e9 / 8;
        private static double MemoryBytes => MemoryMB * 1024 * 1024;

        private static Estate NewEstate()
        {
            var doc = LabGenerator.CreateDefault();
            return new Estate(doc.Endpoints, doc.Links, doc.VMs);
        }

        /// <summary>Running Legacy-Cluster VMs, grouped by host, made idle and 4 GiB.</summary>
        private static List<IGrouping<string, CloudVM>> LegacyVMsByHost(Estate estate)
        {
            var vms = estate.VMs.Where(v => v.Endpoint == "onprem-lon" && v.Cluster == "Legacy-Cluster" && v.PowerState == PowerState.PoweredOn).ToList();
            foreach (var vm in vms)
            {
                vm.MemoryMB = (int)MemoryMB;
                foreach (var disk in vm.HardDisks) disk.UsedGB = 0;
                vm.Workload.DirtyRateMBps = 0;
                vm.Workload.HotSetMB = 0;
                vm.Workload.WritableWorkingSetMB = 0;
                vm.Workload.TouchedMemoryPercent = 100;
                vm.Workload.DiskWriteRateMBps = 0;
            }

            return vms.GroupBy(v => v.VMHost).ToList();
        }

        private static MigrationPlan Plan(Estate estate, CloudVM vm, string cluster, double? maxBandwidthMbps = null) =>
            MigrationPlanner.Plan(estate, new MigrationRequest
            {
                VMId = vm.Id,
                DestinationEndpoint = "onprem-lon",
                DestinationCluster = cluster,
                Type = MigrationType.vMotion,
                MaxBandwidthMbps = maxBandwidthMbps,
            });

        private static double Seconds(MigrationResult result) => (result.EndTime - result.StartTime).TotalSeconds;

        [Fact]
        public void Two_vMotions_from_one_host_on_1GbE_to_two_destinations_take_twice_as_long_as_one()
        {
            var estate = NewEstate();
            var host = LegacyVMsByHost(estate).First(g => g.Count() >= 2).ToList();
            var lone = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            var alone = lone.Add(Plan(estate, host[0], "Prod-Cluster-01"));
            lone.RunToEnd();

            var estate2 = NewEstate();
            var host2 = LegacyVMsByHost(estate2).First(g => g.Key == host[0].VMHost).ToList();
            var batch = new MigrationBatch(estate2, MigrationAlgorithm.vSphere, Epoch);
            var first = batch.Add(Plan(estate2, host2[0], "Prod-Cluster-01"));
            var second = batch.Add(Plan(estate2, host2[1], "Prod-Cluster-02"));
            Assert.NotEqual(first.Plan.DestinationHost.Name, second.Plan.DestinationHost.Name);
            batch.RunToEnd();

            Assert.Equal(MigrationStatus.Succeeded, alone.Status);
            Assert.All(new[] { first, second }, r => Assert.Equal(MigrationStatus.Succeeded, r.Status));
            // Alone: 4 GiB at 125 MB/s, 34.4 s; together: each at 62.5 MB/s, 68.7 s.
            Assert.Equal(MemoryBytes / OneGbEBytesPerSecond, Seconds(alone.Result), 0);
            Assert.Equal(2 * MemoryBytes / OneGbEBytesPerSecond, Seconds(first.Result), 0);
            Assert.Equal(2 * MemoryBytes / OneGbEBytesPerSecond, Seconds(second.Result), 0);
            // Half of the 1,000 Mbps each.
            Assert.InRange(first.Result.AverageThroughputMbps, 495, 505);
            Assert.InRange(second.Result.AverageThroughputMbps, 495, 505);
        }

        [Fact]
        public void Two_vMotions_from_different_hosts_each_take_their_own_1GbE()
        {
            var estate = NewEstate();
            var hosts = LegacyVMsByHost(estate);
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            var first = batch.Add(Plan(estate, hosts[0].First(), "Prod-Cluster-01"));
            var second = batch.Add(Plan(estate, hosts[1].First(), "Prod-Cluster-02"));
            batch.RunToEnd();

            Assert.All(new[] { first, second }, r => Assert.Equal(MigrationStatus.Succeeded, r.Status));
            Assert.Equal(MemoryBytes / OneGbEBytesPerSecond, Seconds(first.Result), 0);
            Assert.Equal(MemoryBytes / OneGbEBytesPerSecond, Seconds(second.Result), 0);
        }

        [Fact]
        public void A_vMotion_held_to_its_own_cap_leaves_the_rest_of_the_hosts_1GbE_to_the_other()
        {
            var estate = NewEstate();
            var host = LegacyVMsByHost(estate).First(g => g.Count() >= 2).ToList();
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            var capped = batch.Add(Plan(estate, host[0], "Prod-Cluster-01", maxBandwidthMbps: 200));
            var other = batch.Add(Plan(estate, host[1], "Prod-Cluster-02"));
            batch.RunToEnd();

            Assert.All(new[] { capped, other }, r => Assert.Equal(MigrationStatus.Succeeded, r.Status));
            // 200 Mbps is 25 MB/s for one; the other takes the 100 MB/s left of the 125.
            Assert.Equal(MemoryBytes / (OneGbEBytesPerSecond - 200e6 / 8), Seconds(other.Result), 0);
            Assert.Equal(MemoryBytes / (200e6 / 8), Seconds(capped.Result), 0);
        }
    }
}
