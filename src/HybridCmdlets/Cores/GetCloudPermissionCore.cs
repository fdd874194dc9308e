using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>Get-CloudPermission. One instance serves one invocation, so an unknown user is reported once however many endpoints are piped in.</summary>
    public sealed class GetCloudPermissionCore
    {
        private readonly LabSession lab;
        private bool missesReported;

        public GetCloudPermissionCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// The roles granted, in the order they were granted, on the endpoints given (all when none) to the users whose
        /// names match. An exact user name the lab does not declare is UserNotFound; a wildcard that matches none is silent.
        /// </summary>
        public void Run(IReadOnlyList<CloudEndpoint>? endpoints, IReadOnlyList<string>? principals, ICommandOutput output)
        {
            var patterns = (principals ?? new[] { "*" }).Where(p => p != null).Select(NamePattern.Parse).ToArray();
            if (!missesReported) ExactNames.ReportMisses(patterns, lab.Access.Users.Select(u => u.Name).ToList(), EngineErrors.UserNotFound, output);
            missesReported = true;
            var names = endpoints == null ? null : new HashSet<string>(endpoints.Where(e => e != null).Select(e => e.Name), Names.Comparer);
            foreach (var permission in lab.Access.Permissions)
            {
                if (names != null && !names.Contains(permission.Endpoint)) continue;
                if (patterns.Any(p => p.IsMatch(permission.Principal))) output.WriteObject(permission);
            }
        }
    }
}
