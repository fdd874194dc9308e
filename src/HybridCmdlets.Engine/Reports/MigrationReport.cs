using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>
    /// What Export-MigrationReport shows, computed from the engine's results: the wave's summary, its timeline, the
    /// downtime per VM, the traffic on each path, and the readiness of the VMs checked.
    /// </summary>
    public sealed class MigrationReport
    {
        /// <summary>The throughput charts' resolution: a step is a pixel or more at the charts' width.</summary>
        public const int ThroughputSteps = 300;

        public MigrationReport(string title, IEnumerable<MigrationResult> migrations, IEnumerable<MigrationReadiness> readiness)
        {
            Title = title;
            Migrations = migrations
                .OrderBy(TimelineLanes.Queued).ThenBy(m => m.StartTime).ThenBy(m => m.VM, StringComparer.OrdinalIgnoreCase)
                .ToList();
            Readiness = readiness.ToList();
            Summary = WaveSummary.Of(Migrations);
            Downtime = DowntimeRanking.Of(Migrations);
            ReadinessSummary = ReadinessSummary.Of(Readiness);
            if (Migrations.Count > 0)
            {
                From = Migrations.Min(TimelineLanes.Queued);
                To = Migrations.Max(m => m.EndTime);
            }

            Throughput = Migrations.Count == 0 ? Array.Empty<LinkThroughput>() : LinkThroughput.Of(Migrations, From, To, ThroughputSteps);
        }

        public string Title { get; }

        /// <summary>In the order they were queued.</summary>
        public IReadOnlyList<MigrationResult> Migrations { get; }

        public IReadOnlyList<MigrationReadiness> Readiness { get; }

        public WaveSummary Summary { get; }

        public DowntimeRanking Downtime { get; }

        public IReadOnlyList<LinkThroughput> Throughput { get; }

        public ReadinessSummary ReadinessSummary { get; }

        /// <summary>When the first migration was queued: the left edge of the timeline (unset without migrations).</summary>
        public DateTime From { get; }

        /// <summary>When the last migration ended.</summary>
        public DateTime To { get; }
    }
}
