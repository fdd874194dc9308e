using System;
using System.IO;
using System.Text;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>Migration traffic over time, a line per path (source endpoint to destination endpoint), with a legend.</summary>
    internal static class ThroughputChart
    {
        /// <summary>Colours that stay apart for colour-blind readers (Okabe and Ito), one per path in turn.</summary>
        private static readonly string[] Palette = { "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000" };

        private const int Left = 70;
        private const int Right = 24;
        private const int Top = 22;
        private const int PlotHeight = 200;

        public static void Write(TextWriter w, MigrationReport report)
        {
            var links = report.Throughput;
            if (links.Count == 0)
            {
                w.Write("<p class=\"empty\">No migration in this report moved any data.</p>\n");
                return;
            }

            var axis = new TimeAxis(report.From, report.To, Left, TimelineChart.Width - Left - Right);
            var peak = 0.0;
            foreach (var link in links) peak = Math.Max(peak, link.PeakMbps);
            var step = NiceStep(peak);
            var max = Math.Max(step, Math.Ceiling(peak / step) * step);
            var bottom = Top + PlotHeight;

            w.Write("<div class=\"legend\">");
            for (var i = 0; i < links.Count; i++)
            {
                var link = links[i];
                Chart.Swatch(w, "link", link.Name + ": peak " + Markup.Amount(link.PeakMbps, "N0") + " Mbps, " + Markup.Amount(link.TransferredGB, "N1")
                    + " GB, " + Markup.Count(link.Migrations) + " migration" + (link.Migrations == 1 ? "" : "s"), Colour(i));
            }

            w.Write("</div>\n<svg class=\"chart throughput-chart\" width=\"");
            w.Write(Markup.Int(TimelineChart.Width));
            w.Write("\" height=\"");
            w.Write(Markup.Int(bottom + Top));
            w.Write("\" role=\"img\" aria-label=\"Throughput per link\">\n");
            Chart.TimeGrid(w, axis, Top, bottom);
            for (var value = 0.0; value <= max; value += step)
            {
                var y = Markup.Number(bottom - value / max * PlotHeight);
                w.Write("<line class=\"grid\" x1=\"");
                w.Write(Markup.Int(Left));
                w.Write("\" x2=\"");
                w.Write(Markup.Number(axis.Left + axis.Width));
                w.Write("\" y1=\"");
                w.Write(y);
                w.Write("\" y2=\"");
                w.Write(y);
                w.Write("\"/><text class=\"axis-label\" x=\"");
                w.Write(Markup.Int(Left - 6));
                w.Write("\" y=\"");
                w.Write(y);
                w.Write("\" dy=\"4\" text-anchor=\"end\">");
                w.Write(Markup.Amount(value, "N0"));
                w.Write("</text>");
            }

            w.Write("<text class=\"axis-label\" x=\"4\" y=\"12\">Mbps</text>\n");
            for (var i = 0; i < links.Count; i++) Series(w, axis, links[i], max, bottom, Colour(i));
            w.Write("</svg>\n");
        }

        private static void Series(TextWriter w, TimeAxis axis, LinkThroughput link, double max, double bottom, string colour)
        {
            var points = new StringBuilder(link.Mbps.Length * 12);
            for (var s = 0; s < link.Mbps.Length; s++)
            {
                var middle = link.From + TimeSpan.FromTicks(link.Step.Ticks * s + link.Step.Ticks / 2);
                if (s > 0) points.Append(' ');
                points.Append(Markup.Number(axis.X(middle))).Append(',').Append(Markup.Number(bottom - link.Mbps[s] / max * PlotHeight));
            }

            w.Write("<polyline class=\"throughput-line\" data-link=\"");
            Markup.Text(w, link.Name);
            w.Write("\" stroke=\"");
            w.Write(colour);
            w.Write("\" points=\"");
            w.Write(points.ToString());
            w.Write("\"><title>");
            Markup.Text(w, link.Name);
            w.Write("</title></polyline>\n");
        }

        /// <summary>1, 2 or 5 times a power of ten, giving at most five grid lines up to <paramref name="peak"/>.</summary>
        private static double NiceStep(double peak)
        {
            if (peak <= 0) return 1;
            var power = Math.Pow(10, Math.Floor(Math.Log10(peak / 5)));
            foreach (var factor in new[] { 1.0, 2.0, 5.0, 10.0 })
            {
                if (peak / (factor * power) <= 5) return factor * power;
            }

            return 10 * power;
        }

        private static string Colour(int index) => Palette[index % Palette.Length];
    }
}
