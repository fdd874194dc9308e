using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists VMs' snapshots, as PowerCLI's Get-Snapshot: one object per snapshot, with its VM.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudSnapshot")]
    [OutputType(typeof(CloudSnapshot))]
    public sealed class GetCloudSnapshotCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VMNameCompleter))]
        public VMIdParameter[] VM { get; set; } = new VMIdParameter[0];

        // No pipeline input: a piped VM's own Name is not a snapshot's name.
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void Process()
        {
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var vm in ResolveVMs(VM))
            {
                foreach (var snapshot in CloudSnapshot.Of(vm))
                {
                    if (patterns == null || patterns.Any(p => p.IsMatch(snapshot.Name))) WriteObject(snapshot);
                }
            }
        }
    }
}
