using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>What Test-MigrationReadiness found for the VMs of a report: verdicts, recommended types and blockers.</summary>
    public sealed class ReadinessSummary
    {
        /// <summary>The row for VMs that no type can move.</summary>
        public const string NoType = "none";

        private ReadinessSummary()
        {
        }

        public int Total { get; private set; }

        public int Ready { get; private set; }

        public int ReadyWithWarnings { get; private set; }

        public int NotReady { get; private set; }

        /// <summary>Recommended type ("vMotion", ..., or <see cref="NoType"/>) and how many VMs it is recommended for, in HCX's order.</summary>
        public IReadOnlyList<KeyValuePair<string, int>> RecommendedTypes { get; private set; } = Array.Empty<KeyValuePair<string, int>>();

        /// <summary>The NotReady results, in the order they came.</summary>
        public IReadOnlyList<MigrationReadiness> Blocked { get; private set; } = Array.Empty<MigrationReadiness>();

        /// <summary>The id of each first failing check ("device.rdm") and how many VMs it blocks, the most frequent first.</summary>
        public IReadOnlyList<KeyValuePair<string, int>> BlockingChecks { get; private set; } = Array.Empty<KeyValuePair<string, int>>();

        public static ReadinessSummary Of(IReadOnlyList<MigrationReadiness> readiness)
        {
            var types = ReadinessEvaluator.TypesByDisruption.Select(t => t.ToString()).Concat(new[] { NoType }).ToList();
            var recommended = types.ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
            var blockers = new Dictionary<string, int>(StringComparer.Ordinal);
            var summary = new ReadinessSummary { Total = readiness.Count, Blocked = readiness.Where(r => r.Verdict == ReadinessVerdict.NotReady).ToList() };
            foreach (var r in readiness)
            {
                if (r.Verdict == ReadinessVerdict.Ready) summary.Ready++;
                else if (r.Verdict == ReadinessVerdict.ReadyWithWarnings) summary.ReadyWithWarnings++;
                else summary.NotReady++;

                var type = r.RecommendedType?.ToString() ?? NoType;
                recommended[type] = recommended.TryGetValue(type, out var n) ? n + 1 : 1;
                if (r.Blocker != null)
                {
                    var check = BlockingCheck(r.Blocker);
                    blockers[check] = blockers.TryGetValue(check, out var b) ? b + 1 : 1;
                }
            }

            summary.RecommendedTypes = recommended.Where(t => t.Value > 0).OrderBy(t => types.IndexOf(t.Key)).ToList();
            summary.BlockingChecks = blockers.OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
            return summary;
        }

        /// <summary>The check id of a blocker, "id: message".</summary>
        private static string BlockingCheck(string blocker)
        {
            var colon = blocker.IndexOf(": ", StringComparison.Ordinal);
            return colon > 0 ? blocker.Substring(0, colon) : blocker;
        }
    }
}
