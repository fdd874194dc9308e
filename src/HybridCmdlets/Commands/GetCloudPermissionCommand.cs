using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the roles granted to users on endpoints, as Get-VIPermission does; never a password or its hash.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudPermission")]
    [OutputType(typeof(CloudPermission))]
    public sealed class GetCloudPermissionCommand : HybridCmdlet
    {
        private GetCloudPermissionCore? core;

        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [AllowEmptyCollection]
        [EndpointTransformation]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint[]? Endpoint { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Principal { get; set; }

        protected override void Process() => (core ??= new GetCloudPermissionCore(Lab)).Run(Endpoint, Principal, this);
    }
}
