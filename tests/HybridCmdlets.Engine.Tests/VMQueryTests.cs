using System.Linq;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;

namespace HybridCmdlets.Engine.Tests
{
    public class VMQueryTests
    {
        private static readonly CloudVM[] VMs = LabGenerator.CreateDefault().VMs.ToArray();

        [Fact]
        public void Every_filter_given_must_match()
        {
            var query = new VMQuery(names: new[] { "crm-*" }, powerStates: new[] { PowerState.PoweredOn }, tags: new[] { "wave1" }, clusters: new[] { "Prod-*" });
            var found = query.Run(VMs).ToList();
            Assert.NotEmpty(found);
            Assert.All(found, v =>
            {
                Assert.StartsWith("crm-", v.Name);
                Assert.Equal(PowerState.PoweredOn, v.PowerState);
                Assert.Contains("Wave/wave1", v.Tags);
                Assert.StartsWith("Prod-", v.Cluster);
            });
            var expected = VMs.Count(v => v.Name.StartsWith("crm-") && v.PowerState == PowerState.PoweredOn && v.Tags.Contains("Wave/wave1") && v.Cluster.StartsWith("Prod-"));
            Assert.Equal(expected, found.Count);
        }

        [Fact]
        public void A_tag_matches_by_its_name_or_its_category_and_name()
        {
            var byName = new VMQuery(tags: new[] { "wave2" }).Run(VMs).Select(v => v.Id).ToList();
            var byFull = new VMQuery(tags: new[] { "Wave/wave2" }).Run(VMs).Select(v => v.Id).ToList();
            Assert.NotEmpty(byName);
            Assert.Equal(byFull, byName);
            Assert.Empty(new VMQuery(tags: new[] { "Wave" }).Run(VMs));
        }

        [Fact]
        public void Endpoints_filter_by_exact_name_and_an_empty_set_matches_nothing()
        {
            var avs = new VMQuery(endpoints: new[] { "AVS-WESTEUROPE" }).Run(VMs).ToList();
            Assert.NotEmpty(avs);
            Assert.All(avs, v => Assert.Equal("avs-westeurope", v.Endpoint));
            Assert.Empty(new VMQuery(endpoints: new string[0]).Run(VMs));
        }

        [Fact]
        public void Reports_exact_names_that_matched_nothing_but_not_wildcards()
        {
            var query = new VMQuery(names: new[] { "crm-web01", "no-such-vm", "nothing*", "NO-SUCH-TOO" });
            var found = query.Run(VMs).ToList();
            Assert.Equal(new[] { "crm-web01" }, found.Select(v => v.Name));
            Assert.Equal(new[] { "no-such-vm", "NO-SUCH-TOO" }, query.UnmatchedNames);
        }

        [Fact]
        public void A_name_given_twice_returns_the_vm_once()
        {
            Assert.Single(new VMQuery(names: new[] { "crm-web01", "crm-web0*" }).Run(VMs), v => v.Name == "crm-web01");
        }
    }
}
