using System.Collections.Generic;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>Turns -VM arguments into the lab's current VM objects.</summary>
    internal static class VMResolver
    {
        /// <summary>
        /// A VM object is looked up again by id (it may have moved or gone since it was read); a name or
        /// wildcard by name. A miss on an object or an exact name is a VMNotFound error for that item. Only the VMs
        /// this session may see are found (<see cref="VisibleVMs"/>): one on an endpoint it is not connected to is a
        /// NotConnected error when asked for by object or exact name, and left out of a wildcard's matches.
        /// </summary>
        public static IEnumerable<CloudVM> Resolve(LabSession lab, IEnumerable<VMIdParameter> arguments, ICommandOutput output)
        {
            var estate = lab.Estate;
            foreach (var argument in arguments)
            {
                if (argument == null) continue;
                if (argument.VM != null)
                {
                    var current = estate.FindVMById(argument.VM.Id);
                    if (current == null) output.WriteError(EngineErrors.VMNotFound(argument.VM.Name));
                    else if (VisibleVMs.Hidden(lab, current) is HybridException hidden) output.WriteError(hidden);
                    else yield return current;
                    continue;
                }

                // An exact name through the estate's index: a wave piped in by name must not scan the lab once per VM.
                var query = new VMQuery(names: new[] { argument.Name });
                var candidates = NamePattern.Parse(argument.Name).HasWildcard ? estate.VMs : estate.FindVMsNamed(argument.Name);
                foreach (var vm in query.Run(VisibleVMs.Of(lab, candidates))) yield return vm;
                foreach (var missing in query.UnmatchedNames) output.WriteError(VisibleVMs.Missing(lab, missing));
            }
        }
    }
}
