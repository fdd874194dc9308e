using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Engine.Reports;
using StbImageSharp;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Reports opened in a real browser (headless chromium): the DOM it parsed has a timeline bar per migration and
    /// every section, and its screenshot is a picture of the expected size with the bars in it.
    /// </summary>
    public sealed class ReportRenderingTests : IClassFixture<Chromium>, IDisposable
    {
        private const int ShotWidth = 1200;
        private const int ShotHeight = 1400;
        private static readonly IReadOnlyList<MigrationResult> Wave = SampleWave.Run();
        private readonly Chromium chromium;
        private readonly string folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-render-" + Guid.NewGuid().ToString("N"));

        public ReportRenderingTests(Chromium chromium)
        {
            this.chromium = chromium;
            Directory.CreateDirectory(folder);
        }

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private string Write(IReadOnlyList<MigrationResult> migrations, IReadOnlyList<MigrationReadiness> readiness) =>
            ReportFile.Write(new MigrationReport("Wave 1 rehearsal", migrations, readiness), Path.Combine(folder, "report.html"), noClobber: false, force: false).FullName;

        private static int Bars(string dom) => Regex.Matches(dom, "<rect class=\"migration-bar ").Count;

        [Fact]
        public void The_browser_parses_a_bar_per_migration_and_every_section()
        {
            var dom = chromium.DumpDom(Write(Wave, SampleWave.Readiness()));
            Assert.Equal(Wave.Count, Bars(dom));
            var vms = Regex.Matches(dom, "class=\"migration-bar [a-z]+\" data-vm=\"([^\"]+)\"").Select(m => m.Groups[1].Value).OrderBy(v => v);
            Assert.Equal(Wave.Select(m => m.VM).OrderBy(v => v), vms);
            foreach (var section in new[] { "summary", "timeline", "downtime", "throughput", "readiness", "failures" })
            {
                Assert.Contains("<section id=\"" + section + "\">", dom);
            }

            Assert.Equal(4, Regex.Matches(dom, "<svg class=\"chart (timeline|downtime|throughput|verdict)-chart").Count);
        }

        [Fact]
        public void A_packed_timeline_of_two_thousand_migrations_keeps_a_bar_each()
        {
            var dom = chromium.DumpDom(Write(SampleWave.Synthetic(2000), Array.Empty<MigrationReadiness>()));
            Assert.Equal(2000, Bars(dom));
            Assert.Contains("timeline-chart packed", dom);
        }

        [Fact]
        public void The_screenshot_shows_the_timeline_bars()
        {
            var png = chromium.Screenshot(Write(Wave, SampleWave.Readiness()), ShotWidth, ShotHeight);
            var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlue);
            Assert.Equal(ShotWidth, image.Width);
            Assert.Equal(ShotHeight, image.Height);

            var pixels = image.Width * image.Height;
            var counts = new Dictionary<int, int>();
            for (var i = 0; i < pixels; i++)
            {
                var rgb = image.Data[3 * i] << 16 | image.Data[3 * i + 1] << 8 | image.Data[3 * i + 2];
                counts[rgb] = counts.TryGetValue(rgb, out var n) ? n + 1 : 1;
            }

            int Near(int colour) => counts.Where(c => Close(c.Key, colour)).Sum(c => c.Value);
            // Succeeded bars (#0072b2) and the failed one (#d62728): far more than their legend swatches (11 x 11 px)
            // and, for red, the NotReady part of the readiness bar.
            Assert.True(Near(0x0072b2) > 1500, "succeeded-bar pixels: " + Near(0x0072b2));
            Assert.True(Near(0xd62728) > 6000, "failed-bar pixels: " + Near(0xd62728));
            var white = counts.TryGetValue(0xffffff, out var w) ? w : 0;
            Assert.True(pixels - white > pixels / 20, "the page is almost blank: " + (pixels - white) + " of " + pixels + " pixels are not white");
        }

        private static bool Close(int a, int b) =>
            Math.Abs((a >> 16) - (b >> 16)) <= 3 && Math.Abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) <= 3 && Math.Abs((a & 0xff) - (b & 0xff)) <= 3;
    }
}
