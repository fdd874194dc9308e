using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class GetCloudVMCore
    {
        private readonly LabSession lab;

        public GetCloudVMCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Writes each matching VM as it is found. An exact name that matches nothing is a VMNotFound error;
        /// a wildcard that matches nothing is silent, as with PowerCLI's Get-VM.
        /// </summary>
        public void ByFilter(
            IReadOnlyList<string>? names,
            IReadOnlyList<CloudEndpoint>? endpoints,
            IReadOnlyList<string>? clusters,
            IReadOnlyList<PowerState>? powerStates,
            IReadOnlyList<string>? tags,
            ICommandOutput output)
        {
            var query = new VMQuery(
                names: names?.Where(n => n != null),
                endpoints: endpoints?.Where(e => e != null).Select(e => e.Name),
                clusters: clusters,
                powerStates: powerStates,
                tags: tags);
            foreach (var vm in query.Run(lab.Estate.VMs))
            {
                output.Cancellation.ThrowIfCancellationRequested();
                output.WriteObject(vm);
            }

            foreach (var name in query.UnmatchedNames) output.WriteError(EngineErrors.VMNotFound(name));
        }

        public void ById(IReadOnlyList<string> ids, ICommandOutput output)
        {
            foreach (var id in ids)
            {
                var vm = id == null ? null : lab.Estate.FindVMById(id);
                if (vm == null) output.WriteError(EngineErrors.VMIdNotFound(id ?? ""));
                else output.WriteObject(vm);
            }
        }
    }
}
