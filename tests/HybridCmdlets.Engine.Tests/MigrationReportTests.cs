using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Engine.Reports;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>The report model built from engine results, and the HTML written from it, read as text.</summary>
    public class MigrationReportTests
    {
        private static readonly IReadOnlyList<MigrationResult> Wave = SampleWave.Run();
        private static readonly IReadOnlyList<MigrationReadiness> Readiness = SampleWave.Readiness();

        internal static string Html(MigrationReport report)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            HtmlReportWriter.Write(report, text);
            return text.ToString();
        }

        private static int Count(string html, string fragment) => Regex.Matches(html, Regex.Escape(fragment)).Count;

        [Fact]
        public void The_summary_counts_the_wave_and_its_downtime()
        {
            var summary = new MigrationReport("wave 1", Wave, Readiness).Summary;
            Assert.Equal(8, summary.Migrations);
            Assert.Equal(6, summary.Succeeded);
            Assert.Equal(1, summary.Failed);
            Assert.Equal(1, summary.Canceled);
            Assert.Equal(new[] { new KeyValuePair<string, int>("SwitchoverTimeout", 1) }, summary.FailureIds);
            Assert.Equal(Wave.Min(m => m.StartTime), summary.FirstStart);
            Assert.Equal(Wave.Max(m => m.EndTime) - Wave.Min(m => m.StartTime), summary.Wall);
            Assert.Equal(TimeSpan.FromTicks(Wave.Sum(m => m.Downtime.Ticks)), summary.TotalDowntime);
            Assert.Equal("crm-db01", summary.MaxDowntimeVM);
            Assert.Equal(Wave.Max(m => m.Downtime), summary.MaxDowntime);
        }

        [Fact]
        public void The_html_has_every_section_and_a_timeline_bar_per_migration()
        {
            var html = Html(new MigrationReport("wave 1", Wave, Readiness));
            foreach (var section in new[] { "summary", "timeline", "downtime", "throughput", "readiness", "failures" }) Assert.Contains("<section id=\"" + section + "\">", html);
            Assert.Equal(Wave.Count, Count(html, "class=\"migration-bar "));
            foreach (var m in Wave) Assert.Contains("data-vm=\"" + m.VM + "\"", html);
            Assert.Equal(Wave.Count(m => m.SwitchoverTime.HasValue), Count(html, "class=\"switchover\" x1="));
            Assert.Equal(Wave.Count(m => m.QueuedTime > TimeSpan.Zero), Count(html, "<rect class=\"queued\""));
            Assert.Equal(1, Count(html, "class=\"migration-bar failed\""));
            Assert.Equal(1, Count(html, "class=\"migration-bar canceled\""));
            Assert.Contains("SwitchoverTimeout \u00d71", html);
        }

        [Fact]
        public void The_html_is_self_contained()
        {
            var html = Html(new MigrationReport("wave 1", Wave, Readiness));
            foreach (var outside in new[] { "http:", "https:", "//", "<script", "url(", "@import", "<link", "src=", "<img", "<iframe", "@font-face" })
            {
                Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Contains("default-src 'none'", html);
        }

        [Fact]
        public void Every_text_from_the_lab_is_escaped()
        {
            var hostile = SampleWave.Synthetic(3).ToList();
            hostile[0].VM = "<img src=x onerror=alert(1)>";
            hostile[1].ErrorMessage = "a \"quoted\" & <b>bold</b> message";
            hostile[1].Status = MigrationStatus.Failed;
            var html = Html(new MigrationReport("Wave <1> & 'rehearsal'", hostile, Array.Empty<MigrationReadiness>()));
            Assert.DoesNotContain("<img", html);
            Assert.DoesNotContain("<b>bold", html);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
            Assert.Contains("data-vm=\"&lt;img src=x onerror=alert(1)&gt;\"", html);
            Assert.Contains("a &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt; message", html);
            Assert.Contains("<title>Wave &lt;1&gt; &amp; &#39;rehearsal&#39;</title>", html);
        }

        [Fact]
        public void Numbers_are_written_the_same_in_any_culture()
        {
            var culture = CultureInfo.CurrentCulture;
            try
            {
                // German writes decimal commas; Swedish, a minus sign that is not '-'.
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                var german = Html(new MigrationReport("wave 1", Wave, Readiness));
                CultureInfo.CurrentCulture = new CultureInfo("sv-SE");
                var swedish = Html(new MigrationReport("wave 1", Wave, Readiness));
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                Assert.Equal(Html(new MigrationReport("wave 1", Wave, Readiness)), german);
                Assert.Equal(german, swedish);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }

        [Fact]
        public void Svg_coordinates_are_compact()
        {
            var html = Html(new MigrationReport("wave 1", SampleWave.Synthetic(300), Array.Empty<MigrationReadiness>()));
            var values = Regex.Matches(html, " (?:x|y|x1|x2|y1|y2|width|height)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
            Assert.True(values.Count > 1000);
            Assert.All(values, v => Assert.Matches(@"^-?\d+(\.\d)?$", v));
        }

        [Fact]
        public void A_wave_too_long_for_a_row_each_is_packed_into_rows_of_moves_that_do_not_overlap()
        {
            var migrations = SampleWave.Synthetic(500);
            var lanes = TimelineLanes.Of(migrations, TimeSpan.Zero);
            Assert.False(lanes.Labelled);
            var mostAtOnce = migrations.SelectMany(m => new[] { (m.StartTime, 1), (m.EndTime, -1) })
                .OrderBy(e => e.Item1).ThenBy(e => e.Item2)
                .Aggregate((Now: 0, Max: 0), (a, e) => (a.Now + e.Item2, Math.Max(a.Max, a.Now + e.Item2))).Max;
            Assert.Equal(mostAtOnce, lanes.Count);
            foreach (var row in Enumerable.Range(0, migrations.Count).GroupBy(i => lanes.Lane[i]))
            {
                var inRow = row.Select(i => migrations[i]).OrderBy(m => m.StartTime).ToList();
                for (var i = 1; i < inRow.Count; i++) Assert.True(inRow[i].StartTime >= inRow[i - 1].EndTime, "two overlapping moves share row " + row.Key);
            }

            Assert.True(TimelineLanes.Of(Wave, TimeSpan.Zero).Labelled);
        }

        [Fact]
        public void Throughput_keeps_every_byte_on_its_own_path_and_within_the_move()
        {
            var report = new MigrationReport("wave 1", Wave, Readiness);
            Assert.Equal(new[] { "onprem-lon \u2192 avs-westeurope", "onprem-lon \u2192 ovh-rbx" }, report.Throughput.Select(t => t.Name));
            foreach (var link in report.Throughput)
            {
                var moves = Wave.Where(m => m.Destination.StartsWith(link.Destination + "/", StringComparison.Ordinal)).ToList();
                var gigabytes = link.Mbps.Sum() * 1e6 / 8 * link.Step.TotalSeconds / (1024.0 * 1024 * 1024);
                Assert.Equal(moves.Sum(m => m.MemoryTransferredGB + m.DiskTransferredGB), gigabytes, 6);
                Assert.Equal(moves.Count(m => m.MemoryTransferredGB + m.DiskTransferredGB > 0), link.Migrations);
            }

            // The OVHcloud path carries one move: nothing after it ended.
            var ovh = report.Throughput[1];
            var end = Wave.Single(m => m.VM == "hr-app01").EndTime;
            var lastStep = (int)Math.Ceiling((end - ovh.From).Ticks / (double)ovh.Step.Ticks);
            Assert.All(ovh.Mbps.Skip(lastStep + 1), mbps => Assert.Equal(0, mbps));
            Assert.True(ovh.PeakMbps > 0);
        }

        [Fact]
        public void A_vMotion_s_pre_copy_rounds_are_placed_just_before_its_switchover()
        {
            var web = Wave.Single(m => m.VM == "crm-web01");
            var alone = new MigrationReport("one", new[] { web }, Array.Empty<MigrationReadiness>());
            var series = Assert.Single(alone.Throughput);
            // The first round sends memory at the round's own rate, at the step where the rounds begin.
            var roundsBegin = web.SwitchoverTime!.Value.AddSeconds(-web.Rounds.Sum(r => r.Seconds));
            var step = (int)((roundsBegin - series.From).Ticks / series.Step.Ticks) + 1;
            var firstRoundMbps = web.Rounds[0].BytesSent * 8 / 1e6 / web.Rounds[0].Seconds;
            Assert.InRange(series.Mbps[step], firstRoundMbps * 0.5, firstRoundMbps * 1.01);
        }

        [Fact]
        public void The_downtime_chart_shows_the_longest_and_sums_up_the_rest()
        {
            var migrations = SampleWave.Synthetic(200);
            var report = new MigrationReport("wave", migrations, Array.Empty<MigrationReadiness>());
            var ranking = report.Downtime;
            Assert.Equal(DowntimeRanking.DefaultTop, ranking.Top.Count);
            var withDowntime = migrations.Where(m => m.Downtime > TimeSpan.Zero).OrderByDescending(m => m.Downtime).ToList();
            Assert.Equal(withDowntime.Take(DowntimeRanking.DefaultTop).Select(m => m.Downtime), ranking.Top.Select(m => m.Downtime));
            Assert.Equal(withDowntime.Count - DowntimeRanking.DefaultTop, ranking.RestCount);
            Assert.Equal(withDowntime[DowntimeRanking.DefaultTop].Downtime, ranking.RestMax);
            Assert.Equal(migrations.Count - withDowntime.Count, ranking.WithoutDowntime);
            var html = Html(report);
            Assert.Equal(DowntimeRanking.DefaultTop, Count(html, "class=\"downtime-bar\""));
            Assert.Contains("The 40 longest of " + withDowntime.Count + " migrations with downtime", html);
        }

        [Fact]
        public void The_readiness_summary_counts_verdicts_types_and_blockers()
        {
            var report = new MigrationReport("readiness", Array.Empty<MigrationResult>(), Readiness);
            var summary = report.ReadinessSummary;
            Assert.Equal(Readiness.Count, summary.Total);
            Assert.Equal(Readiness.Count(r => r.Verdict == ReadinessVerdict.NotReady), summary.NotReady);
            Assert.Equal(Readiness.Count, summary.Ready + summary.ReadyWithWarnings + summary.NotReady);
            Assert.True(summary.NotReady > 0 && summary.Ready > 0);
            Assert.Equal(Readiness.Count, summary.RecommendedTypes.Sum(t => t.Value));
            Assert.Equal(summary.NotReady, summary.RecommendedTypes.Single(t => t.Key == ReadinessSummary.NoType).Value);
            Assert.Equal(summary.NotReady, summary.BlockingChecks.Sum(b => b.Value));

            var html = Html(report);
            var blockers = html.Substring(html.IndexOf("<table class=\"blockers\">", StringComparison.Ordinal));
            foreach (var blocked in Readiness.Where(r => r.Verdict == ReadinessVerdict.NotReady))
            {
                Assert.Contains("<tr><td>" + blocked.VM + "</td><td>" + blocked.Destination + "</td>", blockers);
            }

            Assert.Contains("No migrations in this report", html);
            Assert.Equal(0, Count(html, "class=\"migration-bar "));
        }

        [Fact]
        public void A_report_of_ten_thousand_migrations_draws_every_one_and_stays_small()
        {
            // Its speed (2 s in Release) is measured in bench/, not timed here.
            var migrations = SampleWave.Synthetic(10_000);
            var html = Html(new MigrationReport("10,000", migrations, Array.Empty<MigrationReadiness>()));
            Assert.Equal(10_000, Count(html, "class=\"migration-bar "));
            Assert.True(html.Length < 20_000_000, "the report is " + html.Length + " characters");
        }
    }
}
