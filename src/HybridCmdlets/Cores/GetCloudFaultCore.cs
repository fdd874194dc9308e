using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class GetCloudFaultCore
    {
        private readonly LabSession lab;

        public GetCloudFaultCore(LabSession lab) => this.lab = lab;

        /// <summary>The lab's faults in the order they were added, as they stand now. An exact id that names none is FaultNotFound.</summary>
        public void Run(IReadOnlyList<string>? ids, IReadOnlyList<FaultState>? state, ICommandOutput output)
        {
            lab.CatchUp();
            LabChanges.RecordMoves(lab, output);
            foreach (var fault in Select(lab, ids, output))
            {
                if (state != null && state.Count > 0 && !state.Contains(fault.State)) continue;
                output.WriteObject(fault);
            }
        }

        /// <summary>The faults whose ids match; each exact id that matches none is reported.</summary>
        internal static IEnumerable<CloudFault> Select(LabSession lab, IReadOnlyList<string>? ids, ICommandOutput output)
        {
            var patterns = (ids ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var faults = lab.Timeline.Faults;
            ExactNames.ReportMisses(patterns, faults.Select(f => f.Id).ToList(), EngineErrors.FaultNotFound, output);
            return faults.Where(f => patterns.Any(p => p.IsMatch(f.Id)));
        }
    }
}
