using System.Threading;
using HybridCmdlets.Engine.Errors;

namespace HybridCmdlets.Infrastructure
{
    /// <summary>
    /// Everything a command core may do to the pipeline. A cmdlet implements it with its own Write* and
    /// ShouldProcess on the pipeline thread; the unit tests implement it with a recorder.
    /// </summary>
    public interface ICommandOutput
    {
        void WriteObject(object item);

        /// <summary>A non-terminating error: this item failed, the command goes on with the next.</summary>
        void WriteError(HybridException error);

        void WriteWarning(string text);

        void WriteVerbose(string text);

        void WriteProgress(ProgressUpdate update);

        /// <summary>Asks -WhatIf / -Confirm whether to act on <paramref name="target"/>.</summary>
        bool ShouldProcess(string target, string action);

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
        CancellationToken Cancellation { get; }
    }
}
