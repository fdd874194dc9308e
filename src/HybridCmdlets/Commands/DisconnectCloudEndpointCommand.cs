using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Ends this session's connections to endpoints (all of them when no name is given), as Disconnect-VIServer does.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "CloudEndpoint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudConnection))]
    public sealed class DisconnectCloudEndpointCommand : HybridCmdlet
    {
        // Connections and endpoints piped in bind their Name here.
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Writes each connection ended, now with IsConnected false.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// Ends this session's connections to the endpoints the names match (all of them when no name is given). An exact
        /// name that names no endpoint is EndpointNotFound; one that is not connected is left as it is, so that cleanup
        /// code may disconnect whatever it may have connected.
        /// </summary>
        protected override void Process()
        {
            var patterns = (Name ?? new[] { "*" }).Where(n => n != null).Select(NamePattern.Parse).ToArray();
            foreach (var missing in ExactNames.Misses(patterns, Lab.Estate.Endpoints.Select(e => e.Name).ToList())) WriteError(EngineErrors.EndpointNotFound(missing));
            var connections = Lab.Access.Connections;
            foreach (var exact in patterns.Where(p => !p.HasWildcard && !connections.Any(c => p.IsMatch(c.Name))))
            {
                if (Lab.Estate.FindEndpoint(exact.ToString()) != null) WriteVerbose("Not connected to endpoint '" + exact + "': nothing to disconnect.");
            }

            foreach (var connection in connections.Where(c => patterns.Any(p => p.IsMatch(c.Name))))
            {
                if (!ShouldProcess("endpoint '" + connection.Name + "' (connected as '" + connection.User + "')", "Disconnect")) continue;
                Lab.Access.Disconnect(connection.Name);
                WriteVerbose("Disconnected from endpoint '" + connection.Name + "'.");
                if (PassThru) WriteObject(connection);
            }
        }
    }
}
