using System.Globalization;

namespace HybridCmdlets.Engine.Readiness.Rules
{
    /// <summary>What the rules share: their id and the three ways a check can end.</summary>
    public abstract class Rule : IReadinessRule
    {
        public abstract string Id { get; }

        public abstract ReadinessCheck Evaluate(ReadinessContext context);

        /// <summary>
        /// A pass, its message formatted only when someone reads it: most passes never are, and formatting 26 of them
        /// for each of 100,000 VMs was a third of Test-MigrationReadiness's time.
        /// </summary>
        protected ReadinessCheck Pass(string format, params object?[] args) => new ReadinessCheck(Id, CheckStatus.Pass, format, args, null);

        protected ReadinessCheck Warn(string message, string remediation) => new ReadinessCheck(Id, CheckStatus.Warning, message, remediation);

        protected ReadinessCheck Fail(string message, string remediation) => new ReadinessCheck(Id, CheckStatus.Fail, message, remediation);

        protected ReadinessCheck NotApplicable(ReadinessContext context, string why) => Pass("Does not apply to {0}: {1}", context.Type, why);

        /// <summary>
        /// A VMware threshold that the move's algorithm does not have (Xen, QEMU): the check passes and says which rule
        /// was not applied, why, and the value it would have judged.
        /// </summary>
        protected ReadinessCheck NotApplied(ReadinessContext context, string threshold, string found) =>
            Pass("Not applied under the {0} algorithm: {1} is VMware's (HCX and vMotion); {0} has none. {2}", context.Settings.Algorithm, threshold, found);

        protected static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
