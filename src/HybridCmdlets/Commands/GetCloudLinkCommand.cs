using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the network links between endpoints, with bandwidth, round-trip time and loss.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudLink")]
    [OutputType(typeof(CloudLink))]
    public sealed class GetCloudLinkCommand : HybridCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Source { get; set; }

        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Destination { get; set; }

        protected override void Process() => new GetCloudLinkCore(Lab).Run(Source, Destination, this);
    }
}
