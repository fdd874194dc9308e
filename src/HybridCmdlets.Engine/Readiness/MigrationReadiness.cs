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
    /// <remarks>
    /// Flattening, as for MigrationResult: <see cref="Checks"/> reads as "path.link=Pass; compute.cpu=Fail" in
    /// Export-Csv, and the predicted TimeSpans have twins in seconds for spreadsheets and JSON.
    /// </remarks>
    public sealed class MigrationReadiness
    {
        private static readonly ReadableList<ReadinessCheck> NoChecks = ReadableChecks(Array.Empty<ReadinessCheck>());
        private ReadableList<ReadinessCheck> checks = NoChecks;

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
        public IReadOnlyList<ReadinessCheck> Checks
        {
            get => checks;
            internal set => checks = ReadableChecks(value);
        }

        /// <summary>The first failing check, "id: message", or null.</summary>
        public string? Blocker { get; internal set; }

        /// <summary>The simulated duration of the move by <see cref="EvaluatedType"/>, alone on an idle path; null when it cannot move.</summary>
        public TimeSpan? PredictedDuration { get; internal set; }

        public TimeSpan? PredictedDowntime { get; internal set; }

        /// <summary><see cref="PredictedDuration"/> in seconds, to the millisecond; null when it cannot move.</summary>
        public double? PredictedDurationSeconds => PredictedDuration is TimeSpan duration ? MigrationResult.Seconds(duration) : (double?)null;

        public double? PredictedDowntimeSeconds => PredictedDowntime is TimeSpan downtime ? MigrationResult.Seconds(downtime) : (double?)null;

        public override string ToString() => VM + " -> " + Destination + ": " + Verdict;

        private static ReadableList<ReadinessCheck> ReadableChecks(IReadOnlyList<ReadinessCheck> value) =>
            new ReadableList<ReadinessCheck>(value, c => c.Id + "=" + c.Status, "; ");
    }
}
