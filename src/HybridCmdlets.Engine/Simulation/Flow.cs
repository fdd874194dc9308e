using System;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>A transfer of a known number of bytes over a shared link, at a rate that changes as others come and go.</summary>
    public sealed class Flow
    {
        internal Flow(SharedLink link, double bytes, double cap, Action<Flow> completed)
        {
            Link = link;
            Bytes = bytes;
            Remaining = bytes;
            Cap = cap;
            Completed = completed;
            Started = link.Clock.Now;
        }

        public SharedLink Link { get; }

        public double Bytes { get; }

        public double Remaining { get; internal set; }

        /// <summary>The most this flow may take, in bytes per second (streams, per-migration limits, a rate limit).</summary>
        public double Cap { get; }

        /// <summary>Its current max-min fair share of the link, in bytes per second.</summary>
        public double Rate { get; internal set; }

        public double Started { get; }

        public double Finished { get; internal set; } = double.NaN;

        public bool IsActive => double.IsNaN(Finished);

        internal Action<Flow> Completed { get; }
    }
}
