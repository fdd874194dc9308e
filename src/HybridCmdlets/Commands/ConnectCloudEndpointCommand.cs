using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Connects this session to endpoints that declare users, as Connect-VIServer connects to a vCenter: the roles of
    /// the user on each endpoint then decide what the other cmdlets may do there.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "CloudEndpoint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CloudConnection))]
    public sealed class ConnectCloudEndpointCommand : HybridCmdlet
    {
        private EndpointLogin? login;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>A user the lab declares and the password; a user name alone prompts for the password.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>
        /// Connects to each secured endpoint the names match. An endpoint that declares no users needs no connection: a
        /// warning says so, and nothing is checked. The password is checked once per invocation (<see cref="EndpointLogin"/>).
        /// </summary>
        protected override void Process()
        {
            // The SecureString goes to the engine as it is: the clear text exists only inside the hashing.
            login ??= new EndpointLogin(Lab, Credential.UserName ?? "", Credential.Password);
            var endpoints = Resolve(Name);
            var open = endpoints.Where(e => !Lab.Access.IsSecured(e.Name)).Select(e => "'" + e.Name + "'").ToList();
            if (open.Count > 0)
            {
                WriteWarning((open.Count == 1 ? "Endpoint " + open[0] + " declares" : "Endpoints " + string.Join(", ", open) + " declare")
                    + " no users: anyone may use " + (open.Count == 1 ? "it" : "them") + " without connecting, so there is nothing to connect to.");
            }

            foreach (var endpoint in endpoints.Where(e => Lab.Access.IsSecured(e.Name)))
            {
                if (login.Refused) return;
                if (!ShouldProcess("endpoint '" + endpoint.Name + "'", "Connect as user '" + login.User + "'")) continue;
                try
                {
                    var connection = login.Connect(endpoint.Name);
                    WriteVerbose("Connected to endpoint '" + connection.Name + "' as '" + connection.User + "' (" + connection.Role + ").");
                    WriteObject(connection);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }
        }

        /// <summary>The endpoints the names stand for, each once; an exact name that matches none is EndpointNotFound.</summary>
        private List<CloudEndpoint> Resolve(IEnumerable<string> names)
        {
            var endpoints = new List<CloudEndpoint>();
            foreach (var name in names.Where(n => n != null))
            {
                try
                {
                    endpoints.AddRange(EndpointQuery.Resolve(Lab.Estate, name).Where(e => !endpoints.Contains(e)));
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }

            return endpoints;
        }
    }
}
