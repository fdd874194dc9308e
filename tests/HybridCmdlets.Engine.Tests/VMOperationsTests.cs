using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Issue 12: power, snapshots and CD drives, changed as vCenter changes them, and what readiness makes of the result.</summary>
    public class VMOperationsTests
    {
        private readonly LabSession lab = LabSession.FromDocument(LabGenerator.CreateDefault(), new ManualClock());

        private CloudVM VM(string name) => lab.Estate.FindVM("onprem-lon", name)!;

        private ReadinessCheck Check(string vm, string id, MigrationType type = MigrationType.Auto) =>
            LabMoves.Test(lab, VM(vm), MoveTarget.Parse("avs-westeurope", null, type)).Checks.Single(c => c.Id == id);

        private string Refusal(System.Action action)
        {
            var before = TestFiles.ToJson(lab.ToDocument());
            var error = Assert.Throws<HybridException>(action);
            Assert.Equal(before, TestFiles.ToJson(lab.ToDocument()));
            return error.ErrorId;
        }

        [Fact]
        public void Power_operations_follow_vCenters_states_and_Tools_start_with_the_guest()
        {
            Assert.Equal((PowerState.PoweredOn, ToolsStatus.ToolsOk), (VM("crm-web01").PowerState, VM("crm-web01").ToolsStatus));

            var off = lab.SetPower(VM("crm-web01"), PowerAction.ShutdownGuest);
            Assert.Equal((PowerState.PoweredOff, ToolsStatus.ToolsNotRunning), (off.PowerState, off.ToolsStatus));
            Assert.Same(off, VM("crm-web01"));
            Assert.Equal("InvalidPowerState", Refusal(() => lab.SetPower(VM("crm-web01"), PowerAction.PowerOff)));
            Assert.Equal("InvalidPowerState", Refusal(() => lab.SetPower(VM("crm-web01"), PowerAction.Suspend)));

            var on = lab.SetPower(VM("crm-web01"), PowerAction.PowerOn);
            Assert.Equal((PowerState.PoweredOn, ToolsStatus.ToolsOk), (on.PowerState, on.ToolsStatus));
            Assert.Equal("InvalidPowerState", Refusal(() => lab.SetPower(VM("crm-web01"), PowerAction.PowerOn)));

            var suspended = lab.SetPower(VM("crm-web01"), PowerAction.Suspend);
            Assert.Equal(PowerState.Suspended, suspended.PowerState);
            Assert.Equal(PowerState.PoweredOff, lab.SetPower(VM("crm-web01"), PowerAction.PowerOff).PowerState);
        }

        [Fact]
        public void A_guest_shutdown_needs_running_VMware_Tools_and_a_power_off_does_not()
        {
            // crm-web02's Tools are not running in the default lab.
            Assert.Equal(ToolsStatus.ToolsNotRunning, VM("crm-web02").ToolsStatus);
            Assert.Equal("ToolsUnavailable", Refusal(() => lab.SetPower(VM("crm-web02"), PowerAction.ShutdownGuest)));
            Assert.Equal(PowerState.PoweredOff, lab.SetPower(VM("crm-web02"), PowerAction.PowerOff).PowerState);
        }

        [Fact]
        public void Powering_off_a_VM_makes_it_ready_for_a_Cold_move()
        {
            Assert.Equal(CheckStatus.Fail, Check("crm-app01", "state.power", MigrationType.Cold).Status);
            Assert.Contains("Stop-CloudVMGuest 'crm-app01'", Check("crm-app01", "state.power", MigrationType.Cold).Remediation);
            lab.SetPower(VM("crm-app01"), PowerAction.ShutdownGuest);
            Assert.Equal(CheckStatus.Pass, Check("crm-app01", "state.power", MigrationType.Cold).Status);
        }

        [Fact]
        public void A_VM_being_migrated_keeps_its_power_state_snapshots_and_drives()
        {
            var vm = VM("crm-web01");
            var plan = ReadinessEvaluator.PlanMove(lab.Estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope" }, MigrationAlgorithm.vSphere, lab.Timeline.VirtualNow, out _);
            lab.Submit(plan);
            Assert.Equal("MigrationInProgress", Refusal(() => lab.SetPower(vm, PowerAction.PowerOff)));
            Assert.Equal("MigrationInProgress", Refusal(() => lab.SetCdDrive(vm, vm.CdDrives[0].Name, noMedia: true, connected: false)));
        }

        [Fact]
        public void Removing_snapshots_deletes_those_named_and_clears_the_snapshot_warning()
        {
            var vm = VM("docs-app01");
            Assert.Equal(new[] { "before-patching", "before-upgrade-2", "before-upgrade-3" }, vm.Snapshots.Select(s => s.Name).ToArray());
            Assert.Equal(CheckStatus.Warning, Check("docs-app01", "state.snapshots").Status);
            Assert.Contains("Get-CloudSnapshot 'docs-app01' | Remove-CloudSnapshot", Check("docs-app01", "state.snapshots").Remediation);

            Assert.Equal("SnapshotNotFound", Refusal(() => lab.RemoveSnapshots(vm, new[] { "before-patching", "no-such-snapshot" })));
            var after = lab.RemoveSnapshots(vm, new[] { "before-patching", "before-upgrade-3" });
            Assert.Equal(new[] { "before-upgrade-2" }, after.Snapshots.Select(s => s.Name).ToArray());
            lab.RemoveSnapshots(after, new[] { "before-upgrade-2" });
            Assert.Equal(CheckStatus.Pass, Check("docs-app01", "state.snapshots").Status);
        }

        [Fact]
        public void Taking_a_local_ISO_out_of_a_CD_drive_clears_the_CD_check()
        {
            var vm = VM("build-iso01");
            var drive = vm.CdDrives.Single();
            Assert.StartsWith("[esx-p1-03-local]", drive.IsoPath);
            Assert.Equal(CheckStatus.Fail, Check("build-iso01", "device.cdrom", MigrationType.vMotion).Status);
            Assert.Contains("Set-CloudCDDrive -NoMedia", Check("build-iso01", "device.cdrom", MigrationType.vMotion).Remediation);

            Assert.Equal("CdDriveNotFound", Refusal(() => lab.SetCdDrive(vm, "CD/DVD drive 9", noMedia: true, connected: null)));
            Assert.Equal("CdDriveChangeRequired", Refusal(() => lab.SetCdDrive(vm, drive.Name, noMedia: false, connected: null)));
            var after = lab.SetCdDrive(vm, drive.Name, noMedia: true, connected: false);
            Assert.Equal((null, null, null, false), (after.CdDrives[0].IsoPath, after.CdDrives[0].HostDevice, after.CdDrives[0].RemoteDevice, after.CdDrives[0].Connected));
            Assert.Equal(CheckStatus.Pass, Check("build-iso01", "device.cdrom", MigrationType.vMotion).Status);
        }

        [Fact]
        public void A_powered_off_VMs_CD_drive_cannot_be_connected()
        {
            var off = lab.SetPower(VM("build-iso01"), PowerAction.PowerOff);
            Assert.Equal("InvalidPowerState", Refusal(() => lab.SetCdDrive(off, off.CdDrives[0].Name, noMedia: false, connected: true)));
        }

        [Fact]
        public void An_Operator_readies_VMs_and_a_ReadOnly_user_cannot()
        {
            var secured = AccessFixtures.SecuredLab();
            AccessFixtures.ConnectAs(secured, "auditor", AccessFixtures.AuditorPassword, "onprem-lon", "avs-westeurope");
            var vm = secured.Estate.FindVM("onprem-lon", "docs-app01")!;
            var denied = Assert.Throws<HybridException>(() => secured.RemoveSnapshots(vm, new[] { "before-patching" }));
            Assert.Equal("PermissionDenied", denied.ErrorId);
            Assert.Contains(Privileges.RemoveSnapshot, denied.Message);
            Assert.Equal("PermissionDenied", Assert.Throws<HybridException>(() => secured.SetPower(vm, PowerAction.PowerOff)).ErrorId);

            AccessFixtures.ConnectAs(secured, "operator", AccessFixtures.OperatorPassword, "onprem-lon", "avs-westeurope");
            Assert.Equal(PowerState.PoweredOff, secured.SetPower(vm, PowerAction.PowerOff).PowerState);
            Assert.Empty(secured.RemoveSnapshots(secured.Estate.FindVM("onprem-lon", "docs-app01")!, new[] { "before-patching", "before-upgrade-2", "before-upgrade-3" }).Snapshots);
        }
    }
}
