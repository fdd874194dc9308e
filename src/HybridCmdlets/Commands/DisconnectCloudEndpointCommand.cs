using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Access;
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

        protected override void Process() => new DisconnectCloudEndpointCore(Lab).Run(Name, PassThru, this);
    }
}
