using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Grants a role to a user on endpoints, as New-VIPermission grants a role to a principal on an entity; the user's
    /// role there changes if it had one. An endpoint with a role granted takes a connection from then on.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CloudPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudPermission))]
    public sealed class NewCloudPermissionCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [EndpointTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint[] Endpoint { get; set; } = new CloudEndpoint[0];

        /// <summary>The user's name, as New-CloudUser declared it.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Principal { get; set; } = "";

        [Parameter(Mandatory = true, Position = 2)]
        public AccessRole Role { get; set; }

        /// <summary>
        /// Grants the role to the user on each endpoint, or changes the role the user has there. An endpoint that gets
        /// its first role is secured from then on, which a warning says, since its VMs then need a connection. An
        /// endpoint name that names none is EndpointNotFound for that name; the others are granted.
        /// </summary>
        protected override void Process()
        {
            var endpoints = KnownEndpoints(Endpoint);
            if (!Lab.Access.HasUser(Principal))
            {
                WriteError(EngineErrors.UserNotFound(Principal));
                return;
            }

            foreach (var endpoint in endpoints)
            {
                var current = Lab.Access.RoleOf(Principal, endpoint.Name);
                var action = current == null
                    ? "Grant the role " + Role + " to user '" + Principal + "'"
                    : "Change the role of user '" + Principal + "' from " + current + " to " + Role;
                if (!ShouldProcess("endpoint '" + endpoint.Name + "'", action)) continue;
                var wasSecured = Lab.Access.IsSecured(endpoint.Name);
                CloudPermission permission;
                try
                {
                    permission = Lab.Access.Grant(Principal, endpoint.Name, Role);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                    continue;
                }

                if (!wasSecured)
                {
                    WriteWarning("Endpoint '" + endpoint.Name + "' declares users from now on: its VMs are seen and changed only through a connection (Connect-CloudEndpoint -Name "
                        + endpoint.Name + " -Credential (Get-Credential)).");
                }

                if (current != Role) RecordChange();
                WriteObject(permission);
            }
        }
    }
}
