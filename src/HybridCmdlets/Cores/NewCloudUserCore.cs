using System.Security;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class NewCloudUserCore
    {
        private readonly LabSession lab;

        public NewCloudUserCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Declares a user in the lab with a salted PBKDF2 hash of the password; the password itself goes no further
        /// than the hashing. The user holds no role until New-CloudPermission grants one.
        /// </summary>
        public void Run(string name, SecureString? password, ICommandOutput output)
        {
            if (!output.ShouldProcess("user '" + name + "'", "Declare in lab '" + lab.Describe().Name + "', with a salted hash of the password")) return;
            CloudUser user;
            try
            {
                user = lab.Access.AddUser(name, password ?? new SecureString());
            }
            catch (HybridException error)
            {
                output.WriteError(error);
                return;
            }

            LabChanges.Record(lab, output);
            output.WriteObject(user);
        }
    }
}
