using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Files;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Import;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Reports;
using HybridCmdlets.Testing;
using Xunit;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Only regular files are opened: a folder, a named pipe or a device is PathNotFile at once, before anything is
    /// opened (a pipe would block the open), for reading and as the target of a write, and nothing changes.
    /// </summary>
    public sealed class RegularFileTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-regular-" + Guid.NewGuid().ToString("N"));

        public RegularFileTests() => Directory.CreateDirectory(folder);

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private string PathOf(string name) => Path.Combine(folder, name);

        /// <summary>A named pipe made by mkfifo(1), as a user would make one.</summary>
        private string Fifo(string name = "pipe")
        {
            var path = PathOf(name);
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
            return path;
        }

        /// <summary>Runs what must fail at once; a hang (a blocked open of a pipe) fails the test instead of the run.</summary>
        private static HybridException FailsPromptly(Action act, string errorId)
        {
            var attempt = Task.Run(() => Assert.Throws<HybridException>(act));
            Assert.True(attempt.Wait(TimeSpan.FromSeconds(60)), "the call blocked");
            return DocumentedErrors.Check(attempt.Result, errorId);
        }

        [Fact]
        public void Tells_regular_files_folders_pipes_and_devices_apart()
        {
            var file = PathOf("lab.json");
            File.WriteAllText(file, "{}");
            Assert.Equal(FileKind.Regular, RegularFile.KindOf(file));
            Assert.Equal(FileKind.Directory, RegularFile.KindOf(folder));
            Assert.Equal(FileKind.Missing, RegularFile.KindOf(PathOf("missing.json")));
            Assert.Equal(FileKind.Missing, RegularFile.KindOf(Path.Combine(file, "under-a-file.json")));
            Assert.Equal(FileKind.NamedPipe, RegularFile.KindOf(Fifo()));
            Assert.Equal(FileKind.CharacterDevice, RegularFile.KindOf("/dev/null"));
            Assert.Equal(FileKind.CharacterDevice, RegularFile.KindOf("/dev/zero"));
        }

        [Fact]
        public void Follows_symbolic_links()
        {
            var file = PathOf("lab.json");
            File.WriteAllText(file, "{}");
            File.CreateSymbolicLink(PathOf("to-file"), file);
            File.CreateSymbolicLink(PathOf("to-pipe"), Fifo());
            File.CreateSymbolicLink(PathOf("dangling"), PathOf("nothing"));
            Assert.Equal(FileKind.Regular, RegularFile.KindOf(PathOf("to-file")));
            Assert.Equal(FileKind.NamedPipe, RegularFile.KindOf(PathOf("to-pipe")));
            Assert.Equal(FileKind.Missing, RegularFile.KindOf(PathOf("dangling")));
            RegularFile.Require(PathOf("to-file"), "lab file");
        }

        [Fact]
        public void A_regular_or_a_missing_file_passes_with_its_full_path()
        {
            var file = PathOf("lab.json");
            File.WriteAllText(file, "{}");
            Assert.Equal(file, RegularFile.FullPath(Path.Combine(folder, ".", "lab.json"), "lab file"));
            Assert.Equal(PathOf("new.json"), RegularFile.FullPath(PathOf("new.json"), "lab file"));
        }

        [Fact]
        public void A_folder_a_pipe_or_a_device_is_PathNotFile_naming_what_it_is()
        {
            Assert.Contains("is a folder, not a regular file", FailsPromptly(() => RegularFile.Require(folder, "lab file"), "PathNotFile").Message);
            var pipe = Fifo();
            var error = FailsPromptly(() => RegularFile.Require(pipe, "lab file"), "PathNotFile");
            Assert.Contains("is a named pipe (FIFO)", error.Message);
            Assert.Equal(pipe, error.Target);
            Assert.Contains("is a character device", FailsPromptly(() => RegularFile.Require("/dev/zero", "inventory file"), "PathNotFile").Message);
        }

        [Fact]
        public void A_NUL_in_a_path_is_PathInvalid_not_another_file()
        {
            var error = FailsPromptly(() => RegularFile.FullPath(PathOf("lab.json") + "\0.txt", "lab file"), "PathInvalid");
            Assert.Contains("\\u0000", error.Message);
            Assert.Equal(-1, error.Message.IndexOf('\0'));
        }

        [Fact]
        public void Opening_a_lab_from_a_pipe_or_a_device_fails_at_once()
        {
            FailsPromptly(() => LabFile.Load(Fifo()), "PathNotFile");
            FailsPromptly(() => LabFile.Load("/dev/zero"), "PathNotFile");
            FailsPromptly(() => LabFile.Load(folder), "PathNotFile");
        }

        [Fact]
        public void Saving_over_a_pipe_a_folder_or_a_device_changes_nothing()
        {
            var pipe = Fifo();
            var document = LabGenerator.CreateDefault();
            FailsPromptly(() => LabFile.Save(document, pipe), "PathNotFile");
            FailsPromptly(() => LabFile.Save(document, folder), "PathNotFile");
            FailsPromptly(() => LabFile.Save(document, "/dev/null"), "PathNotFile");
            Assert.Equal(FileKind.NamedPipe, RegularFile.KindOf(pipe));
            Assert.Equal(new[] { pipe }, Directory.GetFileSystemEntries(folder));
            Assert.Equal(FileKind.CharacterDevice, RegularFile.KindOf("/dev/null"));
        }

        [Fact]
        public void Writing_a_report_over_a_pipe_changes_nothing()
        {
            var pipe = Fifo("report.html");
            FailsPromptly(() => ReportFile.Write(new MigrationReport("wave", SampleWave.Synthetic(2), Array.Empty<Readiness.MigrationReadiness>()), pipe, noClobber: false, force: true), "PathNotFile");
            Assert.Equal(new[] { pipe }, Directory.GetFileSystemEntries(folder));
        }

        [Fact]
        public void Importing_from_a_pipe_or_an_endless_device_fails_at_once()
        {
            var pipe = Fifo("vInfo.csv");
            FailsPromptly(() => InventoryReader.Read(pipe, null, null, default), "PathNotFile");
            FailsPromptly(() => InventoryReader.Read("/dev/zero", null, null, default), "PathNotFile");
            FailsPromptly(() => InventoryReader.Read(TestFiles.Example("rvtools/vInfo.csv"), "/dev/zero", null, default), "PathNotFile");
        }

        [Fact]
        public void An_inventory_file_larger_than_any_export_is_refused_unread()
        {
            var huge = PathOf("vInfo.csv");
            using (var stream = File.Create(huge)) stream.SetLength(RvToolsFile.MaxBytes + 1L);
            var error = FailsPromptly(() => InventoryReader.Read(huge, null, null, default), "InventoryFileTooLarge");
            Assert.Equal(huge, error.Target);
        }

        [Fact]
        public void A_read_stops_at_its_limit()
        {
            var file = PathOf("ten.csv");
            File.WriteAllBytes(file, new byte[10]);
            Assert.Equal(10, RegularFile.ReadAtMost(file, 10)!.Length);
            Assert.Null(RegularFile.ReadAtMost(file, 9));
        }

        [Fact]
        public void A_read_stops_at_its_limit_also_where_the_file_does_not_tell_its_size()
        {
            // /proc's files are regular files that say they are empty.
            Assert.Equal(0, new FileInfo("/proc/self/status").Length);
            Assert.Null(RegularFile.ReadAtMost("/proc/self/status", 10));
            Assert.StartsWith("Name:", System.Text.Encoding.ASCII.GetString(RegularFile.ReadAtMost("/proc/self/status", 1 << 20)!));
        }
    }
}
