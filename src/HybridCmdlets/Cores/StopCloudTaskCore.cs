using System.Collections.Generic;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class StopCloudTaskCore
    {
        private readonly LabSession lab;

        public StopCloudTaskCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Cancels each queued or running task: its VM stays at (or goes back to running at) its source, as a
        /// canceled vMotion does. A task that has already ended is a TaskNotRunning error for that task.
        /// </summary>
        public void Run(IEnumerable<CloudTask> tasks, bool passThru, ICommandOutput output)
        {
            lab.CatchUp();
            foreach (var task in tasks)
            {
                if (task == null) continue;
                if (task.IsFinished)
                {
                    output.WriteError(EngineErrors.TaskNotRunning(task.Id, task.State.ToString()));
                    continue;
                }

                if (!AccessChecks.Allow(lab, AccessDemand.StopTask(task), output)) continue;
                if (!output.ShouldProcess(task.Id + " (" + task.Description + ", " + task.Phase + ")", "Stop")) continue;
                lab.Timeline.Cancel(task);
                output.WriteVerbose("Stopped " + task.Id + ": VM '" + task.VM + "' is at its source, " + task.Source + ".");
                if (passThru) output.WriteObject(task);
            }

            LabChanges.RecordMoves(lab, output);
        }
    }
}
