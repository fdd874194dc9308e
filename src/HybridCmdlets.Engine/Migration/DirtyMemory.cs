using System;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// How many distinct bytes a guest dirties in a while: near rate x time at first, then saturating at its
    /// writable working set, since rewriting a hot page again does not add a page to send (Clark et al. 2005).
    /// </summary>
    public static class DirtyMemory
    {
        /// <summary>W (1 - e^(-D t / W)): D the dirty rate in bytes/s, W the writable working set in bytes.</summary>
        public static double UniqueBytes(double seconds, double dirtyBytesPerSecond, double workingSetBytes)
        {
            if (seconds <= 0 || dirtyBytesPerSecond <= 0 || workingSetBytes <= 0) return 0;
            return workingSetBytes * (1 - Math.Exp(-dirtyBytesPerSecond * seconds / workingSetBytes));
        }
    }
}
