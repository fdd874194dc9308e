using System;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// What the migration's TCP streams can carry over a path, whatever the link's capacity: each stream is
    /// limited by its window over the round trip, and under loss by Mathis et al. (1997): MSS/RTT x C/sqrt(p).
    /// </summary>
    public static class TransportLimits
    {
        public const double SegmentBytes = 1460;
        private const double MathisConstant = 1.22;

        /// <summary>Bytes per second that <paramref name="streams"/> streams sustain at this RTT and loss.</summary>
        public static double StreamsBytesPerSecond(int streams, double windowBytes, double rttMs, double lossPercent)
        {
            var rtt = Math.Max(rttMs, 0.05) / 1000.0;
            var perStream = windowBytes / rtt;
            if (lossPercent > 0)
            {
                perStream = Math.Min(perStream, SegmentBytes / rtt * MathisConstant / Math.Sqrt(lossPercent / 100.0));
            }

            return streams * perStream;
        }
    }
}
