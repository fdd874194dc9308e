using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Arguments
{
    /// <summary>
    /// Lets a CloudEndpoint parameter take names and wildcards too: 'avs-westeurope' or 'avs*' become the
    /// lab's endpoints. The parameter keeps its real type, so endpoint objects piped in bind by value first,
    /// before any other parameter could take their Name. A name that stands for no endpoint becomes a stand-in
    /// (<see cref="EndpointQuery.Unresolved"/>) that the command reports as EndpointNotFound: binding itself never fails.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EndpointTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>For a parameter that takes one endpoint: a name or wildcard must then stand for exactly one.</summary>
        public bool Single { get; set; }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case CloudEndpoint _:
                    return value;
                case string name when Single:
                    return ResolveOne(name);
                case string name:
                    return Resolve(name).ToArray();
                case IEnumerable items:
                    var result = new List<object>();
                    foreach (var item in items)
                    {
                        var single = item is PSObject p ? p.BaseObject : item;
                        if (single is string text) result.AddRange(Resolve(text));
                        else result.Add(single);
                    }

                    return result.ToArray();
                default:
                    return inputData;
            }
        }

        private static CloudEndpoint ResolveOne(string name)
        {
            try
            {
                return EndpointQuery.ResolveOne(ModuleState.Lab.Estate, name);
            }
            catch (HybridException error)
            {
                return EndpointQuery.Unresolved(error);
            }
        }

        private static List<CloudEndpoint> Resolve(string name)
        {
            try
            {
                return new List<CloudEndpoint>(EndpointQuery.Resolve(ModuleState.Lab.Estate, name));
            }
            catch (HybridException error)
            {
                return new List<CloudEndpoint> { EndpointQuery.Unresolved(error) };
            }
        }
    }
}
