using System;
using System.Collections.Generic;
using System.Linq;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>An emulated vCenter: on premises, or a partner cloud's SDDC / private cloud.</summary>
    public sealed class CloudEndpoint
    {
        public string Name { get; internal set; } = "";
        public CloudProvider Provider { get; internal set; }
        public string Region { get; internal set; } = "";
        /// <summary>The vCenter Server's address, as Connect-VIServer would use it.</summary>
        public string Server { get; internal set; } = "";
        public string VCenterVersion { get; internal set; } = "";
        public int VCenterBuild { get; internal set; }
        /// <summary>The vSphere licence edition: "Enterprise Plus" (every partner cloud), "Enterprise", "Standard".</summary>
        public string VSphereEdition { get; internal set; } = "Enterprise Plus";
        public bool HcxEnabled { get; internal set; }
        public string? HcxVersion { get; internal set; }
        /// <summary>Site coordinates; link round-trip times in the default lab follow from them.</summary>
        public double Latitude { get; internal set; }
        public double Longitude { get; internal set; }
        public IReadOnlyList<CloudCluster> Clusters { get; internal set; } = Array.Empty<CloudCluster>();
        public IReadOnlyList<Datastore> Datastores { get; internal set; } = Array.Empty<Datastore>();
        public IReadOnlyList<CloudNetwork> Networks { get; internal set; } = Array.Empty<CloudNetwork>();

        /// <summary>Set on a stand-in for a name that matched no endpoint (see Querying.EndpointQuery.Unresolved).</summary>
        internal Errors.HybridException? Unresolved { get; set; }

        public string ProviderName => ProviderNames.Of(Provider);
        public int NumHosts => Clusters.Sum(c => c.NumHosts);
        public int NumCpuCores => Clusters.Sum(c => c.NumCpuCores);
        public int MemoryGB => Clusters.Sum(c => c.MemoryGB);
        public double StorageCapacityGB => Math.Round(Datastores.Sum(d => d.CapacityGB), 2);
        public double StorageFreeGB => Math.Round(Datastores.Sum(d => d.FreeSpaceGB), 2);
        /// <summary>The EVC baselines its clusters offer, e.g. <c>intel-icelake</c>.</summary>
        public string CpuBaseline => string.Join(", ", Clusters.Select(c => c.EvcMode).Distinct());
        /// <summary>The newest virtual hardware any of its clusters can run.</summary>
        public string MaxHardwareVersion => VirtualHardware.Format(Clusters.Count == 0 ? 0 : Clusters.Max(c => c.MaxHardwareVersionNumber));

        // Loops rather than LINQ: planning calls these for every VM, and a lambda capturing the name allocates.
        public CloudCluster? FindCluster(string name)
        {
            for (var i = 0; i < Clusters.Count; i++)
            {
                if (Names.Equal(Clusters[i].Name, name)) return Clusters[i];
            }

            return null;
        }

        public Datastore? FindDatastore(string name)
        {
            for (var i = 0; i < Datastores.Count; i++)
            {
                if (Names.Equal(Datastores[i].Name, name)) return Datastores[i];
            }

            return null;
        }

        public CloudNetwork? FindNetwork(string name)
        {
            for (var i = 0; i < Networks.Count; i++)
            {
                if (Names.Equal(Networks[i].Name, name)) return Networks[i];
            }

            return null;
        }

        internal CloudEndpoint Copy() => (CloudEndpoint)MemberwiseClone();

        public override string ToString() => Name;
    }
}
