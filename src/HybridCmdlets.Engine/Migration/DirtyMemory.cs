using System;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// How much distinct memory a guest dirties while a pre-copy round runs (MODEL.md): a hot set H that the guest
    /// rewrites continually, so that every round finds it dirty again (rounds plateau at it, and it is what is left
    /// at the switchover), inside a writable working set W whose other pages are dirtied at D bytes/s and saturate
    /// slowly, since rewriting a page already dirty adds nothing to send (Clark et al. 2005, section 4).
    /// <code>U(t) = H·r + (W − H)·(1 − e^(−D·r·t / (W − H)))</code>
    /// with r the share of the time the vCPUs run (1 − the throttle): a throttled guest rewrites its hot set and
    /// dirties new pages in proportion to the time it runs (an assumption: a page rewritten more often than the
    /// throttle's time slice would stay dirty however slowed).
    /// </summary>
    public readonly struct DirtyMemory
    {
        public DirtyMemory(double dirtyBytesPerSecond, double hotSetBytes, double workingSetBytes)
        {
            WorkingSetBytes = Math.Max(0, workingSetBytes);
            HotSetBytes = Math.Min(Math.Max(0, hotSetBytes), WorkingSetBytes);
            DirtyBytesPerSecond = Math.Max(0, dirtyBytesPerSecond);
        }

        /// <summary>D: the rate at which the guest dirties pages of its working set outside the hot set.</summary>
        public double DirtyBytesPerSecond { get; }

        /// <summary>H: rewritten continually; dirty again after every round.</summary>
        public double HotSetBytes { get; }

        /// <summary>W: every page the guest writes over a long while (the hot set included).</summary>
        public double WorkingSetBytes { get; }

        /// <summary>The part of the working set outside the hot set, which saturates slowly.</summary>
        public double WiderBytes => WorkingSetBytes - HotSetBytes;

        /// <summary>Distinct bytes dirty after <paramref name="seconds"/> with the vCPUs running <paramref name="running"/> of the time.</summary>
        public double UniqueBytes(double seconds, double running = 1) => HotDirtied(running) + WiderDirtied(seconds, running);

        /// <summary>The hot set's pages dirty at the end of any round.</summary>
        public double HotDirtied(double running = 1) => HotSetBytes * Clamp(running);

        /// <summary>Pages of the wider set dirtied within <paramref name="seconds"/>: near D·t at first, then saturating at W − H.</summary>
        public double WiderDirtied(double seconds, double running = 1)
        {
            var wider = WiderBytes;
            if (seconds <= 0 || wider <= 0 || DirtyBytesPerSecond <= 0) return 0;
            return wider * (1 - Math.Exp(-DirtyBytesPerSecond * Clamp(running) * seconds / wider));
        }

        /// <summary>
        /// Of pages of the wider set due in a round of <paramref name="seconds"/>, the share the guest dirties again
        /// before the round's scan reaches them, the scan moving through memory at an even pace: the mean over the
        /// round of 1 − e^(−D·s/(W − H)), which is 1 − (1 − e^(−a))/a with a = D·t/(W − H). Xen skips those pages.
        /// </summary>
        public double WiderRedirtiedShare(double seconds)
        {
            var wider = WiderBytes;
            if (seconds <= 0 || wider <= 0 || DirtyBytesPerSecond <= 0) return 0;
            var a = DirtyBytesPerSecond * seconds / wider;
            // For a tiny a the closed form loses its digits to cancellation; its series starts a/2 − a²/6.
            return a < 1e-6 ? a / 2 : 1 - (1 - Math.Exp(-a)) / a;
        }

        private static double Clamp(double running) => Math.Min(1, Math.Max(0, running));
    }
}
