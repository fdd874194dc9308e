using System.Management.Automation;
using HybridCmdlets.Cores;
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

        protected override void Process() => new ClearCloudFaultCore(Lab).Run(Id, PassThru, this);
    }
}
