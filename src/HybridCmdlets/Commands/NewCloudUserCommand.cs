using System.Management.Automation;
using System.Security;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
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

        /// <summary>
        /// Declares the user with a salted PBKDF2 hash of the password; the password itself goes no further than the
        /// hashing. The user holds no role until New-CloudPermission grants one.
        /// </summary>
        protected override void Process()
        {
            var name = Credential.UserName ?? "";
            if (!ShouldProcess("user '" + name + "'", "Declare in lab '" + Lab.Describe().Name + "', with a salted hash of the password")) return;
            CloudUser user;
            try
            {
                user = Lab.Access.AddUser(name, Credential.Password ?? new SecureString());
            }
            catch (HybridException error)
            {
                WriteError(error);
                return;
            }

            RecordChange();
            WriteObject(user);
        }
    }
}
