using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Tests
{
    public class LifecycleCoreTests
    {
        private readonly LabSession lab = LabSession.CreateDefault();

        private static NewVMSpec Spec(string name = "web99") => new NewVMSpec
        {
            Name = name, Endpoint = "onprem-lon", Cluster = "Prod-Cluster-02", NumCpu = 2, MemoryMB = 4096, DiskGB = new[] { 40.0 },
            NetworkNames = new[] { "Web-VLAN110" }, GuestId = "rhel9_64Guest", Role = WorkloadRole.Web,
        };

        [Fact]
        public void NewCloudVM_with_WhatIf_says_what_it_would_create_and_creates_nothing()
        {
            var output = new RecordingOutput(confirm: false);
            new NewCloudVMCore(lab).Run(Spec(), output);
            var (target, action) = Assert.Single(output.ShouldProcessCalls);
            Assert.Equal("VM 'web99' on endpoint 'onprem-lon', cluster 'Prod-Cluster-02'", target);
            Assert.Equal("Create (2 vCPU, 4 GB memory)", action);
            Assert.Empty(output.Objects);
            Assert.Null(lab.Estate.FindVM("onprem-lon", "web99"));
        }

        [Fact]
        public void NewCloudVM_creates_and_writes_the_vm()
        {
            var output = new RecordingOutput();
            new NewCloudVMCore(lab).Run(Spec(), output);
            var vm = Assert.IsType<CloudVM>(Assert.Single(output.Objects));
            Assert.Same(vm, lab.Estate.FindVM("onprem-lon", "web99"));
            Assert.True(lab.Describe().IsModified);
        }

        [Fact]
        public void NewCloudVM_reports_a_vm_it_cannot_make_as_an_error_for_that_item_and_adds_nothing()
        {
            var count = lab.Estate.VMCount;
            var output = new RecordingOutput();
            new NewCloudVMCore(lab).Run(Spec("crm-web01"), output);
            var second = Spec("web98");
            second.MemoryMB = -1;
            new NewCloudVMCore(lab).Run(second, output);
            new NewCloudVMCore(lab).Run(Spec("web97"), output);

            Assert.Equal(new[] { "VMNameInUse", "ValueOutOfRange" }, output.Errors.Select(e => e.ErrorId));
            Assert.Equal("crm-web01", output.Errors[0].Target);
            Assert.Equal("web97", Assert.IsType<CloudVM>(Assert.Single(output.Objects)).Name);
            Assert.Equal(count + 1, lab.Estate.VMCount);
        }

        [Fact]
        public void RemoveCloudVM_asks_for_each_vm_and_removes_only_what_was_confirmed()
        {
            var declined = new RecordingOutput(confirm: false);
            new RemoveCloudVMCore(lab).Run(new[] { new VMIdParameter("crm-web0*") }, passThru: true, declined);
            Assert.Equal(new[] { "VM 'crm-web01' on endpoint 'onprem-lon'", "VM 'crm-web02' on endpoint 'onprem-lon'", "VM 'crm-web03' on endpoint 'onprem-lon'" },
                declined.ShouldProcessCalls.Select(c => c.Target));
            Assert.All(declined.ShouldProcessCalls, c => Assert.Equal("Remove", c.Action));
            Assert.Equal(3, lab.Estate.VMs.Count(v => v.Name.StartsWith("crm-web0")));

            var vm = lab.Estate.FindVM("onprem-lon", "crm-web02")!;
            var accepted = new RecordingOutput();
            new RemoveCloudVMCore(lab).Run(new[] { new VMIdParameter(vm) }, passThru: true, accepted);
            Assert.Same(vm, Assert.Single(accepted.Objects));
            Assert.Null(lab.Estate.FindVM("onprem-lon", "crm-web02"));
        }

        [Fact]
        public void RemoveCloudVM_reports_each_missing_vm_and_goes_on_with_the_rest()
        {
            var gone = lab.Estate.FindVM("onprem-lon", "hr-web01")!;
            lab.Estate.RemoveVM(gone.Id);
            var output = new RecordingOutput();

            new RemoveCloudVMCore(lab).Run(new[] { new VMIdParameter(gone), new VMIdParameter("ghost01"), new VMIdParameter("ghost*"), new VMIdParameter("hr-web02") }, passThru: false, output);

            Assert.Equal(new object[] { "hr-web01", "ghost01" }, output.Errors.Select(e => e.Target));
            Assert.All(output.Errors, e => Assert.Equal("VMNotFound", e.ErrorId));
            Assert.Null(lab.Estate.FindVM("onprem-lon", "hr-web02"));
            Assert.Empty(output.Objects);
        }

        [Fact]
        public void VMIdParameter_keeps_the_object_or_the_name_it_was_built_from()
        {
            var vm = lab.Estate.FindVM("onprem-lon", "erp-db01")!;
            Assert.Same(vm, new VMIdParameter(vm).VM);
            Assert.Equal("erp-db01", new VMIdParameter(vm).Name);
            Assert.Null(new VMIdParameter("erp*").VM);
            Assert.Equal("erp*", new VMIdParameter("erp*").ToString());
        }
    }
}
