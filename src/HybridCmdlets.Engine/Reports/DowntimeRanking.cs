using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>
    /// The migrations with the longest downtime, longest first, and a summary of the rest: a bar per VM stays
    /// readable for a wave of ten, and a wave of ten thousand still shows what matters.
    /// </summary>
    public sealed class DowntimeRanking
    {
        public const int DefaultTop = 40;

        private DowntimeRanking()
        {
        }

        public IReadOnlyList<MigrationResult> Top { get; private set; } = Array.Empty<MigrationResult>();

        /// <summary>Migrations with downtime that are not in <see cref="Top"/>.</summary>
        public int RestCount { get; private set; }

        public TimeSpan RestTotal { get; private set; }

        public TimeSpan RestMax { get; private set; }

        /// <summary>Migrations without downtime: Cold moves, powered-off VMs, and moves that ended before their switchover.</summary>
        public int WithoutDowntime { get; private set; }

        public static DowntimeRanking Of(IReadOnlyList<MigrationResult> migrations, int top = DefaultTop)
        {
            var withDowntime = migrations.Where(m => m.Downtime > TimeSpan.Zero)
                .OrderByDescending(m => m.Downtime).ThenBy(m => m.VM, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var rest = withDowntime.Skip(top).ToList();
            return new DowntimeRanking
            {
                Top = withDowntime.Take(top).ToList(),
                RestCount = rest.Count,
                RestTotal = TimeSpan.FromTicks(rest.Sum(m => m.Downtime.Ticks)),
                RestMax = rest.Count > 0 ? rest[0].Downtime : TimeSpan.Zero,
                WithoutDowntime = migrations.Count - withDowntime.Count,
            };
        }
    }
}
