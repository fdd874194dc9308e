using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Debian's chromium, headless, for the report rendering test. When it is missing it is installed with
    /// tests/install-chromium.sh (as .ci/run does); if that fails, every test that needs it fails and says how to
    /// install it: the rendering test is never skipped in silence.
    /// </summary>
    public sealed class Chromium
    {
        private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);
        private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(20);

        public Chromium()
        {
            Executable = Find() ?? Install();
        }

        public string Executable { get; }

        /// <summary>The page's DOM after the browser parsed it (--dump-dom).</summary>
        public string DumpDom(string htmlFile) => Run("--dump-dom", new Uri(htmlFile).AbsoluteUri);

        /// <summary>A screenshot of the top of the page at a device scale of 1, so the PNG is exactly <paramref name="width"/> by <paramref name="height"/>.</summary>
        public byte[] Screenshot(string htmlFile, int width, int height)
        {
            var png = Path.Combine(Path.GetTempPath(), "hybridcmdlets-shot-" + Guid.NewGuid().ToString("N") + ".png");
            try
            {
                Run("--screenshot=" + png, "--window-size=" + width + "," + height, "--force-device-scale-factor=1", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);
                Assert.True(File.Exists(png), "chromium wrote no screenshot to " + png);
                return File.ReadAllBytes(png);
            }
            finally
            {
                File.Delete(png);
            }
        }

        private string Run(params string[] arguments)
        {
            // A profile of its own per run: tests run in parallel, and a shared profile is locked by the first browser.
            var profile = Path.Combine(Path.GetTempPath(), "hybridcmdlets-chromium-" + Guid.NewGuid().ToString("N"));
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile }.Concat(arguments))
            {
                start.ArgumentList.Add(flag);
            }

            try
            {
                using var process = Process.Start(start)!;
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit((int)RunLimit.TotalMilliseconds))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("chromium did not finish within " + RunLimit + ": " + string.Join(" ", start.ArgumentList));
                }

                process.WaitForExit();
                Assert.True(process.ExitCode == 0, "chromium exited with " + process.ExitCode + ": " + errors.Result);
                return output.Result;
            }
            finally
            {
                try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        private static string? Find() =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Where(folder => folder.Length > 0)
                .Select(folder => Path.Combine(folder, "chromium"))
                .FirstOrDefault(File.Exists);

        private static string Install()
        {
            var script = Path.Combine(RepositoryRoot(), "tests", "install-chromium.sh");
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(script);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            var finished = process.WaitForExit((int)InstallLimit.TotalMilliseconds);
            if (!finished) process.Kill(entireProcessTree: true);
            else process.WaitForExit();
            return Find() ?? throw new InvalidOperationException(
                "The report rendering test needs Debian's chromium, which is not installed, and " + script + " could not install it"
                + (finished ? " (exit code " + process.ExitCode + ")" : " within " + InstallLimit) + ": " + output.Result + errors.Result
                + " Install it as root with: apt-get update && apt-get install -y chromium");
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HybridCmdlets.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("HybridCmdlets.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
