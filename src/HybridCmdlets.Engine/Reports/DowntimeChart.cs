using System;
using System.IO;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>A horizontal bar per VM for the longest downtimes, longest first, with what the rest add up to.</summary>
    internal static class DowntimeChart
    {
        private const int Left = 170;
        private const int ValueWidth = 90;
        private const int Row = 16;
        private const int Bar = 11;

        public static void Write(TextWriter w, MigrationReport report)
        {
            var ranking = report.Downtime;
            if (ranking.Top.Count == 0)
            {
                w.Write("<p class=\"empty\">No migration in this report had downtime.</p>\n");
                return;
            }

            w.Write("<p class=\"note\">");
            var withDowntime = ranking.Top.Count + ranking.RestCount;
            if (ranking.RestCount == 0)
            {
                w.Write("Every migration with downtime, the longest first");
            }
            else
            {
                w.Write("The ");
                w.Write(Markup.Count(ranking.Top.Count));
                w.Write(" longest of ");
                w.Write(Markup.Count(withDowntime));
                w.Write(" migrations with downtime; the other ");
                w.Write(Markup.Count(ranking.RestCount));
                w.Write(" add up to ");
                w.Write(Markup.Duration(ranking.RestTotal));
                w.Write(", none longer than ");
                w.Write(Markup.Duration(ranking.RestMax));
            }

            if (ranking.WithoutDowntime > 0)
            {
                w.Write(". ");
                w.Write(Markup.Count(ranking.WithoutDowntime));
                w.Write(" had none (Cold moves, powered-off VMs, and moves that failed or were canceled before their switchover)");
            }

            w.Write(".</p>\n");

            var longest = ranking.Top[0].Downtime.TotalSeconds;
            var scale = (TimelineChart.Width - Left - ValueWidth) / longest;
            w.Write("<svg class=\"chart downtime-chart\" width=\"");
            w.Write(Markup.Int(TimelineChart.Width));
            w.Write("\" height=\"");
            w.Write(Markup.Int(ranking.Top.Count * Row + 4));
            w.Write("\" role=\"img\" aria-label=\"Downtime per VM\">\n");
            for (var i = 0; i < ranking.Top.Count; i++)
            {
                var m = ranking.Top[i];
                var y = 2 + i * Row;
                var width = Math.Max(1, m.Downtime.TotalSeconds * scale);
                w.Write("<text x=\"");
                w.Write(Markup.Int(Left - 6));
                w.Write("\" y=\"");
                w.Write(Markup.Int(y + Bar - 1));
                w.Write("\" text-anchor=\"end\">");
                Markup.Text(w, m.VM);
                w.Write("</text><rect class=\"downtime-bar\" data-vm=\"");
                Markup.Text(w, m.VM);
                w.Write("\" x=\"");
                w.Write(Markup.Int(Left));
                w.Write("\" y=\"");
                w.Write(Markup.Int(y));
                w.Write("\" width=\"");
                w.Write(Markup.Number(width));
                w.Write("\" height=\"");
                w.Write(Markup.Int(Bar));
                w.Write("\"><title>");
                Markup.Text(w, m.VM);
                w.Write(" (");
                w.Write(m.MigrationType.ToString());
                w.Write("): ");
                w.Write(Markup.Duration(m.Downtime));
                w.Write("</title></rect><text x=\"");
                w.Write(Markup.Number(Left + width + 5));
                w.Write("\" y=\"");
                w.Write(Markup.Int(y + Bar - 1));
                w.Write("\">");
                w.Write(Markup.Duration(m.Downtime));
                w.Write("</text>\n");
            }

            w.Write("</svg>\n");
        }
    }
}
