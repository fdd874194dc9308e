using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// The endpoints, clusters and hosts of a lab by name, for the VM fields the file leaves out because they follow
    /// from where the VM runs: its endpoint and cluster (those of its host), its provider and its CPU baseline.
    /// </summary>
    internal sealed class LabPlaces
    {
        private readonly Dictionary<string, (CloudEndpoint Endpoint, Dictionary<string, CloudCluster> Clusters)> endpoints =
            new Dictionary<string, (CloudEndpoint, Dictionary<string, CloudCluster>)>(Names.Comparer);

        /// <summary>Each host's endpoint and cluster; null for a name that more than one endpoint uses, which says nothing.</summary>
        private readonly Dictionary<string, (CloudEndpoint Endpoint, CloudCluster Cluster)?> hosts =
            new Dictionary<string, (CloudEndpoint, CloudCluster)?>(Names.Comparer);

        public LabPlaces(IEnumerable<CloudEndpoint> lab)
        {
            foreach (var endpoint in lab)
            {
                if (endpoints.ContainsKey(endpoint.Name)) continue; // the validator reports the second one
                var clusters = new Dictionary<string, CloudCluster>(Names.Comparer);
                foreach (var cluster in endpoint.Clusters)
                {
                    if (!clusters.ContainsKey(cluster.Name)) clusters.Add(cluster.Name, cluster);
                    foreach (var host in cluster.Hosts)
                    {
                        hosts[host.Name] = hosts.ContainsKey(host.Name) ? null : (endpoint, cluster);
                    }
                }

                endpoints.Add(endpoint.Name, (endpoint, clusters));
            }
        }

        public CloudEndpoint? Endpoint(string name) => endpoints.TryGetValue(name, out var found) ? found.Endpoint : null;

        public CloudCluster? Cluster(string endpoint, string cluster) =>
            endpoints.TryGetValue(endpoint, out var found) && found.Clusters.TryGetValue(cluster, out var c) ? c : null;

        /// <summary>The endpoint and cluster of the only host of this name, or null.</summary>
        public (CloudEndpoint Endpoint, CloudCluster Cluster)? Host(string name) => hosts.TryGetValue(name, out var place) ? place : null;
    }
}
