using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HybridCmdlets.Engine.Errors;
using Xunit;

namespace HybridCmdlets.Testing
{
    /// <summary>
    /// The error ids the user documentation promises (the table in about_HybridCmdlets, with each id's category),
    /// and the check that an error is one of them: "bad input always gets a clear error".
    /// </summary>
    internal static class DocumentedErrors
    {
        private static readonly Lazy<IReadOnlyDictionary<string, string>> Table = new Lazy<IReadOnlyDictionary<string, string>>(ReadTable);

        /// <summary>Error id to category, as the about_HybridCmdlets table lists them.</summary>
        public static IReadOnlyDictionary<string, string> Categories => Table.Value;

        /// <summary>
        /// Asserts that <paramref name="error"/> is one of <paramref name="expectedIds"/>, that the documentation lists
        /// its id with its kind, and that it says what is wrong and what to do.
        /// </summary>
        public static HybridException Check(HybridException error, params string[] expectedIds)
        {
            Assert.True(expectedIds.Contains(error.ErrorId), "error id " + error.ErrorId + " is not one of " + string.Join(", ", expectedIds) + ": " + error.Message);
            Assert.True(Categories.TryGetValue(error.ErrorId, out var category), "error id " + error.ErrorId + " is not in about_HybridCmdlets' table of error ids");
            Assert.Equal(category, error.Kind.ToString());
            Assert.False(string.IsNullOrWhiteSpace(error.Message), error.ErrorId + " has no message");
            Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction), error.ErrorId + " has no recommended action");
            return error;
        }

        private static IReadOnlyDictionary<string, string> ReadTable()
        {
            var file = Path.Combine(RepoRoot(), "module", "en-US", "about_HybridCmdlets.help.txt");
            var lines = File.ReadAllLines(file);
            var header = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\s+Error id\s+Category\s+Raised by"));
            if (header < 0) throw new InvalidOperationException("No table of error ids in " + file);
            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = header + 2; i < lines.Length && lines[i].Trim().Length > 0; i++)
            {
                var row = Regex.Match(lines[i], @"^    ([A-Za-z]+)\s+([A-Za-z]+)\s{2,}");
                if (row.Success) table.Add(row.Groups[1].Value, row.Groups[2].Value);
            }

            return table;
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HybridCmdlets.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("HybridCmdlets.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
