using System;
using System.Linq;
using HybridCmdlets.Infrastructure;
using System.Management.Automation;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Arguments
{
    /// <summary>
    /// Lets -Destination take the objects Get-CloudEndpoint, Get-CloudCluster and Get-CloudVMHost give, as well as text: an
    /// endpoint becomes its name, a cluster 'endpoint/cluster', a host 'endpoint/cluster/host' (as Move-VM -Destination takes a VMHost). Text is left for the command to check, so that a bad value
    /// from a CSV row fails that row alone.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DestinationTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                CloudEndpoint endpoint => endpoint.Name,
                CloudCluster cluster => cluster.Endpoint + "/" + cluster.Name,
                CloudHost host => EndpointOf(host) + "/" + host.Cluster + "/" + host.Name,
                _ => inputData,
            };
        }

        /// <summary>A host read from an endpoint's clusters, rather than listed by Get-CloudVMHost, does not carry its endpoint: the lab's endpoint that holds it.</summary>
        private static string EndpointOf(CloudHost host) =>
            host.Endpoint.Length > 0
                ? host.Endpoint
                : ModuleState.Lab.Estate.Endpoints.FirstOrDefault(e => e.Clusters.Any(c => c.Hosts.Contains(host)))?.Name ?? "";
    }
}
