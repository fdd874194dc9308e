using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Readiness.Rules
{
    /// <summary>Between endpoints there must be a link for HCX to use.</summary>
    public sealed class LinkRule : Rule
    {
        public override string Id => "path.link";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.CrossesEndpoints)
            {
                // RAV and Bulk are HCX migrations: HCX works between the two sites of a service mesh, not within one.
                return c.Type == MigrationType.RAV || c.Type == MigrationType.Bulk
                    ? Fail(F("{0} is an HCX migration between two sites; VM '{1}' would stay within {2}.", c.Type, c.VM.Name, c.Source.Name),
                        "Within one endpoint, move it by vMotion (running) or Cold (powered off).")
                    : Pass("Within {0}: the hosts' vMotion network carries the move.", c.Source.Name);
            }

            return c.Link != null
                ? Pass("{0} reaches {1} over {2} ({3} Mbps, {4} ms).", c.Source.Name, c.Destination.Name, c.Link.Kind, c.Link.BandwidthMbps, c.Link.RttMs)
                : Fail(F("There is no link between {0} and {1}.", c.Source.Name, c.Destination.Name), "Add a link in the lab file, or move through an endpoint that has one.");
        }
    }

    /// <summary>Live moves tolerate 150 ms of round trip (long-distance vMotion); VMware Cloud on AWS 100 ms.</summary>
    public sealed class RttRule : Rule
    {
        public const double LongDistanceVMotionMs = 150;
        public const double VmcMs = 100;

        public override string Id => "path.rtt";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.IsLive) return NotApplicable(c, "only live moves are bound by round-trip time.");
            if (c.CrossesEndpoints && c.Link == null) return NotApplicable(c, "there is no link (path.link).");
            if (c.Link == null) return Pass("Within one site: round trips are well under a millisecond.");
            var vmc = c.Source.Provider == CloudProvider.VMC || c.Destination.Provider == CloudProvider.VMC;
            var limit = vmc ? VmcMs : LongDistanceVMotionMs;
            if (!c.Settings.AppliesHcxPathRules)
            {
                return NotApplied(c, F("the {0} ms round-trip limit", limit), F("The round trip {0} <-> {1} is {2} ms.", c.Source.Name, c.Destination.Name, c.Link.RttMs));
            }

            return c.Link.RttMs <= limit
                ? Pass("The round trip {0} <-> {1} is {2} ms, within {3} ms.", c.Source.Name, c.Destination.Name, c.Link.RttMs, limit)
                : Fail(F("The round trip {0} <-> {1} is {2} ms, over the {3} ms {4} allows for {5}.", c.Source.Name, c.Destination.Name, c.Link.RttMs, limit,
                        vmc ? "VMware Cloud on AWS" : "long-distance vMotion", c.Type),
                    "Move it by Bulk or Cold, which have no round-trip limit, or over a shorter path.");
        }
    }

    /// <summary>
    /// The bandwidth each type needs: 250 Mbps per concurrent vMotion within vSphere, 100 Mbps for HCX vMotion, Bulk
    /// and Cold, 150 Mbps for RAV; a running VM's live move is warned under 1 Gbps.
    /// </summary>
    public sealed class BandwidthRule : Rule
    {
        public override string Id => "path.bandwidth";

        public static double MinimumMbps(MigrationType type, bool crossesEndpoints) => type switch
        {
            MigrationType.vMotion => crossesEndpoints ? 100 : 250,
            MigrationType.RAV => 150,
            _ => 100,
        };

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (c.CrossesEndpoints && c.Link == null) return NotApplicable(c, "there is no link (path.link).");
            var mbps = c.PathMbps;
            var minimum = MinimumMbps(c.Type, c.CrossesEndpoints);
            var what = c.Link != null ? "The link " + c.Link.Name : "The hosts' vMotion network";
            if (!c.Settings.AppliesHcxPathRules)
            {
                return NotApplied(c, F("the {0} Mbps floor for {1} (and the 1 Gbps recommendation)", minimum, c.Type), F("{0} carries {1} Mbps.", what, mbps));
            }

            if (mbps < minimum)
            {
                return Fail(F("{0} carries {1} Mbps, under the {2} Mbps {3} needs.", what, mbps, minimum, c.Type),
                    "Move it over a faster path, or by a type that needs less bandwidth.");
            }

            if (c.IsLive && c.IsPoweredOn && mbps < 1000)
            {
                return Warn(F("{0} carries {1} Mbps, under the 1 Gbps recommended for a running VM's {2}: rounds are slow to converge.", what, mbps, c.Type),
                    "Expect a long move and some guest throttling, or move it by Bulk.");
            }

            return Pass("{0} carries {1} Mbps; {2} needs {3}.", what, mbps, c.Type, minimum);
        }
    }
}
