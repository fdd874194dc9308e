using System;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Tests
{
    public class EstateTests
    {
        private static Estate NewEstate()
        {
            var doc = LabGenerator.CreateDefault();
            return new Estate(doc.Endpoints, doc.Links, doc.VMs);
        }

        private static NewVMSpec Spec(string name = "test-vm01") => new NewVMSpec
        {
            Name = name, Endpoint = "onprem-lon", Cluster = "Prod-Cluster-01", NumCpu = 4, MemoryMB = 8192, DiskGB = new[] { 60.0, 100.0 },
            NetworkNames = new[] { "App-VLAN120" }, GuestId = "RHEL9_64guest", Role = WorkloadRole.App,
        };

        private static HybridException Fails(Action act, string errorId)
        {
            var error = Assert.Throws<HybridException>(act);
            Assert.Equal(errorId, error.ErrorId);
            Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
            return error;
        }

        [Fact]
        public void AddVM_places_the_vm_and_takes_its_disk_space_from_the_datastore()
        {
            var estate = NewEstate();
            var before = estate.VMCount;
            var vm = estate.AddVM(Spec());
            var datastore = estate.GetEndpoint("onprem-lon").FindDatastore(vm.Datastore)!;
            var original = NewEstate().GetEndpoint("onprem-lon").FindDatastore(vm.Datastore)!;

            Assert.Equal(before + 1, estate.VMCount);
            Assert.Same(vm, estate.FindVMById(vm.Id));
            Assert.Same(vm, estate.FindVM("ONPREM-LON", "TEST-VM01"));
            Assert.Equal("rhel9_64Guest", vm.GuestId);
            Assert.Equal("Red Hat Enterprise Linux 9 (64-bit)", vm.GuestOS);
            Assert.Equal("vmx-19", vm.HardwareVersion);
            Assert.Equal("intel-cascadelake", vm.CpuBaseline);
            Assert.Equal(PowerState.PoweredOff, vm.PowerState);
            Assert.Equal(160, vm.ProvisionedSpaceGB);
            Assert.Equal(new[] { "App-VLAN120" }, vm.Networks);
            Assert.True(vm.Workload.IsEstimated);
            Assert.Contains(vm.VMHost, estate.GetEndpoint("onprem-lon").FindCluster("Prod-Cluster-01")!.Hosts.Select(h => h.Name));
            Assert.Equal(Math.Round(original.FreeSpaceGB - 160, 2), datastore.FreeSpaceGB, 2);
            Assert.StartsWith("00:50:56:", vm.NetworkAdapters[0].MacAddress);
            Assert.DoesNotContain(estate.VMs.Where(v => v.Id != vm.Id), v => v.NetworkAdapters.Any(n => n.MacAddress == vm.NetworkAdapters[0].MacAddress));
        }

        [Fact]
        public void AddVM_keeps_measured_workload_figures_when_all_are_given()
        {
            var spec = Spec();
            spec.DirtyRateMBps = 120; spec.HotSetMB = 256; spec.WritableWorkingSetMB = 2048; spec.TouchedMemoryPercent = 90; spec.DiskWriteRateMBps = 12;
            var vm = NewEstate().AddVM(spec);
            Assert.Equal(120, vm.Workload.DirtyRateMBps);
            Assert.Equal(256, vm.Workload.HotSetMB);
            Assert.Equal(2048, vm.Workload.WritableWorkingSetMB);
            Assert.False(vm.Workload.IsEstimated);
        }

        [Fact]
        public void AddVM_takes_the_roles_hot_set_within_a_smaller_working_set_and_refuses_a_hot_set_outside_it()
        {
            var spec = Spec();
            spec.WritableWorkingSetMB = 10;
            var vm = NewEstate().AddVM(spec);
            Assert.Equal(10, vm.Workload.HotSetMB);
            Assert.True(vm.Workload.IsEstimated);

            var wrong = Spec();
            wrong.WritableWorkingSetMB = 100;
            wrong.HotSetMB = 101;
            var estate = NewEstate();
            var before = estate.VMCount;
            var error = Assert.Throws<HybridException>(() => estate.AddVM(wrong));
            Assert.Equal("ValueOutOfRange", error.ErrorId);
            Assert.Contains("HotSetMB", error.Message);
            Assert.Equal(before, estate.VMCount);
        }

        [Fact]
        public void SetWorkload_changes_what_is_given_and_checks_the_hot_set_against_the_working_set_after_the_change()
        {
            var estate = NewEstate();
            var vm = estate.AddVM(Spec());
            var changed = estate.SetWorkload(vm.Id, new WorkloadChange { HotSetMB = 64, WritableWorkingSetMB = 512 });
            Assert.Equal(64, changed.Workload.HotSetMB);
            Assert.Equal(512, changed.Workload.WritableWorkingSetMB);
            Assert.Equal(vm.Workload.DirtyRateMBps, changed.Workload.DirtyRateMBps);
            Assert.Same(changed, estate.FindVMById(vm.Id));

            Assert.Equal("ValueOutOfRange", Assert.Throws<HybridException>(() => estate.SetWorkload(vm.Id, new WorkloadChange { WritableWorkingSetMB = 32 })).ErrorId);
            Assert.Equal("ValueOutOfRange", Assert.Throws<HybridException>(() => estate.SetWorkload(vm.Id, new WorkloadChange { DirtyRateMBps = double.NaN })).ErrorId);
            Assert.Equal("VMNotFound", Assert.Throws<HybridException>(() => estate.SetWorkload("vm-nope", new WorkloadChange { DirtyRateMBps = 1 })).ErrorId);
            Assert.Equal(512, estate.FindVMById(vm.Id)!.Workload.WritableWorkingSetMB);
        }

        [Fact]
        public void AddVM_refuses_bad_specifications_and_changes_nothing()
        {
            var estate = NewEstate();
            var count = estate.VMCount;
            var free = estate.GetEndpoint("onprem-lon").Datastores.Sum(d => d.FreeSpaceGB);

            Fails(() => estate.AddVM(Spec("crm-web01")), "VMNameInUse");
            Fails(() => estate.AddVM(Spec("web*")), "InvalidName");
            Fails(() => estate.AddVM(Spec(" padded")), "InvalidName");
            Fails(() => { var s = Spec(); s.Endpoint = "nowhere"; estate.AddVM(s); }, "EndpointNotFound");
            Fails(() => { var s = Spec(); s.Cluster = "NoCluster"; estate.AddVM(s); }, "ClusterNotFound");
            Fails(() => { var s = Spec(); s.NetworkNames = new[] { "No-Net" }; estate.AddVM(s); }, "NetworkNotFound");
            Fails(() => { var s = Spec(); s.NumCpu = 0; estate.AddVM(s); }, "ValueOutOfRange");
            Fails(() => { var s = Spec(); s.MemoryMB = -5; estate.AddVM(s); }, "ValueOutOfRange");
            Fails(() => { var s = Spec(); s.DiskGB = new[] { -1.0 }; estate.AddVM(s); }, "ValueOutOfRange");
            Fails(() => { var s = Spec(); s.CoresPerSocket = 3; estate.AddVM(s); }, "InvalidCoresPerSocket");
            Fails(() => { var s = Spec(); s.GuestId = "amigaOS"; estate.AddVM(s); }, "InvalidGuestId");
            Fails(() => { var s = Spec(); s.HardwareVersion = "vmx-21"; estate.AddVM(s); }, "HardwareVersionNotSupported");
            Fails(() => { var s = Spec(); s.HardwareVersion = "v19"; estate.AddVM(s); }, "InvalidHardwareVersion");
            Fails(() => { var s = Spec(); s.Datastore = "DEV-NFS-01"; estate.AddVM(s); }, "DatastoreNotAccessible");
            Fails(() => { var s = Spec(); s.DiskGB = new[] { 60000.0 }; estate.AddVM(s); }, "DatastoreFull");
            Fails(() => { var s = Spec(); s.WritableWorkingSetMB = 9000; estate.AddVM(s); }, "ValueOutOfRange");

            Assert.Equal(count, estate.VMCount);
            Assert.Equal(free, estate.GetEndpoint("onprem-lon").Datastores.Sum(d => d.FreeSpaceGB), 6);
        }

        [Fact]
        public void The_same_name_may_exist_on_another_endpoint()
        {
            var estate = NewEstate();
            var spec = Spec("crm-web01");
            spec.Endpoint = "avs-westeurope"; spec.Cluster = null; spec.NetworkNames = null;
            var vm = estate.AddVM(spec);
            Assert.Equal("avs-westeurope", vm.Endpoint);
            Assert.Equal(CloudProvider.AVS, vm.Provider);
            Assert.Equal("workload-segment-01", vm.NetworkAdapters.Single().NetworkName);
        }

        [Fact]
        public void FindVMsNamed_finds_a_name_on_every_endpoint_in_inventory_order_without_regard_to_case()
        {
            var estate = NewEstate();
            var spec = Spec("crm-web01");
            spec.Endpoint = "avs-westeurope"; spec.Cluster = null; spec.NetworkNames = null;
            estate.AddVM(spec);

            var found = estate.FindVMsNamed("CRM-WEB01");

            Assert.Equal(new[] { "onprem-lon", "avs-westeurope" }, found.Select(v => v.Endpoint));
            Assert.All(found, v => Assert.Equal("crm-web01", v.Name));
            Assert.Empty(estate.FindVMsNamed("no-such-vm"));
            // An exact name, not a pattern.
            Assert.Empty(estate.FindVMsNamed("crm-web0*"));
        }

        [Fact]
        public void RemoveVM_gives_the_disk_space_back()
        {
            var estate = NewEstate();
            var vm = estate.VMs.First(v => v.Name == "crm-db01");
            var free = estate.GetEndpoint("onprem-lon").FindDatastore(vm.Datastore)!.FreeSpaceGB;

            Assert.Same(vm, estate.RemoveVM(vm.Id));

            Assert.Null(estate.FindVMById(vm.Id));
            Assert.Null(estate.FindVM("onprem-lon", "crm-db01"));
            Assert.Equal(free + vm.UsedSpaceGB, estate.GetEndpoint("onprem-lon").FindDatastore(vm.Datastore)!.FreeSpaceGB, 1);
            Fails(() => estate.RemoveVM(vm.Id), "VMNotFound");
        }

        [Fact]
        public void SetLink_changes_only_what_is_given_in_either_direction_and_never_a_published_object()
        {
            var estate = NewEstate();
            var before = estate.FindLink("onprem-lon", "avs-westeurope")!;
            var after = estate.SetLink("avs-westeurope", "onprem-lon", null, 40, null);

            Assert.Equal(40, after.RttMs);
            Assert.Equal(before.BandwidthMbps, after.BandwidthMbps);
            Assert.Equal(before.LossPercent, after.LossPercent);
            Assert.NotEqual(40, before.RttMs);
            Assert.Same(after, estate.FindLink("onprem-lon", "avs-westeurope"));
        }

        [Fact]
        public void SetLink_refuses_values_out_of_range_and_unknown_links()
        {
            var estate = NewEstate();
            Fails(() => estate.SetLink("onprem-lon", "avs-westeurope", 0, null, null), "ValueOutOfRange");
            Fails(() => estate.SetLink("onprem-lon", "avs-westeurope", null, -1, null), "ValueOutOfRange");
            Fails(() => estate.SetLink("onprem-lon", "avs-westeurope", null, null, 100), "ValueOutOfRange");
            Fails(() => estate.SetLink("onprem-lon", "avs-westeurope", double.NaN, null, null), "ValueOutOfRange");
            Fails(() => estate.SetLink("onprem-lon", "mars", 100, null, null), "LinkNotFound");
            Assert.Equal(10_000, estate.FindLink("onprem-lon", "avs-westeurope")!.BandwidthMbps);
        }

        [Fact]
        public void New_ids_continue_after_the_highest_existing_one()
        {
            var estate = NewEstate();
            var highest = estate.VMs.Max(v => int.Parse(v.Id.Substring("VirtualMachine-vm-".Length)));
            Assert.Equal("VirtualMachine-vm-" + (highest + 1), estate.AddVM(Spec()).Id);
        }
    }
}
