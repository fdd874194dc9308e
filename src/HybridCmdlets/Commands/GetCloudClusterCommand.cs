using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the clusters of the lab's endpoints by name, as PowerCLI's Get-Cluster.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudCluster", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(CloudCluster))]
    public sealed class GetCloudClusterCommand : HybridCmdlet
    {
        public const string NameSet = "Name";
        public const string EndpointPipelineSet = "EndpointPipeline";

        // As Get-CloudVM: -Endpoint in its own set, where -Name takes no pipeline input, so a piped endpoint's Name never binds to -Name.
        [Parameter(ParameterSetName = NameSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = EndpointPipelineSet, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = EndpointPipelineSet, Mandatory = true, ValueFromPipeline = true)]
        [SupportsWildcards]
        [AllowEmptyCollection]
        [EndpointTransformation]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint[]? Endpoint { get; set; }

        /// <summary>Writes each matching cluster; an exact name that matches none is a non-terminating ClusterNotFound error.</summary>
        protected override void Process()
        {
            var endpoints = SearchedEndpoints(Endpoint);
            WriteNamed(InventoryQuery.Clusters(endpoints), x => x.Name, Name, Endpoint == null ? null : endpoints, EngineErrors.ClusterNotListed);
        }
    }
}
