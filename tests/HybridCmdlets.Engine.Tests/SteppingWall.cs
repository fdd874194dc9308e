using System;
using System.Threading;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// A wall clock on which a second passes at every look, as on a very slow machine: a wait then reports progress
    /// after every event, so that tests see every phase (and can press Ctrl+C in any of them) deterministically.
    /// </summary>
    internal sealed class SteppingWall : IWallClock
    {
        private DateTime now = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public DateTime UtcNow => now = now.AddSeconds(1);

        public void Sleep(TimeSpan duration, CancellationToken cancellation) => now += duration;
    }
}
