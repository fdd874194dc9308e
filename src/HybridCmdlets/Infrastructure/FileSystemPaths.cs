using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Files;
using Microsoft.PowerShell.Commands;

namespace HybridCmdlets.Infrastructure
{
    /// <summary>
    /// Turns a path as the user typed it into the file-system path the engine opens, the PowerShell way: relative to
    /// the current PowerShell location, through PowerShell's providers and drives (~, temp:, FileSystem::), and refused
    /// as a named error when it is not a file-system path (env:x), cannot be a path (a NUL), or names a folder, a pipe or a
    /// device (<see cref="RegularFile"/>), before anything is asked, read or written.
    /// </summary>
    internal static class FileSystemPaths
    {
        /// <summary>A file to write: taken as written (no wildcards, as Out-File -LiteralPath), and it need not exist.</summary>
        public static string ToWrite(PathIntrinsics paths, string path, string what)
        {
            var resolved = Resolve(() => Literal(paths, path), path, what);
            return RegularFile.FullPath(resolved, what);
        }

        /// <summary>
        /// A file to read, as Get-Content finds it: a path with wildcards stands for the one file it matches (several are
        /// PathAmbiguous). A file whose name holds wildcard characters (lab[1].json) is still found as written, and a
        /// pattern that matches nothing is returned as written, for the engine to say the file does not exist.
        /// </summary>
        public static string ToRead(PathIntrinsics paths, string path, string what)
        {
            var resolved = Resolve(() => Literal(paths, path), path, what);
            if (WildcardPattern.ContainsWildcardCharacters(path) && RegularFile.KindOf(RegularFile.FullPath(resolved, what)) == FileKind.Missing)
            {
                var matches = Resolve(() => Matching(paths, path), path, what);
                if (matches.Count > 1) throw EngineErrors.PathAmbiguous(path, what, matches);
                if (matches.Count == 1) resolved = matches[0];
            }

            return RegularFile.FullPath(resolved, what);
        }

        private static (string Path, ProviderInfo Provider) Literal(PathIntrinsics paths, string path)
        {
            var resolved = paths.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            return (resolved, provider);
        }

        private static (IReadOnlyList<string> Paths, ProviderInfo Provider) Matching(PathIntrinsics paths, string path)
        {
            try
            {
                Collection<string> resolved = paths.GetResolvedProviderPathFromPSPath(path, out var provider);
                return (resolved.ToList(), provider);
            }
            catch (ItemNotFoundException)
            {
                return (new List<string>(), Literal(paths, path).Provider);
            }
        }

        /// <summary>What the provider made of the path, once it is known to be the file system's; its errors become named ones.</summary>
        private static T Resolve<T>(Func<(T Result, ProviderInfo Provider)> resolve, string path, string what)
        {
            (T Result, ProviderInfo Provider) resolved;
            try
            {
                resolved = resolve();
            }
            // A drive or provider that does not exist (nosuch:\x, HKLM: off Windows), a bad pattern, a path the provider refuses.
            catch (Exception e) when (e is RuntimeException || e is ArgumentException || e is NotSupportedException || e is InvalidOperationException)
            {
                throw EngineErrors.PathInvalid(path, e.Message);
            }

            if (resolved.Provider.ImplementingType != typeof(FileSystemProvider)) throw EngineErrors.PathNotFileSystem(path, what, resolved.Provider.Name);
            return resolved.Result;
        }
    }
}
