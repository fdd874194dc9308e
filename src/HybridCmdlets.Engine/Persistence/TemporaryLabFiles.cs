using System;
using System.IO;
using System.Text.RegularExpressions;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// The hidden files a save writes beside its target before it replaces it: ".lab.json.1a2b3c4d.tmp". A save that
    /// was killed leaves one behind; the next save or open of that lab removes those no other save is writing.
    /// </summary>
    internal static class TemporaryLabFiles
    {
        /// <summary>A new, unused name beside <paramref name="target"/> (a full path).</summary>
        public static string NewPath(string target) =>
            Path.Combine(FolderOf(target), "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");

        /// <summary>
        /// Removes the temporary files of saves of <paramref name="target"/> (a full path) that were interrupted: only
        /// names of exactly that pattern, for that file's name. A save in progress holds its file open exclusively
        /// (FileShare.None, an advisory lock on Unix that ends with its process), so a file this process can lock
        /// is one nobody is writing. Best effort: a file that cannot be removed stays, and the save or open goes on.
        /// </summary>
        public static void RemoveStale(string target)
        {
            var folder = FolderOf(target);
            var name = Path.GetFileName(target);
            var pattern = new Regex("^\\." + Regex.Escape(name) + "\\.[0-9a-f]{8}\\.tmp$", RegexOptions.CultureInvariant);
            string[] candidates;
            try
            {
                if (!Directory.Exists(folder)) return;
                candidates = Directory.GetFiles(folder, "." + name + ".*.tmp");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                return;
            }

            foreach (var candidate in candidates)
            {
                if (pattern.IsMatch(Path.GetFileName(candidate))) TryRemoveUnlocked(candidate);
            }
        }

        private static void TryRemoveUnlocked(string path)
        {
            try
            {
                // Only regular files: a link or anything else of that name was not made by a save.
                if ((File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0) return;
                // Deleted as the handle closes, still locked: no save can have taken the file in between.
                using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Held by a save still writing it (or not ours to remove): leave it.
            }
        }

        private static string FolderOf(string target) => Path.GetDirectoryName(target) ?? ".";
    }
}
