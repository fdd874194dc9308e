using System;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// A migration submitted to the lab's timeline: what Move-CloudVM -RunAsync returns, as PowerCLI's
    /// Move-VM -RunAsync returns a Task. Its properties read the migration as it stands now.
    /// </summary>
    public sealed class CloudTask
    {
        internal CloudTask(string id, MigrationRun run, MigrationTimeline timeline)
        {
            Id = id;
            Run = run;
            Timeline = timeline;
        }

        /// <summary>"task-12": unique in the lab's session.</summary>
        public string Id { get; }

        /// <summary>What the task does, as vCenter's task list says it: "Migrate VM 'crm-web01' to avs-westeurope/Cluster-1 by vMotion".</summary>
        public string Description => "Migrate VM '" + VM + "' to " + Destination + " by " + MigrationType;

        public string VM => Run.Result.VM;

        public string Source => Run.Result.Source;

        public string Destination => Run.Result.Destination;

        public MigrationType MigrationType => Run.Result.MigrationType;

        /// <summary>Queued, Running, Succeeded, Failed or Canceled.</summary>
        public MigrationStatus State => Run.Status;

        /// <summary>Where the move stands, to compare in a script: Queued, DiskCopy, Replication, PreCopy, Switchover, PowerOn, Completed, ...</summary>
        public MigrationPhase Stage => Run.Stage;

        /// <summary>The stage as a person reads it: "queued", "replicating disks", "pre-copy round 3", "switchover", "completed", ...</summary>
        public string Phase => Run.Phase;

        public bool IsFinished => Run.Done;

        /// <summary>An estimate from the bytes sent so far against what the move must send.</summary>
        public int PercentComplete => Timeline.Progress(this).PercentComplete;

        /// <summary>When it was submitted, on the lab's virtual clock.</summary>
        public DateTime QueueTime => Timeline.ToTime(Run.QueuedAt);

        /// <summary>When it left the queue and started moving data; null while queued.</summary>
        public DateTime? StartTime => Run.Status == MigrationStatus.Queued ? (DateTime?)null : Timeline.ToTime(Run.StartedAt);

        /// <summary>When it ended; null until then.</summary>
        public DateTime? FinishTime => Run.Done ? Run.Result.EndTime : (DateTime?)null;

        /// <summary>The result so far; final once <see cref="IsFinished"/>.</summary>
        public MigrationResult Result => Run.Result;

        internal MigrationRun Run { get; }

        internal MigrationTimeline Timeline { get; }

        /// <summary>Where the migration stands, for a progress bar.</summary>
        public TaskProgress GetProgress() => Timeline.Progress(this);

        public override string ToString() => Id + " " + VM + " (" + State + ")";
    }
}
