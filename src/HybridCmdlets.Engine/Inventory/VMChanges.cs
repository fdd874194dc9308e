using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>What a VM's power operations do to it, as vCenter's PowerOnVM_Task, PowerOffVM_Task, ShutdownGuest and SuspendVM_Task do.</summary>
    public enum PowerAction { PowerOn, PowerOff, ShutdownGuest, Suspend }

    /// <summary>
    /// The changes vCenter makes to a VM on request before a move — power, snapshots, CD drives — each checked against
    /// the VM's state as vCenter checks it, with vSphere's fault names for the refusals. Each returns a changed copy and
    /// leaves the VM it was given as it was; <see cref="Estate.ChangeVM"/> publishes the copy.
    /// </summary>
    public static class VMChanges
    {
        public static CloudVM Power(CloudVM vm, PowerAction action)
        {
            var after = vm.Copy();
            switch (action)
            {
                case PowerAction.PowerOn:
                    if (vm.PowerState == PowerState.PoweredOn) throw EngineErrors.InvalidPowerState(vm.Name, vm.PowerState, "power on");
                    after.PowerState = PowerState.PoweredOn;
                    // VMware Tools start with the guest; a VM without Tools stays without.
                    if (vm.ToolsStatus == ToolsStatus.ToolsNotRunning) after.ToolsStatus = ToolsStatus.ToolsOk;
                    break;
                case PowerAction.PowerOff:
                    if (vm.PowerState == PowerState.PoweredOff) throw EngineErrors.InvalidPowerState(vm.Name, vm.PowerState, "power off");
                    after.PowerState = PowerState.PoweredOff;
                    if (vm.ToolsStatus != ToolsStatus.ToolsNotInstalled) after.ToolsStatus = ToolsStatus.ToolsNotRunning;
                    break;
                case PowerAction.ShutdownGuest:
                    if (vm.PowerState != PowerState.PoweredOn) throw EngineErrors.InvalidPowerState(vm.Name, vm.PowerState, "shut down the guest of");
                    // The guest is asked through VMware Tools: without them running, vCenter refuses (ToolsUnavailable).
                    if (vm.ToolsStatus != ToolsStatus.ToolsOk && vm.ToolsStatus != ToolsStatus.ToolsOld) throw EngineErrors.ToolsUnavailable(vm.Name, vm.ToolsStatus);
                    after.PowerState = PowerState.PoweredOff;
                    after.ToolsStatus = ToolsStatus.ToolsNotRunning;
                    break;
                case PowerAction.Suspend:
                    if (vm.PowerState != PowerState.PoweredOn) throw EngineErrors.InvalidPowerState(vm.Name, vm.PowerState, "suspend");
                    after.PowerState = PowerState.Suspended;
                    if (vm.ToolsStatus != ToolsStatus.ToolsNotInstalled) after.ToolsStatus = ToolsStatus.ToolsNotRunning;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }

            return after;
        }

        /// <summary>Deletes the named snapshots (consolidating them into the disks, as vCenter's RemoveSnapshot_Task does); SnapshotNotFound for a name the VM has not.</summary>
        public static CloudVM RemoveSnapshots(CloudVM vm, IReadOnlyCollection<string> names)
        {
            foreach (var name in names)
            {
                if (!vm.Snapshots.Any(s => s.Name == name)) throw EngineErrors.SnapshotNotFound(vm.Name, name);
            }

            var after = vm.Copy();
            after.Snapshots = vm.Snapshots.Where(s => !names.Contains(s.Name)).ToArray();
            return after;
        }

        /// <summary>
        /// Changes a CD drive as Set-CDDrive does: <paramref name="noMedia"/> takes its ISO image or host device out, and
        /// <paramref name="connected"/> connects or disconnects it. CdDriveNotFound for a drive the VM has not.
        /// </summary>
        public static CloudVM SetCdDrive(CloudVM vm, string drive, bool noMedia, bool? connected)
        {
            var index = vm.CdDrives.ToList().FindIndex(d => Names.Equal(d.Name, drive));
            if (index < 0) throw EngineErrors.CdDriveNotFound(vm.Name, drive);
            var old = vm.CdDrives[index];
            var changed = new CdDrive
            {
                Name = old.Name,
                IsoPath = noMedia ? null : old.IsoPath,
                HostDevice = noMedia ? null : old.HostDevice,
                RemoteDevice = noMedia ? null : old.RemoteDevice,
                Connected = connected ?? old.Connected,
            };
            // A powered-off VM's drive is not connected to anything; vCenter keeps only its "connect at power on".
            if (vm.PowerState != PowerState.PoweredOn && connected == true) throw EngineErrors.InvalidPowerState(vm.Name, vm.PowerState, "connect a CD drive of");
            var drives = vm.CdDrives.ToArray();
            drives[index] = changed;
            var after = vm.Copy();
            after.CdDrives = drives;
            return after;
        }
    }
}
