using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class GetCloudLinkCore
    {
        private readonly LabSession lab;

        public GetCloudLinkCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Links whose ends match the patterns, in either direction (a link is full duplex). An exact endpoint name
        /// that names no endpoint is an EndpointNotFound error; a wildcard that matches nothing is silent.
        /// </summary>
        public void Run(IReadOnlyList<string>? source, IReadOnlyList<string>? destination, ICommandOutput output)
        {
            var from = (source ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var to = (destination ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            ExactNames.ReportMisses(from.Concat(to), lab.Estate.Endpoints.Select(e => e.Name).ToList(), EngineErrors.EndpointNotFound, output);

            bool Any(NamePattern[] patterns, string name) => patterns.Any(p => p.IsMatch(name));
            foreach (var link in lab.Estate.Links)
            {
                if ((Any(from, link.Source) && Any(to, link.Destination)) || (Any(from, link.Destination) && Any(to, link.Source)))
                {
                    output.WriteObject(link);
                }
            }
        }
    }
}
