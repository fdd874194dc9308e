using System;
using System.IO;
using System.Reflection;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// The file system calls of .NET 6 and later that a save needs: Unix permissions, a file created with them, and the
    /// final target of a symbolic link. The engine targets netstandard2.0, so that Windows PowerShell loads it too; these
    /// are reached by reflection where the runtime has them (PowerShell 7), and skipped where it has not (.NET
    /// Framework, which runs only on Windows, where files have no Unix permissions). No native call is made.
    /// </summary>
    internal static class PlatformFiles
    {
        /// <summary>Who alone may read and write a new lab file (0600): it may hold users' password hashes, now or after any later change.</summary>
        public const int OwnerOnlyMode = 0x180;

        private static readonly Type? UnixFileModeType = Type.GetType("System.IO.UnixFileMode");
        private static readonly Type? OptionsType = Type.GetType("System.IO.FileStreamOptions");
        private static readonly MethodInfo? GetMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
        private static readonly MethodInfo? SetMode = UnixFileModeType == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), UnixFileModeType });
        private static readonly MethodInfo? ResolveLink = typeof(File).GetMethod("ResolveLinkTarget", new[] { typeof(string), typeof(bool) });

        private static bool HasUnixModes => Path.DirectorySeparatorChar == '/' && GetMode != null && SetMode != null && OptionsType != null;

        /// <summary>The file's permission bits (as 0644 is), or null where files have none.</summary>
        public static int? ModeOf(string path) => HasUnixModes ? Convert.ToInt32(Call(GetMode!, path), System.Globalization.CultureInfo.InvariantCulture) : (int?)null;

        public static void SetModeOf(string path, int mode)
        {
            if (HasUnixModes) Call(SetMode!, path, Enum.ToObject(UnixFileModeType!, mode));
        }

        /// <summary>A new file, opened for writing and locked (FileShare.None), created with <paramref name="mode"/> where files have modes.</summary>
        public static FileStream CreateNew(string path, int mode, int bufferSize)
        {
            if (!HasUnixModes) return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);

            // Created with its mode, not changed after: a reader who opened it in between would keep reading it.
            var options = Activator.CreateInstance(OptionsType!)!;
            OptionsType!.GetProperty("Mode")!.SetValue(options, FileMode.CreateNew);
            OptionsType.GetProperty("Access")!.SetValue(options, FileAccess.Write);
            OptionsType.GetProperty("Share")!.SetValue(options, FileShare.None);
            OptionsType.GetProperty("BufferSize")!.SetValue(options, bufferSize);
            OptionsType.GetProperty("UnixCreateMode")!.SetValue(options, Enum.ToObject(UnixFileModeType!, mode));
            return (FileStream)Construct(typeof(FileStream).GetConstructor(new[] { typeof(string), OptionsType })!, path, options);
        }

        /// <summary>Where <paramref name="fullPath"/> leads past every symbolic link; itself when it is none (or links cannot be read here).</summary>
        public static string FinalTarget(string fullPath)
        {
            if (ResolveLink == null) return fullPath;
            try
            {
                return (Call(ResolveLink, fullPath, true) as FileSystemInfo)?.FullName ?? fullPath;
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                // Nothing there yet: a new file, written where it was asked for.
                return fullPath;
            }
        }

        /// <summary>Calls a static method, throwing what it throws (an IOException, say) rather than a TargetInvocationException.</summary>
        private static object? Call(MethodInfo method, params object[] arguments)
        {
            try
            {
                return method.Invoke(null, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        private static object Construct(ConstructorInfo constructor, params object[] arguments)
        {
            try
            {
                return constructor.Invoke(arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }
    }
}
