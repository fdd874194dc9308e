using System;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>vCenter compares inventory names without regard to case; so does the lab.</summary>
    public static class Names
    {
        public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

        public static bool Equal(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>A name a user may give to a new object: no wildcard characters, no edge spaces, 1-80 characters.</summary>
        public static bool IsValidObjectName(string? name) =>
            !string.IsNullOrWhiteSpace(name)
            && name!.Length <= 80
            && !char.IsWhiteSpace(name[0])
            && !char.IsWhiteSpace(name[name.Length - 1])
            && name.IndexOfAny(ForbiddenInNames) < 0;

        private static readonly char[] ForbiddenInNames = { '*', '?', '[', ']', '/', '\\' };
    }
}
