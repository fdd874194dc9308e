using System;
using System.Collections.Generic;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Readiness
{
    public enum ReadinessVerdict { Ready, ReadyWithWarnings, NotReady }

    /// <summary>
    /// Whether a VM can move to a destination (Test-MigrationReadiness): the verdict for the type asked for (for
    /// Auto, the recommended type), every check behind it, and how long the move would take and how much downtime it
    /// would cost on the path as it is now.
    /// </summary>
    public sealed class MigrationReadiness
    {
        public string VM { get; internal set; } = "";
        public string VMId { get; internal set; } = "";
        public string Source { get; internal set; } = "";
        public string Destination { get; internal set; } = "";
        public MigrationType RequestedType { get; internal set; }

        /// <summary>The least disruptive type whose checks all pass (vMotion, then RAV, Bulk, Cold); null when none does.</summary>
        public MigrationType? RecommendedType { get; internal set; }

        /// <summary>The type the verdict and the checks are for: the requested one, or for Auto the recommended one.</summary>
        public MigrationType EvaluatedType { get; internal set; }

        public ReadinessVerdict Verdict { get; internal set; }

        /// <summary>Every check of <see cref="EvaluatedType"/>, in the catalog's order.</summary>
        public IReadOnlyList<ReadinessCheck> Checks { get; internal set; } = Array.Empty<ReadinessCheck>();

        /// <summary>The first failing check, "id: message", or null.</summary>
        public string? Blocker { get; internal set; }

        /// <summary>The simulated duration of the move by <see cref="EvaluatedType"/>, alone on an idle path; null when it cannot move.</summary>
        public TimeSpan? PredictedDuration { get; internal set; }

        public TimeSpan? PredictedDowntime { get; internal set; }

        public override string ToString() => VM + " -> " + Destination + ": " + Verdict;
    }
}
