using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;

namespace HybridCmdlets.Completion
{
    /// <summary>
    /// The logic behind the argument completers, kept free of PowerShell types so it can be unit tested:
    /// which names match what the user has typed, and how to quote them so the completed line still parses.
    /// </summary>
    public static class NameCompletion
    {
        /// <summary>Candidates starting with (or matching, with wildcards) the word typed, sorted, each quoted if needed.</summary>
        public static IReadOnlyList<(string CompletionText, string ListItemText)> Complete(IEnumerable<string> candidates, string? wordToComplete)
        {
            var word = Unquote(wordToComplete ?? "");
            NamePattern pattern;
            try
            {
                pattern = NamePattern.Parse(NamePattern.ContainsWildcard(word) ? word : Escape(word) + "*");
            }
            catch (Engine.Errors.HybridException)
            {
                return new (string, string)[0];
            }

            return candidates
                .Where(c => !string.IsNullOrEmpty(c) && pattern.IsMatch(c))
                .Distinct(Names.Comparer)
                .OrderBy(c => c, Names.Comparer)
                .Select(c => (Quote(c), c))
                .ToArray();
        }

        /// <summary>Single-quotes a name that PowerShell would otherwise split or interpret.</summary>
        public static string Quote(string name)
        {
            var plain = name.All(ch => char.IsLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '.');
            return plain ? name : "'" + name.Replace("'", "''") + "'";
        }

        private static string Unquote(string word)
        {
            if (word.Length > 0 && (word[0] == '\'' || word[0] == '"'))
            {
                word = word.Substring(1);
                if (word.Length > 0 && (word[word.Length - 1] == '\'' || word[word.Length - 1] == '"')) word = word.Substring(0, word.Length - 1);
            }

            return word.Replace("''", "'");
        }

        private static string Escape(string word) =>
            word.Replace("`", "``").Replace("[", "`[").Replace("]", "`]");
    }
}
