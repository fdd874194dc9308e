using System.Management.Automation;
using HybridCmdlets.Engine.Errors;

namespace HybridCmdlets.Infrastructure
{
    /// <summary>Turns the engine's errors into PowerShell error records with a stable id, a category and a remedy.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(HybridException error)
        {
            var record = new ErrorRecord(error, error.ErrorId, Category(error.Kind), error.Target);
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction };
            return record;
        }

        public static ErrorCategory Category(ErrorKind kind) => kind switch
        {
            ErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
            ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            ErrorKind.InvalidData => ErrorCategory.InvalidData,
            ErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
            ErrorKind.ResourceExists => ErrorCategory.ResourceExists,
            ErrorKind.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
            ErrorKind.NotImplemented => ErrorCategory.NotImplemented,
            ErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            ErrorKind.WriteError => ErrorCategory.WriteError,
            ErrorKind.ReadError => ErrorCategory.ReadError,
            ErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
            ErrorKind.OperationStopped => ErrorCategory.OperationStopped,
            ErrorKind.AuthenticationError => ErrorCategory.AuthenticationError,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
