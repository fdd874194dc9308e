using System;
using System.Runtime.InteropServices;
using System.Text;

namespace HybridCmdlets.Engine.Files
{
    /// <summary>
    /// The file type Linux reports for a path, through libc's statx: .NET has no public API for it on Unix (it calls a
    /// FIFO or a character device a Normal file), and statx looks at the entry without opening it, so a pipe cannot block.
    /// </summary>
    internal static class LinuxFileKind
    {
        // From linux/fcntl.h and linux/stat.h (uapi).
        private const int AtCurrentDirectory = -100;   // AT_FDCWD: a relative path is relative to the working folder
        private const uint StatxType = 0x1;            // STATX_TYPE: the S_IFMT bits of stx_mode
        private const uint StatxMode = 0x2;            // STATX_MODE
        // struct statx is 256 bytes with the same layout on every Linux architecture: __u32 stx_mask, __u32 stx_blksize,
        // __u64 stx_attributes, __u32 stx_nlink, __u32 stx_uid, __u32 stx_gid, then __u16 stx_mode at offset 28.
        private const int StatxSize = 256;
        private const int ModeOffset = 28;
        private const int TypeMask = 0xF000;           // S_IFMT

        private const int NoSuchEntry = 2;             // ENOENT
        private const int NotADirectory = 20;          // ENOTDIR: a part of the path is a file, so the path names nothing

        private static bool unavailable = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);

        /// <summary>The kind of file at <paramref name="path"/> (following symbolic links), or null where statx cannot tell: another OS, an old libc or kernel, a sandbox that forbids the call, no permission.</summary>
        public static FileKind? Of(string path)
        {
            if (unavailable) return null;
            var buffer = new byte[StatxSize];
            int result;
            try
            {
                result = Statx(AtCurrentDirectory, NulTerminatedUtf8(path), 0, StatxType | StatxMode, buffer);
            }
            catch (Exception e) when (e is EntryPointNotFoundException || e is DllNotFoundException)
            {
                // glibc before 2.28 has no statx, and a libc we cannot load has none either: ask the managed API.
                unavailable = true;
                return null;
            }

            if (result != 0)
            {
                var errno = Marshal.GetLastWin32Error();
                return errno == NoSuchEntry || errno == NotADirectory ? FileKind.Missing : (FileKind?)null;
            }

            return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
            {
                0x8000 => FileKind.Regular,          // S_IFREG
                0x4000 => FileKind.Directory,        // S_IFDIR
                0x1000 => FileKind.NamedPipe,        // S_IFIFO
                0x2000 => FileKind.CharacterDevice,  // S_IFCHR
                0x6000 => FileKind.BlockDevice,      // S_IFBLK
                0xC000 => FileKind.Socket,           // S_IFSOCK
                _ => null,
            };
        }

        private static byte[] NulTerminatedUtf8(string path)
        {
            var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
            Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
            return bytes;
        }
    }
}
