using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the faults scheduled on the lab: what each breaks, when, and what it has done so far.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudFault")]
    [OutputType(typeof(CloudFault))]
    public sealed class GetCloudFaultCommand : HybridCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public FaultState[]? State { get; set; }

        /// <summary>The lab's faults in the order they were added, as they stand now. An exact id that names none is FaultNotFound.</summary>
        protected override void Process()
        {
            Lab.CatchUp();
            RecordMoves();
            foreach (var fault in Select(Id))
            {
                if (State != null && State.Length > 0 && !State.Contains(fault.State)) continue;
                WriteObject(fault);
            }
        }

        /// <summary>The faults whose ids match; each exact id that matches none is a FaultNotFound error. Clear-CloudFault selects the same way.</summary>
        internal static IEnumerable<CloudFault> Select(IReadOnlyList<string>? ids, Action<HybridException> notFound)
        {
            var patterns = (ids ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var faults = Lab.Timeline.Faults;
            foreach (var missing in ExactNames.Misses(patterns, faults.Select(f => f.Id).ToList())) notFound(EngineErrors.FaultNotFound(missing));
            return faults.Where(f => patterns.Any(p => p.IsMatch(f.Id)));
        }

        private IEnumerable<CloudFault> Select(IReadOnlyList<string>? ids) => Select(ids, WriteError);
    }
}
