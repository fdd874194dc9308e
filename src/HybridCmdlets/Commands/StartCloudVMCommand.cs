using System.Management.Automation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Powers VMs on, as PowerCLI's Start-VM.</summary>
    [Cmdlet(VerbsLifecycle.Start, "CloudVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CloudVM))]
    public sealed class StartCloudVMCommand : VMPowerCmdlet
    {
        protected override PowerAction Action => PowerAction.PowerOn;

        protected override string ActionText => "Power on";
    }
}
