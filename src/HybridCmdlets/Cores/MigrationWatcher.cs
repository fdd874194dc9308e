using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>
    /// Waits for migration tasks on the lab's timeline and shows them as PowerShell users expect: one progress bar
    /// for a lone move; for several, a parent bar with a child bar per running move (the first few, as a console
    /// has room for). Every bar it opens ends with a Completed record, whether the moves succeed, fail or are
    /// canceled. Then it saves what the moves changed once, and writes each task's result in the order given:
    /// a failed move is also an error with the failure's id, a canceled one a warning.
    /// </summary>
    internal sealed class MigrationWatcher
    {
        private const int ParentId = 1;
        /// <summary>Child bars shown at once; PowerShell's console shows only a handful anyway.</summary>
        private const int MaxChildren = 8;

        private readonly LabSession lab;
        private readonly ICommandOutput output;
        private readonly IReadOnlyList<CloudTask> tasks;
        private readonly string title;
        private readonly Dictionary<CloudTask, int> children = new Dictionary<CloudTask, int>();
        private int nextChildId = ParentId + 1;

        public MigrationWatcher(LabSession lab, ICommandOutput output, IReadOnlyList<CloudTask> tasks, string title)
        {
            this.lab = lab;
            this.output = output;
            this.tasks = tasks;
            this.title = title;
        }

        /// <summary>Waits, reporting progress; throws OperationCanceledException after Ctrl+C, once the moves are canceled.</summary>
        public void WaitAndWriteResults()
        {
            try
            {
                lab.WaitFor(tasks, output.Cancellation, Report);
                if (tasks.Count == 1 && tasks[0].State == MigrationStatus.Succeeded)
                {
                    output.WriteProgress(new ProgressUpdate(ParentId, tasks[0].Description, "cleanup: registering the VM at " + tasks[0].Destination + " and saving the lab"));
                }

                // Recorded even after Ctrl+C: moves that succeeded before it stand.
                LabChanges.RecordMoves(lab, output);
            }
            finally
            {
                CompleteAll();
            }

            output.Cancellation.ThrowIfCancellationRequested();
            foreach (var task in tasks) WriteResult(task, output);
        }

        /// <summary>A task's result, and for a failed or canceled move the error or warning a runbook can act on.</summary>
        public static void WriteResult(CloudTask task, ICommandOutput output)
        {
            var result = task.Result;
            // The readiness warnings were written as warnings when the move was submitted; the rest are notes.
            foreach (var warning in result.Warnings)
            {
                if (!IsReadinessWarning(warning)) output.WriteVerbose(result.VM + ": " + warning);
            }

            // The result first: with -ErrorAction Stop, the error that follows stops the pipeline, and the runbook
            // still holds the failed move's result.
            output.WriteObject(result);
            if (result.Status == MigrationStatus.Failed) output.WriteError(EngineErrors.MigrationFailed(result.VM, result.Error ?? "MigrationFailed", result.ErrorMessage, result.Fault));
            if (result.Status == MigrationStatus.Canceled) output.WriteWarning("VM '" + result.VM + "': " + result.ErrorMessage);
        }

        private static bool IsReadinessWarning(string warning)
        {
            foreach (var rule in RuleCatalog.Rules)
            {
                if (warning.StartsWith(rule.Id + ": ", StringComparison.Ordinal)) return true;
            }

            return false;
        }

        private void Report()
        {
            if (tasks.Count == 0) return;
            if (tasks.Count == 1)
            {
                output.WriteProgress(Record(tasks[0], ParentId));
                return;
            }

            int succeeded = 0, failed = 0, canceled = 0, running = 0, queued = 0;
            long percent = 0;
            foreach (var task in tasks)
            {
                var progress = task.GetProgress();
                percent += task.IsFinished ? 100 : progress.PercentComplete;
                switch (task.State)
                {
                    case MigrationStatus.Succeeded: succeeded++; break;
                    case MigrationStatus.Failed: failed++; break;
                    case MigrationStatus.Canceled: canceled++; break;
                    case MigrationStatus.Running: running++; break;
                    default: queued++; break;
                }
            }

            var ended = succeeded + failed + canceled;
            output.WriteProgress(new ProgressUpdate(ParentId, title, string.Format(CultureInfo.InvariantCulture,
                "{0} of {1} ended ({2} succeeded, {3} failed, {4} canceled); {5} running, {6} queued",
                ended, tasks.Count, succeeded, failed, canceled, running, queued))
            {
                PercentComplete = (int)(percent / tasks.Count),
                CurrentOperation = "lab time " + lab.Timeline.VirtualNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC",
            });

            foreach (var shown in children.Where(c => c.Key.IsFinished).ToList())
            {
                output.WriteProgress(Completed(shown.Key, shown.Value, ParentId));
                children.Remove(shown.Key);
            }

            foreach (var task in tasks)
            {
                if (children.Count >= MaxChildren) break;
                if (task.State == MigrationStatus.Running && !children.ContainsKey(task)) children.Add(task, nextChildId++);
            }

            foreach (var child in children)
            {
                var record = Record(child.Key, child.Value);
                record.ParentActivityId = ParentId;
                output.WriteProgress(record);
            }
        }

        private void CompleteAll()
        {
            foreach (var child in children) output.WriteProgress(Completed(child.Key, child.Value, ParentId));
            children.Clear();
            if (tasks.Count > 0)
            {
                var activity = tasks.Count == 1 ? tasks[0].Description : title;
                output.WriteProgress(new ProgressUpdate(ParentId, activity, "done") { Completed = true });
            }
        }

        private static ProgressUpdate Completed(CloudTask task, int id, int parent) =>
            new ProgressUpdate(id, task.Description, Status(task, task.GetProgress())) { ParentActivityId = parent, Completed = true };

        private ProgressUpdate Record(CloudTask task, int id)
        {
            var progress = task.GetProgress();
            var scale = lab.Timeline.TimeScale;
            return new ProgressUpdate(id, task.Description, Status(task, progress))
            {
                CurrentOperation = task.Id,
                PercentComplete = progress.PercentComplete,
                SecondsRemaining = scale > 0 && !double.IsNaN(progress.SecondsLeft) ? (int)Math.Min(int.MaxValue, progress.SecondsLeft / scale) : -1,
            };
        }

        /// <summary>"pre-copy round 3: 1.24 GB left, about 00:00:41 of lab time", or how it ended.</summary>
        internal static string Status(CloudTask task, TaskProgress progress)
        {
            var result = task.Result;
            switch (task.State)
            {
                case MigrationStatus.Succeeded:
                    return string.Format(CultureInfo.InvariantCulture, "succeeded in {0}, downtime {1:0.000} s", LabTime(result.Duration.TotalSeconds), result.Downtime.TotalSeconds);
                case MigrationStatus.Failed:
                    return "failed: " + result.Error;
                case MigrationStatus.Canceled:
                    return "canceled; the VM is at its source";
                case MigrationStatus.Queued:
                    return "queued: waiting for vCenter's and HCX's concurrency limits";
            }

            var text = progress.Phase;
            if (progress.PhaseGBLeft > 0) text += string.Format(CultureInfo.InvariantCulture, ": {0:0.00} GB left", progress.PhaseGBLeft);
            if (!double.IsNaN(progress.PhaseSecondsLeft)) text += ", about " + LabTime(progress.PhaseSecondsLeft) + " of lab time";
            return text;
        }

        /// <summary>Seconds as hh:mm:ss, with days when there are any.</summary>
        internal static string LabTime(double seconds)
        {
            var span = TimeSpan.FromSeconds(Math.Round(Math.Max(0, Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2))));
            return span.ToString(span.Days > 0 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        }
    }
}
