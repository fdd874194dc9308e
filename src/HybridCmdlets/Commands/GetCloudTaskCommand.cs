using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the lab's migration tasks as they stand now.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudTask")]
    [OutputType(typeof(CloudTask))]
    public sealed class GetCloudTaskCommand : HybridCmdlet
    {
        // Not by property name: a VM's Id would bind too. A task's properties are live; there is nothing to re-read.
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Queued, Running, Succeeded, Failed, Canceled; PowerCLI's Success and Error are taken too.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [TaskStatusTransformation]
        public MigrationStatus[]? Status { get; set; }

        /// <summary>
        /// The lab's tasks in the order they were submitted, as they stand now: with a time scale, caught up to the wall
        /// clock first; at time scale 0, moved on to the next change the tasks looked at show (see
        /// MigrationTimeline.CatchUpForLook), so that a polling loop ends. An exact id that names no task is a
        /// TaskNotFound error; a wildcard that matches none is silent.
        /// </summary>
        protected override void Process()
        {
            var patterns = (Id ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var tasks = Lab.Timeline.Tasks;
            Lab.Timeline.CatchUpForLook(tasks.Where(t => patterns.Any(p => p.IsMatch(t.Id))).ToList(), Cancellation);
            RecordMoves();
            foreach (var missing in ExactNames.Misses(patterns, tasks.Select(t => t.Id).ToList())) WriteError(EngineErrors.TaskNotFound(missing));

            foreach (var task in tasks)
            {
                if (!patterns.Any(p => p.IsMatch(task.Id))) continue;
                if (Status != null && Status.Length > 0 && !Status.Contains(task.State)) continue;
                WriteObject(task);
            }
        }
    }
}
