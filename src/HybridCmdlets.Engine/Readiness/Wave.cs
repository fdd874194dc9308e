using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Readiness
{
    /// <summary>
    /// VMs tested together as one wave (the VMs piped to one Test-MigrationReadiness): each VM found ready claims its
    /// memory on its destination cluster and its disks on its destination datastore, so that the capacity checks of the
    /// VMs after it see what the wave has already taken, in the order a wave submitted together would be placed.
    /// </summary>
    public sealed class Wave
    {
        private readonly Dictionary<(string Endpoint, string Cluster), (double GB, int VMs)> memory = new Dictionary<(string, string), (double, int)>(new PlaceComparer());
        private readonly Dictionary<(string Endpoint, string Datastore), (double GB, int VMs)> storage = new Dictionary<(string, string), (double, int)>(new PlaceComparer());

        /// <summary>Memory the wave's earlier VMs take on the cluster, and how many they are.</summary>
        public (double GB, int VMs) MemoryOn(CloudCluster cluster) => memory.TryGetValue((cluster.Endpoint, cluster.Name), out var claim) ? claim : (0, 0);

        /// <summary>Disk space the wave's earlier VMs take on the datastore, and how many they are.</summary>
        public (double GB, int VMs) StorageOn(Datastore datastore) => storage.TryGetValue((datastore.Endpoint, datastore.Name), out var claim) ? claim : (0, 0);

        /// <summary>Counts a ready VM's needs at its destination; a VM staying in its cluster or on its datastore takes nothing new there.</summary>
        internal void Claim(ReadinessContext c)
        {
            if (c.IsPoweredOn && (c.CrossesEndpoints || !Names.Equal(c.Cluster.Name, c.VM.Cluster)))
            {
                var (gb, vms) = MemoryOn(c.Cluster);
                memory[(c.Cluster.Endpoint, c.Cluster.Name)] = (gb + c.VM.MemoryGB, vms + 1);
            }

            if (c.CrossesEndpoints || !Names.Equal(c.Datastore.Name, c.VM.Datastore))
            {
                var (gb, vms) = StorageOn(c.Datastore);
                storage[(c.Datastore.Endpoint, c.Datastore.Name)] = (gb + c.VM.UsedSpaceGB, vms + 1);
            }
        }

        private sealed class PlaceComparer : IEqualityComparer<(string, string)>
        {
            public bool Equals((string, string) a, (string, string) b) => Names.Equal(a.Item1, b.Item1) && Names.Equal(a.Item2, b.Item2);

            public int GetHashCode((string, string) key) => Names.Comparer.GetHashCode(key.Item1) * 31 + Names.Comparer.GetHashCode(key.Item2);
        }
    }
}
