using System;
using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Readiness
{
    /// <summary>
    /// Runs the rule catalog for a VM against a destination, type by type from the least disruptive, and predicts
    /// the move: a type whose rules all pass is simulated alone on the path as it is now, and if the simulation
    /// fails (a switchover that would exceed its limit) that is a failing check too. So a Ready verdict means the
    /// move by that type succeeds, absent injected faults and other moves on the path.
    /// </summary>
    public static class ReadinessEvaluator
    {
        /// <summary>From the least disruptive type to the most (HCX's order).</summary>
        public static readonly IReadOnlyList<MigrationType> TypesByDisruption = new[] { MigrationType.vMotion, MigrationType.RAV, MigrationType.Bulk, MigrationType.Cold };

        /// <summary>Throws what is wrong with the request itself (unknown VM, endpoint, cluster or datastore; the VM's own place).</summary>
        public static MigrationReadiness Evaluate(Estate estate, MigrationRequest request, MigrationAlgorithm algorithm, DateTime now) =>
            Evaluate(estate, request, MigrationSettings.For(algorithm), now, out _);

        /// <summary>As the other, under the lab's pre-copy settings (LabOptions.GetMigrationSettings), the request's own choices over them.</summary>
        public static MigrationReadiness Evaluate(Estate estate, MigrationRequest request, MigrationSettings settings, DateTime now) =>
            Evaluate(estate, request, settings, now, out _);

        /// <summary>
        /// As the other, for a VM tested as part of <paramref name="wave"/>: its capacity checks count what the wave's
        /// earlier VMs take at their destinations, and, if it is not NotReady, it claims its own share for the VMs after it.
        /// </summary>
        public static MigrationReadiness Evaluate(Estate estate, MigrationRequest request, MigrationSettings settings, DateTime now, Wave wave)
        {
            var readiness = Evaluate(estate, request, settings, now, out var context, wave);
            if (readiness.Verdict != ReadinessVerdict.NotReady) wave.Claim(context);
            return readiness;
        }

        /// <summary>As the public one, also giving the context it resolved, so a move can be planned from it without resolving again.</summary>
        private static MigrationReadiness Evaluate(Estate estate, MigrationRequest request, MigrationSettings settings, DateTime now, out ReadinessContext context, Wave? wave = null)
        {
            var destination = MigrationPlanner.Resolve(estate, request);
            context = new ReadinessContext(estate, destination, NicMapping.Map(destination.VM, destination.Source, destination.Endpoint, request.NetworkMapping),
                destination.Options.Over(settings)) { Wave = wave };
            var readiness = new MigrationReadiness
            {
                VM = destination.VM.Name,
                VMId = destination.VM.Id,
                Source = destination.Source.Name + "/" + destination.VM.Cluster,
                Destination = destination.Description,
                RequestedType = request.Type,
            };

            // From the least disruptive type, until both the requested type's verdict and a recommendation are known.
            var assessed = new Dictionary<MigrationType, Assessment>();
            Assessment? requested = null;
            foreach (var type in TypesByDisruption)
            {
                var assessment = assessed[type] = Assess(context, type, settings, now);
                if (type == request.Type) requested = assessment;
                if (assessment.Passes && readiness.RecommendedType == null)
                {
                    readiness.RecommendedType = type;
                    if (request.Type == MigrationType.Auto) requested = assessment;
                }

                if (requested != null && readiness.RecommendedType != null) break;
            }

            // Auto with no type that passes: the verdict is that of the type the VM's power state suggests.
            var chosen = requested ?? assessed[context.VM.PowerState == PowerState.PoweredOn ? MigrationType.vMotion : MigrationType.Cold];
            readiness.EvaluatedType = chosen.Type;
            readiness.Checks = chosen.Checks;
            readiness.Verdict = chosen.Verdict;
            readiness.Blocker = chosen.Blocker;
            readiness.PredictedDuration = chosen.Prediction?.Duration;
            readiness.PredictedDowntime = chosen.Prediction?.Downtime;
            return readiness;
        }

        /// <summary>
        /// What Move-CloudVM does first: runs the catalog and plans the move by the evaluated type (for Auto, the
        /// recommended one), with the warnings for its result. A NotReady verdict is a MigrationNotReady error that
        /// lists the failing checks, and nothing moves.
        /// </summary>
        public static MigrationPlan PlanMove(Estate estate, MigrationRequest request, MigrationAlgorithm algorithm, DateTime now, out MigrationReadiness readiness) =>
            PlanMove(estate, request, MigrationSettings.For(algorithm), now, out readiness);

        /// <summary>As the other, under the lab's pre-copy settings (LabOptions.GetMigrationSettings), the request's own choices over them.</summary>
        public static MigrationPlan PlanMove(Estate estate, MigrationRequest request, MigrationSettings settings, DateTime now, out MigrationReadiness readiness)
        {
            readiness = Evaluate(estate, request, settings, now, out var context);
            if (readiness.Verdict == ReadinessVerdict.NotReady)
            {
                var failing = new List<ReadinessCheck>();
                foreach (var check in readiness.Checks)
                {
                    if (check.Status == CheckStatus.Fail) failing.Add(check);
                }

                var error = Errors.EngineErrors.MigrationNotReady(readiness.VM, readiness.EvaluatedType.ToString(), failing.ConvertAll(c => c.Id), failing[0].Message);
                // Scripts test ids, not messages: the failing ids travel with the error ($_.Exception.Data.FailingChecks).
                error.Data["FailingChecks"] = failing.ConvertAll(c => c.Id).ToArray();
                throw error;
            }

            var plan = MigrationPlanner.Build(estate, context.Resolved, readiness.EvaluatedType, context.Networks);
            var warnings = new List<string>();
            foreach (var check in readiness.Checks)
            {
                if (check.Status == CheckStatus.Warning) warnings.Add(check.Id + ": " + check.Message);
            }

            plan.ReadinessWarnings = warnings;
            return plan;
        }

        private static Assessment Assess(ReadinessContext context, MigrationType type, MigrationSettings settings, DateTime now)
        {
            context.Type = type;
            var checks = new List<ReadinessCheck>(RuleCatalog.Rules.Count + 1);
            var fails = false;
            foreach (var rule in RuleCatalog.Rules)
            {
                var check = rule.Evaluate(context);
                fails |= check.Status == CheckStatus.Fail;
                checks.Add(check);
            }

            MigrationResult? prediction = null;
            if (!fails)
            {
                // Simulated only when no rule refuses: the rules say why a move cannot start; the model, how it would go.
                var plan = MigrationPlanner.Build(context.Estate, context.Resolved, type, context.Networks);
                prediction = MigrationBatch.Predict(plan, settings, now);
                checks.Add(SimulationCheck(context, prediction));
                if (prediction.Status != MigrationStatus.Succeeded) prediction = null;
            }

            return new Assessment(type, checks, prediction);
        }

        private static ReadinessCheck SimulationCheck(ReadinessContext context, MigrationResult predicted)
        {
            var f = CultureInfo.InvariantCulture;
            if (predicted.Status == MigrationStatus.Succeeded)
            {
                return new ReadinessCheck(RuleCatalog.SimulationCheckId, CheckStatus.Pass, string.Format(f,
                    "Alone on the path as it is now, the {0} of VM '{1}' takes {2} with {3:0.###} s of downtime.",
                    context.Type, context.VM.Name, predicted.Duration.ToString(predicted.Duration.Days > 0 ? "d\\.hh\\:mm\\:ss" : "hh\\:mm\\:ss", f), predicted.Downtime.TotalSeconds), null);
            }

            return new ReadinessCheck(RuleCatalog.SimulationCheckId, CheckStatus.Fail,
                string.Format(f, "Alone on the path as it is now, the {0} of VM '{1}' fails ({2}): {3}", context.Type, context.VM.Name, predicted.Error, predicted.ErrorMessage),
                predicted.Error == "SwitchoverTimeout" || predicted.Error == "MigrationNotConverging"
                    ? "Move it when the guest writes less or over a faster path, or by Bulk" + (context.Settings.Algorithm == MigrationAlgorithm.Qemu ? "; under Qemu, turn auto-converge on (Set-HybridLabOption) or raise the downtime target." : ".")
                    : "See the message; the move would leave the VM at its source.");
        }

        private sealed class Assessment
        {
            public Assessment(MigrationType type, IReadOnlyList<ReadinessCheck> checks, MigrationResult? prediction)
            {
                Type = type;
                Checks = checks;
                Prediction = prediction;
                var warned = false;
                foreach (var check in checks)
                {
                    if (check.Status == CheckStatus.Fail && Blocker == null) Blocker = check.Id + ": " + check.Message;
                    warned |= check.Status == CheckStatus.Warning;
                }

                Verdict = Blocker != null ? ReadinessVerdict.NotReady : warned ? ReadinessVerdict.ReadyWithWarnings : ReadinessVerdict.Ready;
            }

            public MigrationType Type { get; }
            public IReadOnlyList<ReadinessCheck> Checks { get; }
            public MigrationResult? Prediction { get; }
            public string? Blocker { get; }
            public ReadinessVerdict Verdict { get; }
            public bool Passes => Blocker == null;
        }
    }
}
