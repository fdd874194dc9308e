using System;
using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// vCenter's and HCX's concurrency limits as a cost model: each migration claims costs on the resources it
    /// uses, and waits (never fails) until all of them have room. vCenter: host 8 (vMotion 1, shared-nothing or
    /// Storage vMotion 4); vMotion network 4 on 1 GbE, 8 on 10 GbE and faster; datastore 128 (vMotion 1, Storage
    /// vMotion 16). HCX: 300 Bulk/RAV per manager, 200 per service mesh, HCX vMotion one at a time per mesh.
    /// </summary>
    public sealed class ConcurrencyLimits
    {
        public const int HostCapacity = 8;
        public const int DatastoreCapacity = 128;
        public const int HcxManagerCapacity = 300;
        public const int HcxMeshCapacity = 200;

        /// <summary>Every resource claimed so far, by name; a migration's claims are resolved to them once.</summary>
        private readonly Dictionary<string, Resource> resources = new Dictionary<string, Resource>(Names.Comparer);

        /// <summary>What a planned migration claims, resource by resource.</summary>
        public static IReadOnlyList<(string Resource, int Capacity, int Cost)> Claims(MigrationPlan plan)
        {
            var claims = new List<(string, int, int)>();
            var src = plan.Source.Name;
            var dst = plan.Destination.Name;
            var mesh = string.CompareOrdinal(src, dst) < 0 ? src + "|" + dst : dst + "|" + src;
            var sourceHost = src + "/" + plan.VM.VMHost;
            var destinationHost = dst + "/" + plan.DestinationHost.Name;
            var network = plan.HostNetworkMbps >= 10_000 ? 8 : 4;
            switch (plan.Type)
            {
                case MigrationType.vMotion:
                    var hostCost = plan.SharedStorage ? 1 : 4;
                    var storageCost = plan.SharedStorage ? 1 : 16;
                    claims.Add(("host:" + sourceHost, HostCapacity, hostCost));
                    claims.Add(("host:" + destinationHost, HostCapacity, hostCost));
                    claims.Add(("vmotion-network:" + sourceHost, network, 1));
                    claims.Add(("vmotion-network:" + destinationHost, network, 1));
                    claims.Add(("datastore:" + src + "/" + plan.VM.Datastore, DatastoreCapacity, storageCost));
                    if (!plan.SharedStorage) claims.Add(("datastore:" + dst + "/" + plan.DestinationDatastore.Name, DatastoreCapacity, storageCost));
                    if (plan.CrossesEndpoints) claims.Add(("hcx-vmotion:" + mesh, 1, 1));
                    break;
                case MigrationType.Cold when !plan.CrossesEndpoints:
                    claims.Add(("host:" + sourceHost, HostCapacity, 4));
                    claims.Add(("datastore:" + src + "/" + plan.VM.Datastore, DatastoreCapacity, 16));
                    claims.Add(("datastore:" + dst + "/" + plan.DestinationDatastore.Name, DatastoreCapacity, 16));
                    break;
                default:
                    // RAV, Bulk and cross-endpoint Cold go through HCX's replication.
                    claims.Add(("hcx-manager:" + src, HcxManagerCapacity, 1));
                    claims.Add(("hcx-manager:" + dst, HcxManagerCapacity, 1));
                    claims.Add(("hcx-mesh:" + mesh, HcxMeshCapacity, 1));
                    break;
            }

            // The same resource named twice (source and destination host of a move within one host) is claimed once,
            // where it was first named, with the later capacity and the higher cost.
            var merged = new List<(string, int, int)>(claims.Count);
            foreach (var (resource, capacity, cost) in claims)
            {
                var at = 0;
                while (at < merged.Count && !Names.Equal(merged[at].Item1, resource)) at++;
                if (at == merged.Count) merged.Add((resource, capacity, cost));
                else merged[at] = (merged[at].Item1, capacity, Math.Max(merged[at].Item3, cost));
            }

            return merged;
        }

        public bool TryAcquire(IReadOnlyList<(string Resource, int Capacity, int Cost)> claims) => TryAcquire(Resolve(claims));

        public void Release(IReadOnlyList<(string Resource, int Capacity, int Cost)> claims) => Release(Resolve(claims));

        public int Used(string resource) => resources.TryGetValue(resource, out var r) ? r.Used : 0;

        /// <summary>
        /// The claims with their resources looked up: a migration that waits is tried again and again as others end,
        /// and looking each resource up by its name every time was most of the cost of admission.
        /// </summary>
        internal Claim[] Resolve(IReadOnlyList<(string Resource, int Capacity, int Cost)> claims)
        {
            var resolved = new Claim[claims.Count];
            for (var i = 0; i < resolved.Length; i++)
            {
                var (name, capacity, cost) = claims[i];
                if (!resources.TryGetValue(name, out var resource)) resources.Add(name, resource = new Resource(name));
                resolved[i] = new Claim(resource, capacity, cost);
            }

            return resolved;
        }

        internal static bool TryAcquire(Claim[] claims)
        {
            foreach (var claim in claims)
            {
                if (claim.Resource.Used + claim.Cost > claim.Capacity) return false;
            }

            foreach (var claim in claims) claim.Resource.Used += claim.Cost;
            return true;
        }

        internal static void Release(Claim[] claims)
        {
            foreach (var claim in claims) claim.Resource.Used -= claim.Cost;
        }

        /// <summary>A host, datastore, vMotion network, HCX manager or mesh: what is in use, and who waits for it.</summary>
        internal sealed class Resource
        {
            public Resource(string name)
            {
                Name = name;
            }

            public string Name { get; }

            public int Used { get; set; }

            /// <summary>
            /// Migrations of a batch waiting for it, in the order they were added; null until one waits. One that
            /// started through another resource stays until it reaches the front (see MigrationBatch.FirstWaiting).
            /// </summary>
            public Queue<MigrationRun>? Waiting { get; set; }
        }

        /// <summary>What one migration claims of one resource (capacity is per claim: a vMotion network's depends on the pair of hosts).</summary>
        internal readonly struct Claim
        {
            public Claim(Resource resource, int capacity, int cost)
            {
                Resource = resource;
                Capacity = capacity;
                Cost = cost;
            }

            public Resource Resource { get; }

            public int Capacity { get; }

            public int Cost { get; }
        }
    }
}
