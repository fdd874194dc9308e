using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    internal static class ExactNames
    {
        /// <summary>
        /// As Get-VM does: an exact name that matches none of <paramref name="names"/> is a not-found error for that
        /// name, while a wildcard that matches nothing is silent. Matched as the items are, so that a name with
        /// escaped wildcard characters is found too.
        /// </summary>
        public static void ReportMisses(IEnumerable<NamePattern> patterns, IReadOnlyCollection<string> names, Func<string, HybridException> notFound, ICommandOutput output)
        {
            foreach (var exact in patterns.Where(p => !p.HasWildcard))
            {
                if (!names.Any(exact.IsMatch)) output.WriteError(notFound(exact.ToString()));
            }
        }
    }
}
