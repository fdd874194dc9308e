using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class GetCloudEndpointCore
    {
        private readonly LabSession lab;

        public GetCloudEndpointCore(LabSession lab) => this.lab = lab;

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
