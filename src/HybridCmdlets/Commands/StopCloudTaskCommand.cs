using System.Management.Automation;
using HybridCmdlets.Cores;
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

        protected override void Process() => new StopCloudTaskCore(Lab).Run(Task, PassThru, this);
    }
}
