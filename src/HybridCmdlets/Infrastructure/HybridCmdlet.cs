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

        /// <summary>
        /// With a time scale, moves run while the user does other things: every command first brings the lab's
        /// timeline up to the wall clock, so that what it reads or changes is the lab as it stands now.
        /// </summary>
        protected override void BeginProcessing() => Guarded(() =>
        {
            Lab.CatchUp();
            Cores.LabChanges.RecordMoves(Lab, this);
        });

        protected sealed override void ProcessRecord() => Guarded(Process);

        protected sealed override void EndProcessing() => Guarded(End);

        /// <summary>One pipeline item's work; called from ProcessRecord.</summary>
        protected abstract void Process();

        /// <summary>Work once all input has been read (Wait-CloudTask waits here); called from EndProcessing.</summary>
        protected virtual void End()
        {
        }

        protected override void StopProcessing() => stopping.Cancel();

        private void Guarded(System.Action work)
        {
            try
            {
                work();
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

        /// <summary>A path as the user typed it, resolved against the current PowerShell location, not the process's.</summary>
        protected string ResolvePath(string path) => GetUnresolvedProviderPathFromPSPath(path);

        void ICommandOutput.WriteObject(object item) => WriteObject(item);

        void ICommandOutput.WriteError(HybridException error) => WriteError(ErrorRecords.From(error));

        void ICommandOutput.WriteWarning(string text) => WriteWarning(text);

        void ICommandOutput.WriteVerbose(string text) => WriteVerbose(text);

        void ICommandOutput.WriteProgress(ProgressUpdate update)
        {
            var record = new ProgressRecord(update.ActivityId, update.Activity, update.Status)
            {
                ParentActivityId = update.ParentActivityId,
                CurrentOperation = update.CurrentOperation,
                PercentComplete = update.PercentComplete,
                SecondsRemaining = update.SecondsRemaining,
                RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            WriteProgress(record);
        }

        bool ICommandOutput.ShouldProcess(string target, string action) => ShouldProcess(target, action);
    }
}
