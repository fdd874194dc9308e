using System;
using System.Collections.Generic;

namespace HybridCmdlets.Engine.Migration
{
    public enum MigrationStatus { Queued, Running, Succeeded, Failed, Canceled }

    /// <summary>What a migration did, as Move-CloudVM reports it; times are on the lab's virtual clock.</summary>
    public sealed class MigrationResult
    {
        public string VM { get; internal set; } = "";
        public string VMId { get; internal set; } = "";
        public string Source { get; internal set; } = "";
        public string Destination { get; internal set; } = "";
        public MigrationType MigrationType { get; internal set; }
        public MigrationStatus Status { get; internal set; }
        public DateTime StartTime { get; internal set; }
        public DateTime EndTime { get; internal set; }
        /// <summary>
        /// When the cutover began: the start of a vMotion or RAV switchover (the guest stops at the source), of a Bulk
        /// final sync, or for a Cold move its end. Null for a move that never got there (failed or canceled before).
        /// </summary>
        public DateTime? SwitchoverTime { get; internal set; }
        public TimeSpan Duration => EndTime - StartTime;
        /// <summary>Time spent waiting for concurrency limits before it started.</summary>
        public TimeSpan QueuedTime { get; internal set; }
        public TimeSpan Downtime { get; internal set; }
        public IReadOnlyList<PreCopyRound> Rounds { get; internal set; } = Array.Empty<PreCopyRound>();
        public double MemoryTransferredGB { get; internal set; }
        public double DiskTransferredGB { get; internal set; }
        public double AverageThroughputMbps { get; internal set; }
        public double ThrottlePercent { get; internal set; }
        public IReadOnlyList<string> Warnings { get; internal set; } = Array.Empty<string>();
        /// <summary>The stable id of the failure (SwitchoverTimeout, Canceled, ...), or null.</summary>
        public string? Error { get; internal set; }
        public string? ErrorMessage { get; internal set; }

        public override string ToString() => VM + " -> " + Destination + " (" + Status + ")";
    }
}
