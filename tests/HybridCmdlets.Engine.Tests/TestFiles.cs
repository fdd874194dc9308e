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

        public static string Write(string content)
        {
            var path = TempPath();
            File.WriteAllText(path, content);
            return path;
        }
    }
}
