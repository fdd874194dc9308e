using System;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Faults
{
    /// <summary>
    /// A fault to schedule (Add-CloudFault): what breaks, and one trigger — a time on the lab's clock
    /// (<see cref="At"/>), a stage of a named VM's migration (<see cref="VM"/> and <see cref="Phase"/>), or random
    /// times at <see cref="RatePerHour"/> of lab time with <see cref="Seed"/>.
    /// </summary>
    public sealed class FaultSpec
    {
        /// <summary>
        /// How far ahead of the lab's clock a fault may be set (-At, -After) and how long it may last (-Duration): ten
        /// years of lab time, far beyond any change window, and far from the end of DateTime, which a sum would overflow.
        /// </summary>
        public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(3650);

        /// <summary>The range of <see cref="MaxAhead"/>, as messages state it.</summary>
        public const string MaxAheadText = "3650 days (ten years of lab time)";

        public FaultKind Kind { get; set; }

        /// <summary>
        /// What it hits: a link ("onprem-lon &lt;-&gt; avs-westeurope"), a host or a datastore ("endpoint/name", or a
        /// name found on one endpoint only), or a VM name for SwitchoverTimeout. Without one, the fault hits what the
        /// migration that triggers it uses (its link, its destination or source host, its destination datastore).
        /// </summary>
        public string? Target { get; set; }

        public DateTime? At { get; set; }

        public string? VM { get; set; }

        public MigrationPhase? Phase { get; set; }

        public double? RatePerHour { get; set; }

        public int Seed { get; set; }

        /// <summary>How long a link, host or datastore stays broken; null: until the fault is cleared (random faults: 60 s).</summary>
        public TimeSpan? Duration { get; set; }

        public double? BandwidthMbps { get; set; }

        public double? RttMs { get; set; }

        public double? LossPercent { get; set; }
    }
}
