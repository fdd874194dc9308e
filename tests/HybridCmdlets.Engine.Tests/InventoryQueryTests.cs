using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Querying;
using Xunit;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>The inventory as Get-CloudCluster, Get-CloudVMHost, Get-CloudDatastore and Get-CloudNetwork list it, and a host as a move's destination.</summary>
    public class InventoryQueryTests
    {
        private readonly LabSession lab = LabSession.CreateDefault();

        private CloudEndpoint Endpoint(string name) => lab.Estate.GetEndpoint(name);

        [Fact]
        public void Listed_hosts_know_their_endpoint_and_add_up_the_VMs_placed_on_them()
        {
            var hosts = InventoryQuery.Hosts(lab.Estate, new[] { Endpoint("onprem-lon") }).ToList();
            Assert.Equal(Endpoint("onprem-lon").NumHosts, hosts.Count);
            Assert.All(hosts, h => Assert.Equal("onprem-lon", h.Endpoint));
            var vms = lab.Estate.VMs.Where(v => v.Endpoint == "onprem-lon").ToList();
            Assert.Equal(vms.Count, hosts.Sum(h => h.NumVMs!.Value));

            var busiest = hosts.OrderByDescending(h => h.NumVMs).First();
            var running = vms.Where(v => v.VMHost == busiest.Name && v.PowerState == PowerState.PoweredOn).ToList();
            Assert.NotEmpty(running);
            var touchedGB = running.Sum(v => v.MemoryGB * v.Workload.TouchedMemoryPercent / 100);
            Assert.Equal(System.Math.Round(touchedGB, 2), busiest.MemoryUsageGB!.Value, 2);
            Assert.InRange(busiest.MemoryUsageGB!.Value, 0.01, busiest.MemoryTotalGB);
            Assert.Equal(System.Math.Min(busiest.CpuTotalMhz, running.Sum(v => v.NumCpu) * busiest.CpuMhz), busiest.CpuUsageMhz);
            Assert.Equal(busiest.NumCpuCores * busiest.CpuMhz, busiest.CpuTotalMhz);
            Assert.Equal(busiest.Cluster, busiest.Parent);
            Assert.Equal(HostConnectionState.Connected, busiest.ConnectionState);
            Assert.Null(Endpoint("onprem-lon").Clusters[0].Hosts[0].NumVMs);
        }

        [Fact]
        public void A_host_reports_the_GA_build_of_its_ESXi_release()
        {
            var hosts = InventoryQuery.Hosts(lab.Estate, lab.Estate.Endpoints).ToList();
            Assert.All(hosts, h => Assert.True(h.Build > 0, h.Name + " runs " + h.Version + ", which has no build"));
            Assert.Equal(22380479, EsxiBuilds.Of("8.0.2"));
            Assert.Equal(0, EsxiBuilds.Of("9.9.9"));
        }

        [Fact]
        public void Named_returns_the_matches_and_the_exact_names_that_found_nothing_but_not_the_wildcards()
        {
            var clusters = InventoryQuery.Named(InventoryQuery.Clusters(lab.Estate.Endpoints), c => c.Name, new[] { "prod-cluster-0*", "No-Such", "Zz*" }, out var misses);
            Assert.Equal(new[] { "Prod-Cluster-01", "Prod-Cluster-02" }, clusters.Where(c => c.Endpoint == "onprem-lon").Select(c => c.Name));
            Assert.Equal(new[] { "No-Such" }, misses);

            var all = InventoryQuery.Named(InventoryQuery.Networks(lab.Estate.Endpoints), n => n.Name, null, out misses);
            Assert.Equal(lab.Estate.Endpoints.Sum(e => e.Networks.Count), all.Count);
            Assert.Empty(misses);
        }

        [Fact]
        public void Each_place_holds_exactly_the_VMs_placed_in_it()
        {
            var vm = lab.Estate.FindVMsNamed("crm-db01").Single();
            var endpoint = Endpoint(vm.Endpoint);
            Assert.True(endpoint.FindCluster(vm.Cluster)!.Holds(vm));
            Assert.Single(InventoryQuery.HostOf(lab.Estate, vm), h => h.Name == vm.VMHost);
            Assert.Contains(InventoryQuery.DatastoresOf(lab.Estate, vm), d => d.Name == vm.Datastore);
            Assert.All(vm.Networks, n => Assert.True(endpoint.FindNetwork(n)!.Holds(vm)));
            Assert.False(endpoint.Clusters.First(c => c.Name != vm.Cluster).Holds(vm));
            Assert.False(Endpoint("avs-westeurope").FindCluster("Cluster-1")!.Holds(vm));

            var query = new VMQuery(containers: new IVMContainer[] { endpoint.FindDatastore(vm.Datastore)! });
            var onDatastore = query.Run(lab.Estate.VMs).ToList();
            Assert.Contains(onDatastore, v => v.Id == vm.Id);
            Assert.All(onDatastore, v => Assert.True(v.Datastore == vm.Datastore || v.HardDisks.Any(d => d.Datastore == vm.Datastore)));
        }

        [Fact]
        public void A_move_to_a_host_lands_on_that_host_even_within_the_VMs_own_cluster()
        {
            var vm = lab.Estate.FindVMsNamed("crm-web01").Single();
            var cluster = Endpoint(vm.Endpoint).FindCluster(vm.Cluster)!;
            var other = cluster.Hosts.First(h => h.Name != vm.VMHost);
            var target = MoveTarget.Parse(vm.Endpoint + "/" + vm.Cluster + "/" + other.Name, null, MigrationType.Auto);
            Assert.Equal(other.Name, target.Host);

            var plan = LabMoves.Plan(lab, vm, target);
            Assert.Same(other, plan.DestinationHost);
            var task = lab.Submit(plan);
            lab.WaitFor(new[] { task }, CancellationToken.None);
            lab.RecordMoves();
            var moved = lab.Estate.FindVMById(vm.Id)!;
            Assert.Equal(other.Name, moved.VMHost);
            Assert.Equal(vm.Cluster, moved.Cluster);
        }

        [Fact]
        public void A_move_to_the_host_a_VM_is_on_is_refused_and_an_unknown_host_is_VMHostNotFound()
        {
            var vm = lab.Estate.FindVMsNamed("crm-web01").Single();
            var here = MoveTarget.Parse(vm.Endpoint + "/" + vm.Cluster + "/" + vm.VMHost, null, MigrationType.Auto);
            Assert.Equal("MigrationDestinationIsSource", Assert.Throws<HybridException>(() => LabMoves.Plan(lab, vm, here)).ErrorId);

            var nowhere = MoveTarget.Parse("avs-westeurope/Cluster-1/esx99", null, MigrationType.Auto);
            var error = Assert.Throws<HybridException>(() => LabMoves.Plan(lab, vm, nowhere));
            Assert.Equal("VMHostNotFound", error.ErrorId);
            Assert.Equal("esx99", error.Target);
        }
    }
}
