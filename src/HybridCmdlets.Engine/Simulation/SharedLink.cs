using System;
using System.Collections.Generic;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>
    /// A network link's capacity shared max-min fairly among the flows crossing it: each gets an equal share,
    /// except that a flow capped below that share keeps only its cap and leaves the rest to the others. Rates change
    /// whenever a flow starts or ends, so a transfer speeds up or slows down as others come and go.
    ///
    /// To keep a start or an end cheap with hundreds of flows on one link, the flows running at the equal share are
    /// tracked by how much service each has received (all of them receive the same), so each carries a finish tag
    /// in that count (as in fair-queueing schedulers); the flows held to their caps carry a finish time. Only the
    /// boundary between the two groups moves when the share changes.
    /// </summary>
    public sealed class SharedLink
    {
        private const double Epsilon = 1e-6;

        /// <summary>All active flows in order of cap (equal caps in order of start): the capped ones come first.</summary>
        private readonly List<Flow> byCap = new List<Flow>();
        private readonly FlowHeap freeByTag = new FlowHeap(byFinishTime: false);
        private readonly FlowHeap cappedByTime = new FlowHeap(byFinishTime: true);
        /// <summary>The flows a completion event ends; kept to spare an allocation per event.</summary>
        private readonly List<Flow> done = new List<Flow>();
        private double capacity;
        private int cappedCount;
        private double cappedRate;
        private double share;
        /// <summary>Bytes each uncapped flow has received since the link was made, as of <see cref="serviceTime"/>.</summary>
        private double service;
        private double serviceTime;
        private long nextId;
        /// <summary>The next completion on the clock, moved (not added again) whenever the rates change.</summary>
        private readonly EventQueue.Timer completion;

        public SharedLink(EventQueue clock, double capacityBytesPerSecond)
        {
            Clock = clock;
            capacity = capacityBytesPerSecond;
            serviceTime = clock.Now;
            completion = new EventQueue.Timer(Complete);
        }

        public EventQueue Clock { get; }

        public double Capacity
        {
            get => capacity;
            set
            {
                AdvanceService();
                capacity = value;
                Rebalance();
            }
        }

        public int ActiveFlows => byCap.Count;

        /// <summary>Bytes sent over the link by flows that have ended (a cancelled flow counts what it sent).</summary>
        public double BytesSent { get; private set; }

        public Flow Start(double bytes, double capBytesPerSecond, Action<Flow> completed)
        {
            AdvanceService();
            var flow = new Flow(this, nextId++, Math.Max(0, bytes), capBytesPerSecond, completed);
            var at = InsertionPoint(capBytesPerSecond);
            byCap.Insert(at, flow);
            if (at < cappedCount)
            {
                // Lower than a flow already held to its cap: it is held to its own.
                MakeCapped(flow, flow.Bytes);
                cappedCount++;
            }
            else
            {
                MakeFree(flow, flow.Bytes);
            }

            Rebalance();
            return flow;
        }

        /// <summary>Stops a flow early (a cancelled migration); its completion callback is not called.</summary>
        public void Cancel(Flow flow)
        {
            if (!flow.IsActive || flow.Link != this) return;
            AdvanceService();
            BytesSent += flow.Bytes - RemainingOf(flow);
            Remove(flow);
            flow.Finished = Clock.Now;
            Rebalance();
        }

        internal double RemainingOf(Flow flow)
        {
            if (!flow.IsActive) return 0;
            var remaining = flow.IsCapped
                ? (flow.FinishTime - Clock.Now) * flow.Cap
                : flow.FinishTag - (service + share * (Clock.Now - serviceTime));
            return Math.Max(0, remaining);
        }

        internal double RateOf(Flow flow) => !flow.IsActive ? 0 : flow.IsCapped ? flow.Cap : share;

        private void AdvanceService()
        {
            service += share * (Clock.Now - serviceTime);
            serviceTime = Clock.Now;
        }

        private void MakeCapped(Flow flow, double remaining)
        {
            flow.IsCapped = true;
            flow.FinishTime = Clock.Now + (flow.Cap > 0 ? remaining / flow.Cap : double.PositiveInfinity);
            cappedByTime.Add(flow);
            cappedRate += flow.Cap;
        }

        private void MakeFree(Flow flow, double remaining)
        {
            flow.IsCapped = false;
            flow.FinishTag = service + remaining;
            freeByTag.Add(flow);
        }

        private void Remove(Flow flow)
        {
            byCap.RemoveAt(IndexOf(flow));
            if (flow.IsCapped)
            {
                cappedByTime.Remove(flow);
                cappedRate -= flow.Cap;
                cappedCount--;
            }
            else
            {
                freeByTag.Remove(flow);
            }
        }

        /// <summary>
        /// Water-filling from where the boundary was: flows whose cap is under the equal share of what the capped
        /// ones leave are held to their caps, the others share the rest equally. Then the next completion is scheduled.
        /// </summary>
        private void Rebalance()
        {
            while (true)
            {
                var free = byCap.Count - cappedCount;
                var equal = free > 0 ? Math.Max(0, capacity - cappedRate) / free : double.PositiveInfinity;
                if (cappedCount < byCap.Count && byCap[cappedCount].Cap < equal)
                {
                    var flow = byCap[cappedCount];
                    var remaining = RemainingAtShare(flow);
                    freeByTag.Remove(flow);
                    MakeCapped(flow, remaining);
                    cappedCount++;
                    continue;
                }

                if (cappedCount > 0 && byCap[cappedCount - 1].Cap >= equal && free > 0 || cappedCount > 0 && cappedRate > capacity)
                {
                    var flow = byCap[cappedCount - 1];
                    var remaining = (flow.FinishTime - Clock.Now) * flow.Cap;
                    cappedByTime.Remove(flow);
                    cappedRate -= flow.Cap;
                    cappedCount--;
                    MakeFree(flow, Math.Max(0, remaining));
                    continue;
                }

                share = free > 0 ? equal : 0;
                break;
            }

            if (cappedCount == 0) cappedRate = 0;
            ScheduleNextCompletion();
        }

        private double RemainingAtShare(Flow flow) => Math.Max(0, flow.FinishTag - service);

        private void ScheduleNextCompletion()
        {
            var next = double.PositiveInfinity;
            if (cappedByTime.Count > 0) next = cappedByTime.Min.FinishTime - Clock.Now;
            if (freeByTag.Count > 0 && share > 0) next = Math.Min(next, (freeByTag.Min.FinishTag - service) / share);
            if (double.IsInfinity(next)) Clock.Unschedule(completion);
            else Clock.Schedule(completion, Clock.Now + Math.Max(0, next));
        }

        private void Complete()
        {
            AdvanceService();
            // Done when nothing is left, or when what is left would finish within the clock's own resolution.
            var resolution = 1e-9 * Math.Max(1, Clock.Now);
            done.Clear();
            while (cappedByTime.Count > 0 && cappedByTime.Min.FinishTime - Clock.Now <= resolution) done.Add(Pop(cappedByTime.Min));
            while (freeByTag.Count > 0)
            {
                var left = freeByTag.Min.FinishTag - service;
                if (left > Epsilon * Math.Max(1, freeByTag.Min.Bytes) && (share <= 0 || left / share > resolution)) break;
                done.Add(Pop(freeByTag.Min));
            }

            foreach (var flow in done)
            {
                BytesSent += flow.Bytes;
                flow.Finished = Clock.Now;
            }

            Rebalance();
            // Callbacks start and cancel flows, but never run a completion: only the clock does, one event at a time.
            foreach (var flow in done) flow.Completed(flow);
            done.Clear();
        }

        private Flow Pop(Flow flow)
        {
            Remove(flow);
            return flow;
        }

        /// <summary>
        /// The flow's place in <see cref="byCap"/>, which is ordered by cap and then by start (so by id): a binary
        /// search instead of a walk over hundreds of flows at every end.
        /// </summary>
        private int IndexOf(Flow flow)
        {
            int low = 0, high = byCap.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                var other = byCap[middle];
                if (other.Cap < flow.Cap || (other.Cap == flow.Cap && other.Id < flow.Id)) low = middle + 1;
                else high = middle;
            }

            // Not there only if a cap is NaN, which orders nothing: then look at every flow.
            return low < byCap.Count && byCap[low] == flow ? low : byCap.IndexOf(flow);
        }

        /// <summary>After every flow with a cap no higher: equal caps keep the order they started in.</summary>
        private int InsertionPoint(double cap)
        {
            int low = 0, high = byCap.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (byCap[middle].Cap <= cap) low = middle + 1;
                else high = middle;
            }

            return low;
        }

        /// <summary>
        /// Flows by finish time (capped) or finish tag (uncapped), ties by id: a binary heap that knows where each flow
        /// is, so a flow that ends early or changes group leaves it in O(log n) without allocating.
        /// </summary>
        private sealed class FlowHeap
        {
            private readonly bool byFinishTime;
            private readonly List<Flow> items = new List<Flow>();

            public FlowHeap(bool byFinishTime)
            {
                this.byFinishTime = byFinishTime;
            }

            public int Count => items.Count;

            public Flow Min => items[0];

            public void Add(Flow flow)
            {
                items.Add(flow);
                Up(items.Count - 1, flow);
            }

            public void Remove(Flow flow)
            {
                var at = flow.HeapIndex;
                var last = items[items.Count - 1];
                items.RemoveAt(items.Count - 1);
                flow.HeapIndex = -1;
                if (last == flow) return;
                if (at > 0 && Before(last, items[(at - 1) / 2])) Up(at, last);
                else Down(at, last);
            }

            private void Up(int at, Flow flow)
            {
                while (at > 0)
                {
                    var parent = (at - 1) / 2;
                    if (!Before(flow, items[parent])) break;
                    Place(at, items[parent]);
                    at = parent;
                }

                Place(at, flow);
            }

            private void Down(int at, Flow flow)
            {
                while (true)
                {
                    var left = 2 * at + 1;
                    if (left >= items.Count) break;
                    var smallest = left + 1 < items.Count && Before(items[left + 1], items[left]) ? left + 1 : left;
                    if (!Before(items[smallest], flow)) break;
                    Place(at, items[smallest]);
                    at = smallest;
                }

                Place(at, flow);
            }

            private void Place(int at, Flow flow)
            {
                items[at] = flow;
                flow.HeapIndex = at;
            }

            /// <summary>The order the sorted sets had: CompareTo on the key (NaN first), then the id.</summary>
            private bool Before(Flow a, Flow b)
            {
                var order = byFinishTime ? a.FinishTime.CompareTo(b.FinishTime) : a.FinishTag.CompareTo(b.FinishTag);
                return order < 0 || (order == 0 && a.Id < b.Id);
            }
        }
    }
}
