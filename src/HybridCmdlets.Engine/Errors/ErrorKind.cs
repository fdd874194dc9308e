namespace HybridCmdlets.Engine.Errors
{
    /// <summary>
    /// What kind of failure an engine error is. The cmdlets map it onto PowerShell's ErrorCategory,
    /// so the engine stays free of any PowerShell reference.
    /// </summary>
    public enum ErrorKind
    {
        ObjectNotFound,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        ResourceExists,
        ResourceUnavailable,
        NotImplemented,
        PermissionDenied,
        WriteError,
        ReadError,
        LimitsExceeded,
        OperationStopped,
        AuthenticationError,
    }
}
