using System;
using System.IO;
using HybridCmdlets.Engine.Persistence;

namespace HybridCmdlets.Engine.Tests
{
    internal static class TestFiles
    {
        public static string TempPath(string extension = ".json")
        {
            var folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-tests");
            Directory.CreateDirectory(folder);
            return Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        }

        /// <summary>The document as its lab file would hold it.</summary>
        public static string ToJson(LabDocument document)
        {
            var path = TempPath();
            try
            {
                LabFile.Save(document, path);
                return File.ReadAllText(path);
            }
            finally
            {
                File.Delete(path);
            }
        }

        public static string Write(string content, string extension = ".json")
        {
            var path = TempPath(extension);
            File.WriteAllText(path, content);
            return path;
        }

        /// <summary>A file of the repository's examples folder, such as examples/rvtools/vInfo.csv.</summary>
        public static string Example(string relativePath) => Path.Combine(Repository(), "examples", relativePath);

        /// <summary>A file kept with these tests, such as a lab file saved by an earlier version.</summary>
        public static string Fixture(string name) => Path.Combine(Repository(), "tests", "HybridCmdlets.Engine.Tests", "Fixtures", name);

        private static string Repository()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HybridCmdlets.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("HybridCmdlets.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
