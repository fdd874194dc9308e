using System;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>
    /// Writes a report as one self-contained HTML file: the style inline, the charts inline SVG, no script, no font,
    /// no image and no address outside the file, so it opens the same anywhere, with no network. Every text from the
    /// lab is escaped; every number is written in the invariant culture.
    /// </summary>
    public static class HtmlReportWriter
    {
        // Nothing outside the file may load, even if a VM name smuggles markup past the escaping.
        private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

        private const string Style =
            "body{margin:0;background:#fff;color:#1b1b1b;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}" +
            "main{max-width:1120px;margin:0 auto;padding:12px 20px 40px}" +
            "h1{font-size:22px;margin:10px 0 2px}h2{font-size:17px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid #ddd}h3{font-size:15px;margin:18px 0 6px}" +
            ".sub,.note,.empty{color:#555}.note{font-size:12px;margin:4px 0}" +
            ".figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px;margin:10px 0}" +
            ".figure{border:1px solid #e3e3e3;border-radius:6px;padding:8px 10px}.figure b{display:block;font-size:19px}.figure span{color:#555;font-size:12px}" +
            "table{border-collapse:collapse;font-size:13px;margin:6px 24px 10px 0}th,td{text-align:left;padding:3px 12px 3px 0;border-bottom:1px solid #eee;vertical-align:top}" +
            "th{font-weight:600}.n{text-align:right}.tables{display:flex;flex-wrap:wrap;align-items:flex-start}" +
            ".legend{display:flex;flex-wrap:wrap;gap:6px 16px;font-size:12px;margin:6px 0}.swatch{display:inline-block;width:11px;height:11px;margin-right:5px;vertical-align:-1px}" +
            ".chart{display:block;overflow:visible;margin:4px 0}.chart text{font-size:11px;fill:#333}.grid{stroke:#e4e4e4}" +
            ".migration-bar.succeeded,.swatch.succeeded{fill:#0072b2;background:#0072b2}.migration-bar.failed,.swatch.failed{fill:#d62728;background:#d62728}" +
            ".migration-bar.canceled,.swatch.canceled{fill:#8c8c8c;background:#8c8c8c}.migration-bar.unfinished{fill:#bbb}" +
            ".queued,.swatch.queued{fill:#cfdcea;background:#cfdcea}.switchover{stroke:#111;stroke-width:2}.packed .switchover{stroke-width:1}.swatch.switchover{background:#111;width:3px}" +
            ".downtime-bar{fill:#cc79a7}.throughput-line{fill:none;stroke-width:1.5}" +
            ".verdict.ready,.swatch.ready{fill:#009e73;background:#009e73}.verdict.warnings,.swatch.warnings{fill:#e69f00;background:#e69f00}" +
            ".verdict.not-ready,.swatch.not-ready{fill:#d62728;background:#d62728}" +
            "footer{color:#777;font-size:12px;margin-top:32px}";

        public static void Write(MigrationReport report, TextWriter w)
        {
            w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"");
            w.Write(ContentSecurityPolicy);
            w.Write("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
            Markup.Text(w, report.Title);
            w.Write("</title>\n<style>");
            w.Write(Style);
            w.Write("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>");
            Markup.Text(w, report.Title);
            w.Write("</h1>\n<p class=\"sub\">");
            Period(w, report);
            w.Write("</p>\n</header>\n");

            Open(w, "summary", "Summary");
            Summary(w, report);
            Close(w);

            Open(w, "timeline", "Timeline");
            if (report.Migrations.Count == 0) NoMigrations(w);
            else
            {
                w.Write("<div class=\"legend\">");
                Chart.Swatch(w, "succeeded", "Succeeded");
                Chart.Swatch(w, "failed", "Failed");
                Chart.Swatch(w, "canceled", "Canceled");
                Chart.Swatch(w, "queued", "Queued (waiting for a concurrency limit)");
                Chart.Swatch(w, "switchover", "Switchover (Bulk: final sync; Cold: cutover)");
                w.Write("</div>\n");
                if (report.Migrations.Count > TimelineLanes.MaxLabelledRows)
                {
                    w.Write("<p class=\"note\">A bar per migration; each row holds migrations that did not run at the same time, so the chart's height shows how many ran at once. Hover a bar for its VM, its time in the queue and its figures.</p>\n");
                }

                TimelineChart.Write(w, report);
            }

            Close(w);

            Open(w, "downtime", "Downtime per VM");
            if (report.Migrations.Count == 0) NoMigrations(w);
            else DowntimeChart.Write(w, report);
            Close(w);

            Open(w, "throughput", "Throughput per link");
            if (report.Migrations.Count == 0) NoMigrations(w);
            else
            {
                ThroughputChart.Write(w, report);
                w.Write("<p class=\"note\">Average Mbps per step of ");
                w.Write(Markup.Duration(report.Throughput.Count > 0 ? report.Throughput[0].Step : TimeSpan.Zero));
                w.Write(", rebuilt from the results: each pre-copy round at its own rate, the rounds back to back up to the switchover, and the rest of each move's bytes (disks, replication, the switchover) spread evenly over the rest of its run.</p>\n");
            }

            Close(w);

            Open(w, "readiness", "Readiness");
            ReadinessSection.Write(w, report);
            Close(w);

            if (report.Migrations.Count > 0)
            {
                Open(w, "failures", "Failed and canceled migrations");
                Failures(w, report);
                Close(w);
            }

            w.Write("<footer>Written by Export-MigrationReport (HybridCmdlets). Times are the lab's virtual clock, UTC.</footer>\n</main>\n</body>\n</html>\n");
        }

        private static void Period(TextWriter w, MigrationReport report)
        {
            var summary = report.Summary;
            if (summary.FirstStart is DateTime first && summary.LastEnd is DateTime last)
            {
                w.Write(Markup.Count(summary.Migrations));
                w.Write(summary.Migrations == 1 ? " migration, " : " migrations, ");
                w.Write(Markup.Date(first));
                w.Write(' ');
                w.Write(Markup.Clock(first));
                w.Write(" \u2192 ");
                if (last.Date != first.Date)
                {
                    w.Write(Markup.Date(last));
                    w.Write(' ');
                }

                w.Write(Markup.Clock(last));
                w.Write(" UTC (lab time)");
            }
            else
            {
                w.Write("No migrations");
            }

            if (report.ReadinessSummary.Total > 0)
            {
                w.Write("; readiness of ");
                w.Write(Markup.Count(report.ReadinessSummary.Total));
                w.Write(report.ReadinessSummary.Total == 1 ? " VM" : " VMs");
            }
        }

        private static void Summary(TextWriter w, MigrationReport report)
        {
            var s = report.Summary;
            w.Write("<div class=\"figures\">\n");
            Figure(w, Markup.Count(s.Migrations), "migrations");
            Figure(w, Markup.Count(s.Succeeded), "succeeded");
            Figure(w, Markup.Count(s.Failed), s.FailureIds.Count == 0 ? "failed" : "failed: " + string.Join(", ", s.FailureIds.Select(f => f.Key + " \u00d7" + Markup.Count(f.Value))));
            Figure(w, Markup.Count(s.Canceled), "canceled");
            Figure(w, Markup.Duration(s.Wall), "wall time, first start to last end");
            Figure(w, Markup.Duration(s.TotalDowntime), "downtime in all");
            Figure(w, Markup.Duration(s.MaxDowntime), s.MaxDowntimeVM == null ? "longest downtime" : "longest downtime (" + s.MaxDowntimeVM + ")");
            Figure(w, Markup.Amount(s.TransferredGB, "N1") + " GB", "moved over the links");
            var readiness = report.ReadinessSummary;
            if (readiness.Total > 0) Figure(w, Markup.Count(readiness.NotReady) + " of " + Markup.Count(readiness.Total), "VMs not ready to move");
            w.Write("</div>\n");
        }

        /// <summary>Every failed or canceled migration, in the order they were queued; last, since a large wave can have many.</summary>
        private static void Failures(TextWriter w, MigrationReport report)
        {
            var failures = report.Migrations.Where(m => m.Status == MigrationStatus.Failed || m.Status == MigrationStatus.Canceled).ToList();
            if (failures.Count == 0)
            {
                w.Write("<p>Every migration in this report succeeded.</p>\n");
                return;
            }

            w.Write("<table class=\"failures\">\n<thead><tr><th>VM</th><th>Type</th><th>Status</th><th>Error</th><th>Message</th></tr></thead>\n<tbody>\n");
            foreach (var m in failures) Markup.Row(w, m.VM, m.MigrationType.ToString(), m.Status.ToString(), m.Error, m.ErrorMessage);
            w.Write("</tbody>\n</table>\n");
        }

        private static void Figure(TextWriter w, string value, string what)
        {
            w.Write("<div class=\"figure\"><b>");
            Markup.Text(w, value);
            w.Write("</b><span>");
            Markup.Text(w, what);
            w.Write("</span></div>\n");
        }

        private static void NoMigrations(TextWriter w) =>
            w.Write("<p class=\"empty\">No migrations in this report. Pipe the results of Move-CloudVM or Wait-CloudTask to Export-MigrationReport to add them.</p>\n");

        private static void Open(TextWriter w, string id, string heading)
        {
            w.Write("<section id=\"");
            w.Write(id);
            w.Write("\">\n<h2>");
            w.Write(heading);
            w.Write("</h2>\n");
        }

        private static void Close(TextWriter w) => w.Write("</section>\n");
    }
}
