using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Removes VMs from the emulated lab.</summary>
    [Cmdlet(VerbsCommon.Remove, "CloudVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(CloudVM))]
    public sealed class RemoveCloudVMCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VMNameCompleter))]
        public VMIdParameter[] VM { get; set; } = new VMIdParameter[0];

        /// <summary>Writes each removed VM, as it was just before removal.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process() => new RemoveCloudVMCore(Lab).Run(VM, PassThru, this);
    }
}
