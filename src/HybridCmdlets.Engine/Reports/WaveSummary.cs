using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>The figures at the head of a report: how the wave went, how long it took, what it cost in downtime.</summary>
    public sealed class WaveSummary
    {
        private WaveSummary()
        {
        }

        public int Migrations { get; private set; }

        public int Succeeded { get; private set; }

        public int Failed { get; private set; }

        public int Canceled { get; private set; }

        /// <summary>The error ids of the failed migrations with how many failed so, the most frequent first.</summary>
        public IReadOnlyList<KeyValuePair<string, int>> FailureIds { get; private set; } = Array.Empty<KeyValuePair<string, int>>();

        /// <summary>The first start; null for a report without migrations.</summary>
        public DateTime? FirstStart { get; private set; }

        public DateTime? LastEnd { get; private set; }

        /// <summary>From the first start to the last end.</summary>
        public TimeSpan Wall => LastEnd.HasValue && FirstStart.HasValue ? LastEnd.Value - FirstStart.Value : TimeSpan.Zero;

        public TimeSpan TotalDowntime { get; private set; }

        public TimeSpan MaxDowntime { get; private set; }

        /// <summary>The VM of <see cref="MaxDowntime"/>; null when no migration had downtime.</summary>
        public string? MaxDowntimeVM { get; private set; }

        public double TransferredGB { get; private set; }

        public static WaveSummary Of(IReadOnlyList<MigrationResult> migrations)
        {
            var summary = new WaveSummary { Migrations = migrations.Count };
            var failures = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var m in migrations)
            {
                switch (m.Status)
                {
                    case MigrationStatus.Succeeded: summary.Succeeded++; break;
                    case MigrationStatus.Canceled: summary.Canceled++; break;
                    case MigrationStatus.Failed:
                        summary.Failed++;
                        var id = m.Error ?? "Unknown";
                        failures[id] = failures.TryGetValue(id, out var n) ? n + 1 : 1;
                        break;
                }

                if (summary.FirstStart == null || m.StartTime < summary.FirstStart) summary.FirstStart = m.StartTime;
                if (summary.LastEnd == null || m.EndTime > summary.LastEnd) summary.LastEnd = m.EndTime;
                summary.TotalDowntime += m.Downtime;
                if (m.Downtime > summary.MaxDowntime)
                {
                    summary.MaxDowntime = m.Downtime;
                    summary.MaxDowntimeVM = m.VM;
                }

                summary.TransferredGB += m.MemoryTransferredGB + m.DiskTransferredGB;
            }

            summary.FailureIds = failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
            return summary;
        }
    }
}
