using System;
using System.Collections.Generic;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>
    /// A network link's capacity shared max-min fairly among the flows crossing it: each gets an equal share,
    /// except that a flow capped below that share keeps only its cap and leaves the rest to the others. Rates are
    /// recomputed whenever a flow starts or ends, so a transfer speeds up or slows down as others come and go.
    /// </summary>
    public sealed class SharedLink
    {
        private const double Epsilon = 1e-6;

        /// <summary>Active flows, kept in order of their caps so that sharing is one pass.</summary>
        private readonly List<Flow> flows = new List<Flow>();
        private double capacity;
        private double lastAdvance;
        private long version;

        public SharedLink(EventQueue clock, double capacityBytesPerSecond)
        {
            Clock = clock;
            capacity = capacityBytesPerSecond;
            lastAdvance = clock.Now;
        }

        public EventQueue Clock { get; }

        public double Capacity
        {
            get => capacity;
            set
            {
                Advance();
                capacity = value;
                Reshare();
            }
        }

        public int ActiveFlows => flows.Count;

        /// <summary>Bytes sent over the link so far by every flow.</summary>
        public double BytesSent { get; private set; }

        public Flow Start(double bytes, double capBytesPerSecond, Action<Flow> completed)
        {
            Advance();
            var flow = new Flow(this, Math.Max(0, bytes), capBytesPerSecond, completed);
            flows.Insert(InsertionPoint(capBytesPerSecond), flow);
            Reshare();
            return flow;
        }

        /// <summary>Stops a flow early (a cancelled migration); its completion callback is not called.</summary>
        public void Cancel(Flow flow)
        {
            if (!flows.Contains(flow)) return;
            Advance();
            flows.Remove(flow);
            flow.Finished = Clock.Now;
            Reshare();
        }

        /// <summary>Brings every flow's remaining bytes up to the current virtual time at its current rate.</summary>
        private void Advance()
        {
            var elapsed = Clock.Now - lastAdvance;
            lastAdvance = Clock.Now;
            if (elapsed <= 0) return;
            foreach (var flow in flows)
            {
                var sent = Math.Min(flow.Remaining, flow.Rate * elapsed);
                flow.Remaining -= sent;
                BytesSent += sent;
            }
        }

        /// <summary>Water-filling: serve the most constrained flows first, split what is left equally among the rest.</summary>
        private void Reshare()
        {
            var left = capacity;
            for (var i = 0; i < flows.Count; i++)
            {
                var rate = Math.Min(flows[i].Cap, left / (flows.Count - i));
                flows[i].Rate = rate;
                left -= rate;
            }

            ScheduleNextCompletion();
        }

        /// <summary>After every flow with a cap no higher: equal caps keep the order they started in.</summary>
        private int InsertionPoint(double cap)
        {
            int low = 0, high = flows.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (flows[middle].Cap <= cap) low = middle + 1;
                else high = middle;
            }

            return low;
        }

        private void ScheduleNextCompletion()
        {
            var mine = ++version;
            var next = double.PositiveInfinity;
            foreach (var flow in flows)
            {
                if (flow.Rate <= 0) continue;
                next = Math.Min(next, flow.Remaining / flow.Rate);
            }

            if (double.IsInfinity(next)) return;
            Clock.After(next, () =>
            {
                if (mine != version) return;
                Complete();
            });
        }

        private void Complete()
        {
            Advance();
            // Done when nothing is left, or when what is left would finish within the clock's own resolution.
            var resolution = 1e-9 * Math.Max(1, Clock.Now);
            var done = flows.FindAll(f => f.Remaining <= Epsilon * Math.Max(1, f.Bytes) || (f.Rate > 0 && f.Remaining / f.Rate <= resolution));
            foreach (var flow in done)
            {
                flows.Remove(flow);
                BytesSent += flow.Remaining;
                flow.Remaining = 0;
                flow.Finished = Clock.Now;
            }

            Reshare();
            foreach (var flow in done) flow.Completed(flow);
        }
    }
}
