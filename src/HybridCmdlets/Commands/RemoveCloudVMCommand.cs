using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
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

        protected override void Process()
        {
            foreach (var vm in ResolveVMs(VM))
            {
                Cancellation.ThrowIfCancellationRequested();
                if (!Allowed(AccessDemand.RemoveVM(vm))) continue;
                if (!ShouldProcess("VM '" + vm.Name + "' on endpoint '" + vm.Endpoint + "'", "Remove")) continue;
                try
                {
                    Lab.Estate.RemoveVM(vm.Id);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                    continue;
                }

                WriteVerbose("Removed VM '" + vm.Name + "' (" + vm.Id + ") from " + vm.Endpoint + "; its disk space is free again.");
                RecordChange();
                if (PassThru) WriteObject(vm);
            }
        }
    }
}
