using System.Management.Automation;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Cancels queued or running migration tasks; their VMs stay at their sources.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "CloudTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudTask))]
    public sealed class StopCloudTaskCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public CloudTask[] Task { get; set; } = new CloudTask[0];

        /// <summary>Writes each stopped task.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// Cancels each queued or running task: its VM stays at (or goes back to running at) its source, as a
        /// canceled vMotion does. A task that has already ended is a TaskNotRunning error for that task.
        /// </summary>
        protected override void Process()
        {
            Lab.CatchUp();
            foreach (var task in Task)
            {
                if (task == null) continue;
                if (task.IsFinished)
                {
                    WriteError(EngineErrors.TaskNotRunning(task.Id, task.State.ToString()));
                    continue;
                }

                if (!Allowed(AccessDemand.StopTask(task))) continue;
                if (!ShouldProcess(task.Id + " (" + task.Description + ", " + task.Phase + ")", "Stop")) continue;
                Lab.Timeline.Cancel(task);
                WriteVerbose("Stopped " + task.Id + ": VM '" + task.VM + "' is at its source, " + task.Source + ".");
                if (PassThru) WriteObject(task);
            }

            RecordMoves();
        }
    }
}
