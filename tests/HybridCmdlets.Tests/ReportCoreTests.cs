using System;
using System.IO;
using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Tests
{
    /// <summary>Export-MigrationReport's core: what it takes from the pipeline, what it refuses, and the file it writes.</summary>
    public sealed class ReportCoreTests : IDisposable
    {
        private readonly LabSession lab = LabSession.CreateDefault();
        private readonly string folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-report-core-" + Guid.NewGuid().ToString("N"));

        public ReportCoreTests() => Directory.CreateDirectory(folder);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private ExportMigrationReportParameters Parameters(bool passThru = false) =>
            new ExportMigrationReportParameters { Path = Path.Combine(folder, "report.html"), Title = "Wave 1", PassThru = passThru };

        private CloudTask[] Submit(params string[] vms)
        {
            var output = new RecordingOutput();
            new MoveCloudVMCore(lab).Run(new MoveCloudVMParameters
            {
                VM = vms.Select(v => new VMIdParameter(v)).ToArray(),
                Destination = "avs-westeurope",
                RunAsync = true,
            }, output);
            Assert.Empty(output.Errors);
            return output.OfType<CloudTask>().ToArray();
        }

        private MigrationResult[] Wait(CloudTask[] tasks)
        {
            var waiting = new WaitCloudTaskCore(lab);
            waiting.Add(tasks);
            var output = new RecordingOutput();
            waiting.WaitAll(output);
            return output.OfType<MigrationResult>().ToArray();
        }

        private MigrationReadiness[] Readiness(params string[] vms)
        {
            var output = new RecordingOutput();
            new TestMigrationReadinessCore(lab).Run(new MigrationRequestParameters { VM = vms.Select(v => new VMIdParameter(v)).ToArray(), Destination = "avs-westeurope" }, output);
            return output.OfType<MigrationReadiness>().ToArray();
        }

        private static int Bars(string path) => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(path), "class=\"migration-bar ").Count;

        [Fact]
        public void Results_tasks_and_readiness_make_one_report_with_each_migration_once()
        {
            var tasks = Submit("crm-web01", "crm-web02");
            var results = Wait(tasks);
            var core = new ExportMigrationReportCore();
            var output = new RecordingOutput();
            foreach (var item in tasks.Cast<object>().Concat(results).Concat(Readiness("crm-app01", "crm-db01", "hr-web01"))) core.Add(item, output);
            core.Write(Parameters(passThru: true), output);

            Assert.Empty(output.Errors);
            var (target, action) = Assert.Single(output.ShouldProcessCalls);
            Assert.Equal(Parameters().Path, target);
            Assert.Equal("Write a migration report of 2 migrations and 3 readiness results", action);
            var file = Assert.IsType<FileInfo>(Assert.Single(output.Objects));
            Assert.Equal(Parameters().Path, file.FullName);
            Assert.Equal(2, Bars(file.FullName));
            Assert.Contains("<title>Wave 1</title>", File.ReadAllText(file.FullName));
            Assert.Contains(output.Verbose, v => v.Contains("2 migrations, 3 readiness results"));
        }

        [Fact]
        public void An_object_it_cannot_report_is_an_error_naming_its_type_and_value_and_the_rest_is_reported()
        {
            var core = new ExportMigrationReportCore();
            var output = new RecordingOutput();
            core.Add("crm-web01", output);
            core.Add(lab.Estate.FindVM("onprem-lon", "crm-web02")!, output);
            foreach (var result in Wait(Submit("crm-web03"))) core.Add(result, output);
            core.Write(Parameters(), output);

            Assert.Equal(2, output.Errors.Count);
            var text = DocumentedErrors.Check(output.Errors[0], "ReportInputNotSupported");
            Assert.Equal("crm-web01", text.Target);
            Assert.Contains("System.String ('crm-web01')", text.Message);
            Assert.Contains("MigrationResult", text.Message);
            Assert.Contains("Wait-CloudTask", text.RecommendedAction);
            Assert.Contains("HybridCmdlets.Engine.Inventory.CloudVM ('crm-web02')", output.Errors[1].Message);
            Assert.Equal(1, Bars(Parameters().Path));
        }

        [Fact]
        public void A_migration_still_under_way_is_left_out_with_an_error_and_alone_writes_nothing()
        {
            var task = Assert.Single(Submit("crm-web01"));
            var core = new ExportMigrationReportCore();
            var output = new RecordingOutput();
            core.Add(task, output);
            core.Add(task.Result, output);

            Assert.Equal(2, output.Errors.Count);
            var error = DocumentedErrors.Check(output.Errors[0], "MigrationNotFinished");
            Assert.Same(task, error.Target);
            Assert.Matches("'crm-web01' is still (Queued|Running)", error.Message);
            Assert.Same(task.Result, output.Errors[1].Target);

            DocumentedErrors.Check(Assert.Throws<HybridException>(() => core.Write(Parameters(), output)), "ReportInputMissing");
            Assert.False(File.Exists(Parameters().Path));
            Wait(new[] { task });
        }

        [Fact]
        public void Nothing_to_report_is_an_error_and_no_file()
        {
            var output = new RecordingOutput();
            var core = new ExportMigrationReportCore();
            core.Add(null, output);
            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => core.Write(Parameters(), output)), "ReportInputMissing");
            Assert.Equal(Parameters().Path, error.Target);
            Assert.Contains(Parameters().Path, error.Message);
            Assert.Empty(output.ShouldProcessCalls);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }

        [Fact]
        public void WhatIf_writes_nothing()
        {
            var core = new ExportMigrationReportCore();
            var output = new RecordingOutput(confirm: false);
            foreach (var readiness in Readiness("crm-web01")) core.Add(readiness, output);
            core.Write(Parameters(passThru: true), output);
            Assert.Single(output.ShouldProcessCalls);
            Assert.Empty(output.Objects);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }

        [Fact]
        public void NoClobber_keeps_an_existing_file()
        {
            File.WriteAllText(Parameters().Path, "mine");
            var core = new ExportMigrationReportCore();
            var output = new RecordingOutput();
            foreach (var readiness in Readiness("crm-web01")) core.Add(readiness, output);
            var parameters = Parameters();
            parameters.NoClobber = true;
            DocumentedErrors.Check(Assert.Throws<HybridException>(() => core.Write(parameters, output)), "ReportFileExists");
            Assert.Equal("mine", File.ReadAllText(parameters.Path));

            core.Write(Parameters(), output);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(parameters.Path));
        }
    }
}
