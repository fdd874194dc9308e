using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Infrastructure
{
    /// <summary>
    /// What Start-, Stop-, Stop-CloudVMGuest and Suspend-CloudVM share: VMs by name, object or CSV row, one power
    /// operation each (a refusal is an error for that VM alone), and the VM written as it is after the operation, as
    /// PowerCLI's Start-VM and Stop-VM write theirs.
    /// </summary>
    public abstract class VMPowerCmdlet : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VMNameCompleter))]
        public VMIdParameter[] VM { get; set; } = new VMIdParameter[0];

        /// <summary>The operation, and how ShouldProcess names it ("Power on").</summary>
        protected abstract PowerAction Action { get; }

        protected abstract string ActionText { get; }

        protected override void Process()
        {
            foreach (var vm in ResolveVMs(VM))
            {
                Cancellation.ThrowIfCancellationRequested();
                if (!ShouldProcess("VM '" + vm.Name + "' on endpoint '" + vm.Endpoint + "'", ActionText)) continue;
                try
                {
                    var after = Lab.SetPower(vm, Action);
                    RecordChange();
                    WriteObject(after);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }
        }
    }
}
