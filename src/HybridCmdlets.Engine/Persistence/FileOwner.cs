using System;
using System.Runtime.InteropServices;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// A file's owner and group, given to the file that replaces it. .NET has no call to read or change them, so on
    /// Linux (glibc) this asks the C library: statx, whose layout is the same on every architecture, and chown. The
    /// owner is changed only where the process may (root); a group the user belongs to, by anyone. Elsewhere, or when
    /// the library is not there, the new file keeps the owner the system gave it: the process's.
    /// </summary>
    internal static class FileOwner
    {
        private const int CurrentFolder = -100;
        private const uint UidAndGid = 0x8 | 0x10;
        private const int UidOffset = 20;
        private const int GidOffset = 24;
        private const uint Unchanged = uint.MaxValue;

        /// <summary>Gives <paramref name="replacement"/> the owner and group of <paramref name="original"/>, as far as the process may.</summary>
        public static void Copy(string original, string replacement)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
            try
            {
                if (!TryRead(original, out var uid, out var gid) || !TryRead(replacement, out var newUid, out var newGid)) return;
                if (uid == newUid && gid == newGid) return;
                // Not root: the owner cannot change, the group may (to one of the user's own).
                if (Chown(Native(replacement), uid, gid) != 0 && gid != newGid) Chown(Native(replacement), Unchanged, gid);
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                // Not glibc (musl, say): nothing to ask.
            }
        }

        private static bool TryRead(string path, out uint uid, out uint gid)
        {
            var buffer = new byte[256];
            uid = gid = 0;
            if (StatX(CurrentFolder, Native(path), 0, UidAndGid, buffer) != 0) return false;
            uid = BitConverter.ToUInt32(buffer, UidOffset);
            gid = BitConverter.ToUInt32(buffer, GidOffset);
            return true;
        }

        /// <summary>A path as the C library takes it: UTF-8, ending in a zero byte.</summary>
        private static byte[] Native(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

        [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
        private static extern int StatX(int folder, byte[] path, int flags, uint mask, byte[] buffer);

        [DllImport("libc.so.6", EntryPoint = "chown", SetLastError = true)]
        private static extern int Chown(byte[] path, uint owner, uint group);
    }
}
