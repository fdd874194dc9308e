using System;
using System.IO;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>
    /// The timeline: a bar per migration from its start to its end, coloured by how it ended, its switchover marked
    /// across it, and, when each migration has a row of its own, its wait in the queue before it; each bar's
    /// tooltip names its VM and its figures.
    /// </summary>
    internal static class TimelineChart
    {
        public const int Width = 1100;
        private const int LabelledLeft = 170;
        private const int PackedLeft = 24;
        private const int Right = 24;
        private const int AxisHeight = 22;

        public static void Write(TextWriter w, MigrationReport report)
        {
            var migrations = report.Migrations;
            // Packed rows keep a pixel between one bar and the next, at the packed chart's scale.
            var packedScale = new TimeAxis(report.From, report.To, 0, Width - PackedLeft - Right);
            var lanes = TimelineLanes.Of(migrations, packedScale.Span(1));
            var left = lanes.Labelled ? LabelledLeft : PackedLeft;
            var axis = new TimeAxis(report.From, report.To, left, Width - left - Right);
            var row = lanes.Labelled ? 18 : Math.Max(3, Math.Min(12, 720 / Math.Max(1, lanes.Count)));
            var bar = lanes.Labelled ? 12 : Math.Max(2, row - 1);
            var height = 2 * AxisHeight + lanes.Count * row;

            w.Write(lanes.Labelled ? "<svg class=\"chart timeline-chart\" width=\"" : "<svg class=\"chart timeline-chart packed\" width=\"");
            w.Write(Markup.Int(Width));
            w.Write("\" height=\"");
            w.Write(Markup.Int(height));
            w.Write("\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"Timeline of ");
            w.Write(Markup.Count(migrations.Count));
            w.Write(" migrations\">\n");
            Chart.TimeGrid(w, axis, AxisHeight, height - AxisHeight);
            for (var i = 0; i < migrations.Count; i++)
            {
                var y = AxisHeight + lanes.Lane[i] * row + (row - bar) / 2.0;
                Migration(w, axis, migrations[i], y, bar, lanes.Labelled);
            }

            w.Write("</svg>\n");
        }

        private static void Migration(TextWriter w, TimeAxis axis, MigrationResult m, double y, int bar, bool labelled)
        {
            var top = Markup.Number(y);
            var high = Markup.Int(bar);
            if (labelled)
            {
                w.Write("<text class=\"lane-label\" x=\"");
                w.Write(Markup.Number(axis.Left - 6));
                w.Write("\" y=\"");
                w.Write(Markup.Number(y + bar - 2));
                w.Write("\" text-anchor=\"end\">");
                Markup.Text(w, m.VM);
                w.Write("</text>");
            }

            // Packed rows hold other moves where this one waited: there, the wait is in the tooltip only.
            if (labelled && m.QueuedTime > TimeSpan.Zero)
            {
                w.Write("<rect class=\"queued\" x=\"");
                w.Write(Markup.Number(axis.X(TimelineLanes.Queued(m))));
                w.Write("\" y=\"");
                w.Write(top);
                w.Write("\" width=\"");
                w.Write(Markup.Number(axis.Length(m.QueuedTime)));
                w.Write("\" height=\"");
                w.Write(high);
                w.Write("\"/>");
            }

            w.Write("<rect class=\"migration-bar ");
            w.Write(StatusClass(m.Status));
            w.Write("\" data-vm=\"");
            Markup.Text(w, m.VM);
            w.Write("\" x=\"");
            w.Write(Markup.Number(axis.X(m.StartTime)));
            w.Write("\" y=\"");
            w.Write(top);
            w.Write("\" width=\"");
            // A move of no length (canceled before it started) still shows.
            w.Write(Markup.Number(Math.Max(1, axis.Length(m.Duration))));
            w.Write("\" height=\"");
            w.Write(high);
            w.Write("\"><title>");
            Tooltip(w, m);
            w.Write("</title></rect>");

            if (m.SwitchoverTime is DateTime switchover)
            {
                var x = Markup.Number(axis.X(switchover));
                w.Write("<line class=\"switchover\" x1=\"");
                w.Write(x);
                w.Write("\" x2=\"");
                w.Write(x);
                // Across the bar and a little beyond when rows have room; within it when they are packed tight.
                var overhang = labelled ? 2 : 0;
                w.Write("\" y1=\"");
                w.Write(Markup.Number(y - overhang));
                w.Write("\" y2=\"");
                w.Write(Markup.Number(y + bar + overhang));
                w.Write("\"/>");
            }

            w.Write('\n');
        }

        /// <summary>Every figure of the migration, one per line.</summary>
        private static void Tooltip(TextWriter w, MigrationResult m)
        {
            Markup.Text(w, m.VM);
            w.Write(": ");
            w.Write(m.MigrationType.ToString());
            w.Write(", ");
            w.Write(m.Status.ToString());
            if (m.Status == MigrationStatus.Failed)
            {
                w.Write(" (");
                Markup.Text(w, m.Error);
                w.Write(')');
            }

            w.Write('\n');
            Markup.Text(w, m.Source);
            w.Write(" \u2192 ");
            Markup.Text(w, m.Destination);
            w.Write('\n');
            w.Write(Markup.Clock(m.StartTime));
            w.Write(" \u2192 ");
            w.Write(Markup.Clock(m.EndTime));
            w.Write(" (");
            w.Write(Markup.Duration(m.Duration));
            w.Write(')');
            if (m.QueuedTime > TimeSpan.Zero)
            {
                w.Write(", after ");
                w.Write(Markup.Duration(m.QueuedTime));
                w.Write(" queued");
            }

            if (m.SwitchoverTime is DateTime switchover)
            {
                w.Write("\nswitchover at ");
                w.Write(Markup.Clock(switchover));
                w.Write(", downtime ");
                w.Write(Markup.Duration(m.Downtime));
            }

            w.Write('\n');
            w.Write(Markup.Amount(m.MemoryTransferredGB + m.DiskTransferredGB, "N1"));
            w.Write(" GB at ");
            w.Write(Markup.Amount(m.AverageThroughputMbps, "N0"));
            w.Write(" Mbps");
        }

        public static string StatusClass(MigrationStatus status) => status switch
        {
            MigrationStatus.Succeeded => "succeeded",
            MigrationStatus.Failed => "failed",
            MigrationStatus.Canceled => "canceled",
            _ => "unfinished",
        };
    }
}
