using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists VMs by name, endpoint, cluster, power state or tag; or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudVM", DefaultParameterSetName = FilterSet)]
    [OutputType(typeof(CloudVM))]
    public sealed class GetCloudVMCommand : HybridCmdlet
    {
        public const string FilterSet = "Filter";
        public const string EndpointPipelineSet = "EndpointPipeline";
        public const string IdSet = "Id";

        // -Endpoint is in the EndpointPipeline set alone, and there -Name takes no pipeline input: a piped endpoint
        // then binds by value and narrows the call to that set, so its own Name cannot also bind to -Name by
        // property name (with -Endpoint in both sets PowerShell bound both, and looked for a VM named after the endpoint).
        [Parameter(ParameterSetName = FilterSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = EndpointPipelineSet, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VMNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = EndpointPipelineSet, Mandatory = true, ValueFromPipeline = true)]
        [SupportsWildcards]
        [AllowEmptyCollection]
        [EndpointTransformation]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint[]? Endpoint { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [Parameter(ParameterSetName = EndpointPipelineSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public string[]? Cluster { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [Parameter(ParameterSetName = EndpointPipelineSet)]
        [ValidateNotNullOrEmpty]
        public PowerState[]? PowerState { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [Parameter(ParameterSetName = EndpointPipelineSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        protected override void Process()
        {
            var core = new GetCloudVMCore(Lab);
            if (ParameterSetName == IdSet) core.ById(Id!, this);
            else core.ByFilter(Name, Endpoint, Cluster, PowerState, Tag, this);
        }
    }
}
