using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// What an operation needs: a privilege on each endpoint it touches, in the order they are checked, and how to
    /// name the operation in an error. One factory per operation, so that which operation needs which privilege is
    /// written here and nowhere else.
    /// </summary>
    public sealed class AccessDemand
    {
        private AccessDemand(string operation, object? target, params (string Endpoint, string Privilege)[] needs)
        {
            Operation = operation;
            Target = target;
            Needs = needs;
        }

        /// <summary>"moving VM 'crm-web01'": what the user asked for, as an error names it.</summary>
        public string Operation { get; }

        /// <summary>The item being processed, for the error record.</summary>
        public object? Target { get; }

        public IReadOnlyList<(string Endpoint, string Privilege)> Needs { get; }

        /// <summary>Seeing a VM (Get-CloudVM, and every cmdlet that finds VMs by name).</summary>
        public static AccessDemand ReadVM(string endpoint, string vm) =>
            new AccessDemand("reading VM '" + vm + "'", vm, (endpoint, Privileges.Read));

        /// <summary>Seeing an endpoint's inventory (Get-CloudVM -Endpoint).</summary>
        public static AccessDemand ReadEndpoint(string endpoint) =>
            new AccessDemand("listing the VMs of endpoint '" + endpoint + "'", endpoint, (endpoint, Privileges.Read));

        /// <summary>Test-MigrationReadiness reads the VM at its source and the destination's capacity.</summary>
        public static AccessDemand TestMove(CloudVM vm, string destination) =>
            new AccessDemand("testing the move of VM '" + vm.Name + "' to '" + destination + "'", vm.Name, (vm.Endpoint, Privileges.Read), (destination, Privileges.Read));

        /// <summary>
        /// A move, as RelocateVM_Task checks it and cross-vCenter vMotion checks it on both vCenters: hot or cold
        /// migration of the VM at its source, and a place for it and its disks at the destination.
        /// </summary>
        public static AccessDemand Move(CloudVM vm, string destination) =>
            new AccessDemand("moving VM '" + vm.Name + "' (" + vm.PowerState + ") to '" + destination + "'", vm.Name,
                (vm.Endpoint, MigratePrivilege(vm.PowerState != PowerState.PoweredOn)),
                (destination, Privileges.AssignVMToPool),
                (destination, Privileges.AllocateSpace));

        /// <summary>Stopping a move needs what starting it needed, at both ends.</summary>
        public static AccessDemand StopTask(CloudTask task) =>
            new AccessDemand("stopping " + task.Id + " (" + task.Description + ")", task.Id,
                (task.Run.Plan.Source.Name, MigratePrivilege(task.MigrationType == MigrationType.Cold)),
                (task.Run.Plan.Destination.Name, Privileges.AssignVMToPool));

        public static AccessDemand CreateVM(string endpoint, string vm) =>
            new AccessDemand("creating VM '" + vm + "' on '" + endpoint + "'", vm, (endpoint, Privileges.CreateVM), (endpoint, Privileges.AllocateSpace));

        public static AccessDemand RemoveVM(CloudVM vm) =>
            new AccessDemand("removing VM '" + vm.Name + "' from '" + vm.Endpoint + "'", vm.Name, (vm.Endpoint, Privileges.DeleteVM));

        public static AccessDemand Power(CloudVM vm, PowerAction action) => action switch
        {
            PowerAction.PowerOn => new AccessDemand("powering on VM '" + vm.Name + "'", vm.Name, (vm.Endpoint, Privileges.PowerOn)),
            PowerAction.Suspend => new AccessDemand("suspending VM '" + vm.Name + "'", vm.Name, (vm.Endpoint, Privileges.Suspend)),
            PowerAction.ShutdownGuest => new AccessDemand("shutting down the guest of VM '" + vm.Name + "'", vm.Name, (vm.Endpoint, Privileges.PowerOff)),
            _ => new AccessDemand("powering off VM '" + vm.Name + "'", vm.Name, (vm.Endpoint, Privileges.PowerOff)),
        };

        public static AccessDemand RemoveSnapshot(CloudVM vm) =>
            new AccessDemand("removing snapshots of VM '" + vm.Name + "'", vm.Name, (vm.Endpoint, Privileges.RemoveSnapshot));

        /// <summary>Set-CloudCDDrive: SetCDMedia to take media out, DeviceConnect to connect or disconnect.</summary>
        public static AccessDemand SetCdDrive(CloudVM vm, bool noMedia, bool connecting)
        {
            var needs = new List<(string, string)>();
            if (noMedia) needs.Add((vm.Endpoint, Privileges.SetCDMedia));
            if (connecting) needs.Add((vm.Endpoint, Privileges.DeviceConnect));
            return new AccessDemand("changing the CD drives of VM '" + vm.Name + "'", vm.Name, needs.ToArray());
        }

        /// <summary>An inventory import creates VMs (and the clusters, hosts and datastores they need).</summary>
        public static AccessDemand Import(string endpoint, string file) =>
            new AccessDemand("importing '" + file + "' into '" + endpoint + "'", file, (endpoint, Privileges.CreateVM), (endpoint, Privileges.AllocateSpace));

        /// <summary>Set-CloudLink: the network configuration of the endpoints at both ends.</summary>
        public static AccessDemand SetLink(string source, string destination) =>
            new AccessDemand("changing the link '" + source + " <-> " + destination + "'", source + " <-> " + destination,
                (source, Privileges.ConfigureNetwork), (destination, Privileges.ConfigureNetwork));

        /// <summary>HCX Network Extension (New-/Remove-CloudNetworkExtension): the network configuration at both sites.</summary>
        public static AccessDemand ExtendNetwork(string source, string network, string destination) =>
            new AccessDemand("extending network '" + network + "' from '" + source + "' to '" + destination + "'", network,
                (source, Privileges.ConfigureNetwork), (destination, Privileges.ConfigureNetwork));

        /// <summary>Unextending reconfigures both sites, as extending did.</summary>
        public static AccessDemand RemoveNetworkExtension(string source, string destination, string segment) =>
            new AccessDemand("removing network extension '" + segment + "' from '" + destination + "'", segment,
                (source, Privileges.ConfigureNetwork), (destination, Privileges.ConfigureNetwork));

        /// <summary>Add-CloudFault: a fault may hit any link, host or VM, so it needs Global.Diagnostics on every secured endpoint.</summary>
        public static AccessDemand AddFault(FaultSpec spec, IEnumerable<string> secured) =>
            OnEach("adding a " + spec.Kind + " fault", spec.Target ?? spec.VM ?? spec.Kind.ToString(), Privileges.Diagnostics, secured);

        /// <summary>Clear-CloudFault needs what adding the fault needed.</summary>
        public static AccessDemand ClearFault(CloudFault fault, IEnumerable<string> secured) =>
            OnEach("clearing fault " + fault.Id, fault.Id, Privileges.Diagnostics, secured);

        /// <summary>New-CloudUser: users belong to the whole lab, as to vCenter Single Sign-On, so every secured endpoint.</summary>
        public static AccessDemand AddUser(string user, IEnumerable<string> secured) =>
            OnEach("declaring user '" + user + "'", user, Privileges.ModifyPermissions, secured);

        /// <summary>
        /// New-CloudPermission: Authorization.ModifyPermissions where the role is granted, and every privilege of that
        /// role there, so that nobody grants more than they hold.
        /// </summary>
        public static AccessDemand Grant(string principal, string endpoint, AccessRole role) =>
            new AccessDemand("granting the role " + role + " to user '" + principal + "' on '" + endpoint + "'", principal,
                new[] { (endpoint, Privileges.ModifyPermissions) }.Concat(Privileges.Of(role).Select(p => (endpoint, p))).ToArray());

        /// <summary>Set-HybridLabOption: the lab's own settings, on every secured endpoint.</summary>
        public static AccessDemand SetOptions(string lab, IEnumerable<string> secured) =>
            OnEach("changing the options of lab '" + lab + "'", lab, Privileges.Settings, secured);

        /// <summary>Open-HybridLab (a file, -Default, -Generate): replacing the lab needs Global.Settings on every secured endpoint of the lab replaced.</summary>
        public static AccessDemand OpenLab(string lab, string replacement, IEnumerable<string> secured) =>
            OnEach("replacing lab '" + lab + "' with " + replacement, replacement, Privileges.Settings, secured);

        /// <summary>Save-HybridLab: writing the lab, password hashes included, on every secured endpoint.</summary>
        public static AccessDemand SaveLab(string lab, string file, IEnumerable<string> secured) =>
            OnEach("saving lab '" + lab + "' to '" + file + "'", file, Privileges.Settings, secured);

        private static AccessDemand OnEach(string operation, object target, string privilege, IEnumerable<string> endpoints) =>
            new AccessDemand(operation, target, endpoints.Select(e => (e, privilege)).ToArray());

        private static string MigratePrivilege(bool cold) => cold ? Privileges.ColdMigrate : Privileges.HotMigrate;
    }
}
