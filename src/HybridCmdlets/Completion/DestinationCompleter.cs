using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Completion
{
    /// <summary>Completes -Destination: each endpoint, then each of its clusters as 'endpoint/cluster'.</summary>
    public sealed class DestinationCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            EndpointNameCompleter.Results(Destinations(), wordToComplete, "destination");

        internal static IEnumerable<string> Destinations()
        {
            foreach (var endpoint in ModuleState.Lab.Estate.Endpoints)
            {
                yield return endpoint.Name;
                foreach (var cluster in endpoint.Clusters) yield return endpoint.Name + "/" + cluster.Name;
            }
        }
    }
}
