using System.Collections.Generic;
using System.Linq;

namespace HybridCmdlets.Engine.Access
{
    /// <summary>The vSphere privileges the lab checks, by vCenter's ids, and the roles that grant them.</summary>
    public static class Privileges
    {
        /// <summary>See objects and their properties: every role has it.</summary>
        public const string Read = "System.Read";

        /// <summary>Migrate a powered-on VM (vMotion, and HCX's RAV and Bulk, which start from a running VM).</summary>
        public const string HotMigrate = "Resource.HotMigrate";

        /// <summary>Migrate a powered-off or suspended VM.</summary>
        public const string ColdMigrate = "Resource.ColdMigrate";

        /// <summary>Place a VM in a cluster's resource pool: the destination side of every move.</summary>
        public const string AssignVMToPool = "Resource.AssignVMToPool";

        /// <summary>Put a VM's disks on a datastore: the destination side of every move, and a new VM.</summary>
        public const string AllocateSpace = "Datastore.AllocateSpace";

        public const string CreateVM = "VirtualMachine.Inventory.Create";

        public const string DeleteVM = "VirtualMachine.Inventory.Delete";

        public const string PowerOn = "VirtualMachine.Interact.PowerOn";
        /// <summary>Power a VM off, or shut its guest down.</summary>
        public const string PowerOff = "VirtualMachine.Interact.PowerOff";
        public const string Suspend = "VirtualMachine.Interact.Suspend";
        /// <summary>Change what a CD drive holds (Set-CloudCDDrive -NoMedia).</summary>
        public const string SetCDMedia = "VirtualMachine.Interact.SetCDMedia";
        /// <summary>Connect or disconnect a VM's devices (Set-CloudCDDrive -Connected).</summary>
        public const string DeviceConnect = "VirtualMachine.Interact.DeviceConnect";
        public const string RemoveSnapshot = "VirtualMachine.State.RemoveSnapshot";
        /// <summary>Change a host's networking: a link's bandwidth, RTT or loss (Set-CloudLink), on the endpoints at both ends.</summary>
        public const string ConfigureNetwork = "Host.Config.Network";

        /// <summary>
        /// Break or repair what the lab simulates (Add-CloudFault, Clear-CloudFault). vCenter has no privilege to
        /// inject faults; Global.Diagnostics is the nearest, the one that lets a user act on a vCenter's health
        /// diagnostics. A fault may hit any link, host or VM, so it is checked on every secured endpoint.
        /// </summary>
        public const string Diagnostics = "Global.Diagnostics";

        /// <summary>
        /// Change vCenter's own settings. The lab is the root above every endpoint, as vCenter is above its objects: its
        /// options, replacing it (Open-HybridLab) and writing it (Save-HybridLab) need this on every secured endpoint.
        /// </summary>
        public const string Settings = "Global.Settings";

        /// <summary>Declare users (New-CloudUser, on every secured endpoint) and grant roles (New-CloudPermission, where granted).</summary>
        public const string ModifyPermissions = "Authorization.ModifyPermissions";

        private static readonly string[] ReadOnlyPrivileges = { Read };

        /// <summary>
        /// A migration operator also readies VMs for their move, as vCenter's "Virtual machine power user" sample role
        /// may: power, CD media and devices, and deleting snapshots.
        /// </summary>
        private static readonly string[] OperatorPrivileges =
        {
            Read, HotMigrate, ColdMigrate, AssignVMToPool, AllocateSpace, PowerOn, PowerOff, Suspend, SetCDMedia, DeviceConnect, RemoveSnapshot,
        };

        /// <summary>
        /// Only Administrator changes the lab itself (links, faults, users, roles, options, which lab is open and its
        /// file), as only vCenter's Administrator role holds these privileges by default: an Operator that could change
        /// a link or a fault would choose how its own moves turn out, and one that could grant roles could give itself
        /// any of them.
        /// </summary>
        private static readonly string[] AdministratorPrivileges =
        {
            Read, HotMigrate, ColdMigrate, AssignVMToPool, AllocateSpace, PowerOn, PowerOff, Suspend, SetCDMedia, DeviceConnect, RemoveSnapshot,
            CreateVM, DeleteVM, ConfigureNetwork, Diagnostics, Settings, ModifyPermissions,
        };

        /// <summary>The privileges a role holds on an endpoint where it is granted.</summary>
        public static IReadOnlyList<string> Of(AccessRole role) => role switch
        {
            AccessRole.Administrator => AdministratorPrivileges,
            AccessRole.Operator => OperatorPrivileges,
            _ => ReadOnlyPrivileges,
        };

        public static bool Grants(AccessRole role, string privilege) => Of(role).Contains(privilege);

        /// <summary>The roles that hold <paramref name="privilege"/>, weakest first: what an error tells the user to connect with.</summary>
        public static IReadOnlyList<AccessRole> RolesGranting(string privilege) =>
            new[] { AccessRole.ReadOnly, AccessRole.Operator, AccessRole.Administrator }.Where(r => Grants(r, privilege)).ToArray();
    }
}
