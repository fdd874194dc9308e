using System;
using System.IO;
using HybridCmdlets.Engine.Errors;

namespace HybridCmdlets.Engine.Files
{
    /// <summary>
    /// The one check made before a file is opened to read or is written over: only a regular file (or, to write, no
    /// file yet) will do. A folder, a named pipe (which would block the open until a writer comes), a device (/dev/zero
    /// never ends) or a socket is refused at once, without being opened. Symbolic links are followed.
    /// </summary>
    public static class RegularFile
    {
        /// <summary>
        /// The full path of <paramref name="path"/>, once <see cref="Require"/> has passed it; <paramref name="what"/>
        /// names the file in errors ("lab file").
        /// </summary>
        public static string FullPath(string path, string what)
        {
            string fullPath;
            try
            {
                fullPath = Path.GetFullPath(RefuseNul(path));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw EngineErrors.PathInvalid(path, e.Message);
            }

            Require(fullPath, what);
            return fullPath;
        }

        /// <summary>
        /// Throws PathNotFile when <paramref name="path"/> names a folder, a pipe, a device or a socket, and PathInvalid
        /// when no file can have it. A missing file passes: whether that is an error is the caller's to say.
        /// </summary>
        public static void Require(string path, string what)
        {
            var kind = KindOf(RefuseNul(path));
            if (kind != FileKind.Regular && kind != FileKind.Missing) throw EngineErrors.PathNotFile(path, what, kind);
        }

        /// <summary>What <paramref name="path"/> names. Where the OS cannot say (statx is Linux's), a folder is still told apart, and anything else is taken for a regular file.</summary>
        public static FileKind KindOf(string path)
        {
            var kind = LinuxFileKind.Of(path);
            if (kind.HasValue) return kind.Value;
            if (Directory.Exists(path)) return FileKind.Directory;
            return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        /// <summary>
        /// The bytes of a file <see cref="Require"/> has passed, or null when it holds more than <paramref name="maxBytes"/>:
        /// the size is checked before reading, and the read stops there too, as a file may grow, or not tell its size (/proc's).
        /// </summary>
        public static byte[]? ReadAtMost(string path, int maxBytes)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream.Length > maxBytes) return null;
            var content = new MemoryStream(checked((int)stream.Length));
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (content.Length + read > maxBytes) return null;
                content.Write(buffer, 0, read);
            }

            return content.Length == content.Capacity ? content.GetBuffer() : content.ToArray();
        }

        /// <summary>A NUL ends a path for the OS, which would then name another file than the one given.</summary>
        private static string RefuseNul(string path) =>
            path.IndexOf('\0') >= 0 ? throw EngineErrors.PathInvalid(path, "it holds a NUL character.") : path;
    }
}
