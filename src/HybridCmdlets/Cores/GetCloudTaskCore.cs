using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class GetCloudTaskCore
    {
        private readonly LabSession lab;

        public GetCloudTaskCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// The lab's tasks in the order they were submitted, as they stand now (with a time scale, caught up to the
        /// wall clock first; at time scale 0, moved on to the next change the tasks looked at show, see <see cref="MigrationTimeline.CatchUpForLook"/>).
        /// An exact id that names no task is a TaskNotFound error; a wildcard that matches none is silent.
        /// </summary>
        public void Run(IReadOnlyList<string>? ids, IReadOnlyList<MigrationStatus>? status, ICommandOutput output)
        {
            var patterns = (ids ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var tasks = lab.Timeline.Tasks;
            lab.Timeline.CatchUpForLook(tasks.Where(t => patterns.Any(p => p.IsMatch(t.Id))).ToList(), output.Cancellation);
            LabChanges.RecordMoves(lab, output);
            ExactNames.ReportMisses(patterns, tasks.Select(t => t.Id).ToList(), EngineErrors.TaskNotFound, output);

            foreach (var task in tasks)
            {
                if (!patterns.Any(p => p.IsMatch(task.Id))) continue;
                if (status != null && status.Count > 0 && !status.Contains(task.State)) continue;
                output.WriteObject(task);
            }
        }
    }
}
