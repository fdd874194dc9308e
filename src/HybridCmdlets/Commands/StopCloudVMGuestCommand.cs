using System.Management.Automation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Shuts guests down cleanly through VMware Tools, as PowerCLI's Stop-VMGuest; a VM without running Tools is ToolsUnavailable.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "CloudVMGuest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudVM))]
    public sealed class StopCloudVMGuestCommand : VMPowerCmdlet
    {
        protected override PowerAction Action => PowerAction.ShutdownGuest;

        protected override string ActionText => "Shut down the guest";
    }
}
