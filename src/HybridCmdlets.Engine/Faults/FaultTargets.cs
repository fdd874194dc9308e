using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Faults
{
    /// <summary>Finds what a fault's -Target names: a link, a host or a datastore of the lab.</summary>
    internal static class FaultTargets
    {
        public static CloudLink Link(Estate estate, string target)
        {
            var ends = target.Split(new[] { "<->" }, StringSplitOptions.None);
            var link = ends.Length == 2 ? estate.FindLink(ends[0].Trim(), ends[1].Trim()) : null;
            return link ?? throw EngineErrors.FaultTargetNotFound("link", target,
                "Name a link as '<endpoint> <-> <endpoint>'; list them with Get-CloudLink.");
        }

        public static (string Endpoint, string Name) Host(Estate estate, string target) =>
            Find(estate, target, "host", e => e.Clusters.SelectMany(c => c.Hosts).Select(h => h.Name),
                "Name a host as '<endpoint>/<host>'; list them with (Get-CloudEndpoint).Clusters.Hosts.");

        public static (string Endpoint, string Name) Datastore(Estate estate, string target) =>
            Find(estate, target, "datastore", e => e.Datastores.Select(d => d.Name),
                "Name a datastore as '<endpoint>/<datastore>'; list them with (Get-CloudEndpoint).Datastores.");

        /// <summary>"endpoint/name", or a name that only one endpoint has.</summary>
        private static (string, string) Find(Estate estate, string target, string what, Func<CloudEndpoint, IEnumerable<string>> names, string remedy)
        {
            var slash = target.IndexOf('/');
            var endpointName = slash >= 0 ? target.Substring(0, slash).Trim() : null;
            var name = (slash >= 0 ? target.Substring(slash + 1) : target).Trim();
            var found = new List<(string, string)>();
            foreach (var endpoint in estate.Endpoints)
            {
                if (endpointName != null && !Names.Equal(endpoint.Name, endpointName)) continue;
                var match = names(endpoint).FirstOrDefault(n => Names.Equal(n, name));
                if (match != null) found.Add((endpoint.Name, match));
            }

            if (found.Count == 0) throw EngineErrors.FaultTargetNotFound(what, target, remedy);
            if (found.Count > 1) throw EngineErrors.FaultTargetAmbiguous(what, name, string.Join(", ", found.Select(f => f.Item1)));
            return found[0];
        }
    }
}
