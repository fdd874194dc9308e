using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Migration;
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

        [Parameter]
        [ValidateNotNullOrEmpty]
        public MigrationStatus[]? Status { get; set; }

        protected override void Process() => new GetCloudTaskCore(Lab).Run(Id, Status, this);
    }
}
