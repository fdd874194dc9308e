using System;
using System.Collections.Generic;

namespace HybridCmdlets.Engine.Migration
{
    public enum MigrationStatus { Queued, Running, Succeeded, Failed, Canceled }

    /// <summary>What a migration did, as Move-CloudVM reports it; times are on the lab's virtual clock.</summary>
    /// <remarks>
    /// Flattening (Export-Csv writes each property's ToString(); ConvertTo-Json writes a TimeSpan as an object of its
    /// parts): the lists read as text ("round 1: 8.00 GB in 41.2 s; ..."), and each TimeSpan has a twin in seconds,
    /// so a spreadsheet or a JSON consumer gets values, never type names. The TimeSpans stay for PowerShell use.
    /// </remarks>
    public sealed class MigrationResult
    {
        private static readonly ReadableList<PreCopyRound> NoRounds = ReadableRounds(Array.Empty<PreCopyRound>());
        private static readonly ReadableList<string> NoWarnings = ReadableWarnings(Array.Empty<string>());
        private ReadableList<PreCopyRound> rounds = NoRounds;
        private ReadableList<string> warnings = NoWarnings;

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
        /// <summary><see cref="Duration"/> in seconds, to the millisecond.</summary>
        public double DurationSeconds => Seconds(Duration);
        public double QueuedSeconds => Seconds(QueuedTime);
        public double DowntimeSeconds => Seconds(Downtime);

        public IReadOnlyList<PreCopyRound> Rounds
        {
            get => rounds;
            internal set => rounds = ReadableRounds(value);
        }

        public double MemoryTransferredGB { get; internal set; }
        public double DiskTransferredGB { get; internal set; }
        public double AverageThroughputMbps { get; internal set; }
        public double ThrottlePercent { get; internal set; }

        public IReadOnlyList<string> Warnings
        {
            get => warnings;
            internal set => warnings = ReadableWarnings(value);
        }

        /// <summary>The stable id of the failure (SwitchoverTimeout, Canceled, ...), or null.</summary>
        public string? Error { get; internal set; }
        public string? ErrorMessage { get; internal set; }

        /// <summary>The id of the injected fault that made it fail (Add-CloudFault), or null.</summary>
        public string? Fault { get; internal set; }

        /// <summary>The injected faults it rode out (a link that came back, a host HA restarted), one note each; also among <see cref="Warnings"/>.</summary>
        public IReadOnlyList<string> RiddenFaults { get; private set; } = NoWarnings;

        /// <summary>Adds a note of a fault it survived, after the warnings it was planned with.</summary>
        internal void AddRiddenFault(string note)
        {
            Warnings = new List<string>(Warnings) { note };
            RiddenFaults = ReadableWarnings(new List<string>(RiddenFaults) { note });
        }

        public override string ToString() => VM + " -> " + Destination + " (" + Status + ")";

        internal static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);

        private static ReadableList<PreCopyRound> ReadableRounds(IReadOnlyList<PreCopyRound> value) => new ReadableList<PreCopyRound>(value, r => r.ToString(), "; ");

        // Warnings are sentences that may hold "; " themselves.
        private static ReadableList<string> ReadableWarnings(IReadOnlyList<string> value) => new ReadableList<string>(value, w => w, " | ");
    }
}
