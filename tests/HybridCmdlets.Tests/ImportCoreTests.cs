using System;
using System.IO;
using System.Linq;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Import;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Tests
{
    public class ImportCoreTests
    {
        private readonly LabSession lab = LabSession.CreateDefault();

        private static string Sample(string file) => Path.Combine(ModuleUnderTest.RepositoryRoot, "examples", "rvtools", file);

        private static ImportCloudInventoryParameters Parameters(string vInfo = "vInfo.csv", bool skip = false, bool passThru = true) => new ImportCloudInventoryParameters
        {
            Path = Sample(vInfo), NetworkPath = Sample("vNetwork.csv"), DiskPath = Sample("vDisk.csv"), SkipInvalidRows = skip, PassThru = passThru,
        };

        /// <summary>The sample vInfo with its cells changed: (VM, column, value) each.</summary>
        private static string BrokenSample(params (string VM, string Column, string Value)[] changes)
        {
            var lines = File.ReadAllText(Sample("vInfo.csv"));
            var header = lines.Substring(0, lines.IndexOf('\r')).Split(',').Select(h => h.Trim('"')).ToList();
            foreach (var (vm, column, value) in changes)
            {
                var start = lines.IndexOf("\r\n\"" + vm + "\",", StringComparison.Ordinal) + 2;
                var end = lines.IndexOf("\r\n\"", start + 1, StringComparison.Ordinal);
                var cells = lines.Substring(start, end - start).Split("\",\"");
                var index = header.IndexOf(column);
                cells[index] = (index == 0 ? "\"" : "") + value + (index == cells.Length - 1 ? "\"" : "");
                lines = lines.Substring(0, start) + string.Join("\",\"", cells) + lines.Substring(end);
            }

            var path = Path.Combine(Path.GetTempPath(), "hybridcmdlets-tests", Guid.NewGuid().ToString("N") + ".csv");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, lines);
            return path;
        }

        [Fact]
        public void Imports_the_sample_asks_once_and_writes_the_VMs_with_PassThru()
        {
            var output = new RecordingOutput();
            new ImportCloudInventoryCore(lab).Run(Parameters(), output);

            var (target, action) = Assert.Single(output.ShouldProcessCalls);
            Assert.Equal("endpoint 'onprem-lon'", target);
            Assert.Equal("Import 37 VMs from 'vInfo.csv' (creating 4 clusters, 10 hosts, 7 datastores, 7 networks)", action);
            var vms = output.OfType<CloudVM>().ToList();
            Assert.Equal(37, vms.Count);
            Assert.Equal(37, output.Objects.Count);
            Assert.All(vms, vm => Assert.Same(vm, lab.Estate.FindVMById(vm.Id)));
            Assert.All(vms, vm => Assert.True(vm.Workload.IsEstimated));
            Assert.Empty(output.Errors);
            Assert.True(lab.Describe().IsModified);
            var summary = Assert.Single(output.Verbose);
            Assert.StartsWith("Imported 37 VMs into onprem-lon from vInfo.csv (40 rows, RVTools 4.x headers, ','-separated, decimal point), vNetwork.csv (47 rows, ','-separated), vDisk.csv (70 rows, RVTools 4.x headers, ','-separated, decimal point). Exported from vcsa02.man.corp.example. Created 4 clusters, 10 hosts, 7 datastores, 7 networks (hosts sized from their VMs, Model 'imported (RVTools)').", summary);
            Assert.EndsWith("Left out: 2 templates, 1 SRM placeholder.", summary);
        }

        [Fact]
        public void Writes_nothing_without_PassThru()
        {
            var output = new RecordingOutput();
            new ImportCloudInventoryCore(lab).Run(Parameters(passThru: false), output);
            Assert.Empty(output.Objects);
            Assert.Equal(161 + 37, lab.Estate.VMCount);
        }

        [Fact]
        public void With_WhatIf_says_what_it_would_create_and_changes_nothing()
        {
            var endpoint = lab.Estate.GetEndpoint("onprem-lon");
            var output = new RecordingOutput(confirm: false);
            new ImportCloudInventoryCore(lab).Run(Parameters(), output);

            Assert.Single(output.ShouldProcessCalls);
            Assert.Empty(output.Objects);
            Assert.Equal(161, lab.Estate.VMCount);
            Assert.Same(endpoint, lab.Estate.GetEndpoint("onprem-lon"));
            Assert.False(lab.Describe().IsModified);
        }

        [Fact]
        public void A_bad_row_stops_the_import_before_it_asks_and_imports_nothing()
        {
            var path = BrokenSample(("pay-app01", "Memory", "16 GB"), ("dmz-mail01", "Host", ""));
            var output = new RecordingOutput();
            var parameters = Parameters();
            parameters.Path = path;

            var error = Assert.Throws<HybridException>(() => new ImportCloudInventoryCore(lab).Run(parameters, output));

            Assert.Equal("InventoryFileInvalid", error.ErrorId);
            var at = Assert.IsType<InventoryRowLocation>(error.Target);
            Assert.Equal((12, "Memory", "16 GB", "pay-app01"), (at.Line, at.Column, at.Value, at.VM));
            Assert.EndsWith("Nothing was imported: 2 rows are invalid (-SkipInvalidRows -WhatIf lists them all).", error.Message);
            Assert.Empty(output.ShouldProcessCalls);
            Assert.Equal(161, lab.Estate.VMCount);
            Assert.False(lab.Describe().IsModified);
        }

        [Fact]
        public void SkipInvalidRows_reports_each_bad_row_and_imports_the_others()
        {
            var path = BrokenSample(("pay-app01", "Memory", "16 GB"), ("dmz-mail01", "Host", ""));
            var output = new RecordingOutput();
            var parameters = Parameters(skip: true);
            parameters.Path = path;
            new ImportCloudInventoryCore(lab).Run(parameters, output);

            Assert.Equal(new[] { ("InventoryFileInvalid", 12, "Memory"), ("InventoryFileInvalid", 29, "Host") },
                output.Errors.Select(e => (e.ErrorId, ((InventoryRowLocation)e.Target!).Line, ((InventoryRowLocation)e.Target!).Column)));
            Assert.Equal(35, output.OfType<CloudVM>().Count());
            Assert.Null(lab.Estate.FindVM("onprem-lon", "pay-app01"));
            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "pay-web01"));
            Assert.EndsWith("Left out: 2 templates, 1 SRM placeholder, 2 invalid rows (2 VMs).", Assert.Single(output.Verbose));
        }

        [Fact]
        public void Importing_the_same_export_twice_is_VMNameInUse_for_every_row()
        {
            new ImportCloudInventoryCore(lab).Run(Parameters(), new RecordingOutput());

            var error = Assert.Throws<HybridException>(() => new ImportCloudInventoryCore(lab).Run(Parameters(), new RecordingOutput()));
            Assert.Equal("VMNameInUse", error.ErrorId);
            Assert.EndsWith("Nothing was imported: 37 rows are invalid (-SkipInvalidRows -WhatIf lists them all).", error.Message);

            var skipping = new RecordingOutput();
            new ImportCloudInventoryCore(lab).Run(Parameters(skip: true), skipping);
            Assert.Equal(37, skipping.Errors.Count);
            Assert.Empty(skipping.ShouldProcessCalls);
            Assert.Equal("No VM imported from 'vInfo.csv': 37 invalid rows skipped, 2 templates left out, 1 SRM placeholder left out.", Assert.Single(skipping.Warnings));
        }

        [Fact]
        public void Imports_into_the_endpoint_named_and_refuses_a_cloud_one()
        {
            var parameters = Parameters();
            parameters.Endpoint = "avs-westeurope";
            var error = Assert.Throws<HybridException>(() => new ImportCloudInventoryCore(lab).Run(parameters, new RecordingOutput()));
            Assert.Equal("EndpointNotOnPremises", error.ErrorId);
            Assert.Equal(161, lab.Estate.VMCount);
        }

        [Fact]
        public void A_file_backed_lab_is_saved_after_the_import()
        {
            var file = Path.Combine(Path.GetTempPath(), "hybridcmdlets-tests", Guid.NewGuid().ToString("N") + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            try
            {
                lab.Save(file);
                new ImportCloudInventoryCore(lab).Run(new ImportCloudInventoryParameters { Path = Sample("vInfo-rvtools3.csv") }, new RecordingOutput());
                Assert.Contains("\"dus-sql01\"", File.ReadAllText(file));
                Assert.False(lab.Describe().IsModified);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void A_missing_file_or_a_foreign_csv_is_terminating()
        {
            var parameters = Parameters();
            parameters.DiskPath = Sample("no-such-vDisk.csv");
            Assert.Equal("InventoryFileNotFound", Assert.Throws<HybridException>(() => new ImportCloudInventoryCore(lab).Run(parameters, new RecordingOutput())).ErrorId);
            parameters = Parameters();
            parameters.Path = Sample("vDisk.csv");
            var error = Assert.Throws<HybridException>(() => new ImportCloudInventoryCore(lab).Run(parameters, new RecordingOutput()));
            Assert.Equal("InventoryColumnMissing", error.ErrorId);
            Assert.Contains("it has no 'CPUs' column", error.Message);
            Assert.Equal(161, lab.Estate.VMCount);
        }
    }
}
