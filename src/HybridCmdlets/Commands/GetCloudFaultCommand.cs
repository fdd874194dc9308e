using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Faults;
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

        protected override void Process() => new GetCloudFaultCore(Lab).Run(Id, State, this);
    }
}
