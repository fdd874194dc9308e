using System;
using System.IO;
using System.Security.Cryptography;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// What a lab file held when a session last read or wrote it: its final path (past any symbolic link), length,
    /// last write time and the SHA-256 of its bytes. A save over the file first asks whether it still holds that,
    /// so that two sessions on one file do not silently drop each other's changes.
    /// </summary>
    public sealed class LabFileStamp
    {
        internal LabFileStamp(string path, long length, DateTime lastWriteTimeUtc, byte[] sha256)
        {
            Path = path;
            Length = length;
            LastWriteTimeUtc = lastWriteTimeUtc;
            Sha256 = sha256;
        }

        /// <summary>The file's full path, symbolic links resolved.</summary>
        public string Path { get; }

        public long Length { get; }

        public DateTime LastWriteTimeUtc { get; }

        internal byte[] Sha256 { get; }

        /// <summary>
        /// True when the file no longer holds what was stamped. Length and time unchanged are taken as unchanged (no
        /// need to read a large lab again at every AutoSave); otherwise the content decides, so that a file merely
        /// touched, or rewritten with the same bytes, is not a change. A file since deleted is not a change: there
        /// is nothing in it to lose.
        /// </summary>
        internal bool IsChanged()
        {
            var file = new FileInfo(Path);
            if (!file.Exists) return false;
            if (file.Length == Length && file.LastWriteTimeUtc == LastWriteTimeUtc) return false;
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            using var sha256 = SHA256.Create();
            return !System.Linq.Enumerable.SequenceEqual(sha256.ComputeHash(stream), Sha256);
        }
    }
}
