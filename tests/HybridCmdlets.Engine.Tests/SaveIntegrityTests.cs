using System;
using System.IO;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Issue 14, through the session: two sessions on one file do not drop each other's changes, and a move whose
    /// destination changed while it ran fails at its switchover rather than leave a lab that would not open.
    /// </summary>
    public sealed class SaveIntegrityTests : IDisposable
    {
        private readonly string path = TestFiles.TempPath();

        public void Dispose()
        {
            if (File.Exists(path)) File.Delete(path);
        }

        private static NewVMSpec Spec(string name, string endpoint = "onprem-lon") => new NewVMSpec { Name = name, Endpoint = endpoint, MemoryMB = 2048 };

        private static CloudTask Submit(LabSession lab, string endpoint, string vm, string destination) =>
            lab.Submit(MigrationPlanner.Plan(lab.Estate, new MigrationRequest { VMId = lab.Estate.FindVM(endpoint, vm)!.Id, DestinationEndpoint = destination }));

        [Fact]
        public void A_session_whose_file_another_session_saved_meanwhile_does_not_write_over_it_unless_forced()
        {
            var first = LabSession.CreateDefault();
            first.Save(path);
            var second = LabSession.CreateDefault();
            second.Open(path);

            second.Estate.AddVM(Spec("theirs01"));
            second.RecordChange();
            first.Estate.AddVM(Spec("mine01"));

            // AutoSave is on: the change is recorded, its save refused; the file keeps the other session's VM.
            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => first.RecordChange()), "LabFileChanged");
            Assert.Equal(path, error.Target);
            Assert.True(first.Describe().IsModified);
            Assert.NotNull(first.Estate.FindVM("onprem-lon", "mine01"));
            var saved = LabFile.Load(path).VMs;
            Assert.Contains(saved, v => v.Name == "theirs01");
            Assert.DoesNotContain(saved, v => v.Name == "mine01");
            Assert.Equal("LabFileChanged", Assert.Throws<HybridException>(() => first.Save(null)).ErrorId);

            first.Save(null, force: true);

            saved = LabFile.Load(path).VMs;
            Assert.Contains(saved, v => v.Name == "mine01");
            Assert.DoesNotContain(saved, v => v.Name == "theirs01");
            Assert.False(first.Describe().IsModified);

            // And now the other session is the one behind.
            second.Estate.AddVM(Spec("theirs02"));
            Assert.Equal("LabFileChanged", Assert.Throws<HybridException>(() => second.RecordChange()).ErrorId);
            second.Open(path);
            second.Estate.AddVM(Spec("theirs03"));
            second.RecordChange();
            Assert.Contains(LabFile.Load(path).VMs, v => v.Name == "theirs03");
        }

        [Fact]
        public void Saving_to_another_existing_file_replaces_it_and_makes_it_the_labs_file()
        {
            var other = TestFiles.TempPath();
            LabFile.Save(LabGenerator.CreateDefault(), other);
            var lab = LabSession.CreateDefault();
            lab.Save(path);
            lab.Estate.AddVM(Spec("elsewhere01"));

            lab.Save(other);

            Assert.Equal(Path.GetFullPath(other), lab.Path);
            Assert.Contains(LabFile.Load(other).VMs, v => v.Name == "elsewhere01");
            File.Delete(other);
        }

        [Fact]
        public void A_session_whose_lab_would_not_open_again_does_not_write_it()
        {
            var twin = LabSession.CreateDefault().ToDocument();
            var copy = twin.VMs.First(v => v.Name == "crm-web01").Copy();
            copy.Id = "VirtualMachine-vm-999999";
            twin.VMs.Add(copy);
            var broken = LabSession.FromDocument(twin);
            var other = TestFiles.TempPath();

            DocumentedErrors.Check(Assert.Throws<HybridException>(() => broken.Save(other)), "LabInvalid");

            Assert.False(File.Exists(other));
            Assert.Null(broken.Path);
            Assert.Equal(LabOrigin.Embedded, broken.Describe().Origin);
        }

        [Fact]
        public void A_move_whose_name_was_taken_at_the_destination_while_it_ran_fails_with_the_VM_at_its_source()
        {
            var lab = LabSession.CreateDefault();
            lab.Save(path);
            var task = Submit(lab, "onprem-lon", "crm-web01", "avs-westeurope");
            var source = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            var squatter = lab.Estate.AddVM(Spec("crm-web01", "avs-westeurope"));
            lab.RecordChange();

            lab.WaitFor(new[] { task }, CancellationToken.None);
            lab.RecordMoves();

            Assert.Equal(MigrationStatus.Failed, task.State);
            Assert.Equal("VMNameInUseAtDestination", task.Result.Error);
            Assert.Contains("avs-westeurope", task.Result.ErrorMessage);
            Assert.Same(source, lab.Estate.FindVM("onprem-lon", "crm-web01"));
            Assert.Same(squatter, lab.Estate.FindVM("avs-westeurope", "crm-web01"));
            var error = DocumentedErrors.Check(EngineErrors.MigrationFailed(task.VM, task.Result.Error!, task.Result.ErrorMessage), "VMNameInUseAtDestination");
            Assert.Equal(ErrorKind.ResourceExists, error.Kind);

            var reopened = LabFile.Load(path);
            Assert.Single(reopened.VMs, v => v.Name == "crm-web01" && v.Endpoint == "avs-westeurope");
            Assert.Single(reopened.VMs, v => v.Name == "crm-web01" && v.Endpoint == "onprem-lon");
        }

        [Fact]
        public void Of_two_VMs_of_one_name_moved_to_one_destination_the_second_to_arrive_fails()
        {
            var lab = LabSession.CreateDefault();
            var twin = Spec("crm-web01", "vmc-eu-west-2");
            twin.NetworkNames = new[] { "L2E_Web-VLAN110-110" };
            lab.Estate.AddVM(twin);
            lab.Save(path);
            var tasks = new[] { Submit(lab, "onprem-lon", "crm-web01", "avs-westeurope"), Submit(lab, "vmc-eu-west-2", "crm-web01", "avs-westeurope") };

            lab.WaitFor(tasks, CancellationToken.None);
            lab.RecordMoves();

            Assert.Single(tasks, t => t.State == MigrationStatus.Succeeded);
            var failed = Assert.Single(tasks, t => t.State == MigrationStatus.Failed);
            Assert.Equal("VMNameInUseAtDestination", failed.Result.Error);
            Assert.Single(lab.Estate.VMs, v => v.Name == "crm-web01" && v.Endpoint == "avs-westeurope");
            Assert.Equal(2, lab.Estate.FindVMsNamed("crm-web01").Count);
            Assert.Equal(2, LabFile.Load(path).VMs.Count(v => v.Name == "crm-web01"));
        }

        [Fact]
        public void A_move_whose_destination_datastore_is_gone_at_switchover_changes_nothing()
        {
            var lab = LabSession.CreateDefault();
            var vm = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            var plan = MigrationPlanner.Plan(lab.Estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope" });
            plan.DestinationDatastore = new Datastore { Name = "gone-datastore" };
            var before = lab.Estate.VMs;

            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => lab.Estate.CompleteMigration(plan, new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc))), "DestinationChanged");

            Assert.Contains("gone-datastore", error.Message);
            Assert.Equal(before, lab.Estate.VMs);
        }
    }
}
