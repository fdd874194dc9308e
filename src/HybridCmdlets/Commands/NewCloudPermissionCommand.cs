using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Access;
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

        protected override void Process() => new NewCloudPermissionCore(Lab).Run(Endpoint, Principal, Role, this);
    }
}
