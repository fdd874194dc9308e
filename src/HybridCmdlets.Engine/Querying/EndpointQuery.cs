using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Querying
{
    /// <summary>Finds endpoints by name or wildcard, as -Endpoint, -Source and -Destination take them.</summary>
    public static class EndpointQuery
    {
        /// <summary>
        /// The endpoints a name or pattern stands for. An exact name that matches nothing throws
        /// EndpointNotFound; a wildcard that matches nothing returns an empty list.
        /// </summary>
        public static IReadOnlyList<CloudEndpoint> Resolve(Estate estate, string nameOrPattern)
        {
            var pattern = NamePattern.Parse(nameOrPattern);
            var found = estate.Endpoints.Where(e => pattern.IsMatch(e.Name)).ToArray();
            if (found.Length == 0 && !pattern.HasWildcard) throw Errors.EngineErrors.EndpointNotFound(nameOrPattern);
            return found;
        }
    }
}
