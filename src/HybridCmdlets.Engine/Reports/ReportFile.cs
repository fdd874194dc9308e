using System;
using System.IO;
using System.Text;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Files;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>
    /// Writes a report to its file as Export-Csv would treat the target: an existing file is overwritten unless
    /// noClobber, a read-only one only with force (and it stays read-only). The report goes to a temporary file
    /// beside the target first, so a failed write leaves the old file as it was.
    /// </summary>
    public static class ReportFile
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public static FileInfo Write(MigrationReport report, string path, bool noClobber, bool force)
        {
            var fullPath = RegularFile.FullPath(path, "report file");
            var exists = File.Exists(fullPath);
            if (exists && noClobber) throw EngineErrors.ReportFileExists(fullPath);
            var readOnly = exists && (File.GetAttributes(fullPath) & FileAttributes.ReadOnly) != 0;
            if (readOnly && !force) throw EngineErrors.ReportFileReadOnly(fullPath);

            var folder = Path.GetDirectoryName(fullPath) ?? ".";
            var temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var text = new StreamWriter(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), Utf8, 1 << 16))
                {
                    HtmlReportWriter.Write(report, text);
                }

                if (readOnly) File.SetAttributes(fullPath, File.GetAttributes(fullPath) & ~FileAttributes.ReadOnly);
                if (exists) File.Replace(temporary, fullPath, destinationBackupFileName: null);
                else File.Move(temporary, fullPath);
                if (readOnly) File.SetAttributes(fullPath, File.GetAttributes(fullPath) | FileAttributes.ReadOnly);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                if (File.Exists(temporary)) File.Delete(temporary);
                throw EngineErrors.ReportFileUnwritable(fullPath, e.Message, e);
            }

            return new FileInfo(fullPath);
        }
    }
}
