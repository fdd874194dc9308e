using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the emulated endpoints (vCenters): on premises and the partner clouds.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudEndpoint")]
    [OutputType(typeof(CloudEndpoint))]
    public sealed class GetCloudEndpointCommand : HybridCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public CloudProvider[]? Provider { get; set; }

        protected override void Process() => new GetCloudEndpointCore(Lab).Run(Name, Provider, this);
    }
}
