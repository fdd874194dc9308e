using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the emulated endpoints (vCenters): on premises and the partner clouds; or those VMs live on.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudEndpoint", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(CloudEndpoint))]
    public sealed class GetCloudEndpointCommand : HybridCmdlet
    {
        public const string NameSet = "Name";
        public const string VMSet = "VM";

        private GetCloudEndpointCore? core;

        [Parameter(ParameterSetName = NameSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        public CloudProvider[]? Provider { get; set; }

        // A VM piped in binds here by value, before its own Name could bind to -Name (as PowerCLI's Get-VMHost -VM).
        [Parameter(ParameterSetName = VMSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public CloudVM[]? VM { get; set; }

        protected override void Process()
        {
            core ??= new GetCloudEndpointCore(Lab);
            if (ParameterSetName == VMSet) core.ForVMs(VM!, this);
            else core.Run(Name, Provider, this);
        }
    }
}
