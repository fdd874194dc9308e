using System;
using System.Threading;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>Real time, for playing the virtual timeline back at a chosen speed; tests substitute their own.</summary>
    public interface IWallClock
    {
        DateTime UtcNow { get; }

        /// <summary>Waits up to <paramref name="duration"/>; returns early when <paramref name="cancellation"/> fires.</summary>
        void Sleep(TimeSpan duration, CancellationToken cancellation);
    }

    public sealed class SystemWallClock : IWallClock
    {
        public static readonly SystemWallClock Instance = new SystemWallClock();

        public DateTime UtcNow => DateTime.UtcNow;

        public void Sleep(TimeSpan duration, CancellationToken cancellation)
        {
            if (duration > TimeSpan.Zero) cancellation.WaitHandle.WaitOne(duration);
        }
    }
}
