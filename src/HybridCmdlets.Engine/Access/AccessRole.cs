namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// The roles a lab grants per endpoint, after vCenter's sample roles: Read-only, an operator who may migrate
    /// (a custom role in vCenter, with the Resource and Datastore privileges a vMotion needs), and Administrator.
    /// </summary>
    public enum AccessRole
    {
        ReadOnly,
        Operator,
        Administrator,
    }
}
