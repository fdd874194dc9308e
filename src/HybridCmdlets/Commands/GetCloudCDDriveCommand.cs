using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists VMs' CD drives and what they hold, as PowerCLI's Get-CDDrive.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudCDDrive")]
    [OutputType(typeof(CloudCDDrive))]
    public sealed class GetCloudCDDriveCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VMNameCompleter))]
        public VMIdParameter[] VM { get; set; } = new VMIdParameter[0];

        // No pipeline input: a piped VM's own Name is not a drive's name.
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void Process()
        {
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            foreach (var vm in ResolveVMs(VM))
            {
                foreach (var drive in CloudCDDrive.Of(vm))
                {
                    if (patterns == null || patterns.Any(p => p.IsMatch(drive.Name))) WriteObject(drive);
                }
            }
        }
    }
}
