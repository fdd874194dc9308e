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

        private static readonly string[] ReadOnlyPrivileges = { Read };

        private static readonly string[] OperatorPrivileges = { Read, HotMigrate, ColdMigrate, AssignVMToPool, AllocateSpace };

        private static readonly string[] AdministratorPrivileges = { Read, HotMigrate, ColdMigrate, AssignVMToPool, AllocateSpace, CreateVM, DeleteVM };

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
