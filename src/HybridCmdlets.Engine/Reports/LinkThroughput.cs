using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>
    /// Migration traffic over time on one path (source endpoint to destination endpoint), as average Mbps per step.
    /// </summary>
    /// <remarks>
    /// Results do not keep their traffic second by second, so it is rebuilt from what they hold: the pre-copy
    /// rounds at their own rates, laid back to back to end at the switchover (or at the end of a move that failed
    /// before it), and the rest of the bytes (disks, replication, the switchover itself) spread evenly over the rest
    /// of the run. A round's bytes are exact; the disk copy's shape is an approximation.
    /// </remarks>
    public sealed class LinkThroughput
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        private LinkThroughput(string source, string destination, DateTime from, TimeSpan step, int steps)
        {
            Source = source;
            Destination = destination;
            From = from;
            Step = step;
            Mbps = new double[steps];
        }

        public string Source { get; }

        public string Destination { get; }

        /// <summary>"onprem-lon → avs-westeurope", or "within onprem-lon" for moves inside an endpoint.</summary>
        public string Name => Names.Comparer.Equals(Source, Destination) ? "within " + Source : Source + " \u2192 " + Destination;

        public DateTime From { get; }

        public TimeSpan Step { get; }

        /// <summary>The average rate of each step from <see cref="From"/>.</summary>
        public double[] Mbps { get; }

        public double PeakMbps => Mbps.Length == 0 ? 0 : Mbps.Max();

        public double TransferredGB { get; private set; }

        public int Migrations { get; private set; }

        /// <summary>One series per path that carried bytes, the busiest first.</summary>
        public static IReadOnlyList<LinkThroughput> Of(IReadOnlyList<MigrationResult> migrations, DateTime from, DateTime to, int steps)
        {
            var step = TimeSpan.FromTicks(Math.Max(1, (to - from).Ticks / steps));
            var byPath = new Dictionary<string, (LinkThroughput Series, double[] Bytes, double[] FullSteps)>(StringComparer.OrdinalIgnoreCase);
            foreach (var m in migrations)
            {
                var bytes = (m.MemoryTransferredGB + m.DiskTransferredGB) * GiB;
                if (bytes <= 0) continue;
                var source = Endpoint(m.Source);
                var destination = Endpoint(m.Destination);
                var key = source + "\n" + destination;
                if (!byPath.TryGetValue(key, out var path))
                {
                    path = (new LinkThroughput(source, destination, from, step, steps), new double[steps], new double[steps + 1]);
                    byPath.Add(key, path);
                }

                path.Series.Migrations++;
                path.Series.TransferredGB += bytes / GiB;
                var spread = new StepSpreader(from, step, path.Bytes, path.FullSteps);
                Spread(m, bytes, spread);
            }

            foreach (var (series, bytes, fullSteps) in byPath.Values)
            {
                var full = 0.0;
                for (var i = 0; i < steps; i++)
                {
                    full += fullSteps[i];
                    series.Mbps[i] = (bytes[i] + full) * 8 / 1e6 / step.TotalSeconds;
                }
            }

            return byPath.Values.Select(p => p.Series).OrderByDescending(s => s.TransferredGB).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        }

        /// <summary>Lays one migration's bytes over time: its rounds where they happened, the rest evenly around them.</summary>
        private static void Spread(MigrationResult m, double bytes, StepSpreader spread)
        {
            var roundsEnd = m.SwitchoverTime ?? m.EndTime;
            var roundSeconds = m.Rounds.Sum(r => r.Seconds);
            var roundsStart = roundsEnd.AddSeconds(-roundSeconds);
            if (roundsStart < m.StartTime) roundsStart = m.StartTime;
            var t = roundsStart;
            var roundBytes = 0.0;
            foreach (var round in m.Rounds)
            {
                var end = t.AddSeconds(round.Seconds);
                spread.Add(t, end, round.BytesSent);
                roundBytes += round.BytesSent;
                t = end;
            }

            var rest = Math.Max(0, bytes - roundBytes);
            var before = (roundsStart - m.StartTime).TotalSeconds;
            var after = (m.EndTime - roundsEnd).TotalSeconds;
            if (before + after <= 0)
            {
                spread.Add(m.StartTime, m.EndTime, rest);
                return;
            }

            spread.Add(m.StartTime, roundsStart, rest * before / (before + after));
            spread.Add(roundsEnd, m.EndTime, rest * after / (before + after));
        }

        private static string Endpoint(string place)
        {
            var slash = place.IndexOf('/');
            return slash < 0 ? place : place.Substring(0, slash);
        }

        /// <summary>
        /// Adds bytes sent evenly over an interval to fixed steps: the partial steps at either end directly, the
        /// whole steps between through a difference array, so a transfer of any length costs the same.
        /// </summary>
        private readonly struct StepSpreader
        {
            private readonly DateTime from;
            private readonly double stepSeconds;
            private readonly double[] bytes;
            private readonly double[] fullSteps;

            public StepSpreader(DateTime from, TimeSpan step, double[] bytes, double[] fullSteps)
            {
                this.from = from;
                stepSeconds = step.TotalSeconds;
                this.bytes = bytes;
                this.fullSteps = fullSteps;
            }

            public void Add(DateTime start, DateTime end, double amount)
            {
                if (amount <= 0) return;
                var a = Math.Max(0, (start - from).TotalSeconds / stepSeconds);
                var b = Math.Min(bytes.Length, (end - from).TotalSeconds / stepSeconds);
                if (b <= a)
                {
                    bytes[Math.Min(bytes.Length - 1, (int)a)] += amount;
                    return;
                }

                var perStep = amount / (b - a);
                var first = (int)a;
                var last = Math.Min(bytes.Length - 1, (int)b);
                if (first == last)
                {
                    bytes[first] += amount;
                    return;
                }

                bytes[first] += perStep * (first + 1 - a);
                bytes[last] += perStep * (b - last);
                fullSteps[first + 1] += perStep;
                fullSteps[last] -= perStep;
            }
        }
    }
}
