using System.Linq;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Tests
{
    public class InventoryCoreTests
    {
        private readonly LabSession lab = LabSession.CreateDefault();

        [Fact]
        public void GetCloudEndpoint_lists_every_endpoint_by_default()
        {
            var output = new RecordingOutput();
            new GetCloudEndpointCore(lab).Run(null, null, output);
            Assert.Equal(new[] { "onprem-lon", "vmc-eu-west-2", "avs-westeurope", "gcve-europe-west2", "ovh-rbx", "ibm-dal10" },
                output.OfType<CloudEndpoint>().Select(e => e.Name));
            Assert.Empty(output.Errors);
        }

        [Fact]
        public void GetCloudEndpoint_filters_by_wildcard_and_provider_and_reports_an_exact_miss()
        {
            var output = new RecordingOutput();
            new GetCloudEndpointCore(lab).Run(new[] { "*west*", "nowhere", "x*" }, new[] { CloudProvider.AVS, CloudProvider.GCVE }, output);
            Assert.Equal(new[] { "avs-westeurope", "gcve-europe-west2" }, output.OfType<CloudEndpoint>().Select(e => e.Name));
            var error = Assert.Single(output.Errors);
            Assert.Equal("EndpointNotFound", error.ErrorId);
            Assert.Equal("nowhere", error.Target);
        }

        [Fact]
        public void GetCloudVM_writes_matches_and_a_VMNotFound_error_for_each_exact_name_that_matched_nothing()
        {
            var output = new RecordingOutput();
            new GetCloudVMCore(lab).ByFilter(new[] { "crm-web01", "ghost01", "ghost*", "erp-db01" }, null, null, null, null, output);

            Assert.Equal(new[] { "crm-web01", "erp-db01" }, output.OfType<CloudVM>().Select(v => v.Name));
            var error = Assert.Single(output.Errors);
            Assert.Equal("VMNotFound", error.ErrorId);
            Assert.Equal("ghost01", error.Target);
            Assert.Contains("ghost01", error.Message);
        }

        [Fact]
        public void GetCloudVM_filters_by_endpoint_objects_cluster_power_state_and_tag()
        {
            var avs = lab.Estate.GetEndpoint("avs-westeurope");
            var output = new RecordingOutput();
            new GetCloudVMCore(lab).ByFilter(null, new[] { avs }, null, null, null, output);
            Assert.Equal(new[] { "pilot-web01", "pilot-web02", "pilot-app01" }, output.OfType<CloudVM>().Select(v => v.Name));

            output = new RecordingOutput();
            new GetCloudVMCore(lab).ByFilter(null, null, new[] { "DevTest-*" }, new[] { PowerState.PoweredOff }, null, output);
            Assert.NotEmpty(output.Objects);
            Assert.All(output.OfType<CloudVM>(), v => Assert.True(v.Cluster == "DevTest-Cluster" && v.PowerState == PowerState.PoweredOff));

            output = new RecordingOutput();
            new GetCloudVMCore(lab).ByFilter(null, null, null, null, new[] { "wave1" }, output);
            Assert.Equal(lab.Estate.VMs.Count(v => v.Tags.Contains("Wave/wave1")), output.Objects.Count);
        }

        [Fact]
        public void GetCloudVM_by_id_reports_unknown_ids()
        {
            var id = lab.Estate.VMs.First(v => v.Name == "hr-web01").Id;
            var output = new RecordingOutput();
            new GetCloudVMCore(lab).ById(new[] { id, "VirtualMachine-vm-1" }, output);
            Assert.Equal("hr-web01", Assert.Single(output.OfType<CloudVM>()).Name);
            Assert.Equal("VirtualMachine-vm-1", Assert.Single(output.Errors).Target);
        }

        [Fact]
        public void GetCloudLink_matches_either_end_in_either_direction()
        {
            var output = new RecordingOutput();
            new GetCloudLinkCore(lab).Run(new[] { "avs*" }, new[] { "onprem*" }, output);
            var link = Assert.Single(output.OfType<CloudLink>());
            Assert.True(link.Connects("onprem-lon", "avs-westeurope"));

            output = new RecordingOutput();
            new GetCloudLinkCore(lab).Run(new[] { "ibm-dal10" }, null, output);
            Assert.Equal(5, output.Objects.Count);
        }

        [Fact]
        public void SetCloudLink_asks_first_and_changes_nothing_when_declined()
        {
            var declined = new RecordingOutput(confirm: false);
            new SetCloudLinkCore(lab).Run("onprem-lon", "avs-westeurope", 500, null, null, passThru: true, declined);
            var (target, action) = Assert.Single(declined.ShouldProcessCalls);
            Assert.Equal("link onprem-lon <-> avs-westeurope", target);
            Assert.Equal("Set bandwidth 10000 -> 500 Mbps", action);
            Assert.Empty(declined.Objects);
            Assert.Equal(10_000, lab.Estate.FindLink("onprem-lon", "avs-westeurope")!.BandwidthMbps);

            var accepted = new RecordingOutput();
            new SetCloudLinkCore(lab).Run("avs-westeurope", "onprem-lon", 500, 12.5, 0.1, passThru: true, accepted);
            var link = Assert.Single(accepted.OfType<CloudLink>());
            Assert.Equal((500, 12.5, 0.1), (link.BandwidthMbps, link.RttMs, link.LossPercent));
            Assert.True(lab.Describe().IsModified);
        }

        [Fact]
        public void SetCloudLink_reports_each_problem_for_that_link_alone()
        {
            var output = new RecordingOutput();
            var core = new SetCloudLinkCore(lab);
            core.Run("onprem-lon", "avs-westeurope", null, null, null, false, output);
            core.Run("onprem-lon", "mars", 1, null, null, false, output);
            core.Run("avs-westeurope", "gcve-europe-west2", -5, null, null, false, output);
            core.Run("ovh-rbx", "ibm-dal10", null, 150, null, true, output);

            Assert.Equal(new[] { "LinkSettingRequired", "EndpointNotFound", "ValueOutOfRange" }, output.Errors.Select(e => e.ErrorId));
            Assert.Equal("mars", output.Errors[1].Target);
            Assert.Equal(150, Assert.IsType<CloudLink>(Assert.Single(output.Objects)).RttMs);
        }

        [Fact]
        public void SetCloudLink_between_endpoints_with_no_link_is_LinkNotFound()
        {
            lab.Estate.GetEndpoint("onprem-lon");
            var output = new RecordingOutput();
            // Every pair of the default lab is linked; a lab file can leave pairs out.
            var doc = lab.ToDocument();
            doc.Links.RemoveAll(l => l.Connects("ovh-rbx", "ibm-dal10"));
            new SetCloudLinkCore(LabSession.FromDocument(doc)).Run("ovh-rbx", "ibm-dal10", 100, null, null, false, output);
            Assert.Equal("LinkNotFound", Assert.Single(output.Errors).ErrorId);
        }

        [Fact]
        public void GetCloudLink_reports_an_exact_endpoint_name_that_names_no_endpoint()
        {
            var output = new RecordingOutput();
            new GetCloudLinkCore(lab).Run(new[] { "mars", "zz*" }, new[] { "onprem-lon" }, output);
            Assert.Empty(output.Objects);
            var error = Assert.Single(output.Errors);
            Assert.Equal("EndpointNotFound", error.ErrorId);
            Assert.Equal("mars", error.Target);
        }

        [Fact]
        public void GetCloudEndpoint_for_vms_writes_where_they_live_now_each_endpoint_once()
        {
            var vms = lab.Estate.VMs.Where(v => v.Name.StartsWith("pilot-") || v.Name.StartsWith("crm-")).ToList();
            var gone = lab.Estate.FindVM("onprem-lon", "hr-web01")!;
            lab.Estate.RemoveVM(gone.Id);
            var output = new RecordingOutput();
            var core = new GetCloudEndpointCore(lab);
            core.ForVMs(vms, output);
            core.ForVMs(new[] { gone, vms[0] }, output);

            Assert.Equal(new[] { "onprem-lon", "avs-westeurope" }, output.OfType<CloudEndpoint>().Select(e => e.Name));
            Assert.Equal("hr-web01", Assert.Single(output.Errors).Target);
        }
    }
}
