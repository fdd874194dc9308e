using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.NetworkExtension;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the lab's HCX Network Extensions, as PowerCLI's Get-HCXNetworkExtension.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudNetworkExtension")]
    [OutputType(typeof(CloudNetworkExtension))]
    public sealed class GetCloudNetworkExtensionCommand : HybridCmdlet
    {
        /// <summary>The extended port groups' names (at their source site), or the segments' names at the destination.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string[]? Network { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Destination { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Source { get; set; }

        /// <summary>An exact name that matches no extension is a non-terminating NetworkExtensionNotFound error.</summary>
        protected override void Process()
        {
            var extensions = NetworkExtensions.List(Lab.Estate)
                .Where(x => Matches(Destination, x.Destination) && Matches(Source, x.Source))
                .ToList();
            if (Network == null)
            {
                foreach (var extension in extensions) WriteObject(extension);
                return;
            }

            var byNetwork = InventoryQuery.Named(extensions, x => x.Network, Network, out _).ToList();
            var bySegment = InventoryQuery.Named(extensions, x => x.DestinationNetwork, Network, out _);
            foreach (var extension in extensions.Where(x => byNetwork.Contains(x) || bySegment.Contains(x))) WriteObject(extension);
            foreach (var name in Network.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
            {
                if (!extensions.Any(x => Engine.Inventory.Names.Equal(x.Network, name) || Engine.Inventory.Names.Equal(x.DestinationNetwork, name))) WriteError(EngineErrors.NetworkExtensionNotFound(name));
            }
        }

        private static bool Matches(string[]? patterns, string value) =>
            patterns == null || patterns.Any(p => new WildcardPattern(p, WildcardOptions.IgnoreCase).IsMatch(value));
    }
}
