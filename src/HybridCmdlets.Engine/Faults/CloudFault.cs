using System;
using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Faults
{
    /// <summary>A fault scheduled on the lab (Get-CloudFault): what it breaks, when, and what it has done so far.</summary>
    public sealed class CloudFault
    {
        internal CloudFault(string id, FaultSpec spec, string target, string trigger)
        {
            Id = id;
            Spec = spec;
            Kind = spec.Kind;
            Target = target;
            Trigger = trigger;
            Duration = spec.Duration;
        }

        public string Id { get; }

        public FaultKind Kind { get; }

        /// <summary>
        /// What it hits. A fault aimed at what its triggering migration uses says "(what the migration uses)" until it
        /// fires, then what it hit; a random one keeps saying that it hits what a running migration uses.
        /// </summary>
        public string Target { get; internal set; }

        /// <summary>When it fires: "at 2026-11-23 08:05:00", "when web01 enters PreCopy", "random, 6 per hour (seed 1)".</summary>
        public string Trigger { get; }

        public TimeSpan? Duration { get; }

        public double? BandwidthMbps => Spec.BandwidthMbps;

        public double? RttMs => Spec.RttMs;

        public double? LossPercent => Spec.LossPercent;

        public FaultState State { get; internal set; } = FaultState.Scheduled;

        /// <summary>The last time it fired, on the lab's clock.</summary>
        public DateTime? FiredAt { get; internal set; }

        public int TimesFired { get; internal set; }

        /// <summary>Migrations that failed because of it (their results name it in Fault).</summary>
        public int MigrationsFailed { get; internal set; }

        internal FaultSpec Spec { get; }

        /// <summary>The resolved target, when one was named.</summary>
        internal CloudLink? Link { get; set; }

        internal (string Endpoint, string Name)? Place { get; set; }

        /// <summary>Effects of it in force now (a link held down, a host out, a datastore full).</summary>
        internal int ActiveEffects { get; set; }

        /// <summary>A random fault with nothing to hit: it sleeps until a migration is submitted.</summary>
        internal bool Dormant { get; set; }

        internal Generation.DeterministicRandom? Random { get; set; }

        internal List<FaultEffect> Effects { get; } = new List<FaultEffect>();

        public override string ToString() => Id + " " + Kind + " " + Target;
    }
}
