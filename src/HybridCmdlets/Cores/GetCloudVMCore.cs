using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Access;
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
        /// a wildcard that matches nothing is silent, as with PowerCLI's Get-VM. Only the VMs this session may see are
        /// searched (<see cref="VisibleVMs"/>); an endpoint named with -Endpoint that it may not see is a NotConnected error.
        /// </summary>
        public void ByFilter(
            IReadOnlyList<string>? names,
            IReadOnlyList<CloudEndpoint>? endpoints,
            IReadOnlyList<string>? clusters,
            IReadOnlyList<PowerState>? powerStates,
            IReadOnlyList<string>? tags,
            ICommandOutput output)
        {
            if (!MaySearch(endpoints, output)) return;
            var query = new VMQuery(
                names: names?.Where(n => n != null),
                endpoints: endpoints?.Where(e => e != null).Select(e => e.Name),
                clusters: clusters,
                powerStates: powerStates,
                tags: tags);
            foreach (var vm in query.Run(VisibleVMs.Of(lab, lab.Estate.VMs)))
            {
                output.Cancellation.ThrowIfCancellationRequested();
                output.WriteObject(vm);
            }

            foreach (var name in query.UnmatchedNames) output.WriteError(VisibleVMs.Missing(lab, name));
        }

        /// <summary>
        /// Reports the endpoints this search leaves out because the session is not connected to them: an error for each
        /// one named with -Endpoint, one error (and no search) when it is connected to none at all, a note otherwise.
        /// </summary>
        private bool MaySearch(IReadOnlyList<CloudEndpoint>? endpoints, ICommandOutput output)
        {
            var hidden = lab.Access.Unreadable();
            if (hidden.Count == 0) return true;
            if (endpoints != null)
            {
                foreach (var endpoint in endpoints.Where(e => e != null && hidden.Contains(e.Name)))
                {
                    output.WriteError(EngineErrors.NotConnected(endpoint.Name, AccessDemand.ReadEndpoint(endpoint.Name).Operation, endpoint.Name));
                }

                return true;
            }

            var names = string.Join(", ", lab.Estate.Endpoints.Where(e => hidden.Contains(e.Name)).Select(e => "'" + e.Name + "'"));
            if (hidden.Count == lab.Estate.Endpoints.Count)
            {
                output.WriteError(EngineErrors.NotConnectedToAny(names));
                return false;
            }

            output.WriteVerbose("Not searched: " + names + ", which declare users and to which this session is not connected (Connect-CloudEndpoint).");
            return true;
        }

        public void ById(IReadOnlyList<string> ids, ICommandOutput output)
        {
            foreach (var id in ids)
            {
                var vm = id == null ? null : lab.Estate.FindVMById(id);
                if (vm == null) output.WriteError(EngineErrors.VMIdNotFound(id ?? ""));
                else if (VisibleVMs.Hidden(lab, vm) is HybridException hidden) output.WriteError(hidden);
                else output.WriteObject(vm);
            }
        }
    }
}
