namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// Proof that a user gave the right password to this lab, for connecting to its endpoints one by one without
    /// asking for (or keeping) the password again.
    /// </summary>
    public sealed class Login
    {
        internal Login(AccessControl issuer, string user)
        {
            Issuer = issuer;
            User = user;
        }

        /// <summary>The user's name as the lab declares it.</summary>
        public string User { get; }

        internal AccessControl Issuer { get; }

        public override string ToString() => User;
    }
}
