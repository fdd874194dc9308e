using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Completion
{
    /// <summary>Completes VM names, from the endpoints given with -Endpoint when there are any.</summary>
    public sealed class VMNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var endpoints = EndpointNameCompleter.BoundEndpoints(fakeBoundParameters);
            var lab = ModuleState.Lab;
            var vms = Engine.Access.VisibleVMs.Of(lab, lab.Estate.VMs).Where(v => endpoints == null || endpoints.Contains(v.Endpoint)).Select(v => v.Name);
            return EndpointNameCompleter.Results(vms, wordToComplete, "VM");
        }
    }
}
