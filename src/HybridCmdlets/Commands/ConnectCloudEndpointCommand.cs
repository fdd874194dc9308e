using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Access;
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
        private ConnectCloudEndpointCore? core;

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

        // The SecureString goes to the engine as it is: the clear text exists only inside the hashing.
        protected override void Process() => (core ??= new ConnectCloudEndpointCore(Lab)).Run(Name, Credential.UserName ?? "", Credential.Password, this);
    }
}
