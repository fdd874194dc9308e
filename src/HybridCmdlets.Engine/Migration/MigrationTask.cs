using System;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>A migration submitted to the lab's timeline (PowerCLI's Task for Move-VM -RunAsync).</summary>
    public sealed class MigrationTask
    {
        internal MigrationTask(string id, MigrationRun run, MigrationTimeline timeline)
        {
            Id = id;
            Run = run;
            Timeline = timeline;
        }

        /// <summary>"task-12": unique in the session.</summary>
        public string Id { get; }

        public string VM => Run.Result.VM;

        public string Destination => Run.Result.Destination;

        public MigrationType MigrationType => Run.Result.MigrationType;

        public MigrationStatus State => Run.Status;

        public string Phase => Run.Phase;

        public bool IsFinished => Run.Done;

        /// <summary>An estimate from the bytes sent so far against what the move must send.</summary>
        public int PercentComplete => Timeline.PercentComplete(this);

        /// <summary>The result so far; final once <see cref="IsFinished"/>.</summary>
        public MigrationResult Result => Run.Result;

        internal MigrationRun Run { get; }

        internal MigrationTimeline Timeline { get; }

        public override string ToString() => Id + " " + VM + " (" + State + ")";
    }
}
