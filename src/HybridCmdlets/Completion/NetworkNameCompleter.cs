using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Completion
{
    /// <summary>Completes network names from the current lab, from the endpoint typed for -Source or -Endpoint when there is one.</summary>
    public sealed class NetworkNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var source = fakeBoundParameters != null && fakeBoundParameters.Contains("Source") ? fakeBoundParameters["Source"]?.ToString() : null;
            var endpoints = ModuleState.Lab.Estate.Endpoints.Where(e => source == null || Engine.Inventory.Names.Equal(e.Name, source));
            return EndpointNameCompleter.Results(endpoints.SelectMany(e => e.Networks).Select(n => n.Name).Distinct(Engine.Inventory.Names.Comparer), wordToComplete, "network");
        }
    }
}
