using System.Collections.Generic;
using System.Linq;

namespace HybridCmdlets.Engine.Querying
{
    public static class ExactNames
    {
        /// <summary>
        /// As Get-VM does: the exact names among <paramref name="patterns"/> that match none of <paramref name="names"/>,
        /// each a not-found error for the caller, while a wildcard that matches nothing is silent. Matched as the items
        /// are, so that a name with escaped wildcard characters is found too.
        /// </summary>
        public static IEnumerable<string> Misses(IEnumerable<NamePattern> patterns, IReadOnlyCollection<string> names) =>
            patterns.Where(p => !p.HasWildcard && !names.Any(p.IsMatch)).Select(p => p.ToString());
    }
}
