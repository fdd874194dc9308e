using System.Collections.Generic;
using System.IO;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>The readiness summary: verdicts as a bar and in figures, the recommended types, and every blocker.</summary>
    internal static class ReadinessSection
    {
        private const int BarWidth = 600;

        public static void Write(TextWriter w, MigrationReport report)
        {
            var summary = report.ReadinessSummary;
            if (summary.Total == 0)
            {
                w.Write("<p class=\"empty\">No readiness results in this report. Pipe the output of Test-MigrationReadiness to Export-MigrationReport to add them.</p>\n");
                return;
            }

            VerdictBar(w, summary);
            w.Write("<div class=\"tables\">\n");
            CountTable(w, "Verdict", new[]
            {
                new KeyValuePair<string, int>(nameof(ReadinessVerdict.Ready), summary.Ready),
                new KeyValuePair<string, int>(nameof(ReadinessVerdict.ReadyWithWarnings), summary.ReadyWithWarnings),
                new KeyValuePair<string, int>(nameof(ReadinessVerdict.NotReady), summary.NotReady),
            });
            CountTable(w, "Recommended type", summary.RecommendedTypes);
            if (summary.BlockingChecks.Count > 0) CountTable(w, "Blocking check", summary.BlockingChecks);
            w.Write("</div>\n");

            if (summary.Blocked.Count == 0)
            {
                w.Write("<p>Nothing blocks these VMs.</p>\n");
                return;
            }

            w.Write("<h3>Blockers</h3>\n<table class=\"blockers\">\n<thead><tr><th>VM</th><th>Destination</th><th>Blocker</th></tr></thead>\n<tbody>\n");
            foreach (var blocked in summary.Blocked) Markup.Row(w, blocked.VM, blocked.Destination, blocked.Blocker);
            w.Write("</tbody>\n</table>\n");
        }

        private static void VerdictBar(TextWriter w, ReadinessSummary summary)
        {
            w.Write("<svg class=\"chart verdict-chart\" width=\"");
            w.Write(Markup.Int(BarWidth));
            w.Write("\" height=\"22\" role=\"img\" aria-label=\"Verdicts\">");
            var x = 0.0;
            x = Segment(w, x, summary.Ready, summary.Total, "ready", "Ready");
            x = Segment(w, x, summary.ReadyWithWarnings, summary.Total, "warnings", "ReadyWithWarnings");
            Segment(w, x, summary.NotReady, summary.Total, "not-ready", "NotReady");
            w.Write("</svg>\n<div class=\"legend\">");
            Chart.Swatch(w, "ready", "Ready");
            Chart.Swatch(w, "warnings", "ReadyWithWarnings");
            Chart.Swatch(w, "not-ready", "NotReady");
            w.Write("</div>\n");
        }

        private static double Segment(TextWriter w, double x, int count, int total, string verdictClass, string verdict)
        {
            if (count == 0) return x;
            var width = (double)count / total * BarWidth;
            w.Write("<rect class=\"verdict ");
            w.Write(verdictClass);
            w.Write("\" x=\"");
            w.Write(Markup.Number(x));
            w.Write("\" y=\"0\" width=\"");
            w.Write(Markup.Number(width));
            w.Write("\" height=\"22\"><title>");
            w.Write(verdict);
            w.Write(": ");
            w.Write(Markup.Count(count));
            w.Write("</title></rect>");
            return x + width;
        }

        private static void CountTable(TextWriter w, string heading, IReadOnlyList<KeyValuePair<string, int>> rows)
        {
            w.Write("<table>\n<thead><tr><th>");
            Markup.Text(w, heading);
            w.Write("</th><th class=\"n\">VMs</th></tr></thead>\n<tbody>\n");
            foreach (var row in rows) Markup.CountRow(w, row.Key, row.Value);
            w.Write("</tbody>\n</table>\n");
        }
    }
}
