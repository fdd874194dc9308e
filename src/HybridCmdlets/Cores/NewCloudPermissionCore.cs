using System.Collections.Generic;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class NewCloudPermissionCore
    {
        private readonly LabSession lab;

        public NewCloudPermissionCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Grants the role to the user on each endpoint, or changes the role the user has there. An endpoint that gets
        /// its first role is secured from then on, which a warning says, since its VMs then need a connection.
        /// </summary>
        public void Run(IEnumerable<CloudEndpoint> endpoints, string principal, AccessRole role, ICommandOutput output)
        {
            if (!lab.Access.HasUser(principal))
            {
                output.WriteError(EngineErrors.UserNotFound(principal));
                return;
            }

            foreach (var endpoint in endpoints)
            {
                if (endpoint == null) continue;
                var current = lab.Access.RoleOf(principal, endpoint.Name);
                var action = current == null
                    ? "Grant the role " + role + " to user '" + principal + "'"
                    : "Change the role of user '" + principal + "' from " + current + " to " + role;
                if (!output.ShouldProcess("endpoint '" + endpoint.Name + "'", action)) continue;
                var wasSecured = lab.Access.IsSecured(endpoint.Name);
                CloudPermission permission;
                try
                {
                    permission = lab.Access.Grant(principal, endpoint.Name, role);
                }
                catch (HybridException error)
                {
                    output.WriteError(error);
                    continue;
                }

                if (!wasSecured)
                {
                    output.WriteWarning("Endpoint '" + endpoint.Name + "' declares users from now on: its VMs are seen and changed only through a connection (Connect-CloudEndpoint -Name "
                        + endpoint.Name + " -Credential (Get-Credential)).");
                }

                if (current != role) LabChanges.Record(lab, output);
                output.WriteObject(permission);
            }
        }
    }
}
