using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>Get-CloudEndpoint. One instance serves one invocation, so endpoints of piped VMs are written once.</summary>
    public sealed class GetCloudEndpointCore
    {
        private readonly LabSession lab;
        private readonly HashSet<string> written = new HashSet<string>(Names.Comparer);

        public GetCloudEndpointCore(LabSession lab) => this.lab = lab;

        /// <summary>The endpoints the VMs live on now (a VM may have moved since it was read), each once.</summary>
        public void ForVMs(IEnumerable<CloudVM> vms, ICommandOutput output)
        {
            foreach (var vm in vms)
            {
                if (vm == null) continue;
                var current = lab.Estate.FindVMById(vm.Id);
                if (current == null)
                {
                    output.WriteError(EngineErrors.VMNotFound(vm.Name));
                    continue;
                }

                var endpoint = lab.Estate.FindEndpoint(current.Endpoint);
                if (endpoint != null && written.Add(endpoint.Name)) output.WriteObject(endpoint);
            }
        }

        public void Run(IReadOnlyList<string>? names, IReadOnlyList<CloudProvider>? providers, ICommandOutput output)
        {
            var patterns = (names ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var matched = new bool[patterns.Length];
            foreach (var endpoint in lab.Estate.Endpoints)
            {
                if (providers != null && providers.Count > 0 && !providers.Contains(endpoint.Provider)) continue;
                var hit = false;
                for (var i = 0; i < patterns.Length; i++)
                {
                    if (!patterns[i].IsMatch(endpoint.Name)) continue;
                    matched[i] = true;
                    hit = true;
                }

                if (hit) output.WriteObject(endpoint);
            }

            for (var i = 0; i < patterns.Length; i++)
            {
                if (!matched[i] && !patterns[i].HasWildcard) output.WriteError(EngineErrors.EndpointNotFound(patterns[i].ToString()));
            }
        }
    }
}
