using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>
    /// Which row of the timeline each migration's bar goes in. A short wave gets a row per migration, labelled with
    /// its VM and showing its time in the queue; a long one is packed, each row holding migrations whose runs do not
    /// overlap, so that ten thousand bars fit in as many rows as moves ran at once.
    /// </summary>
    public sealed class TimelineLanes
    {
        /// <summary>Up to this many migrations, one row each.</summary>
        public const int MaxLabelledRows = 60;

        private TimelineLanes(int[] lane, int count, bool labelled)
        {
            Lane = lane;
            Count = count;
            Labelled = labelled;
        }

        /// <summary>The row of each migration, by its index in the report's list.</summary>
        public IReadOnlyList<int> Lane { get; }

        public int Count { get; }

        /// <summary>True when each row is one migration, named at its left.</summary>
        public bool Labelled { get; }

        /// <summary>
        /// Packed, a row takes a migration once the last one in it has ended <paramref name="gap"/> before this one
        /// started; rows are filled lowest first, in the order the migrations started, which uses as few rows as the
        /// most migrations running at once.
        /// </summary>
        public static TimelineLanes Of(IReadOnlyList<MigrationResult> migrations, TimeSpan gap)
        {
            var lane = new int[migrations.Count];
            if (migrations.Count <= MaxLabelledRows)
            {
                for (var i = 0; i < lane.Length; i++) lane[i] = i;
                return new TimelineLanes(lane, lane.Length, labelled: true);
            }

            var byStart = Enumerable.Range(0, migrations.Count).OrderBy(i => migrations[i].StartTime).ToList();
            var busy = new SortedSet<(long FreeAt, int Lane)>();
            var free = new SortedSet<int>();
            var count = 0;
            foreach (var i in byStart)
            {
                var start = migrations[i].StartTime.Ticks;
                while (busy.Count > 0 && busy.Min.FreeAt <= start)
                {
                    free.Add(busy.Min.Lane);
                    busy.Remove(busy.Min);
                }

                if (free.Count > 0)
                {
                    lane[i] = free.Min;
                    free.Remove(lane[i]);
                }
                else
                {
                    lane[i] = count++;
                }

                busy.Add((migrations[i].EndTime.Ticks + gap.Ticks, lane[i]));
            }

            return new TimelineLanes(lane, count, labelled: false);
        }

        /// <summary>When the migration was submitted: its start less the time it waited for the limits.</summary>
        public static DateTime Queued(MigrationResult migration) => migration.StartTime - migration.QueuedTime;
    }
}
