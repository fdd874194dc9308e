using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Readiness.Rules
{
    /// <summary>Live types and Bulk move running VMs; Cold moves powered-off ones.</summary>
    public sealed class PowerStateRule : Rule
    {
        public override string Id => "state.power";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (c.Type == MigrationType.Cold)
            {
                return c.IsPoweredOn
                    ? Fail(F("VM '{0}' is powered on; Cold moves powered-off VMs.", c.VM.Name), F("Shut it down first (Stop-CloudVMGuest '{0}'), or choose vMotion, RAV or Bulk.", c.VM.Name))
                    : Pass("VM '{0}' is {1}.", c.VM.Name, c.VM.PowerState == PowerState.Suspended ? "suspended" : "powered off");
            }

            return c.IsPoweredOn
                ? Pass("VM '{0}' is powered on.", c.VM.Name)
                : Fail(F("VM '{0}' is {1}; {2} moves running VMs.", c.VM.Name, c.VM.PowerState == PowerState.Suspended ? "suspended" : "powered off", c.Type), F("Move it by Cold, or power it on first (Start-CloudVM '{0}').", c.VM.Name));
        }
    }

    /// <summary>Snapshots travel with a live move but make it longer; Bulk removes them.</summary>
    public sealed class SnapshotRule : Rule
    {
        public override string Id => "state.snapshots";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            var count = c.VM.Snapshots.Count;
            if (count == 0) return Pass("VM '{0}' has no snapshots.", c.VM.Name);
            return c.Type == MigrationType.Bulk
                ? Warn(F("VM '{0}' has {1} snapshot(s); Bulk removes them: the VM arrives with its current state only.", c.VM.Name, count),
                    F("Keep what you need from them, then delete them: Get-CloudSnapshot '{0}' | Remove-CloudSnapshot.", c.VM.Name))
                : Warn(F("VM '{0}' has {1} snapshot(s); they move with it and lengthen the move.", c.VM.Name, count),
                    F("Delete them before the move: Get-CloudSnapshot '{0}' | Remove-CloudSnapshot.", c.VM.Name));
        }
    }

    /// <summary>Bulk shuts the guest down through VMware Tools before the final sync.</summary>
    public sealed class ToolsRule : Rule
    {
        public override string Id => "state.tools";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (c.Type != MigrationType.Bulk || !c.IsPoweredOn) return NotApplicable(c, "only Bulk shuts the guest down through VMware Tools.");
            return c.VM.ToolsStatus == ToolsStatus.ToolsOk || c.VM.ToolsStatus == ToolsStatus.ToolsOld
                ? Pass("VMware Tools of VM '{0}' are running ({1}).", c.VM.Name, c.VM.ToolsStatus)
                : Warn(F("VMware Tools of VM '{0}' are {1}: Bulk cannot shut the guest down cleanly and powers it off.", c.VM.Name, c.VM.ToolsStatus),
                    "Install or start VMware Tools before the move.");
        }
    }

    /// <summary>An endpoint cannot hold two VMs of one name in the same place (HCX refuses the move).</summary>
    public sealed class NameInUseRule : Rule
    {
        public override string Id => "state.nameInUse";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.CrossesEndpoints) return Pass("VM '{0}' keeps its place in {1}'s inventory.", c.VM.Name, c.Source.Name);
            return c.Estate.FindVM(c.Destination.Name, c.VM.Name) == null
                ? Pass("No VM of {0} is named '{1}'.", c.Destination.Name, c.VM.Name)
                : Fail(F("{0} already has a VM named '{1}'.", c.Destination.Name, c.VM.Name), "Rename or remove the VM at the destination first.");
        }
    }

    /// <summary>A VM already being moved cannot be moved again until its task ends (MigrationInProgress).</summary>
    public sealed class InProgressRule : Rule
    {
        public override string Id => "state.inProgress";

        public override ReadinessCheck Evaluate(ReadinessContext c) =>
            c.Estate.IsMigrating(c.VM.Id)
                ? Fail(F("VM '{0}' is already being migrated.", c.VM.Name), "Wait for its task with Wait-CloudTask, or stop it with Stop-CloudTask.")
                : Pass("VM '{0}' is not being migrated.", c.VM.Name);
    }
}
