namespace HybridCmdlets.Engine.Readiness
{
    /// <summary>One readiness rule: a stable id and what it finds in a context. Rules are stateless.</summary>
    public interface IReadinessRule
    {
        /// <summary>"category.name", stable across versions: runbooks test it.</summary>
        string Id { get; }

        /// <summary>Always a check: a pass says what was found fine, or that the rule does not apply to this type.</summary>
        ReadinessCheck Evaluate(ReadinessContext context);
    }
}
