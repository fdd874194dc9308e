using System;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Issue 14: a save keeps the file's permissions, follows a symbolic link, refuses a read-only file and a file
    /// someone else changed (unless forced), never writes a lab that would not open, and clears what killed saves left.
    /// Each test works in a folder of its own, so that the temporary files it looks for are its own. Permissions are
    /// Unix file modes: these tests run where the suite runs, on Linux.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public sealed class LabFileIntegrityTests : IDisposable
    {
        private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        private const UnixFileMode ReadOnlyForAll = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        private readonly string folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-integrity-" + Guid.NewGuid().ToString("N"));
        private readonly string path;

        public LabFileIntegrityTests()
        {
            Directory.CreateDirectory(folder);
            path = Path.Combine(folder, "lab.json");
        }

        public void Dispose()
        {
            foreach (var file in Directory.GetFiles(folder)) File.SetUnixFileMode(file, OwnerOnly);
            Directory.Delete(folder, recursive: true);
        }

        private static LabDocument Named(string name)
        {
            var document = LabGenerator.CreateDefault();
            document.Name = name;
            return document;
        }

        private string[] Temporaries() => Directory.GetFiles(folder, ".*.tmp").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;

        [Fact]
        public void A_new_lab_file_is_readable_by_its_owner_only()
        {
            LabFile.Save(Named("first"), path);

            Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        }

        [Fact]
        public void Saving_over_a_file_keeps_its_permissions()
        {
            var shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
            LabFile.Save(Named("first"), path);
            File.SetUnixFileMode(path, shared);

            LabFile.Save(Named("second"), path);

            Assert.Equal("second", LabFile.Load(path).Name);
            Assert.Equal(shared, File.GetUnixFileMode(path));
        }

        [Fact]
        public void Saving_over_a_file_keeps_its_owner_and_group_where_the_process_may_change_them()
        {
            LabFile.Save(Named("first"), path);
            var root = Run("id", "-u") == "0";
            // As root the file is given to nobody (65534), which the save must give back; otherwise it stays the user's.
            if (root) Run("chown", "65534:65534", path);
            var owner = Run("stat", "-c", "%u:%g", path);

            LabFile.Save(Named("second"), path);

            Assert.Equal("second", LabFile.Load(path).Name);
            Assert.Equal(owner, Run("stat", "-c", "%u:%g", path));
            if (root) Assert.Equal("65534:65534", owner);
        }

        /// <summary>A command's output, trimmed: the owner is read and set by the system's own tools, not by the code under test.</summary>
        private static string Run(string command, params string[] arguments)
        {
            var start = new System.Diagnostics.ProcessStartInfo(command) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return output;
        }

        [Fact]
        public void A_read_only_file_is_refused_without_force_and_stays_read_only_with_it()
        {
            LabFile.Save(Named("first"), path);
            File.SetUnixFileMode(path, ReadOnlyForAll);
            var before = File.ReadAllBytes(path);

            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => LabFile.Save(Named("second"), path)), "LabFileReadOnly");

            Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
            Assert.Equal(path, error.Target);
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Empty(Temporaries());

            LabFile.Save(Named("second"), path, force: true);

            Assert.Equal("second", LabFile.Load(path).Name);
            Assert.Equal(ReadOnlyForAll, File.GetUnixFileMode(path));
            Assert.True(new FileInfo(path).IsReadOnly);
        }

        [Fact]
        public void Saving_through_a_symbolic_link_writes_its_target_and_keeps_the_link()
        {
            var target = Path.Combine(folder, "real", "lab.json");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            LabFile.Save(Named("first"), target);
            var link = Path.Combine(folder, "link.json");
            File.CreateSymbolicLink(link, target);

            LabFile.Load(link, out var opened);
            var saved = LabFile.Save(Named("second"), link, opened);

            Assert.Equal(target, opened.Path);
            Assert.Equal(target, saved.Path);
            Assert.Equal(target, new FileInfo(link).LinkTarget);
            Assert.Equal("second", LabFile.Load(target).Name);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(target));
        }

        [Fact]
        public void A_file_changed_since_it_was_opened_is_not_written_over_without_force()
        {
            LabFile.Save(Named("first"), path);
            LabFile.Load(path, out var opened);
            LabFile.Save(Named("theirs"), path);
            var theirs = File.ReadAllBytes(path);

            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => LabFile.Save(Named("mine"), path, opened)), "LabFileChanged");

            Assert.Equal(path, error.Target);
            Assert.Contains("Open-HybridLab", error.RecommendedAction);
            Assert.Contains("-Force", error.RecommendedAction);
            Assert.Equal(theirs, File.ReadAllBytes(path));
            Assert.Empty(Temporaries());

            LabFile.Save(Named("mine"), path, opened, force: true);
            Assert.Equal("mine", LabFile.Load(path).Name);
        }

        [Fact]
        public void A_file_rewritten_to_the_same_length_is_a_change_and_a_file_only_touched_is_not()
        {
            LabFile.Save(Named("first"), path);
            LabFile.Load(path, out var opened);

            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(5));
            var stamp = LabFile.Save(Named("second"), path, opened);

            File.WriteAllText(path, File.ReadAllText(path).Replace("\"second\"", "\"SECOND\"", StringComparison.Ordinal));
            Assert.Equal(stamp.Length, new FileInfo(path).Length);

            Assert.Equal("LabFileChanged", Assert.Throws<HybridException>(() => LabFile.Save(Named("third"), path, stamp)).ErrorId);
            Assert.Equal("SECOND", LabFile.Load(path).Name);
        }

        [Fact]
        public void Each_save_stamps_what_it_wrote_so_that_the_next_one_goes_through()
        {
            var stamp = LabFile.Save(Named("first"), path);
            for (var i = 0; i < 3; i++) stamp = LabFile.Save(Named("save-" + i), path, stamp);

            Assert.Equal("save-2", LabFile.Load(path).Name);
            Assert.Equal(new FileInfo(path).Length, stamp.Length);
        }

        [Fact]
        public void A_file_deleted_since_it_was_opened_is_written_again()
        {
            var stamp = LabFile.Save(Named("first"), path);
            File.Delete(path);

            LabFile.Save(Named("second"), path, stamp);

            Assert.Equal("second", LabFile.Load(path).Name);
        }

        [Fact]
        public void A_lab_that_would_not_open_again_is_LabInvalid_and_nothing_is_written()
        {
            LabFile.Save(Named("first"), path);
            var before = File.ReadAllBytes(path);
            var broken = Named("broken");
            var twin = broken.VMs.First(v => v.Name == "crm-web01").Copy();
            twin.Id = "VirtualMachine-vm-999999";
            broken.VMs.Add(twin);

            var error = DocumentedErrors.Check(Assert.Throws<HybridException>(() => LabFile.Save(broken, path)), "LabInvalid");

            Assert.Contains("a second VM named 'crm-web01'", error.Message);
            Assert.Contains("broken", error.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Empty(Temporaries());
            Assert.Throws<HybridException>(() => LabFile.Save(broken, Path.Combine(folder, "new.json")));
            Assert.False(File.Exists(Path.Combine(folder, "new.json")));
        }

        [Fact]
        public void Saving_or_opening_removes_the_temporary_files_of_killed_saves_of_that_lab_only()
        {
            LabFile.Save(Named("first"), path);
            string[] others = { ".lab.json.0BADF00D.tmp", ".lab.json.0badf00.tmp", ".lab.json.0badf00d.tmp.bak", ".other.json.0badf00d.tmp", "lab.json.0badf00d.tmp" };
            foreach (var name in others.Append(".lab.json.0badf00d.tmp").Append(".lab.json.12345678.tmp")) File.WriteAllText(Path.Combine(folder, name), "{ half a lab");

            LabFile.Save(Named("second"), path);

            Assert.Equal(others.Where(n => n.StartsWith('.') && n.EndsWith(".tmp")).OrderBy(n => n, StringComparer.Ordinal), Temporaries());
            Assert.True(File.Exists(Path.Combine(folder, "lab.json.0badf00d.tmp")));

            File.WriteAllText(Path.Combine(folder, ".lab.json.abcdef01.tmp"), "");
            LabFile.Load(path);
            Assert.False(File.Exists(Path.Combine(folder, ".lab.json.abcdef01.tmp")));
        }

        [Fact]
        public void A_temporary_file_that_a_running_save_holds_is_left_alone()
        {
            LabFile.Save(Named("first"), path);
            var running = Path.Combine(folder, ".lab.json.a1b2c3d4.tmp");
            using (var writing = new FileStream(running, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writing.Write(new byte[] { (byte)'{' });

                LabFile.Save(Named("second"), path);
                LabFile.Load(path);

                Assert.True(File.Exists(running));
            }

            LabFile.Load(path);
            Assert.False(File.Exists(running));
        }
    }
}
