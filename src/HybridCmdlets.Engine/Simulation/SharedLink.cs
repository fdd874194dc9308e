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
    ///
    /// A flow that also crosses hosts' ports (<see cref="SharedPort"/>) is held here to the rate the max-min solution
    /// over everything it crosses gives it (<see cref="MaxMinFairness"/>), solved again whenever something it shares
    /// with changes; flows that cross only the link keep the cheap path above.
    /// </summary>
    public sealed class SharedLink
    {
        private const double Epsilon = 1e-6;

        /// <summary>All active flows in order of link cap (equal caps in order of start): the capped ones come first.</summary>
        private readonly List<Flow> byCap = new List<Flow>();
        private readonly FlowHeap freeByTag = new FlowHeap(byFinishTime: false);
        private readonly FlowHeap cappedByTime = new FlowHeap(byFinishTime: true);
        /// <summary>The flows a completion event ends; kept to spare an allocation per event.</summary>
        private readonly List<Flow> done = new List<Flow>();
        /// <summary>The ports the flows a completion event ends crossed: where the solution must look again.</summary>
        private readonly List<SharedPort> freedPorts = new List<SharedPort>();
        private double capacity;
        private int cappedCount;
        private double cappedRate;
        private double share;
        /// <summary>Bytes each uncapped flow has received since the link was made, as of <see cref="serviceTime"/>.</summary>
        private double service;
        private double serviceTime;
        private long nextId;
        private long fairnessCheck;
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
                foreach (var flow in ThroughPorts)
                {
                    foreach (var port in flow.PortsCrossed) port.AskAgain(flow, value);
                }

                if (!StillFair(null)) MaxMinFairness.Solve(this, null);
            }
        }

        public int ActiveFlows => byCap.Count;

        /// <summary>The active flows that also cross ports, in order of start.</summary>
        internal List<Flow> ThroughPorts { get; } = new List<Flow>();

        /// <summary>
        /// The max-min solver's working state: which solution visited the link, what its flows not yet fixed may still
        /// share, how many of the flows through ports are among them, the level at which they would fill it, and the
        /// caps of the flows that cross only the link, ascending, with their running sums.
        /// </summary>
        internal int Visit { get; set; }

        internal double Left { get; set; }

        internal int Unfrozen { get; set; }

        internal double Level { get; set; }

        private double[] simpleCaps = new double[8];
        private double[] simpleSums = new double[9];
        private int simpleCount;

        /// <summary>Bytes sent over the link by flows that have ended (a cancelled flow counts what it sent).</summary>
        public double BytesSent { get; private set; }

        /// <summary>
        /// Starts a flow of <paramref name="bytes"/> at most <paramref name="capBytesPerSecond"/>; it also crosses
        /// <paramref name="ports"/> (none: the link alone), sharing each max-min fairly.
        /// </summary>
        public Flow Start(double bytes, double capBytesPerSecond, Action<Flow> completed, SharedPort[]? ports = null)
        {
            AdvanceService();
            var flow = new Flow(this, nextId++, Math.Max(0, bytes), capBytesPerSecond, completed, ports ?? Flow.NoPorts);
            Place(flow, flow.Bytes);
            Rebalance();
            if (flow.PortsCrossed.Length > 0)
            {
                ThroughPorts.Add(flow);
                foreach (var port in flow.PortsCrossed) port.Join(flow);
            }

            if (!StillFair(null)) MaxMinFairness.Solve(this, null);
            return flow;
        }

        /// <summary>
        /// After a change on this link (a flow started or ended, the capacity changed; <paramref name="freed"/>: the
        /// ports an ended flow crossed): true when the rates are still max-min fair over the links and ports without
        /// solving again. They are when no flow through ports is held below its own cap by a port (here, or on another
        /// link through a port it shares) and no port carries more than it has: each such flow's bottleneck is then its
        /// own cap or its link, whose share the link itself keeps fair. The common case on a crowded WAN link, whose
        /// share is far below the hosts' vMotion networks.
        /// </summary>
        private bool StillFair(IReadOnlyList<SharedPort>? freed)
        {
            // Each port is looked at once, however many of the link's flows cross it.
            fairnessCheck++;
            if (freed != null)
            {
                foreach (var port in freed)
                {
                    if (!port.CarriesItsFlowsAtTheirOwnCaps(this, fairnessCheck)) return false;
                }
            }

            foreach (var flow in ThroughPorts)
            {
                if (flow.LinkCap != flow.Cap) return false;
                foreach (var port in flow.PortsCrossed)
                {
                    if (!port.CarriesItsFlowsAtTheirOwnCaps(this, fairnessCheck)) return false;
                }
            }

            return true;
        }

        /// <summary>Holds a flow through ports to a new link cap, as the max-min solution says (no new solution follows).</summary>
        internal void SetLinkCap(Flow flow, double cap)
        {
            AdvanceService();
            var remaining = RemainingOf(flow);
            Unlist(flow);
            flow.LinkCap = cap;
            Place(flow, remaining);
            Rebalance();
        }

        /// <summary>Puts a flow in its place by link cap, in the capped group when a flow already there has a higher cap.</summary>
        private void Place(Flow flow, double remaining)
        {
            var at = InsertionPoint(flow.LinkCap);
            byCap.Insert(at, flow);
            if (at < cappedCount)
            {
                // Lower than a flow already held to its cap: it is held to its own.
                MakeCapped(flow, remaining);
                cappedCount++;
            }
            else
            {
                MakeFree(flow, remaining);
            }
        }

        /// <summary>
        /// The level at which the flows through ports that are not yet fixed would fill the link, given what is left
        /// for them (<see cref="Left"/>) and the flows that cross only the link, each taking up to its cap: water-filling
        /// over the caps gathered by <see cref="GatherSimpleCaps"/>, by binary search.
        /// </summary>
        internal double FillLevel()
        {
            int low = 0, high = simpleCount;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (simpleCaps[middle] >= LevelAfter(middle)) high = middle;
                else low = middle + 1;
            }

            return Math.Max(0, LevelAfter(low));
        }

        /// <summary>The equal level when the <paramref name="held"/> lowest simple flows take their caps.</summary>
        private double LevelAfter(int held) => (Left - simpleSums[held]) / (simpleCount - held + Unfrozen);

        /// <summary>The caps of the flows that cross only the link, ascending (byCap is in that order already).</summary>
        internal void GatherSimpleCaps()
        {
            var count = byCap.Count - ThroughPorts.Count;
            if (simpleCaps.Length < count)
            {
                simpleCaps = new double[Math.Max(count, 2 * simpleCaps.Length)];
                simpleSums = new double[simpleCaps.Length + 1];
            }

            simpleCount = 0;
            foreach (var flow in byCap)
            {
                if (flow.PortsCrossed.Length > 0) continue;
                simpleCaps[simpleCount] = flow.LinkCap;
                simpleSums[simpleCount + 1] = simpleSums[simpleCount] + flow.LinkCap;
                simpleCount++;
            }
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
            if (!StillFair(flow.PortsCrossed)) MaxMinFairness.Solve(this, flow.PortsCrossed);
        }

        internal double RemainingOf(Flow flow)
        {
            if (!flow.IsActive) return 0;
            var remaining = flow.IsCapped
                ? CappedRemainingOf(flow)
                : flow.FinishTag - (service + share * (Clock.Now - serviceTime));
            return Math.Max(0, remaining);
        }

        internal double RateOf(Flow flow) => !flow.IsActive ? 0 : flow.IsCapped ? flow.LinkCap : share;

        private double CappedRemainingOf(Flow flow) => flow.CappedRemaining - (Clock.Now - flow.CappedSince) * flow.LinkCap;

        private void AdvanceService()
        {
            service += share * (Clock.Now - serviceTime);
            serviceTime = Clock.Now;
        }

        private void MakeCapped(Flow flow, double remaining)
        {
            flow.IsCapped = true;
            flow.CappedRemaining = remaining;
            flow.CappedSince = Clock.Now;
            flow.FinishTime = Clock.Now + (flow.LinkCap > 0 ? remaining / flow.LinkCap : double.PositiveInfinity);
            cappedByTime.Add(flow);
            cappedRate += flow.LinkCap;
        }

        private void MakeFree(Flow flow, double remaining)
        {
            flow.IsCapped = false;
            flow.FinishTag = service + remaining;
            freeByTag.Add(flow);
        }

        private void Remove(Flow flow)
        {
            Unlist(flow);
            if (flow.PortsCrossed.Length == 0) return;
            ThroughPorts.Remove(flow);
            foreach (var port in flow.PortsCrossed) port.Leave(flow);
        }

        private void Unlist(Flow flow)
        {
            byCap.RemoveAt(IndexOf(flow));
            if (flow.IsCapped)
            {
                cappedByTime.Remove(flow);
                cappedRate -= flow.LinkCap;
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
                if (cappedCount < byCap.Count && byCap[cappedCount].LinkCap < equal)
                {
                    var flow = byCap[cappedCount];
                    var remaining = RemainingAtShare(flow);
                    freeByTag.Remove(flow);
                    MakeCapped(flow, remaining);
                    cappedCount++;
                    continue;
                }

                if (cappedCount > 0 && byCap[cappedCount - 1].LinkCap >= equal && free > 0 || cappedCount > 0 && cappedRate > capacity)
                {
                    var flow = byCap[cappedCount - 1];
                    var remaining = CappedRemainingOf(flow);
                    cappedByTime.Remove(flow);
                    cappedRate -= flow.LinkCap;
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
            freedPorts.Clear();
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
                freedPorts.AddRange(flow.PortsCrossed);
            }

            Rebalance();
            if (!StillFair(freedPorts)) MaxMinFairness.Solve(this, freedPorts);
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
                if (other.LinkCap < flow.LinkCap || (other.LinkCap == flow.LinkCap && other.Id < flow.Id)) low = middle + 1;
                else high = middle;
            }

            // Not there only if a cap is NaN, which orders nothing: then look at every flow.
            return low < byCap.Count && byCap[low] == flow ? low : byCap.IndexOf(flow);
        }

        /// <summary>After every flow with a link cap no higher: equal caps keep the order they started in.</summary>
        private int InsertionPoint(double cap)
        {
            int low = 0, high = byCap.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (byCap[middle].LinkCap <= cap) low = middle + 1;
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
