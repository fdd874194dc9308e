using System;
using System.IO;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Engine.Reports;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Writing a report to its file, with Export-Csv's -NoClobber and -Force semantics.</summary>
    public sealed class ReportFileTests : IDisposable
    {
        private static readonly MigrationReport Report = new MigrationReport("wave", SampleWave.Synthetic(5), Array.Empty<MigrationReadiness>());
        private readonly string folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-report-" + Guid.NewGuid().ToString("N"));

        public ReportFileTests() => Directory.CreateDirectory(folder);

        public void Dispose()
        {
            foreach (var file in Directory.GetFiles(folder)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(folder, recursive: true);
        }

        private string PathOf(string name) => Path.Combine(folder, name);

        [Fact]
        public void Writes_the_report_and_returns_its_file()
        {
            var written = ReportFile.Write(Report, PathOf("report.html"), noClobber: false, force: false);
            Assert.Equal(PathOf("report.html"), written.FullName);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(written.FullName));
            Assert.Equal(written.Length, new FileInfo(written.FullName).Length);
            Assert.Single(Directory.GetFiles(folder));
        }

        [Fact]
        public void Overwrites_an_existing_file_unless_NoClobber()
        {
            var path = PathOf("report.html");
            File.WriteAllText(path, "old");
            ReportFile.Write(Report, path, noClobber: false, force: false);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path));

            File.WriteAllText(path, "old");
            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => ReportFile.Write(Report, path, noClobber: true, force: true)), "ReportFileExists");
            Assert.Equal(path, error.Target);
            Assert.Contains(path, error.Message);
            Assert.Equal("old", File.ReadAllText(path));
        }

        [Fact]
        public void Overwrites_a_read_only_file_only_with_Force_and_leaves_it_read_only()
        {
            var path = PathOf("report.html");
            File.WriteAllText(path, "old");
            File.SetAttributes(path, FileAttributes.ReadOnly);
            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => ReportFile.Write(Report, path, noClobber: false, force: false)), "ReportFileUnwritable");
            Assert.Contains("-Force", error.RecommendedAction);
            Assert.Equal("old", File.ReadAllText(path));

            ReportFile.Write(Report, path, noClobber: false, force: true);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path));
            Assert.True(File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly));
            Assert.Single(Directory.GetFiles(folder));
        }

        [Fact]
        public void A_folder_or_a_missing_folder_is_an_error_that_leaves_nothing_behind()
        {
            DocumentedErrors.Check(Assert.Throws<HybridException>(() => ReportFile.Write(Report, folder, noClobber: false, force: false)), "PathNotFile");
            var missing = Path.Combine(folder, "no-such-folder", "report.html");
            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => ReportFile.Write(Report, missing, noClobber: false, force: false)), "ReportFileUnwritable");
            Assert.Equal(missing, error.Target);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
    }
}
