using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class GetCloudLinkCore
    {
        private readonly LabSession lab;

        public GetCloudLinkCore(LabSession lab) => this.lab = lab;

        /// <summary>Links whose ends match the patterns, in either direction (a link is full duplex).</summary>
        public void Run(IReadOnlyList<string>? source, IReadOnlyList<string>? destination, ICommandOutput output)
        {
            var from = (source ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var to = (destination ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
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
