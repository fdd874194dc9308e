
namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// A user a lab declares, as vCenter Single Sign-On holds one: a name and a salted hash of the password. The hash is
    /// internal: it is written to the lab file and read back, and no cmdlet or property shows it.
    /// </summary>
    public sealed class CloudUser
    {
        /// <summary>As the user types it to log in, for example 'alice' or 'alice@vsphere.local'; compared without regard to case.</summary>
        public string Name { get; internal set; } = "";

        internal string PasswordHash { get; set; } = "";

        public override string ToString() => Name;
    }
}
