namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// A session's connection to an endpoint, as PowerCLI's VIServer is one to a vCenter: which endpoint, as whom, with
    /// which role. It never holds the password.
    /// </summary>
    public sealed class CloudConnection
    {
        private readonly AccessControl owner;

        internal CloudConnection(AccessControl owner, string endpoint, string user)
        {
            this.owner = owner;
            Name = endpoint;
            User = user;
        }

        /// <summary>The endpoint's name.</summary>
        public string Name { get; }

        public string User { get; }

        /// <summary>The user's role on the endpoint now (a later New-CloudPermission may change it).</summary>
        public AccessRole? Role => owner.RoleOf(User, Name);

        /// <summary>False once Disconnect-CloudEndpoint, a new connection to the endpoint, or another lab ends it.</summary>
        public bool IsConnected => owner.IsCurrent(this);

        public override string ToString() => Name;
    }
}
