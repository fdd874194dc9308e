using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Errors
{
    /// <summary>Refusals of power, snapshot and CD drive changes, with vSphere's fault names.</summary>
    public static partial class EngineErrors
    {
        /// <summary>vSphere's InvalidPowerState: "The attempted operation cannot be performed in the current state".</summary>
        public static HybridException InvalidPowerState(string vm, PowerState state, string operation) => new HybridException(
            "InvalidPowerState", ErrorKind.InvalidOperation,
            F("Cannot {0} VM '{1}': the attempted operation cannot be performed in the current state ({2}).", operation, vm, state), vm,
            "Check the VM's power state with Get-CloudVM first.");

        /// <summary>vSphere's ToolsUnavailable: a guest shutdown goes through VMware Tools.</summary>
        public static HybridException ToolsUnavailable(string vm, ToolsStatus tools) => new HybridException(
            "ToolsUnavailable", ErrorKind.InvalidOperation,
            F("Cannot shut down the guest of VM '{0}': VMware Tools are not running in it ({1}).", vm, tools), vm,
            "Power it off with Stop-CloudVM instead, or start VMware Tools in the guest.");

        public static HybridException SnapshotNotFound(string vm, string snapshot) => new HybridException(
            "SnapshotNotFound", ErrorKind.ObjectNotFound,
            F("VM '{0}' has no snapshot named '{1}'.", vm, snapshot), snapshot,
            F("List its snapshots with Get-CloudSnapshot -VM '{0}'.", vm));

        public static HybridException CdDriveNotFound(string vm, string drive) => new HybridException(
            "CdDriveNotFound", ErrorKind.ObjectNotFound,
            F("VM '{0}' has no CD drive named '{1}'.", vm, drive), drive,
            F("List its drives with Get-CloudCDDrive -VM '{0}'.", vm));

        public static HybridException CdDriveChangeRequired(string vm) => new HybridException(
            "CdDriveChangeRequired", ErrorKind.InvalidArgument,
            F("Set-CloudCDDrive was given nothing to change for the CD drives of VM '{0}'.", vm), vm,
            "Give -NoMedia, -Connected, or both.");
    }
}
