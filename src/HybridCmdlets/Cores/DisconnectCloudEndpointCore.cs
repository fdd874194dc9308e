using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class DisconnectCloudEndpointCore
    {
        private readonly LabSession lab;

        public DisconnectCloudEndpointCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Ends this session's connections to the endpoints the names match (all of them when no name is given). An exact
        /// name that names no endpoint is EndpointNotFound; one that is not connected is left as it is, so that cleanup
        /// code may disconnect whatever it may have connected.
        /// </summary>
        public void Run(IReadOnlyList<string>? names, bool passThru, ICommandOutput output)
        {
            var patterns = (names ?? new[] { "*" }).Where(n => n != null).Select(NamePattern.Parse).ToArray();
            ExactNames.ReportMisses(patterns, lab.Estate.Endpoints.Select(e => e.Name).ToList(), EngineErrors.EndpointNotFound, output);
            var connections = lab.Access.Connections;
            foreach (var exact in patterns.Where(p => !p.HasWildcard && !connections.Any(c => p.IsMatch(c.Name))))
            {
                if (lab.Estate.FindEndpoint(exact.ToString()) != null) output.WriteVerbose("Not connected to endpoint '" + exact + "': nothing to disconnect.");
            }

            foreach (var connection in connections.Where(c => patterns.Any(p => p.IsMatch(c.Name))))
            {
                if (!output.ShouldProcess("endpoint '" + connection.Name + "' (connected as '" + connection.User + "')", "Disconnect")) continue;
                lab.Access.Disconnect(connection.Name);
                output.WriteVerbose("Disconnected from endpoint '" + connection.Name + "'.");
                if (passThru) output.WriteObject(connection);
            }
        }
    }
}
