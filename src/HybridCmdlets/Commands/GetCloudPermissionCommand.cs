using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the roles granted to users on endpoints, as Get-VIPermission does; never a password or its hash.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudPermission")]
    [OutputType(typeof(CloudPermission))]
    public sealed class GetCloudPermissionCommand : HybridCmdlet
    {
        /// <summary>An unknown user is reported once however many endpoints are piped in.</summary>
        private bool missesReported;

        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [AllowEmptyCollection]
        [EndpointTransformation]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint[]? Endpoint { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Principal { get; set; }

        /// <summary>
        /// The roles granted, in the order they were granted, on the endpoints given (all when none) to the users whose
        /// names match. An exact user name the lab does not declare is UserNotFound, an endpoint name that names none
        /// EndpointNotFound; a wildcard that matches none is silent.
        /// </summary>
        protected override void Process()
        {
            var patterns = (Principal ?? new[] { "*" }).Where(p => p != null).Select(NamePattern.Parse).ToArray();
            if (!missesReported)
            {
                foreach (var missing in ExactNames.Misses(patterns, Lab.Access.Users.Select(u => u.Name).ToList())) WriteError(EngineErrors.UserNotFound(missing));
                missesReported = true;
            }

            var names = Endpoint == null ? null : new HashSet<string>(KnownEndpoints(Endpoint).Select(e => e.Name), Names.Comparer);
            foreach (var permission in Lab.Access.Permissions)
            {
                if (names != null && !names.Contains(permission.Endpoint)) continue;
                if (patterns.Any(p => p.IsMatch(permission.Principal))) WriteObject(permission);
            }
        }
    }
}
