namespace HybridCmdlets.Engine.Access
{
    /// <summary>A role granted to a user on an endpoint, as a vCenter permission grants a role to a principal on an object.</summary>
    public sealed class CloudPermission
    {
        /// <summary>The user's name.</summary>
        public string Principal { get; internal set; } = "";

        /// <summary>The endpoint's name.</summary>
        public string Endpoint { get; internal set; } = "";

        public AccessRole Role { get; internal set; }

        public override string ToString() => Principal + " " + Role + " on " + Endpoint;
    }
}
