using System.Collections.Generic;
using System.Linq;
using System.Security;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>
    /// Connect-CloudEndpoint. One instance serves one invocation, so that the password is checked once however many
    /// endpoints are piped in: a wrong one counts once towards the lockout, and is reported once.
    /// </summary>
    public sealed class ConnectCloudEndpointCore
    {
        private readonly LabSession lab;
        private Login? login;
        private AccessControl? loginLab;
        private bool refused;

        public ConnectCloudEndpointCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Connects to each secured endpoint the names match, as <paramref name="user"/>. An endpoint that declares no
        /// users needs no connection: a warning says so, and nothing is checked. The password is handed to the engine
        /// as the SecureString it came in; it is not kept.
        /// </summary>
        public void Run(IReadOnlyList<string> names, string user, SecureString? password, ICommandOutput output)
        {
            var endpoints = Resolve(names, output);
            var open = endpoints.Where(e => !lab.Access.IsSecured(e.Name)).Select(e => "'" + e.Name + "'").ToList();
            if (open.Count > 0)
            {
                output.WriteWarning((open.Count == 1 ? "Endpoint " + open[0] + " declares" : "Endpoints " + string.Join(", ", open) + " declare")
                    + " no users: anyone may use " + (open.Count == 1 ? "it" : "them") + " without connecting, so there is nothing to connect to.");
            }

            foreach (var endpoint in endpoints.Where(e => lab.Access.IsSecured(e.Name)))
            {
                if (refused) return;
                if (!output.ShouldProcess("endpoint '" + endpoint.Name + "'", "Connect as user '" + user + "'")) continue;
                try
                {
                    if (login == null || !ReferenceEquals(loginLab, lab.Access))
                    {
                        loginLab = lab.Access;
                        login = lab.Access.LogIn(user, password);
                    }

                    var connection = lab.Access.Connect(login, endpoint.Name);
                    output.WriteVerbose("Connected to endpoint '" + connection.Name + "' as '" + connection.User + "' (" + connection.Role + ").");
                    output.WriteObject(connection);
                }
                catch (HybridException error)
                {
                    // A refused login ends the invocation: trying the next endpoint would only count another failure.
                    refused = error.ErrorId == "InvalidLogin" || error.ErrorId == "LoginThrottled";
                    output.WriteError(error);
                }
            }
        }

        /// <summary>The endpoints the names stand for, each once; an exact name that matches none is EndpointNotFound.</summary>
        private List<CloudEndpoint> Resolve(IReadOnlyList<string> names, ICommandOutput output)
        {
            var endpoints = new List<CloudEndpoint>();
            foreach (var name in names.Where(n => n != null))
            {
                try
                {
                    endpoints.AddRange(EndpointQuery.Resolve(lab.Estate, name).Where(e => !endpoints.Contains(e)));
                }
                catch (HybridException error)
                {
                    output.WriteError(error);
                }
            }

            return endpoints;
        }
    }
}
