using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Persistence;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Issue 5: a crash during Save-HybridLab leaves either the old lab or the new one, never a broken file. A child
    /// process (tests/HybridCmdlets.LabWriter) saves a lab over and over; the test kills it at moments that fall in the
    /// middle of a write, and the file must then open as one complete save.
    /// </summary>
    public class SaveCrashTests
    {
        private const int VMs = 5000;

        [Fact]
        public void Killing_a_save_midway_leaves_the_old_lab_or_the_new_one_never_a_broken_file()
        {
            var folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-crash-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "lab.json");
            var random = new Random(20261122);
            var killedMidWrite = 0;
            try
            {
                for (var i = 0; i < 6; i++)
                {
                    int lastCompleted;
                    using (var child = StartWriter(path))
                    {
                        // At least one save has completed: from now on the file must always be a whole lab.
                        lastCompleted = int.Parse(child.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the writer ended: " + child.StandardError.ReadToEnd()));
                        System.Threading.Thread.Sleep(random.Next(1, 120));
                        child.Kill(entireProcessTree: true);
                        child.WaitForExit();
                    }

                    // A temporary file left behind is a write the kill interrupted.
                    var leftovers = Directory.GetFiles(folder, ".lab.json.*.tmp");
                    if (leftovers.Length > 0) killedMidWrite++;
                    foreach (var leftover in leftovers) File.Delete(leftover);

                    var lab = LabFile.Load(path);
                    Assert.Matches("^save-[0-9]+$", lab.Name);
                    Assert.True(int.Parse(lab.Name.Substring(5)) >= lastCompleted);
                    Assert.Equal(VMs, lab.VMs.Count);
                }

                // The kills must have hit writes, or the test proved nothing about them.
                Assert.True(killedMidWrite > 0, "no kill landed in the middle of a write");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static Process StartWriter(string path)
        {
            // tests/HybridCmdlets.Engine.Tests/bin/<Configuration>/net10.0/ -> tests/HybridCmdlets.LabWriter/bin/<Configuration>/net10.0/
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = here.Parent!.Name;
            var tests = here.Parent!.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(tests, "HybridCmdlets.LabWriter", "bin", configuration, here.Name, "HybridCmdlets.LabWriter.dll");
            Assert.True(File.Exists(dll), "the writer is not built: " + dll);
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet)) dotnet = "dotnet";
            var start = new ProcessStartInfo(dotnet!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "exec", dll, path, VMs.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
            return Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
        }
    }
}
