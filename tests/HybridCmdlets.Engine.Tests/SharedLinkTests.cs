using System.Collections.Generic;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Tests
{
    public class SharedLinkTests
    {
        private const double MB = 1_000_000;

        [Fact]
        public void A_lone_flow_takes_bytes_over_capacity()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 100 * MB);
            double finished = 0;
            link.Start(500 * MB, double.PositiveInfinity, f => finished = clock.Now);
            clock.RunToEnd();
            Assert.Equal(5.0, finished, 6);
            Assert.Equal(500 * MB, link.BytesSent, 0);
        }

        [Fact]
        public void Equal_flows_share_equally_and_a_late_one_slows_the_first()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 100 * MB);
            var ends = new Dictionary<string, double>();
            link.Start(300 * MB, double.PositiveInfinity, f => ends["a"] = clock.Now);
            clock.At(1, () => link.Start(100 * MB, double.PositiveInfinity, f => ends["b"] = clock.Now));
            clock.RunToEnd();
            // a: 100 MB alone in the first second, then 50 MB/s while b runs (2 s for b's 100 MB), then the last 100 MB alone.
            Assert.Equal(3.0, ends["b"], 6);
            Assert.Equal(4.0, ends["a"], 6);
        }

        [Fact]
        public void A_capped_flow_leaves_the_rest_of_the_link_to_the_others()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 100 * MB);
            Flow? capped = null, free = null;
            capped = link.Start(1000 * MB, 10 * MB, _ => { });
            free = link.Start(1000 * MB, double.PositiveInfinity, _ => { });
            Assert.Equal(10 * MB, capped.Rate, 3);
            Assert.Equal(90 * MB, free.Rate, 3);
        }

        [Fact]
        public void A_cancelled_flow_never_completes_and_frees_its_share()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 100 * MB);
            var completed = new List<string>();
            var first = link.Start(1000 * MB, double.PositiveInfinity, _ => completed.Add("first"));
            var second = link.Start(100 * MB, double.PositiveInfinity, _ => completed.Add("second"));
            clock.At(1, () => link.Cancel(first));
            clock.RunToEnd();
            Assert.Equal(new[] { "second" }, completed);
            Assert.False(first.IsActive);
            Assert.Equal(1, first.Finished, 6);
            // 50 MB in the first second, the other 50 MB alone at 100 MB/s.
            Assert.Equal(1.5, second.Finished, 6);
        }

        [Fact]
        public void Changing_the_capacity_reshapes_running_flows()
        {
            var clock = new EventQueue();
            var link = new SharedLink(clock, 100 * MB);
            double end = 0;
            link.Start(200 * MB, double.PositiveInfinity, _ => end = clock.Now);
            clock.At(1, () => link.Capacity = 50 * MB);
            clock.RunToEnd();
            Assert.Equal(3.0, end, 6);
        }

        [Fact]
        public void Equal_times_run_in_the_order_they_were_scheduled()
        {
            var clock = new EventQueue();
            var order = new List<int>();
            for (var i = 0; i < 50; i++)
            {
                var n = i;
                clock.At(2, () => order.Add(n));
            }

            clock.At(1, () => order.Add(-1));
            clock.RunToEnd();
            Assert.Equal(-1, order[0]);
            Assert.Equal(System.Linq.Enumerable.Range(0, 50), order.GetRange(1, 50));
            Assert.Equal(51, clock.Processed);
        }
    }
}
