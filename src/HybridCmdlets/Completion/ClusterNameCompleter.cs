using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Completion
{
    /// <summary>Completes cluster names, from the endpoints given with -Endpoint when there are any.</summary>
    public sealed class ClusterNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var endpoints = EndpointNameCompleter.BoundEndpoints(fakeBoundParameters);
            var clusters = ModuleState.Lab.Estate.Endpoints
                .Where(e => endpoints == null || endpoints.Contains(e.Name))
                .SelectMany(e => e.Clusters.Select(c => c.Name));
            return EndpointNameCompleter.Results(clusters, wordToComplete, "cluster");
        }
    }
}
