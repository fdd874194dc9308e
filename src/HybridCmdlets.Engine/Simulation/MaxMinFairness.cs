using System;
using System.Collections.Generic;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>
    /// The max-min fair rates of flows that cross hosts' ports as well as a link (Bertsekas and Gallager, Data
    /// Networks, 2nd ed., §6.5.2: progressive filling). All rates rise together from zero; a flow stops rising when it
    /// reaches its own cap or when a link or port it crosses fills, and keeps that rate while the others rise on. The
    /// flows that cross only a link are taken in aggregate, each up to its cap (the link's own water-filling), so a
    /// link carrying hundreds of them costs a sort it already keeps, not hundreds of variables.
    ///
    /// Solved for the connected part of the network that a change touches (the links and ports joined through flows
    /// that cross both), then handed to each link as the cap at which it holds the flow: the flow's rate, or its own
    /// cap when the link itself is its bottleneck (the link then shares to it as to any other flow).
    /// </summary>
    internal sealed class MaxMinFairness
    {
        /// <summary>Rates within this share of one another are the same level (the rounding of the sums that led there).</summary>
        private const double SameLevel = 1e-12;

        [ThreadStatic]
        private static MaxMinFairness? solver;

        private readonly List<SharedLink> links = new List<SharedLink>();
        private readonly List<SharedPort> ports = new List<SharedPort>();
        private readonly List<Flow> flows = new List<Flow>();
        private int visit;

        /// <summary>Solves again for what <paramref name="changed"/> and <paramref name="freed"/> (ports a flow has left) touch.</summary>
        public static void Solve(SharedLink changed, IReadOnlyList<SharedPort>? freed)
        {
            (solver ??= new MaxMinFairness()).Run(changed, freed);
        }

        private void Run(SharedLink changed, IReadOnlyList<SharedPort>? freed)
        {
            if (++visit == int.MaxValue) visit = 1;
            links.Clear();
            ports.Clear();
            flows.Clear();
            Reach(changed);
            if (freed != null) foreach (var port in freed) Reach(port);
            Gather();
            if (flows.Count == 0) return;
            Fill();
            foreach (var flow in flows)
            {
                var cap = flow.BoundByLink ? flow.Cap : flow.SolvedRate;
                if (cap != flow.LinkCap) flow.Link.SetLinkCap(flow, cap);
            }
        }

        /// <summary>Everything joined to what was reached through flows that cross ports: breadth first.</summary>
        private void Gather()
        {
            int nextLink = 0, nextPort = 0;
            while (nextLink < links.Count || nextPort < ports.Count)
            {
                while (nextLink < links.Count)
                {
                    foreach (var flow in links[nextLink++].ThroughPorts) Reach(flow);
                }

                while (nextPort < ports.Count)
                {
                    foreach (var flow in ports[nextPort++].Flows) Reach(flow);
                }
            }
        }

        private void Reach(SharedLink link)
        {
            if (link.Visit == visit) return;
            link.Visit = visit;
            links.Add(link);
        }

        private void Reach(SharedPort port)
        {
            if (port.Visit == visit) return;
            port.Visit = visit;
            ports.Add(port);
        }

        private void Reach(Flow flow)
        {
            if (flow.Visit == visit) return;
            flow.Visit = visit;
            flows.Add(flow);
            Reach(flow.Link);
            foreach (var port in flow.PortsCrossed) Reach(port);
        }

        /// <summary>Progressive filling over the flows through ports; each step fixes at least one of them.</summary>
        private void Fill()
        {
            foreach (var link in links)
            {
                link.GatherSimpleCaps();
                link.Left = link.Capacity;
                link.Unfrozen = link.ThroughPorts.Count;
            }

            foreach (var port in ports)
            {
                port.Left = port.Capacity;
                port.Unfrozen = port.Flows.Count;
            }

            foreach (var flow in flows) flow.Frozen = false;
            var unfrozen = flows.Count;
            var level = 0.0;
            while (unfrozen > 0)
            {
                var next = double.PositiveInfinity;
                foreach (var flow in flows)
                {
                    if (!flow.Frozen) next = Math.Min(next, flow.Cap);
                }

                foreach (var port in ports)
                {
                    port.Level = port.Unfrozen > 0 ? Math.Max(0, port.Left / port.Unfrozen) : double.PositiveInfinity;
                    next = Math.Min(next, port.Level);
                }

                foreach (var link in links)
                {
                    link.Level = link.Unfrozen > 0 ? link.FillLevel() : double.PositiveInfinity;
                    next = Math.Min(next, link.Level);
                }

                // Rates never fall as the level rises; a level below the last is rounding.
                level = Math.Max(level, next);
                var reached = level * (1 + SameLevel);
                foreach (var flow in flows)
                {
                    if (!flow.Frozen && flow.Cap <= reached) Freeze(flow, flow.Cap, byLink: false, ref unfrozen);
                }

                foreach (var link in links)
                {
                    if (link.Level > reached) continue;
                    foreach (var flow in link.ThroughPorts)
                    {
                        if (!flow.Frozen) Freeze(flow, level, byLink: true, ref unfrozen);
                    }
                }

                foreach (var port in ports)
                {
                    if (port.Level > reached) continue;
                    foreach (var flow in port.Flows)
                    {
                        if (!flow.Frozen) Freeze(flow, level, byLink: false, ref unfrozen);
                    }
                }
            }
        }

        private static void Freeze(Flow flow, double rate, bool byLink, ref int unfrozen)
        {
            flow.Frozen = true;
            flow.SolvedRate = rate;
            flow.BoundByLink = byLink;
            unfrozen--;
            flow.Link.Left -= rate;
            flow.Link.Unfrozen--;
            foreach (var port in flow.PortsCrossed)
            {
                port.Left -= rate;
                port.Unfrozen--;
            }
        }
    }
}

