using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Querying;

namespace HybridCmdlets.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet in the module: turns an engine error that escapes a cmdlet's work into a terminating error
    /// record, engine errors, progress and migration results into pipeline output, and cancels on Ctrl+C.
    /// </summary>
    public abstract class HybridCmdlet : PSCmdlet
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
            RecordMoves();
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

        /// <summary>The file a path to read stands for (<see cref="FileSystemPaths.ToRead"/>); <paramref name="what"/> names it in errors.</summary>
        protected string FileToRead(string path, string what) => FileSystemPaths.ToRead(SessionState.Path, path, what);

        /// <summary>The file a path to write stands for (<see cref="FileSystemPaths.ToWrite"/>).</summary>
        protected string FileToWrite(string path, string what) => FileSystemPaths.ToWrite(SessionState.Path, path, what);

        /// <summary>A non-terminating error: this item failed, the command goes on with the next.</summary>
        protected void WriteError(HybridException error) => WriteError(ErrorRecords.From(error));

        protected void WriteProgress(ProgressUpdate update)
        {
            WriteProgress(new ProgressRecord(update.ActivityId, update.Activity, update.Status)
            {
                ParentActivityId = update.ParentActivityId,
                CurrentOperation = update.CurrentOperation,
                PercentComplete = update.PercentComplete,
                SecondsRemaining = update.SecondsRemaining,
                RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            });
        }

        /// <summary>
        /// True when the session's connections allow the operation on this item; else the NotConnected or
        /// PermissionDenied error is written for the item, and the cmdlet goes on with the next.
        /// </summary>
        protected bool Allowed(AccessDemand demand)
        {
            try
            {
                Lab.Access.Demand(demand);
                return true;
            }
            catch (HybridException error)
            {
                WriteError(error);
                return false;
            }
        }

        /// <summary>The lab's current VMs that -VM arguments stand for; each miss is an error for that argument.</summary>
        protected IEnumerable<CloudVM> ResolveVMs(IEnumerable<VMIdParameter> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument == null) continue;
                foreach (var vm in VisibleVMs.Resolve(Lab, argument.VM, argument.Name, WriteError)) yield return vm;
            }
        }

        /// <summary>
        /// The endpoints given to a CloudEndpoint parameter that the lab has: each name that stood for none (see
        /// <see cref="EndpointTransformationAttribute"/>) is a non-terminating EndpointNotFound error, and left out.
        /// </summary>
        /// <summary>The endpoints an inventory listing searches: those of -Endpoint (see <see cref="KnownEndpoints"/>), or every endpoint when it was not given.</summary>
        /// <summary>
        /// The inventory listings (Get-CloudCluster, -VMHost, -Datastore, -Network): writes the items whose names match
        /// -Name (all of them without it), then a not-found error for each exact name that matched none, naming the
        /// endpoints searched when -Endpoint narrowed the search. A wildcard that matches nothing is silent.
        /// </summary>
        protected void WriteNamed<T>(IEnumerable<T> items, System.Func<T, string> name, IEnumerable<string>? patterns,
            IReadOnlyList<CloudEndpoint>? narrowedTo, System.Func<string, IReadOnlyCollection<string>?, HybridException> notListed)
        {
            var matched = InventoryQuery.Named(items, name, patterns, out var misses);
            foreach (var item in matched) WriteObject(item);
            var searched = narrowedTo == null ? null : narrowedTo.Select(e => e.Name).ToList();
            foreach (var missing in misses) WriteError(notListed(missing, searched));
        }

        /// <summary>What piped VMs share (a host, a datastore) is written once per invocation, however many of its VMs come.</summary>
        protected void WriteOnceForVMs<T>(IEnumerable<CloudVM> vms, System.Func<CloudVM, IEnumerable<T>> of, System.Func<T, string> key, HashSet<string> written)
        {
            foreach (var vm in vms.Where(v => v != null).SelectMany(v => VisibleVMs.Resolve(Lab, v, v.Name, WriteError)))
            {
                foreach (var item in of(vm))
                {
                    if (written.Add(key(item))) WriteObject(item);
                }
            }
        }

        protected IReadOnlyList<CloudEndpoint> SearchedEndpoints(IEnumerable<CloudEndpoint>? given) =>
            given == null ? Lab.Estate.Endpoints : KnownEndpoints(given);

        protected List<CloudEndpoint> KnownEndpoints(IEnumerable<CloudEndpoint> endpoints)
        {
            var known = new List<CloudEndpoint>();
            foreach (var endpoint in endpoints)
            {
                if (endpoint == null) continue;
                if (EndpointQuery.Unknown(endpoint) is HybridException unknown) WriteError(unknown);
                else known.Add(endpoint);
            }

            return known;
        }

        /// <summary>
        /// Records a change that has happened. If the auto-save that follows fails, the change stands in memory
        /// and the user is told, as an error, that the file is behind.
        /// </summary>
        protected void RecordChange()
        {
            try
            {
                Lab.RecordChange();
            }
            catch (HybridException error)
            {
                WriteError(error);
            }
        }

        /// <summary>Records the moves that succeeded since last time as one change, as <see cref="RecordChange"/> does.</summary>
        protected void RecordMoves()
        {
            try
            {
                Lab.RecordMoves();
            }
            catch (HybridException error)
            {
                WriteError(error);
            }
        }

        /// <summary>
        /// A migration task's result as a runbook can act on it: the faults it rode out as warnings (so that
        /// -WarningVariable catches them), the result, then for a failed move an error with the failure's id, for a
        /// canceled one a warning. The result comes first: with -ErrorAction Stop the error stops the pipeline, and the
        /// runbook still holds the failed move's result.
        /// </summary>
        protected void WriteMigrationResult(CloudTask task)
        {
            var result = task.Result;
            foreach (var fault in result.RiddenFaults) WriteWarning("VM '" + result.VM + "': " + fault);
            WriteObject(result);
            if (result.Status == MigrationStatus.Failed) WriteError(EngineErrors.MigrationFailed(result.VM, result.Error ?? "MigrationFailed", result.ErrorMessage, result.Fault));
            if (result.Status == MigrationStatus.Canceled) WriteWarning("VM '" + result.VM + "': " + result.ErrorMessage);
        }
    }
}
