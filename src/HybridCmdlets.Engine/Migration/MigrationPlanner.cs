using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// Resolves a request against the lab as vCenter and HCX would: the destination cluster, host and datastore,
    /// each NIC's destination network, the path, and the type when it is Auto. Anything that makes the move
    /// impossible is a <see cref="HybridException"/> naming the VM.
    /// </summary>
    public static class MigrationPlanner
    {
        public static MigrationPlan Plan(Estate estate, MigrationRequest request)
        {
            var destination = Resolve(estate, request);
            var vm = destination.VM;
            if (destination.CrossesEndpoints && estate.FindVM(destination.Endpoint.Name, vm.Name) != null) throw EngineErrors.VMNameInUse(vm.Name, destination.Endpoint.Name);
            if (destination.CrossesEndpoints && destination.Link == null) throw EngineErrors.NoPath(destination.Source.Name, destination.Endpoint.Name);
            var type = ChooseType(vm, request.Type);
            var networks = NicMapping.Map(vm, destination.Source, destination.Endpoint, request.NetworkMapping);
            foreach (var nic in networks)
            {
                if (nic.Target == null) throw EngineErrors.NetworkNotMapped(vm.Name, nic.SourceNetwork, destination.Endpoint.Name);
            }

            return Build(estate, destination, type, networks);
        }

        /// <summary>
        /// Where a request sends its VM: the endpoint, cluster and datastore, chosen as vCenter would when not given.
        /// Throws for what is wrong with the request itself (an unknown VM, endpoint, cluster or datastore, or the
        /// place the VM already is); what is wrong with the move is for the readiness rules and the planner to say.
        /// </summary>
        internal static ResolvedDestination Resolve(Estate estate, MigrationRequest request)
        {
            var options = request.Options();
            var vm = estate.FindVMById(request.VMId) ?? throw EngineErrors.VMIdNotFound(request.VMId);
            var source = estate.GetEndpoint(vm.Endpoint);
            var destination = estate.GetEndpoint(request.DestinationEndpoint);
            var sameEndpoint = Names.Equal(source.Name, destination.Name);

            var cluster = request.DestinationCluster != null
                ? destination.FindCluster(request.DestinationCluster) ?? throw EngineErrors.ClusterNotFound(destination.Name, request.DestinationCluster)
                : request.Datastore != null
                    ? ClusterMounting(estate, vm, destination, request.Datastore, sameEndpoint)
                    : estate.ChooseCluster(destination, exclude: sameEndpoint ? vm.Cluster : null)
                      ?? throw EngineErrors.MigrationDestinationIsSource(vm.Name, source.Name + "/" + vm.Cluster);

            var host = request.DestinationHost == null
                ? null
                : FindHost(cluster, request.DestinationHost) ?? throw EngineErrors.HostNotFound(destination.Name, cluster.Name, request.DestinationHost);
            var datastore = ChooseDatastore(estate, vm, destination, cluster, request.Datastore, sameEndpoint);
            // Within a cluster, a host other than the VM's own is a compute vMotion, as Move-VM -Destination <VMHost> is.
            var otherHost = host != null && !Names.Equal(host.Name, vm.VMHost);
            if (sameEndpoint && Names.Equal(cluster.Name, vm.Cluster) && Names.Equal(datastore.Name, vm.Datastore) && !otherHost)
            {
                throw EngineErrors.MigrationDestinationIsSource(vm.Name, source.Name + "/" + vm.Cluster + (host != null ? "/" + host.Name : "") + " on " + vm.Datastore);
            }

            var link = sameEndpoint ? null : estate.FindLink(source.Name, destination.Name);
            return new ResolvedDestination(vm, source, destination, cluster, datastore, link, sameEndpoint) { Options = options, Host = host };
        }

        /// <summary>The plan of a move whose type and networks are settled.</summary>
        internal static MigrationPlan Build(Estate estate, ResolvedDestination destination, MigrationType type, IReadOnlyList<NicMapping> networks)
        {
            var vm = destination.VM;
            var host = destination.Host ?? estate.ChooseHost(destination.Endpoint, destination.Cluster);
            var sourceHost = FindHost(destination.Source.FindCluster(vm.Cluster), vm.VMHost);
            var mapping = new Dictionary<string, string>(Names.Comparer);
            foreach (var nic in networks) mapping[nic.SourceNetwork] = nic.Target?.Name ?? nic.SourceNetwork;
            return new MigrationPlan
            {
                VM = vm,
                Source = destination.Source,
                Destination = destination.Endpoint,
                DestinationCluster = destination.Cluster,
                SourceHost = sourceHost,
                DestinationHost = host,
                DestinationDatastore = destination.Datastore,
                Type = type,
                NetworkMapping = mapping,
                Link = destination.Link,
                SharedStorage = !destination.CrossesEndpoints && Names.Equal(destination.Datastore.Name, vm.Datastore),
                HostNetworkMbps = 1000.0 * Math.Min(host.VMotionNetworkGbps, sourceHost?.VMotionNetworkGbps ?? host.VMotionNetworkGbps),
                Options = destination.Options,
            };
        }

        /// <summary>
        /// For -Datastore without a cluster: within the endpoint, the VM's own cluster when it mounts the datastore
        /// (a Storage vMotion, as Move-VM -Datastore is); otherwise the cluster vCenter would choose among those that do.
        /// </summary>
        private static CloudCluster ClusterMounting(Estate estate, CloudVM vm, CloudEndpoint destination, string datastoreName, bool sameEndpoint)
        {
            var datastore = destination.FindDatastore(datastoreName) ?? throw EngineErrors.DatastoreNotFound(destination.Name, datastoreName);
            var own = sameEndpoint ? destination.FindCluster(vm.Cluster) : null;
            if (own != null && own.Datastores.Contains(datastore.Name, Names.Comparer)) return own;
            var mounting = destination.Clusters.Where(c => c.Datastores.Contains(datastore.Name, Names.Comparer)).Select(c => c.Name).ToList();
            if (mounting.Count == 0) throw EngineErrors.DatastoreNotShared(datastore.Name, destination.Name);
            return estate.ChooseCluster(destination, exclude: null, among: mounting)!;
        }

        private static Datastore ChooseDatastore(Estate estate, CloudVM vm, CloudEndpoint destination, CloudCluster cluster, string? requested, bool sameEndpoint)
        {
            if (requested != null)
            {
                var chosen = destination.FindDatastore(requested) ?? throw EngineErrors.DatastoreNotFound(destination.Name, requested);
                if (!cluster.Datastores.Contains(chosen.Name, Names.Comparer)) throw EngineErrors.DatastoreNotAccessible(chosen.Name, cluster.Name);
                return chosen;
            }

            // Within an endpoint, a datastore the destination cluster also mounts is kept: only memory moves.
            if (sameEndpoint && cluster.Datastores.Contains(vm.Datastore, Names.Comparer)) return destination.FindDatastore(vm.Datastore)!;

            // The one with the most free space; the first of those on a tie.
            Datastore? best = null;
            foreach (var name in cluster.Datastores)
            {
                var datastore = destination.FindDatastore(name);
                if (datastore != null && (best == null || datastore.FreeSpaceGB.CompareTo(best.FreeSpaceGB) > 0)) best = datastore;
            }

            // A cluster mounting no datastore of the endpoint: the same exception as the First() this loop replaced.
            return best ?? throw new InvalidOperationException("Sequence contains no elements");
        }

        private static CloudHost? FindHost(CloudCluster? cluster, string name)
        {
            if (cluster == null) return null;
            foreach (var host in cluster.Hosts)
            {
                if (Names.Equal(host.Name, name)) return host;
            }

            return null;
        }

        private static MigrationType ChooseType(CloudVM vm, MigrationType requested)
        {
            var running = vm.PowerState == PowerState.PoweredOn;
            switch (requested)
            {
                case MigrationType.Auto:
                    return running ? MigrationType.vMotion : MigrationType.Cold;
                case MigrationType.Cold when running:
                    throw EngineErrors.MigrationTypeNotPossible(vm.Name, "Cold", "it is powered on; Cold moves powered-off VMs.");
                case MigrationType.vMotion when !running:
                case MigrationType.RAV when !running:
                    throw EngineErrors.MigrationTypeNotPossible(vm.Name, requested.ToString(), "it is " + (vm.PowerState == PowerState.Suspended ? "suspended" : "powered off") + "; live types move running VMs. Use Cold.");
                default:
                    return requested;
            }
        }
    }
}
