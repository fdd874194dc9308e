using System.Management.Automation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Suspends VMs, as PowerCLI's Suspend-VM.</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "CloudVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudVM))]
    public sealed class SuspendCloudVMCommand : VMPowerCmdlet
    {
        protected override PowerAction Action => PowerAction.Suspend;

        protected override string ActionText => "Suspend";
    }
}
