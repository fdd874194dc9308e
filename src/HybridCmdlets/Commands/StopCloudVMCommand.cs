using System.Management.Automation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Powers VMs off at once, without asking the guest, as PowerCLI's Stop-VM.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "CloudVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudVM))]
    public sealed class StopCloudVMCommand : VMPowerCmdlet
    {
        protected override PowerAction Action => PowerAction.PowerOff;

        protected override string ActionText => "Power off";
    }
}
