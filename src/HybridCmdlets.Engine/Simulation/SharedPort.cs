using System;
using System.Collections.Generic;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>
    /// A host's network port that transfers cross on their way to or from a link (an ESXi host's vMotion VMkernel
    /// network): its capacity is shared max-min fairly among the flows crossing it, jointly with every link and port
    /// each of them crosses (<see cref="MaxMinFairness"/>).
    /// </summary>
    public sealed class SharedPort
    {
        /// <summary>
        /// The most its flows could take, summed: each its own cap, or its link's capacity when that is less. While
        /// that fits, the port never has to share.
        /// </summary>
        private double asked;
        private int unbounded;
        /// <summary>The last link check that found it fine: asked again within that check, it need not look again.</summary>
        private SharedLink? checkedBy;
        private long checkedIn;

        public SharedPort(string name, double capacityBytesPerSecond)
        {
            Name = name;
            Capacity = capacityBytesPerSecond;
        }

        public string Name { get; }

        public double Capacity { get; }

        public int ActiveFlows => Flows.Count;

        /// <summary>The active flows crossing it, in order of start.</summary>
        internal List<Flow> Flows { get; } = new List<Flow>();

        /// <summary>Its flows could ask more than it has: they may not all have what their links give them.</summary>
        internal bool Oversubscribed => unbounded > 0 || asked > Capacity;

        // The max-min solver's working state: which solution visited it, what capacity flows not yet fixed may
        // still share, how many of them there are, and the level at which they would fill it.
        internal int Visit { get; set; }

        internal double Left { get; set; }

        internal int Unfrozen { get; set; }

        internal double Level { get; set; }

        /// <summary>
        /// No flow crossing it is held below its own cap for it, and what they take now fits. Rates depend on the links'
        /// shares, so this is asked again whenever a link they cross changes.
        /// </summary>
        internal bool CarriesItsFlowsAtTheirOwnCaps(SharedLink askedBy, long check)
        {
            if (!Oversubscribed || (ReferenceEquals(checkedBy, askedBy) && checkedIn == check)) return true;
            checkedBy = askedBy;
            checkedIn = check;
            var taken = 0.0;
            foreach (var flow in Flows)
            {
                if (flow.LinkCap != flow.Cap) return false;
                taken += flow.Rate;
            }

            return taken <= Capacity * (1 + 1e-12);
        }

        internal void Join(Flow flow)
        {
            Flows.Add(flow);
            Ask(flow, +1);
        }

        internal void Leave(Flow flow)
        {
            Flows.Remove(flow);
            Ask(flow, -1);
            if (Flows.Count == 0) asked = 0;
        }

        /// <summary>The flow's link changed capacity: what the flow could take here changes with it.</summary>
        internal void AskAgain(Flow flow, double linkCapacity)
        {
            Ask(flow, -1);
            flow.MostAsked = Math.Min(flow.Cap, linkCapacity);
            Ask(flow, +1);
        }

        private void Ask(Flow flow, int sign)
        {
            if (double.IsInfinity(flow.MostAsked)) unbounded += sign;
            else asked += sign * flow.MostAsked;
        }

        public override string ToString() => Name;
    }
}
