using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Completion
{
    /// <summary>Completes endpoint names from the current lab.</summary>
    public sealed class EndpointNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Results(ModuleState.Lab.Estate.Endpoints.Select(e => e.Name), wordToComplete, "endpoint");

        internal static IEnumerable<CompletionResult> Results(IEnumerable<string> names, string wordToComplete, string what) =>
            NameCompletion.Complete(names, wordToComplete)
                .Select(r => new CompletionResult(r.CompletionText, r.ListItemText, CompletionResultType.ParameterValue, what + " " + r.ListItemText));

        /// <summary>The endpoint names already typed for -Endpoint, if any, to narrow cluster and VM completion.</summary>
        internal static HashSet<string>? BoundEndpoints(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters == null || !fakeBoundParameters.Contains("Endpoint")) return null;
            var value = fakeBoundParameters["Endpoint"];
            var items = value is IEnumerable list && !(value is string) ? list.Cast<object>() : new[] { value };
            var names = items.Select(i => (i is PSObject p ? p.BaseObject : i) switch
            {
                CloudEndpoint e => e.Name,
                string s => s,
                _ => null,
            }).Where(n => n != null).Cast<string>();
            return new HashSet<string>(names, Names.Comparer);
        }
    }
}
