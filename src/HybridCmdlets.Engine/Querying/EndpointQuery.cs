using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
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
            if (found.Length == 0 && !pattern.HasWildcard) throw EngineErrors.EndpointNotFound(nameOrPattern);
            return found;
        }

        /// <summary>The one endpoint a name or pattern stands for: EndpointNotFound when none, EndpointAmbiguous when several.</summary>
        public static CloudEndpoint ResolveOne(Estate estate, string nameOrPattern)
        {
            var found = Resolve(estate, nameOrPattern);
            if (found.Count == 0) throw EngineErrors.EndpointNotFound(nameOrPattern);
            if (found.Count > 1) throw EngineErrors.EndpointPatternAmbiguous(nameOrPattern, string.Join(", ", found.Select(e => e.Name)));
            return found[0];
        }

        /// <summary>
        /// A stand-in for a name that stood for no endpoint when the parameter was bound: the binder must not fail
        /// with its own error, so the command finds the stand-in with <see cref="Unknown"/> and reports why itself.
        /// </summary>
        public static CloudEndpoint Unresolved(HybridException why) => new CloudEndpoint { Name = why.Target?.ToString() ?? "", Unresolved = why };

        /// <summary>Why <paramref name="endpoint"/> stands for no endpoint (EndpointNotFound, EndpointAmbiguous), or null for a real one.</summary>
        public static HybridException? Unknown(CloudEndpoint endpoint) => endpoint.Unresolved;
    }
}
