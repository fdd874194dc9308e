using System.Collections.Generic;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Flows that cross hosts' ports as well as a link: each port is shared max-min fairly with everything else the
    /// flows cross. Expected figures are worked out by hand from bytes and capacities.
    /// </summary>
    public class SharedPortTests
    {
        private const double MB = 1_000_000;
        /// <summary>A 1 GbE port carries 125 MB/s; a 100 GbE fabric is no limit for two of them.</summary>
        private const double OneGbE = 1e9 / 8;
        private const double Fabric = 100e9 / 8;

        [Fact]
        public void Two_flows_from_one_port_to_two_others_share_it_and_take_twice_as_long()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, Fabric);
            var source = new SharedPort("esx-a", OneGbE);
            var ends = new Dictionary<string, double>();
            var a = link.Start(1000 * MB, double.PositiveInfinity, _ => ends["a"] = clock.Now, new[] { source, new SharedPort("esx-b", 10 * OneGbE) });
            var b = link.Start(1000 * MB, double.PositiveInfinity, _ => ends["b"] = clock.Now, new[] { source, new SharedPort("esx-c", 10 * OneGbE) });
            Assert.Equal(62.5 * MB, a.Rate, 3);
            Assert.Equal(62.5 * MB, b.Rate, 3);
            clock.RunToEnd();
            // 2,000 MB through one 125 MB/s port: 16 s, against 8 s for one alone.
            Assert.Equal(16.0, ends["a"], 6);
            Assert.Equal(16.0, ends["b"], 6);
        }

        [Fact]
        public void Two_flows_from_different_ports_over_a_fat_link_each_take_their_ports_full_rate()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, Fabric);
            var ends = new Dictionary<string, double>();
            var a = link.Start(1000 * MB, double.PositiveInfinity, _ => ends["a"] = clock.Now, new[] { new SharedPort("esx-a", OneGbE), new SharedPort("esx-c", 10 * OneGbE) });
            var b = link.Start(1000 * MB, double.PositiveInfinity, _ => ends["b"] = clock.Now, new[] { new SharedPort("esx-b", OneGbE), new SharedPort("esx-d", 10 * OneGbE) });
            Assert.Equal(OneGbE, a.Rate, 3);
            Assert.Equal(OneGbE, b.Rate, 3);
            clock.RunToEnd();
            Assert.Equal(8.0, ends["a"], 6);
            Assert.Equal(8.0, ends["b"], 6);
        }

        [Fact]
        public void A_capped_flow_leaves_the_rest_of_its_port_to_the_other()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, Fabric);
            var source = new SharedPort("esx-a", OneGbE);
            var ends = new Dictionary<string, double>();
            // 200 Mbps is 25 MB/s: the other flow gets the port's other 100 MB/s.
            var capped = link.Start(1000 * MB, 25 * MB, _ => ends["capped"] = clock.Now, new[] { source });
            var free = link.Start(1000 * MB, double.PositiveInfinity, _ => ends["free"] = clock.Now, new[] { source });
            Assert.Equal(25 * MB, capped.Rate, 3);
            Assert.Equal(100 * MB, free.Rate, 3);
            clock.RunToEnd();
            Assert.Equal(10.0, ends["free"], 6);
            Assert.Equal(40.0, ends["capped"], 6);
        }

        [Fact]
        public void A_flow_held_back_by_a_slow_link_leaves_the_port_to_a_flow_on_another_link_and_takes_it_back_when_that_ends()
        {
            var clock = new EventQueue();
            var wan = new SharedLink(clock, 37.5 * MB);
            var fabric = new SharedLink(clock, Fabric);
            var source = new SharedPort("esx-a", OneGbE);
            var ends = new Dictionary<string, double>();
            var slow = wan.Start(375 * MB, double.PositiveInfinity, _ => ends["slow"] = clock.Now, new[] { source });
            var fast = fabric.Start(875 * MB, double.PositiveInfinity, _ => ends["fast"] = clock.Now, new[] { source });
            // 300 Mbps of WAN for one, the port's other 700 Mbps for the other.
            Assert.Equal(37.5 * MB, slow.Rate, 3);
            Assert.Equal(87.5 * MB, fast.Rate, 3);
            clock.RunToEnd();
            Assert.Equal(10.0, ends["fast"], 6);
            Assert.Equal(10.0, ends["slow"], 6);
        }

        [Fact]
        public void Flows_through_a_full_port_leave_the_link_to_flows_that_cross_only_the_link()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 200 * MB);
            var port = new SharedPort("esx-a", 100 * MB);
            var alone = link.Start(1000 * MB, double.PositiveInfinity, _ => { });
            var x = link.Start(1000 * MB, double.PositiveInfinity, _ => { }, new[] { port });
            var y = link.Start(1000 * MB, double.PositiveInfinity, _ => { }, new[] { port });
            Assert.Equal(50 * MB, x.Rate, 3);
            Assert.Equal(50 * MB, y.Rate, 3);
            Assert.Equal(100 * MB, alone.Rate, 3);

            // The link halves: an equal third each would be 66.7 MB/s, more than the port gives two; so 50, 50 and 50.
            link.Capacity = 150 * MB;
            Assert.Equal(50 * MB, x.Rate, 3);
            Assert.Equal(50 * MB, alone.Rate, 3);

            // Narrower still: the link is the bottleneck of all three, 30 MB/s each.
            link.Capacity = 90 * MB;
            Assert.Equal(30 * MB, x.Rate, 3);
            Assert.Equal(30 * MB, y.Rate, 3);
            Assert.Equal(30 * MB, alone.Rate, 3);

            // One through the port ends: the other may take the port's whole 100 but the link shares 90 between two.
            link.Cancel(y);
            Assert.Equal(45 * MB, x.Rate, 3);
            Assert.Equal(45 * MB, alone.Rate, 3);
        }

        [Fact]
        public void A_lone_flow_through_ports_finishes_at_the_narrowest()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 10 * OneGbE);
            double end = 0;
            link.Start(1250 * MB, double.PositiveInfinity, _ => end = clock.Now, new[] { new SharedPort("esx-a", OneGbE), new SharedPort("esx-b", 25 * OneGbE) });
            clock.RunToEnd();
            Assert.Equal(10.0, end, 6);
        }
    }
}
