using System.Collections.Generic;
using System.Globalization;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>One pre-copy round: what it sent, how long it took, and what the guest dirtied meanwhile.</summary>
    public sealed class PreCopyRound
    {
        public PreCopyRound(int index, double bytesSent, double seconds, double dirtyBytesLeft, double throttlePercent)
        {
            Index = index;
            BytesSent = bytesSent;
            Seconds = seconds;
            DirtyBytesLeft = dirtyBytesLeft;
            ThrottlePercent = throttlePercent;
        }

        public int Index { get; }
        public double BytesSent { get; }
        public double Seconds { get; }
        public double DirtyBytesLeft { get; }
        public double ThrottlePercent { get; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "round {0}: {1:0.00} GB in {2:0.0} s", Index, BytesSent / (1024.0 * 1024 * 1024), Seconds);
    }

    /// <summary>How a live migration ended, on the virtual clock.</summary>
    public sealed class LiveMigrationResult
    {
        public bool Succeeded { get; internal set; }

        /// <summary>Stable id of the reason it failed (SwitchoverTimeout, Canceled), or null.</summary>
        public string? ErrorId { get; internal set; }

        public string? ErrorMessage { get; internal set; }

        public double StartSeconds { get; internal set; }

        public double EndSeconds { get; internal set; }

        public double DurationSeconds => EndSeconds - StartSeconds;

        /// <summary>From the guest's stop at the source to its resume at the destination.</summary>
        public double DowntimeSeconds { get; internal set; }

        /// <summary>When the switchover began (the guest stopped at the source); null if it never did.</summary>
        public double? SwitchoverSeconds { get; internal set; }

        public IReadOnlyList<PreCopyRound> Rounds { get; internal set; } = new PreCopyRound[0];

        public double MemoryBytesSent { get; internal set; }

        public double DiskBytesSent { get; internal set; }

        /// <summary>The highest guest throttle the migration needed, in percent.</summary>
        public double ThrottlePercent { get; internal set; }
    }
}
