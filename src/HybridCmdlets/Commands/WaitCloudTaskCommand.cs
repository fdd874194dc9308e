using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Waits for migration tasks to end and writes their results.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "CloudTask")]
    [OutputType(typeof(MigrationResult))]
    public sealed class WaitCloudTaskCommand : HybridCmdlet
    {
        private readonly List<CloudTask> tasks = new List<CloudTask>();
        private readonly HashSet<CloudTask> seen = new HashSet<CloudTask>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public CloudTask[] Task { get; set; } = new CloudTask[0];

        // Every piped task is collected first and all are waited for together, so that they run concurrently
        // (DESIGN.md: Time); a task given twice is waited for once.
        protected override void Process()
        {
            foreach (var task in Task)
            {
                if (task != null && seen.Add(task)) tasks.Add(task);
            }
        }

        protected override void End()
        {
            if (tasks.Count == 0) return;
            var title = string.Format(CultureInfo.InvariantCulture, "Waiting for {0} migration task{1}", tasks.Count, tasks.Count == 1 ? "" : "s");
            new MigrationWatch(Lab, tasks, title, WriteProgress).Wait(Cancellation, WriteMigrationResult);
            // Recorded even after Ctrl+C: moves that succeeded before it stand.
            RecordMoves();
            Cancellation.ThrowIfCancellationRequested();
        }
    }
}
