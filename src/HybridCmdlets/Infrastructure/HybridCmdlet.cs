using System.Management.Automation;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet in the module: it is the <see cref="ICommandOutput"/> its command core writes to,
    /// turns an engine error that escapes a core into a terminating error record, and cancels on Ctrl+C.
    /// </summary>
    public abstract class HybridCmdlet : PSCmdlet, ICommandOutput
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        public CancellationToken Cancellation => stopping.Token;

        internal static LabSession Lab => ModuleState.Lab;

        protected sealed override void ProcessRecord()
        {
            try
            {
                Process();
            }
            catch (HybridException error)
            {
                ThrowTerminatingError(ErrorRecords.From(error));
            }
            catch (System.OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline; there is nothing to report.
            }
        }

        /// <summary>One pipeline item's work; called from ProcessRecord.</summary>
        protected abstract void Process();

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>A path as the user typed it, resolved against the current PowerShell location, not the process's.</summary>
        protected string ResolvePath(string path) => GetUnresolvedProviderPathFromPSPath(path);

        void ICommandOutput.WriteObject(object item) => WriteObject(item);

        void ICommandOutput.WriteError(HybridException error) => WriteError(ErrorRecords.From(error));

        void ICommandOutput.WriteWarning(string text) => WriteWarning(text);

        void ICommandOutput.WriteVerbose(string text) => WriteVerbose(text);

        bool ICommandOutput.ShouldProcess(string target, string action) => ShouldProcess(target, action);
    }
}
