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

        /// <summary>The id of the injected fault that made it fail (Add-CloudFault), or null.</summary>
        public string? Fault { get; internal set; }

        /// <summary>Adds a note it survived (a fault it recovered from) after the warnings it was planned with.</summary>
        internal void AddWarning(string warning)
        {
            var warnings = new List<string>(Warnings) { warning };
            Warnings = warnings;
        }

        public override string ToString() => VM + " -> " + Destination + " (" + Status + ")";
    }
}
