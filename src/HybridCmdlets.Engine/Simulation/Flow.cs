using System;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>A transfer of a known number of bytes over a shared link, at a rate that changes as others come and go.</summary>
    public sealed class Flow
    {
        internal Flow(SharedLink link, long id, double bytes, double cap, Action<Flow> completed)
        {
            Link = link;
            Id = id;
            Bytes = bytes;
            Cap = cap;
            Completed = completed;
            Started = link.Clock.Now;
        }

        public SharedLink Link { get; }

        public double Bytes { get; }

        /// <summary>Bytes still to send, as of the link's virtual now.</summary>
        public double Remaining => Link.RemainingOf(this);

        /// <summary>The most this flow may take, in bytes per second (streams, per-migration limits, a rate limit).</summary>
        public double Cap { get; }

        /// <summary>Its current max-min fair share of the link, in bytes per second.</summary>
        public double Rate => Link.RateOf(this);

        public double Started { get; }

        public double Finished { get; internal set; } = double.NaN;

        public bool IsActive => double.IsNaN(Finished);

        internal long Id { get; }

        internal Action<Flow> Completed { get; }

        /// <summary>True while the flow runs at its cap; otherwise it runs at the link's equal share.</summary>
        internal bool IsCapped { get; set; }

        /// <summary>A capped flow: when it will finish at its cap, on the virtual clock.</summary>
        internal double FinishTime { get; set; }

        /// <summary>An uncapped flow: the link's per-flow service count at which it will have sent everything.</summary>
        internal double FinishTag { get; set; }

        /// <summary>Its place in the link's heap of capped or of uncapped flows.</summary>
        internal int HeapIndex { get; set; } = -1;
    }
}
