using System;
using System.Collections.Generic;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>
    /// A transfer of a known number of bytes over a shared link, and over the hosts' ports it crosses on either side,
    /// at a rate that changes as others come and go.
    /// </summary>
    public sealed class Flow
    {
        internal static readonly SharedPort[] NoPorts = new SharedPort[0];

        internal Flow(SharedLink link, long id, double bytes, double cap, Action<Flow> completed, SharedPort[] ports)
        {
            Link = link;
            Id = id;
            Bytes = bytes;
            Cap = cap;
            LinkCap = cap;
            Completed = completed;
            Started = link.Clock.Now;
            PortsCrossed = ports;
            MostAsked = Math.Min(cap, link.Capacity);
        }

        public SharedLink Link { get; }

        /// <summary>The hosts' network ports the flow crosses besides the link (a vMotion's source and destination vmknics).</summary>
        public IReadOnlyList<SharedPort> Ports => PortsCrossed;

        public double Bytes { get; }

        /// <summary>Bytes still to send, as of the link's virtual now.</summary>
        public double Remaining => Link.RemainingOf(this);

        /// <summary>The most this flow may take, in bytes per second (streams, per-migration limits, a rate limit).</summary>
        public double Cap { get; }

        /// <summary>Its current max-min fair share of everything it crosses, in bytes per second.</summary>
        public double Rate => Link.RateOf(this);

        public double Started { get; }

        public double Finished { get; internal set; } = double.NaN;

        public bool IsActive => double.IsNaN(Finished);

        internal long Id { get; }

        internal Action<Flow> Completed { get; }

        internal SharedPort[] PortsCrossed { get; }

        /// <summary>The most it could take at a port: its cap, or its link's capacity when that is less.</summary>
        internal double MostAsked { get; set; }

        /// <summary>
        /// The most the link lets it take: its own cap, or less when a port it crosses holds it lower (the share the
        /// max-min solution over every resource it crosses gives it there).
        /// </summary>
        internal double LinkCap { get; set; }

        /// <summary>True while the flow runs at its link cap; otherwise it runs at the link's equal share.</summary>
        internal bool IsCapped { get; set; }

        /// <summary>A capped flow: when it will finish at its cap, on the virtual clock.</summary>
        internal double FinishTime { get; set; }

        /// <summary>A capped flow: what it had left when it was last held to its cap, and when.</summary>
        internal double CappedRemaining { get; set; }

        internal double CappedSince { get; set; }

        /// <summary>An uncapped flow: the link's per-flow service count at which it will have sent everything.</summary>
        internal double FinishTag { get; set; }

        /// <summary>Its place in the link's heap of capped or of uncapped flows.</summary>
        internal int HeapIndex { get; set; } = -1;

        // The max-min solver's working state (MaxMinFairness): which solution visited it, and its rate there.
        internal int Visit { get; set; }

        internal bool Frozen { get; set; }

        internal double SolvedRate { get; set; }

        /// <summary>In the last solution its own link was its bottleneck: the link shares to it as to any other flow.</summary>
        internal bool BoundByLink { get; set; }
    }
}
