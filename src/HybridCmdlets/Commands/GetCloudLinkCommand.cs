using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
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

        /// <summary>
        /// Links whose ends match the patterns, in either direction (a link is full duplex). An exact endpoint name
        /// that names no endpoint is an EndpointNotFound error; a wildcard that matches nothing is silent.
        /// </summary>
        protected override void Process()
        {
            var from = (Source ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var to = (Destination ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            foreach (var missing in ExactNames.Misses(from.Concat(to), Lab.Estate.Endpoints.Select(e => e.Name).ToList())) WriteError(EngineErrors.EndpointNotFound(missing));

            bool Any(NamePattern[] patterns, string name) => patterns.Any(p => p.IsMatch(name));
            foreach (var link in Lab.Estate.Links)
            {
                if ((Any(from, link.Source) && Any(to, link.Destination)) || (Any(from, link.Destination) && Any(to, link.Source))) WriteObject(link);
            }
        }
    }
}
