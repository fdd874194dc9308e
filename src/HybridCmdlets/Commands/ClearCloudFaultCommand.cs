using System.Management.Automation;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Clears faults: what they hold broken recovers at once, and they never fire again.</summary>
    [Cmdlet(VerbsCommon.Clear, "CloudFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudFault))]
    public sealed class ClearCloudFaultCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Writes each cleared fault.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Clears each matching fault: what it holds broken recovers now, and it never fires again.</summary>
        protected override void Process()
        {
            try
            {
                Lab.CatchUp();
                foreach (var fault in GetCloudFaultCommand.Select(Id, WriteError))
                {
                    if (fault.State == FaultState.Cleared || !ShouldProcess(fault.Id + " (" + fault.Kind + ", " + fault.Target + ")", "Clear fault")) continue;
                    Lab.ClearFault(fault);
                    if (PassThru) WriteObject(fault);
                }
            }
            catch (HybridException error)
            {
                WriteError(error);
            }
        }
    }
}
