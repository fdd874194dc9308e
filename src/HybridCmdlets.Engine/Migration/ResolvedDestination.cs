using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>Where a move request sends its VM, resolved against the lab (see <see cref="MigrationPlanner.Resolve"/>).</summary>
    internal sealed class ResolvedDestination
    {
        public ResolvedDestination(CloudVM vm, CloudEndpoint source, CloudEndpoint endpoint, CloudCluster cluster, Datastore datastore, CloudLink? link, bool sameEndpoint)
        {
            VM = vm;
            Source = source;
            Endpoint = endpoint;
            Cluster = cluster;
            Datastore = datastore;
            Link = link;
            CrossesEndpoints = !sameEndpoint;
        }

        public CloudVM VM { get; }
        public CloudEndpoint Source { get; }
        public CloudEndpoint Endpoint { get; }
        public CloudCluster Cluster { get; }
        /// <summary>The host the request named, or null to let DRS choose one of the cluster's.</summary>
        public CloudHost? Host { get; set; }
        public Datastore Datastore { get; }
        /// <summary>The WAN link between the endpoints; null within one endpoint, or when there is none.</summary>
        public CloudLink? Link { get; }
        public bool CrossesEndpoints { get; }
        /// <summary>The request's own pre-copy choices (algorithm, bandwidth cap, stop-and-copy), carried into the plan.</summary>
        public MoveOptions Options { get; set; } = MoveOptions.None;
        public string Description => Endpoint.Name + "/" + Cluster.Name;
    }
}
