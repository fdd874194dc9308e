using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// Waits for migration tasks on the lab's timeline and shows them as PowerShell users expect: one progress bar
    /// for a lone move; for several, a parent bar with a child bar per running move (the first few, as a console
    /// has room for). Every bar it opens ends with a Completed record, whether the moves succeed, fail or are
    /// canceled. Each task is handed back as it ends, so that its result can be written at once.
    /// </summary>
    public sealed class MigrationWatch
    {
        private const int ParentId = 1;
        /// <summary>Child bars shown at once; PowerShell's console shows only a handful anyway.</summary>
        private const int MaxChildren = 8;

        private readonly LabSession lab;
        private readonly IReadOnlyList<CloudTask> tasks;
        private readonly string title;
        private readonly Action<ProgressUpdate> onProgress;
        private readonly Dictionary<CloudTask, int> children = new Dictionary<CloudTask, int>();
        private readonly HashSet<CloudTask> handedBack = new HashSet<CloudTask>();
        private int nextChildId = ParentId + 1;

        /// <param name="progress">Called on the waiting thread with each progress record.</param>
        public MigrationWatch(LabSession lab, IReadOnlyList<CloudTask> tasks, string title, Action<ProgressUpdate> progress)
        {
            this.lab = lab;
            this.tasks = tasks;
            this.title = title;
            onProgress = progress;
        }

        /// <summary>
        /// Waits for every task, reporting progress, and calls <paramref name="ended"/> on the waiting thread for each
        /// task as it ends (in the order they ended; tasks that end at the same lab time in the order given). After
        /// Ctrl+C the moves under way are canceled and no more tasks are handed back; the wait returns at once.
        /// Follow it with <see cref="LabSession.RecordMoves"/>: moves that succeeded before a Ctrl+C stand.
        /// </summary>
        public void Wait(CancellationToken cancellation, Action<CloudTask> ended)
        {
            try
            {
                lab.WaitFor(tasks, cancellation, () =>
                {
                    Report();
                    HandBackEnded(cancellation, ended);
                });
                if (tasks.Count == 1 && tasks[0].State == MigrationStatus.Succeeded)
                {
                    onProgress(new ProgressUpdate(ParentId, tasks[0].Description, "cleanup: registering the VM at " + tasks[0].Destination + " and saving the lab"));
                }

                HandBackEnded(cancellation, ended);
            }
            finally
            {
                CompleteAll();
            }
        }


        private void HandBackEnded(CancellationToken cancellation, Action<CloudTask> ended)
        {
            var finished = tasks.Where(t => t.IsFinished && !handedBack.Contains(t)).OrderBy(t => t.Result.EndTime).ToList();
            foreach (var task in finished)
            {
                if (cancellation.IsCancellationRequested) return;
                handedBack.Add(task);
                ended(task);
            }
        }

        private void Report()
        {
            if (tasks.Count == 0) return;
            if (tasks.Count == 1)
            {
                onProgress(Record(tasks[0], ParentId));
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
            onProgress(new ProgressUpdate(ParentId, title, string.Format(CultureInfo.InvariantCulture,
                "{0} of {1} ended ({2} succeeded, {3} failed, {4} canceled); {5} running, {6} queued",
                ended, tasks.Count, succeeded, failed, canceled, running, queued))
            {
                PercentComplete = (int)(percent / tasks.Count),
                CurrentOperation = "lab time " + lab.Timeline.VirtualNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC",
            });

            foreach (var shown in children.Where(c => c.Key.IsFinished).ToList())
            {
                onProgress(Completed(shown.Key, shown.Value, ParentId));
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
                onProgress(record);
            }
        }

        private void CompleteAll()
        {
            foreach (var child in children) onProgress(Completed(child.Key, child.Value, ParentId));
            children.Clear();
            if (tasks.Count > 0)
            {
                var activity = tasks.Count == 1 ? tasks[0].Description : title;
                onProgress(new ProgressUpdate(ParentId, activity, "done") { Completed = true });
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
