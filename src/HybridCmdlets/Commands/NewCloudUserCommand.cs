using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Declares a user in the lab, as an identity in vCenter Single Sign-On: its name and a salted PBKDF2 hash of its
    /// password. New-CloudPermission then grants it roles on endpoints.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CloudUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudUser))]
    public sealed class NewCloudUserCommand : HybridCmdlet
    {
        /// <summary>The user's name and password; a name alone prompts for the password.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        protected override void Process() => new NewCloudUserCore(Lab).Run(Credential.UserName ?? "", Credential.Password, this);
    }
}
