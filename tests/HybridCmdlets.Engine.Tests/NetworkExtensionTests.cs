using System.Collections;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.NetworkExtension;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Issue 12: HCX Network Extension — what it creates, what it refuses (each with its own id), and what readiness makes of it.</summary>
    public class NetworkExtensionTests
    {
        private readonly LabSession lab = LabSession.FromDocument(LabGenerator.CreateDefault(), new ManualClock());

        private MigrationReadiness Test(string vm, string destination) =>
            LabMoves.Test(lab, lab.Estate.FindVM("onprem-lon", vm)!, MoveTarget.Parse(destination, null, MigrationType.Auto));

        private string Refusal(System.Action action)
        {
            var before = TestFiles.ToJson(lab.ToDocument());
            var error = Assert.Throws<HybridException>(action);
            Assert.Equal(before, TestFiles.ToJson(lab.ToDocument()));
            Assert.False(string.IsNullOrEmpty(error.RecommendedAction));
            return error.ErrorId;
        }

        [Fact]
        public void Extending_a_port_group_creates_the_segment_HCX_names_and_readiness_then_maps_the_NIC_to_it()
        {
            var before = Test("crm-db01", "avs-westeurope").Checks.Single(c => c.Id == "network.mapping");
            Assert.Equal(CheckStatus.Fail, before.Status);
            Assert.Contains("New-CloudNetworkExtension -Network 'Backup-VLAN300' -Source onprem-lon -Destination avs-westeurope", before.Remediation);

            var extension = lab.ExtendNetwork("onprem-lon", "Backup-VLAN300", "avs-westeurope", null);

            Assert.Equal("L2E_Backup-VLAN300-300", extension.DestinationNetwork);
            Assert.Equal(("Backup-VLAN300", "onprem-lon", "avs-westeurope", 300), (extension.Network, extension.Source, extension.Destination, extension.VlanId));
            Assert.Equal("onprem-lon-avs-westeurope-NE-I1", extension.Appliance);
            var segment = lab.Estate.GetEndpoint("avs-westeurope").FindNetwork("L2E_Backup-VLAN300-300")!;
            Assert.Equal((NetworkKind.NsxSegment, "onprem-lon/Backup-VLAN300", 300), (segment.Kind, segment.ExtendedFrom, segment.VlanId));
            // A VNI not in use at the destination.
            Assert.Single(lab.Estate.GetEndpoint("avs-westeurope").Networks, n => n.SegmentId == segment.SegmentId);

            var after = Test("crm-db01", "avs-westeurope").Checks.Single(c => c.Id == "network.mapping");
            Assert.Equal(CheckStatus.Pass, after.Status);
            Assert.Contains("'Backup-VLAN300' -> 'L2E_Backup-VLAN300-300'", after.Message);
        }

        [Fact]
        public void A_moved_VM_lands_on_the_extension_and_keeps_its_MAC_address()
        {
            lab.ExtendNetwork("onprem-lon", "Backup-VLAN300", "avs-westeurope", null);
            var vm = lab.Estate.FindVM("onprem-lon", "crm-db01")!;
            var macs = vm.NetworkAdapters.Select(n => n.MacAddress).ToArray();
            var plan = ReadinessEvaluator.PlanMove(lab.Estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope", Type = MigrationType.vMotion },
                MigrationAlgorithm.vSphere, lab.Timeline.VirtualNow, out _);
            lab.WaitFor(new[] { lab.Submit(plan) }, default);

            var moved = lab.Estate.FindVM("avs-westeurope", "crm-db01")!;
            Assert.Contains("L2E_Backup-VLAN300-300", moved.Networks);
            Assert.Equal(macs, moved.NetworkAdapters.Select(n => n.MacAddress).ToArray());
            Assert.Equal("NetworkExtensionInUse", Refusal(() => lab.RemoveNetworkExtension("avs-westeurope", "L2E_Backup-VLAN300-300")));
        }

        [Theory]
        [InlineData("onprem-lon", "Mgmt-VLAN10", "avs-westeurope", "NetworkCarriesVMkernel")]
        [InlineData("onprem-lon", "Web-VLAN110", "avs-westeurope", "NetworkAlreadyExtended")]
        [InlineData("onprem-lon", "Web-VLAN110", "onprem-lon", "NetworkExtensionSameSite")]
        [InlineData("avs-westeurope", "L2E_Web-VLAN110-110", "gcve-europe-west2", "NetworkIsExtension")]
        [InlineData("onprem-lon", "No-Such-VLAN", "avs-westeurope", "NetworkNotFound")]
        [InlineData("onprem-lon", "Backup-VLAN300", "nowhere", "EndpointNotFound")]
        public void HCX_refuses_what_it_cannot_extend_each_for_its_own_reason_and_nothing_changes(string source, string network, string destination, string errorId)
        {
            Assert.Equal(errorId, Refusal(() => lab.ExtendNetwork(source, network, destination, null)));
        }

        [Fact]
        public void A_standard_switch_port_group_an_untagged_one_and_a_site_without_HCX_are_refused()
        {
            var document = LabGenerator.CreateDefault();
            var onPrem = document.Endpoints.Single(e => e.Name == "onprem-lon");
            onPrem.Networks = onPrem.Networks.Concat(new[]
            {
                new CloudNetwork { Name = "Lab-VSS", Endpoint = "onprem-lon", Kind = NetworkKind.StandardPortGroup, Switch = "vSwitch1", VlanId = 700 },
                new CloudNetwork { Name = "Flat-DPG", Endpoint = "onprem-lon", Kind = NetworkKind.DistributedPortGroup, Switch = "dvs-lon-prod", VlanId = 0 },
            }).ToArray();
            document.Endpoints.Single(e => e.Name == "ovh-rbx").HcxEnabled = false;
            var edited = LabSession.FromDocument(document, new ManualClock());

            Assert.Equal("NetworkOnStandardSwitch", Assert.Throws<HybridException>(() => edited.ExtendNetwork("onprem-lon", "Lab-VSS", "avs-westeurope", null)).ErrorId);
            Assert.Equal("NetworkUntagged", Assert.Throws<HybridException>(() => edited.ExtendNetwork("onprem-lon", "Flat-DPG", "avs-westeurope", null)).ErrorId);
            Assert.Equal("NetworkExtensionNeedsHcx", Assert.Throws<HybridException>(() => edited.ExtendNetwork("onprem-lon", "Backup-VLAN300", "ovh-rbx", null)).ErrorId);
        }

        [Fact]
        public void A_network_goes_to_three_destinations_at_most()
        {
            // Web-VLAN110 is extended to VMC, AVS and GCVE in the default lab.
            Assert.Equal("NetworkExtensionDestinationLimit", Refusal(() => lab.ExtendNetwork("onprem-lon", "Web-VLAN110", "ibm-dal10", null)));
            lab.RemoveNetworkExtension("gcve-europe-west2", "L2E_Web-VLAN110-110");
            Assert.Equal("ibm-dal10", lab.ExtendNetwork("onprem-lon", "Web-VLAN110", "ibm-dal10", null).Destination);
        }

        [Fact]
        public void An_appliance_bridges_eight_networks_and_the_service_mesh_scales_out_for_more()
        {
            // AVS has three extensions on appliance NE-I1; add VLANs until it is full.
            var document = LabGenerator.CreateDefault();
            var onPrem = document.Endpoints.Single(e => e.Name == "onprem-lon");
            onPrem.Networks = onPrem.Networks.Concat(Enumerable.Range(1, 7).Select(i => new CloudNetwork
            {
                Name = "Extra-VLAN" + (800 + i), Endpoint = "onprem-lon", Kind = NetworkKind.DistributedPortGroup, Switch = "dvs-lon-prod", VlanId = 800 + i,
            })).ToArray();
            var big = LabSession.FromDocument(document, new ManualClock());
            for (var i = 1; i <= 5; i++) Assert.EndsWith("-NE-I1", big.ExtendNetwork("onprem-lon", "Extra-VLAN" + (800 + i), "avs-westeurope", null).Appliance);

            Assert.Equal("NetworkExtensionApplianceFull", Assert.Throws<HybridException>(() => big.ExtendNetwork("onprem-lon", "Extra-VLAN806", "avs-westeurope", null)).ErrorId);
            Assert.Equal("NetworkExtensionApplianceNotFound", Assert.Throws<HybridException>(() => big.ExtendNetwork("onprem-lon", "Extra-VLAN806", "avs-westeurope", "onprem-lon-avs-westeurope-NE-I2")).ErrorId);

            big.SetNetworkExtensionAppliances("onprem-lon", "avs-westeurope", 2);
            Assert.Equal("onprem-lon-avs-westeurope-NE-I2", big.ExtendNetwork("onprem-lon", "Extra-VLAN806", "avs-westeurope", null).Appliance);
            Assert.Equal("NetworkExtensionApplianceFull", Assert.Throws<HybridException>(() => big.ExtendNetwork("onprem-lon", "Extra-VLAN807", "avs-westeurope", "onprem-lon-avs-westeurope-NE-I1")).ErrorId);
            Assert.Equal("NetworkExtensionApplianceInUse", Assert.Throws<HybridException>(() => big.SetNetworkExtensionAppliances("onprem-lon", "avs-westeurope", 1)).ErrorId);
        }

        [Fact]
        public void Extensions_and_appliance_counts_survive_a_save_and_an_open()
        {
            lab.ExtendNetwork("onprem-lon", "Backup-VLAN300", "avs-westeurope", null);
            lab.SetNetworkExtensionAppliances("onprem-lon", "avs-westeurope", 3);
            var path = TestFiles.TempPath();
            try
            {
                LabFile.Save(lab.ToDocument(), path);
                var reopened = LabSession.FromDocument(LabFile.Load(path), new ManualClock());
                var listed = NetworkExtensions.List(reopened.Estate).Single(x => x.Network == "Backup-VLAN300");
                Assert.Equal(("avs-westeurope", "onprem-lon-avs-westeurope-NE-I1"), (listed.Destination, listed.Appliance));
                Assert.Equal(3, reopened.Estate.FindLink("onprem-lon", "avs-westeurope")!.NetworkExtensionAppliances);
                Assert.True(reopened.Estate.GetEndpoint("onprem-lon").FindNetwork("Mgmt-VLAN10")!.VMkernel);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void The_list_counts_the_VMs_on_each_segment_at_its_destination()
        {
            var listed = NetworkExtensions.List(lab.Estate);
            Assert.Equal(lab.Estate.GetEndpoint("avs-westeurope").Networks.Count(n => n.ExtendedFrom != null), listed.Count(x => x.Destination == "avs-westeurope"));
            var web = listed.Single(x => x.Destination == "avs-westeurope" && x.Network == "Web-VLAN110");
            var onSegment = lab.Estate.VMs.Where(vm => vm.Endpoint == "avs-westeurope" && vm.Networks.Contains("L2E_Web-VLAN110-110")).Select(vm => vm.Name).ToList();
            Assert.NotEmpty(onSegment);
            Assert.Equal(onSegment.Count, web.VMCount);
        }
    }
}
