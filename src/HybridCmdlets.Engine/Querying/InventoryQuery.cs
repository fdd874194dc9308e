using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Querying
{
    /// <summary>
    /// The clusters, hosts, datastores and networks of endpoints, as Get-Cluster, Get-VMHost, Get-Datastore and
    /// Get-VirtualPortGroup list them: in inventory order, hosts with their endpoint and what their VMs use.
    /// </summary>
    public static class InventoryQuery
    {
        public static IEnumerable<CloudCluster> Clusters(IEnumerable<CloudEndpoint> endpoints) => endpoints.SelectMany(e => e.Clusters);

        public static IEnumerable<Datastore> Datastores(IEnumerable<CloudEndpoint> endpoints) => endpoints.SelectMany(e => e.Datastores);

        public static IEnumerable<CloudNetwork> Networks(IEnumerable<CloudEndpoint> endpoints) => endpoints.SelectMany(e => e.Networks);

        /// <summary>The hosts of the endpoints, each a copy that knows its endpoint and the VMs placed on it now.</summary>
        public static IEnumerable<CloudHost> Hosts(Estate estate, IEnumerable<CloudEndpoint> endpoints)
        {
            var vms = estate.VMs;
            foreach (var endpoint in endpoints)
            {
                foreach (var cluster in endpoint.Clusters)
                {
                    foreach (var host in cluster.Hosts) yield return WithUsage(host, endpoint.Name, vms);
                }
            }
        }

        /// <summary>The host a VM is placed on now (a VM may have moved since it was read), or nothing when it is gone.</summary>
        public static IEnumerable<CloudHost> HostOf(Estate estate, CloudVM vm)
        {
            var current = estate.FindVMById(vm.Id);
            var endpoint = current == null ? null : estate.FindEndpoint(current.Endpoint);
            if (endpoint == null) return Enumerable.Empty<CloudHost>();
            return Hosts(estate, new[] { endpoint }).Where(h => h.Holds(current!));
        }

        /// <summary>The datastores that hold a VM's home or disks now, in the endpoint's order.</summary>
        public static IEnumerable<Datastore> DatastoresOf(Estate estate, CloudVM vm)
        {
            var current = estate.FindVMById(vm.Id);
            var endpoint = current == null ? null : estate.FindEndpoint(current.Endpoint);
            if (endpoint == null) return Enumerable.Empty<Datastore>();
            return endpoint.Datastores.Where(d => d.Holds(current!));
        }

        /// <summary>
        /// The items whose names match any pattern (all items when none is given), and in <paramref name="misses"/>
        /// the exact names that matched none: PowerCLI reports those as errors, while a wildcard that matches nothing is silent.
        /// </summary>
        public static IReadOnlyList<T> Named<T>(IEnumerable<T> items, Func<T, string> name, IEnumerable<string>? patterns, out IReadOnlyList<string> misses)
        {
            var all = items.ToList();
            if (patterns == null)
            {
                misses = Array.Empty<string>();
                return all;
            }

            var parsed = patterns.Where(p => p != null).Select(NamePattern.Parse).ToArray();
            misses = ExactNames.Misses(parsed, all.Select(name).ToList()).ToArray();
            return all.Where(i => parsed.Any(p => p.IsMatch(name(i)))).ToArray();
        }

        private static CloudHost WithUsage(CloudHost host, string endpoint, IReadOnlyList<CloudVM> vms)
        {
            var listed = host.Copy();
            listed.Endpoint = endpoint;
            var vCpus = 0L;
            var touchedGB = 0.0;
            var placed = 0;
            foreach (var vm in vms)
            {
                if (!listed.Holds(vm)) continue;
                placed++;
                if (vm.PowerState != PowerState.PoweredOn) continue;
                vCpus += vm.NumCpu;
                touchedGB += vm.MemoryGB * vm.Workload.TouchedMemoryPercent / 100.0;
            }

            listed.NumVMs = placed;
            listed.CpuUsageMhz = (int)Math.Min(listed.CpuTotalMhz, vCpus * host.CpuMhz);
            listed.MemoryUsageGB = Math.Round(touchedGB, 2);
            return listed;
        }
    }
}
