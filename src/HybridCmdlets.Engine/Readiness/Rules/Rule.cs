using System.Globalization;

namespace HybridCmdlets.Engine.Readiness.Rules
{
    /// <summary>What the rules share: their id and the three ways a check can end.</summary>
    public abstract class Rule : IReadinessRule
    {
        public abstract string Id { get; }

        public abstract ReadinessCheck Evaluate(ReadinessContext context);

        protected ReadinessCheck Pass(string message) => new ReadinessCheck(Id, CheckStatus.Pass, message, null);

        protected ReadinessCheck Warn(string message, string remediation) => new ReadinessCheck(Id, CheckStatus.Warning, message, remediation);

        protected ReadinessCheck Fail(string message, string remediation) => new ReadinessCheck(Id, CheckStatus.Fail, message, remediation);

        protected ReadinessCheck NotApplicable(ReadinessContext context, string why) => Pass("Does not apply to " + context.Type + ": " + why);

        protected static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
