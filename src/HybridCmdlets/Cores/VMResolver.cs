using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>Turns -VM arguments into the lab's current VM objects.</summary>
    internal static class VMResolver
    {
        /// <summary>
        /// A VM object is looked up again by id (it may have moved or gone since it was read); a name or
        /// wildcard by name. A miss on an object or an exact name is a VMNotFound error for that item.
        /// </summary>
        public static IEnumerable<CloudVM> Resolve(Estate estate, IEnumerable<VMIdParameter> arguments, ICommandOutput output)
        {
            foreach (var argument in arguments)
            {
                if (argument == null) continue;
                if (argument.VM != null)
                {
                    var current = estate.FindVMById(argument.VM.Id);
                    if (current == null) output.WriteError(EngineErrors.VMNotFound(argument.VM.Name));
                    else yield return current;
                    continue;
                }

                var query = new VMQuery(names: new[] { argument.Name });
                foreach (var vm in query.Run(estate.VMs)) yield return vm;
                foreach (var missing in query.UnmatchedNames) output.WriteError(EngineErrors.VMNotFound(missing));
            }
        }
    }
}
