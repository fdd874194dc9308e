using System.IO;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Tests
{
    public class LabCoreTests
    {
        private readonly LabSession lab = LabSession.CreateDefault();

        private static string TempPath() => Path.Combine(Path.GetTempPath(), "hybridcmdlets-core-" + System.Guid.NewGuid().ToString("N") + ".json");

        [Fact]
        public void GetHybridLab_describes_the_current_lab()
        {
            var output = new RecordingOutput();
            new GetHybridLabCore(lab).Run(output);
            var described = Assert.IsType<HybridLab>(Assert.Single(output.Objects));
            Assert.Equal("Default hybrid lab", described.Name);
            Assert.Equal(LabOrigin.Embedded, described.Origin);
        }

        [Fact]
        public void SaveHybridLab_needs_a_path_for_the_embedded_lab()
        {
            var error = Assert.Throws<HybridException>(() => new SaveHybridLabCore(lab).Run(null, false, new RecordingOutput()));
            Assert.Equal("LabPathRequired", error.ErrorId);
        }

        [Fact]
        public void SaveHybridLab_with_WhatIf_writes_nothing()
        {
            var path = TempPath();
            var output = new RecordingOutput(confirm: false);
            new SaveHybridLabCore(lab).Run(path, passThru: true, output);
            Assert.Equal(path, Assert.Single(output.ShouldProcessCalls).Target);
            Assert.False(File.Exists(path));
            Assert.Empty(output.Objects);
        }

        [Fact]
        public void Save_then_open_round_trips_through_the_cores()
        {
            var path = TempPath();
            var save = new RecordingOutput();
            new SaveHybridLabCore(lab).Run(path, passThru: true, save);
            Assert.Equal(path, Assert.IsType<HybridLab>(Assert.Single(save.Objects)).Path);

            var other = LabSession.CreateDefault();
            var open = new RecordingOutput();
            new OpenHybridLabCore(other).FromFile(path, open);
            var opened = Assert.IsType<HybridLab>(Assert.Single(open.Objects));
            Assert.Equal(LabOrigin.File, opened.Origin);
            Assert.Equal(lab.Describe().VMCount, opened.VMCount);
            File.Delete(path);
        }

        [Fact]
        public void OpenHybridLab_on_a_bad_file_throws_and_keeps_the_current_lab()
        {
            var path = TempPath();
            File.WriteAllText(path, "{ not json");
            var estate = lab.Estate;
            var error = Assert.Throws<HybridException>(() => new OpenHybridLabCore(lab).FromFile(path, new RecordingOutput()));
            Assert.Equal("LabFileInvalid", error.ErrorId);
            Assert.Same(estate, lab.Estate);
            File.Delete(path);
        }

        [Fact]
        public void OpenHybridLab_Default_warns_when_unsaved_changes_are_discarded()
        {
            lab.Estate.RemoveVM(lab.Estate.FindVM("onprem-lon", "crm-web01")!.Id);
            lab.RecordChange();
            var output = new RecordingOutput();
            new OpenHybridLabCore(lab).Default(output);
            Assert.Contains("never saved", Assert.Single(output.Warnings));
            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "crm-web01"));
        }

        [Fact]
        public void OpenHybridLab_that_fails_warns_of_nothing_because_nothing_was_discarded()
        {
            lab.Estate.RemoveVM(lab.Estate.FindVM("onprem-lon", "crm-web01")!.Id);
            lab.RecordChange();
            var output = new RecordingOutput();
            Assert.Throws<HybridException>(() => new OpenHybridLabCore(lab).FromFile(TempPath(), output));
            Assert.Empty(output.Warnings);
            Assert.True(lab.Describe().IsModified);
        }

        [Fact]
        public void OpenHybridLab_warns_when_a_file_backed_lab_with_AutoSave_off_had_unsaved_changes()
        {
            var path = TempPath();
            lab.Save(path);
            lab.SetOptions(autoSave: false);
            lab.Estate.RemoveVM(lab.Estate.FindVM("onprem-lon", "crm-web01")!.Id);
            lab.RecordChange();
            var output = new RecordingOutput();
            new OpenHybridLabCore(lab).FromFile(path, output);
            Assert.Contains("AutoSave was off", Assert.Single(output.Warnings));
            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "crm-web01"));
            File.Delete(path);
        }

        [Fact]
        public void SetHybridLabOption_saves_a_file_backed_lab_and_reports_a_failed_save_without_stopping()
        {
            var folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-core-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "lab.json");
            lab.Save(path);
            Directory.Delete(folder, recursive: true);

            var output = new RecordingOutput();
            new SetHybridLabOptionCore(lab).Run(true, null, null, passThru: true, output);

            Assert.Equal("LabFileUnwritable", Assert.Single(output.Errors).ErrorId);
            Assert.True(Assert.IsType<HybridLab>(Assert.Single(output.Objects)).IsModified);
        }

        [Fact]
        public void SetHybridLabOption_changes_AutoSave_and_needs_an_option()
        {
            var output = new RecordingOutput();
            new SetHybridLabOptionCore(lab).Run(false, null, null, passThru: true, output);
            Assert.False(Assert.IsType<HybridLab>(Assert.Single(output.Objects)).AutoSave);
            Assert.False(lab.Options.AutoSave);

            var error = Assert.Throws<HybridException>(() => new SetHybridLabOptionCore(lab).Run(null, null, null, false, new RecordingOutput()));
            Assert.Equal("LabOptionRequired", error.ErrorId);
        }
    }
}
