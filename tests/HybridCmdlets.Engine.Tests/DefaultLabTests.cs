using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Persistence;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>The embedded default lab: what DESIGN.md and the foundation issue promise a user finds at import.</summary>
    public class DefaultLabTests
    {
        private static readonly LabDocument Lab = LabGenerator.CreateDefault();
        private static IEnumerable<CloudVM> OnPremVMs => Lab.VMs.Where(v => v.Provider == CloudProvider.OnPremises);

        [Fact]
        public void Is_generated_the_same_at_every_import()
        {
            Assert.Equal(TestFiles.ToJson(LabGenerator.CreateDefault()), TestFiles.ToJson(LabGenerator.CreateDefault()));
        }

        [Fact]
        public void A_different_seed_gives_a_different_lab_of_the_same_shape()
        {
            var other = LabGenerator.Create(7, vmCount: null);
            Assert.Equal(Lab.VMs.Select(v => v.Name), other.VMs.Select(v => v.Name));
            Assert.NotEqual(TestFiles.ToJson(Lab), TestFiles.ToJson(other));
        }

        [Fact]
        public void Has_one_on_premises_vcenter_and_one_endpoint_per_partner_cloud()
        {
            Assert.Equal(
                new[] { CloudProvider.OnPremises, CloudProvider.VMC, CloudProvider.AVS, CloudProvider.GCVE, CloudProvider.OVHcloud, CloudProvider.IBMCloud },
                Lab.Endpoints.Select(e => e.Provider));
            Assert.All(Lab.Endpoints, e =>
            {
                Assert.False(string.IsNullOrEmpty(e.Region));
                Assert.True(Version.TryParse(e.VCenterVersion, out _));
                Assert.True(e.HcxEnabled);
                Assert.NotEmpty(e.Clusters);
                Assert.NotEmpty(e.Datastores);
                Assert.NotEmpty(e.Networks);
                Assert.All(e.Clusters.SelectMany(c => c.Hosts), h => Assert.True(h.NumCpuCores > 0 && h.MemoryGB > 0 && h.CpuMhz > 0));
                Assert.True(VirtualHardware.TryParse(e.MaxHardwareVersion, out _));
            });
        }

        [Fact]
        public void Holds_at_least_150_on_premises_vms_with_a_realistic_spread()
        {
            var vms = OnPremVMs.ToList();
            Assert.True(vms.Count >= 150, "on-prem VMs: " + vms.Count);
            Assert.Equal(Enum.GetValues(typeof(WorkloadRole)).Cast<WorkloadRole>().OrderBy(r => r), vms.Select(v => v.Role).Distinct().OrderBy(r => r));
            Assert.Contains(vms, v => GuestOperatingSystems.IsWindows(v.GuestId));
            Assert.Contains(vms, v => !GuestOperatingSystems.IsWindows(v.GuestId));
            Assert.Equal(1, vms.Min(v => v.NumCpu));
            Assert.Equal(32, vms.Max(v => v.NumCpu));
            Assert.Equal(1024, vms.Min(v => v.MemoryMB));
            Assert.Equal(512 * 1024, vms.Max(v => v.MemoryMB));
            Assert.Equal(8, vms.Min(v => v.HardwareVersionNumber));
            Assert.Equal(VirtualHardware.Latest, vms.Max(v => v.HardwareVersionNumber));
            Assert.Contains(vms, v => v.PowerState == PowerState.PoweredOn);
            Assert.Contains(vms, v => v.PowerState == PowerState.PoweredOff);
            Assert.All(vms, v => Assert.NotEmpty(v.HardDisks));
            foreach (var wave in new[] { "Wave/wave1", "Wave/wave2", "Wave/wave3", "Wave/wave4" }) Assert.Contains(vms, v => v.Tags.Contains(wave));
        }

        [Fact]
        public void Carries_every_complication_readiness_has_to_find()
        {
            var vms = OnPremVMs.ToList();
            var endpoint = Lab.Endpoints[0];
            Assert.Contains(vms, v => v.CdDrives.Any(c => c.IsoDatastore != null && endpoint.FindDatastore(c.IsoDatastore)?.Shared == false));
            Assert.Contains(vms, v => v.CdDrives.Any(c => c.RemoteDevice != null && c.Connected));
            Assert.Contains(vms, v => v.HardDisks.Any(d => d.DiskType == DiskType.RawPhysical));
            Assert.Contains(vms, v => v.HardDisks.Any(d => d.DiskType == DiskType.Flat && d.Sharing == DiskSharing.MultiWriter));
            Assert.Contains(vms, v => v.VGpuProfile != null);
            Assert.Contains(vms, v => v.FaultToleranceEnabled);
            Assert.Contains(vms, v => v.Snapshots.Count > 0);
            Assert.Contains(vms, v => v.UsbDevices.Any(u => !u.VMotionSupported));
            Assert.Contains(vms, v => v.PassthroughDevices.Count > 0);
            Assert.Contains(vms, v => v.HardwareVersionNumber < 9);
            Assert.Contains(vms, v => v.NetworkAdapters.Any(n => endpoint.FindNetwork(n.NetworkName)!.HasUplinks == false));
            Assert.Contains(vms, v => v.CpuBaseline.StartsWith("amd-", StringComparison.Ordinal));
        }

        [Fact]
        public void Every_vm_fits_where_it_is_placed()
        {
            foreach (var vm in Lab.VMs)
            {
                var endpoint = Lab.Endpoints.Single(e => e.Name == vm.Endpoint);
                var cluster = endpoint.FindCluster(vm.Cluster)!;
                Assert.Equal(endpoint.Provider, vm.Provider);
                Assert.Contains(cluster.Hosts, h => h.Name == vm.VMHost);
                Assert.True(vm.HardwareVersionNumber <= cluster.MaxHardwareVersionNumber, vm.Name + " " + vm.HardwareVersion + " on " + cluster.Name);
                Assert.Equal(cluster.EvcMode, vm.CpuBaseline);
                Assert.Contains(vm.Datastore, cluster.Datastores);
                Assert.All(vm.NetworkAdapters, n => Assert.NotNull(endpoint.FindNetwork(n.NetworkName)));
                Assert.True(vm.NumCpu % vm.CoresPerSocket == 0);
                foreach (var cd in vm.CdDrives.Where(c => c.IsoDatastore != null))
                {
                    var ds = endpoint.FindDatastore(cd.IsoDatastore!)!;
                    Assert.True(ds.Shared || ds.VMHost == vm.VMHost, vm.Name + ": an ISO on a local datastore must be on its own host's");
                }
            }

            Assert.All(Lab.Endpoints.SelectMany(e => e.Datastores), d => Assert.InRange(d.FreeSpaceGB, 0, d.CapacityGB));
        }

        [Fact]
        public void Workload_profiles_are_plausible_for_each_role()
        {
            foreach (var vm in Lab.VMs)
            {
                Assert.InRange(vm.Workload.WritableWorkingSetMB, 1, vm.MemoryMB);
                Assert.InRange(vm.Workload.TouchedMemoryPercent, 0, 100);
                Assert.True(vm.Workload.DirtyRateMBps > 0);
                Assert.False(vm.Workload.IsEstimated);
            }

            double Mean(WorkloadRole role) => Lab.VMs.Where(v => v.Role == role).Average(v => v.Workload.DirtyRateMBps);
            Assert.True(Mean(WorkloadRole.Database) > Mean(WorkloadRole.App));
            Assert.True(Mean(WorkloadRole.App) > Mean(WorkloadRole.Web));
            Assert.True(Mean(WorkloadRole.Web) > Mean(WorkloadRole.Infrastructure));
        }

        [Fact]
        public void Links_follow_geography_and_the_products_sold()
        {
            Assert.All(Lab.Endpoints.Skip(1), cloud => Assert.Single(Lab.Links, l => l.Connects("onprem-lon", cloud.Name)));
            CloudLink Link(string cloud) => Lab.Links.Single(l => l.Connects("onprem-lon", cloud));
            Assert.Equal(LinkKind.DirectConnect, Link("vmc-eu-west-2").Kind);
            Assert.Equal(LinkKind.ExpressRoute, Link("avs-westeurope").Kind);
            // London to London, to Amsterdam, to Dallas: round trips grow with distance.
            Assert.InRange(Link("vmc-eu-west-2").RttMs, 1, 3);
            Assert.InRange(Link("avs-westeurope").RttMs, 4, 12);
            Assert.InRange(Link("ibm-dal10").RttMs, 90, 140);
            Assert.All(Lab.Links, l =>
            {
                Assert.InRange(l.BandwidthMbps, 100, 100_000);
                Assert.InRange(l.LossPercent, 0, 1);
            });
            var clouds = Lab.Endpoints.Count - 1;
            Assert.Equal(clouds + clouds * (clouds - 1) / 2, Lab.Links.Count);
        }

        [Fact]
        public void A_scaled_lab_has_the_requested_number_of_vms_with_unique_names_and_ids()
        {
            var big = LabGenerator.Create(3, vmCount: 5000);
            Assert.Equal(5000, big.VMs.Count);
            Assert.Equal(big.VMs.Count, big.VMs.Select(v => v.Id).Distinct().Count());
            Assert.Equal(big.VMs.Count, big.VMs.Select(v => v.Endpoint + "/" + v.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            var path = TestFiles.TempPath();
            LabFile.Save(big, path);
            Assert.Equal(5000, LabFile.Load(path).VMs.Count);
            File.Delete(path);
        }
    }
}
