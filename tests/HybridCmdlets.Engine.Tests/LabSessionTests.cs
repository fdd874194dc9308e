using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;

namespace HybridCmdlets.Engine.Tests
{
    public class LabSessionTests
    {
        private static NewVMSpec Spec(string name) => new NewVMSpec { Name = name, Endpoint = "onprem-lon", MemoryMB = 2048 };

        [Fact]
        public void Starts_with_the_embedded_default_lab()
        {
            var lab = LabSession.CreateDefault().Describe();
            Assert.Equal(LabOrigin.Embedded, lab.Origin);
            Assert.Null(lab.Path);
            Assert.Equal(6, lab.EndpointCount);
            Assert.True(lab.VMCount >= 150);
            Assert.False(lab.IsModified);
            Assert.True(lab.AutoSave);
        }

        [Fact]
        public void Saving_the_embedded_lab_needs_a_path()
        {
            var error = Assert.Throws<HybridException>(() => LabSession.CreateDefault().Save(null));
            Assert.Equal("LabPathRequired", error.ErrorId);
        }

        [Fact]
        public void A_lab_saved_then_opened_elsewhere_has_the_same_content_and_becomes_file_backed()
        {
            var path = TestFiles.TempPath();
            var first = LabSession.CreateDefault();
            first.Estate.AddVM(Spec("extra01"));
            first.RecordChange();
            Assert.True(first.Describe().IsModified);
            var saved = first.Save(path);
            Assert.False(saved.IsModified);
            Assert.Equal(LabOrigin.File, saved.Origin);

            var second = LabSession.CreateDefault();
            var opened = second.Open(path);
            Assert.Equal(Path.GetFullPath(path), opened.Path);
            Assert.NotNull(second.Estate.FindVM("onprem-lon", "extra01"));
            Assert.Equal(TestFiles.ToJson(first.ToDocument()), TestFiles.ToJson(second.ToDocument()));
            File.Delete(path);
        }

        [Fact]
        public void A_failed_open_leaves_the_current_lab_untouched()
        {
            var lab = LabSession.CreateDefault();
            lab.Estate.AddVM(Spec("keep-me"));
            var before = lab.Describe();
            var estate = lab.Estate;
            var bad = TestFiles.Write("{ \"schemaVersion\": 1, \"endpoints\": [ ");

            Assert.Throws<HybridException>(() => lab.Open(bad));

            Assert.Same(estate, lab.Estate);
            Assert.Equal(before.VMCount, lab.Describe().VMCount);
            Assert.Equal(before.Name, lab.Describe().Name);
            Assert.Null(lab.Path);
            File.Delete(bad);
        }

        [Fact]
        public void AutoSave_writes_a_file_backed_lab_after_each_change()
        {
            var path = TestFiles.TempPath();
            var lab = LabSession.CreateDefault();
            lab.Save(path);

            lab.Estate.AddVM(Spec("autosaved01"));
            lab.RecordChange();

            Assert.False(lab.Describe().IsModified);
            Assert.Contains(LabFile.Load(path).VMs, v => v.Name == "autosaved01");
            File.Delete(path);
        }

        [Fact]
        public void With_AutoSave_off_changes_wait_for_Save()
        {
            var path = TestFiles.TempPath();
            var lab = LabSession.CreateDefault();
            lab.Save(path);
            lab.SetOptions(autoSave: false);

            lab.Estate.AddVM(Spec("unsaved01"));
            lab.RecordChange();

            Assert.True(lab.Describe().IsModified);
            Assert.DoesNotContain(LabFile.Load(path).VMs, v => v.Name == "unsaved01");
            lab.Save(null);
            Assert.Contains(LabFile.Load(path).VMs, v => v.Name == "unsaved01");
            Assert.False(LabFile.Load(path).Options.AutoSave);
            File.Delete(path);
        }

        [Fact]
        public void ResetToDefault_forgets_the_file_and_the_changes()
        {
            var path = TestFiles.TempPath();
            var lab = LabSession.CreateDefault();
            var count = lab.Describe().VMCount;
            lab.Save(path);
            lab.Estate.RemoveVM(lab.Estate.VMs.First().Id);
            lab.RecordChange();

            var reset = lab.ResetToDefault();

            Assert.Equal(LabOrigin.Embedded, reset.Origin);
            Assert.Null(reset.Path);
            Assert.Equal(count, reset.VMCount);
            Assert.Equal(count - 1, LabFile.Load(path).VMs.Count);
            File.Delete(path);
        }

        private static CloudTask SubmitMove(LabSession lab, string vm) =>
            lab.Submit(MigrationPlanner.Plan(lab.Estate, new MigrationRequest { VMId = lab.Estate.FindVM("onprem-lon", vm)!.Id, DestinationEndpoint = "avs-westeurope" }));

        [Fact]
        public void Moves_run_on_the_lab_timeline_and_are_saved_once_with_the_clock_they_reached()
        {
            var path = Path.Combine(Path.GetTempPath(), "hybridcmdlets-session-" + System.Guid.NewGuid().ToString("N") + ".json");
            try
            {
                var lab = LabSession.CreateDefault();
                lab.Save(path);
                var tasks = new[] { SubmitMove(lab, "crm-web01"), SubmitMove(lab, "crm-web02") };
                Assert.Equal(2, lab.Describe().RunningTasks);
                Assert.False(lab.RecordMoves());

                lab.WaitFor(tasks, System.Threading.CancellationToken.None);
                Assert.All(tasks, t => Assert.Equal(MigrationStatus.Succeeded, t.State));
                Assert.True(lab.Describe().Clock > LabDocument.DefaultClock);
                Assert.True(lab.RecordMoves());
                Assert.False(lab.RecordMoves());

                var reopened = LabSession.CreateDefault();
                reopened.Open(path);
                Assert.NotNull(reopened.Estate.FindVM("avs-westeurope", "crm-web02"));
                Assert.Equal(lab.Describe().Clock, reopened.Describe().Clock);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_lab_with_moves_under_way_is_not_replaced_and_its_vms_are_not_removed()
        {
            var lab = LabSession.CreateDefault();
            var task = SubmitMove(lab, "crm-web01");
            Assert.Equal("LabBusy", Assert.Throws<HybridException>(() => lab.ResetToDefault()).ErrorId);
            Assert.Equal("MigrationInProgress", Assert.Throws<HybridException>(() => lab.Estate.RemoveVM(task.Result.VMId)).ErrorId);
            Assert.Same(task, Assert.Single(lab.Timeline.Tasks));

            lab.Timeline.Cancel(task);
            lab.ResetToDefault();
            Assert.Empty(lab.Timeline.Tasks);
        }

        [Fact]
        public void A_time_scale_out_of_range_is_refused_and_changes_nothing()
        {
            var lab = LabSession.CreateDefault();
            foreach (var bad in new[] { -1, double.NaN, LabSession.MaxTimeScale * 2 })
            {
                Assert.Equal("ValueOutOfRange", Assert.Throws<HybridException>(() => lab.SetOptions(timeScale: bad)).ErrorId);
            }

            Assert.Equal(0, lab.Options.TimeScale);
            lab.SetOptions(timeScale: 30, algorithm: MigrationAlgorithm.Qemu);
            Assert.Equal(30, lab.Timeline.TimeScale);
            Assert.Equal(MigrationAlgorithm.Qemu, lab.Describe().MigrationAlgorithm);
        }
    }
}
