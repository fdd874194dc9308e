using System;
using System.Management.Automation;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Arguments
{
    /// <summary>
    /// Lets -Destination take the objects Get-CloudEndpoint and a cluster listing give, as well as text: an endpoint
    /// becomes its name, a cluster 'endpoint/cluster'. Text is left for the command to check, so that a bad value
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
                _ => inputData,
            };
        }
    }
}
