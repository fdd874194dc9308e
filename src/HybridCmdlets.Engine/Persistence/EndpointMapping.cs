using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// An endpoint in the lab file with its clusters, hosts, datastores and networks. Each of these belongs to the
    /// object it is written in, so its endpoint (or a host's cluster) is left out and taken from there.
    /// </summary>
    internal static class EndpointMapping
    {
        private const string Name = "name";
        private const string Provider = "provider";
        private const string Region = "region";
        private const string Server = "server";
        private const string VCenterVersion = "vCenterVersion";
        private const string VCenterBuild = "vCenterBuild";
        private const string VSphereEdition = "vSphereEdition";
        private const string HcxEnabled = "hcxEnabled";
        private const string HcxVersion = "hcxVersion";
        private const string Latitude = "latitude";
        private const string Longitude = "longitude";
        private const string Clusters = "clusters";
        private const string Datastores = "datastores";
        private const string Networks = "networks";

        private static readonly CloudEndpoint NewEndpoint = new CloudEndpoint();

        public static void Write(LabJsonWriter w, CloudEndpoint endpoint, int index)
        {
            w.WriteStartObject();
            w.Required(Name, endpoint.Name);
            w.Enum(Provider, endpoint.Provider);
            w.String(Region, endpoint.Region);
            w.String(Server, endpoint.Server);
            w.String(VCenterVersion, endpoint.VCenterVersion);
            w.Number(VCenterBuild, endpoint.VCenterBuild);
            w.String(VSphereEdition, endpoint.VSphereEdition, NewEndpoint.VSphereEdition);
            w.Flag(HcxEnabled, endpoint.HcxEnabled, false);
            w.String(HcxVersion, endpoint.HcxVersion, null);
            w.Number(Latitude, endpoint.Latitude);
            w.Number(Longitude, endpoint.Longitude);
            w.List(Clusters, endpoint.Clusters, (x, cluster, i) => ClusterMapping.Write(x, cluster, endpoint.Name));
            w.List(Datastores, endpoint.Datastores, (x, datastore, i) => DatastoreMapping.Write(x, datastore, endpoint.Name));
            w.List(Networks, endpoint.Networks, (x, network, i) => NetworkMapping.Write(x, network, endpoint.Name));
            w.WriteEndObject();
        }

        public static CloudEndpoint Read(LabJsonReader r, int index)
        {
            r.StartObject("an endpoint");
            var endpoint = new CloudEndpoint();
            // Parts may come before the endpoint's name; they take it once the whole endpoint has been read.
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: endpoint.Name = r.Pooled(); break;
                    case Provider: endpoint.Provider = r.Enum<CloudProvider>(); break;
                    case Region: endpoint.Region = r.String(); break;
                    case Server: endpoint.Server = r.String(); break;
                    case VCenterVersion: endpoint.VCenterVersion = r.Pooled(); break;
                    case VCenterBuild: endpoint.VCenterBuild = r.Int(); break;
                    case VSphereEdition: endpoint.VSphereEdition = r.Pooled(); break;
                    case HcxEnabled: endpoint.HcxEnabled = r.Bool(); break;
                    case HcxVersion: endpoint.HcxVersion = r.Pooled(); break;
                    case Latitude: endpoint.Latitude = r.Double(); break;
                    case Longitude: endpoint.Longitude = r.Double(); break;
                    case Clusters: endpoint.Clusters = r.Array(ClusterMapping.Read); break;
                    case Datastores: endpoint.Datastores = r.Array(DatastoreMapping.Read); break;
                    case Networks: endpoint.Networks = r.Array(NetworkMapping.Read); break;
                    default: throw r.Unknown(field, "an endpoint");
                }
            }

            foreach (var cluster in endpoint.Clusters)
            {
                if (cluster.Endpoint.Length == 0) cluster.Endpoint = endpoint.Name;
            }

            foreach (var datastore in endpoint.Datastores)
            {
                if (datastore.Endpoint.Length == 0) datastore.Endpoint = endpoint.Name;
            }

            foreach (var network in endpoint.Networks)
            {
                if (network.Endpoint.Length == 0) network.Endpoint = endpoint.Name;
            }

            return endpoint;
        }
    }

    internal static class ClusterMapping
    {
        private const string Name = "name";
        /// <summary>Left out when it is the endpoint the cluster is written in (as every file since schema 2 has it).</summary>
        private const string Endpoint = "endpoint";
        private const string CpuVendorField = "cpuVendor";
        private const string EvcMode = "evcMode";
        private const string HAEnabled = "haEnabled";
        private const string HAFailoverReservePercent = "haFailoverReservePercent";
        private const string DrsEnabled = "drsEnabled";
        private const string Hosts = "hosts";
        private const string Datastores = "datastores";

        public static void Write(LabJsonWriter w, CloudCluster cluster, string endpoint)
        {
            w.WriteStartObject();
            w.Required(Name, cluster.Name);
            w.String(Endpoint, cluster.Endpoint, endpoint);
            w.Enum(CpuVendorField, cluster.CpuVendor);
            w.String(EvcMode, cluster.EvcMode);
            w.Flag(HAEnabled, cluster.HAEnabled, false);
            w.Number(HAFailoverReservePercent, cluster.HAFailoverReservePercent);
            w.Flag(DrsEnabled, cluster.DrsEnabled, false);
            w.List(Hosts, cluster.Hosts, (x, host, i) => HostMapping.Write(x, host, cluster.Name));
            w.Strings(Datastores, cluster.Datastores);
            w.WriteEndObject();
        }

        public static CloudCluster Read(LabJsonReader r, int index)
        {
            r.StartObject("a cluster");
            var cluster = new CloudCluster();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: cluster.Name = r.Pooled(); break;
                    case Endpoint: cluster.Endpoint = r.Pooled(); break;
                    case CpuVendorField: cluster.CpuVendor = r.Enum<CpuVendor>(); break;
                    case EvcMode: cluster.EvcMode = r.Pooled(); break;
                    case HAEnabled: cluster.HAEnabled = r.Bool(); break;
                    case HAFailoverReservePercent: cluster.HAFailoverReservePercent = r.Int(); break;
                    case DrsEnabled: cluster.DrsEnabled = r.Bool(); break;
                    case Hosts: cluster.Hosts = r.Array(HostMapping.Read); break;
                    case Datastores: cluster.Datastores = r.Strings(); break;
                    default: throw r.Unknown(field, "a cluster");
                }
            }

            foreach (var host in cluster.Hosts)
            {
                if (host.Cluster.Length == 0) host.Cluster = cluster.Name;
            }

            return cluster;
        }
    }

    internal static class HostMapping
    {
        private const string Name = "name";
        /// <summary>Left out when it is the cluster the host is written in.</summary>
        private const string Cluster = "cluster";
        private const string Model = "model";
        private const string ProcessorType = "processorType";
        private const string CpuVendorField = "cpuVendor";
        private const string CpuGeneration = "cpuGeneration";
        private const string NumCpuSockets = "numCpuSockets";
        private const string NumCpuCores = "numCpuCores";
        private const string CpuMhz = "cpuMhz";
        private const string MemoryGB = "memoryGB";
        private const string EsxiVersion = "esxiVersion";
        private const string VMotionNetworkGbps = "vMotionNetworkGbps";
        private const string GpuModel = "gpuModel";

        public static void Write(LabJsonWriter w, CloudHost host, string cluster)
        {
            w.WriteStartObject();
            w.Required(Name, host.Name);
            w.String(Cluster, host.Cluster, cluster);
            w.String(Model, host.Model);
            w.String(ProcessorType, host.ProcessorType);
            w.Enum(CpuVendorField, host.CpuVendor);
            w.String(CpuGeneration, host.CpuGeneration);
            w.Number(NumCpuSockets, host.NumCpuSockets);
            w.Number(NumCpuCores, host.NumCpuCores);
            w.Number(CpuMhz, host.CpuMhz);
            w.Number(MemoryGB, host.MemoryGB);
            w.String(EsxiVersion, host.EsxiVersion);
            w.Number(VMotionNetworkGbps, host.VMotionNetworkGbps);
            w.String(GpuModel, host.GpuModel, null);
            w.WriteEndObject();
        }

        public static CloudHost Read(LabJsonReader r, int index)
        {
            r.StartObject("a host");
            var host = new CloudHost();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: host.Name = r.Pooled(); break;
                    case Cluster: host.Cluster = r.Pooled(); break;
                    case Model: host.Model = r.Pooled(); break;
                    case ProcessorType: host.ProcessorType = r.Pooled(); break;
                    case CpuVendorField: host.CpuVendor = r.Enum<CpuVendor>(); break;
                    case CpuGeneration: host.CpuGeneration = r.Pooled(); break;
                    case NumCpuSockets: host.NumCpuSockets = r.Int(); break;
                    case NumCpuCores: host.NumCpuCores = r.Int(); break;
                    case CpuMhz: host.CpuMhz = r.Int(); break;
                    case MemoryGB: host.MemoryGB = r.Int(); break;
                    case EsxiVersion: host.EsxiVersion = r.Pooled(); break;
                    case VMotionNetworkGbps: host.VMotionNetworkGbps = r.Int(); break;
                    case GpuModel: host.GpuModel = r.Pooled(); break;
                    default: throw r.Unknown(field, "a host");
                }
            }

            return host;
        }
    }

    internal static class DatastoreMapping
    {
        private const string Name = "name";
        /// <summary>Left out when it is the endpoint the datastore is written in.</summary>
        private const string Endpoint = "endpoint";
        private const string Type = "type";
        private const string CapacityGB = "capacityGB";
        private const string FreeSpaceGB = "freeSpaceGB";
        private const string Shared = "shared";
        private const string VMHost = "vmHost";

        public static void Write(LabJsonWriter w, Datastore datastore, string endpoint)
        {
            w.WriteStartObject();
            w.Required(Name, datastore.Name);
            w.String(Endpoint, datastore.Endpoint, endpoint);
            w.Enum(Type, datastore.Type);
            w.Number(CapacityGB, datastore.CapacityGB);
            w.Number(FreeSpaceGB, datastore.FreeSpaceGB);
            w.Flag(Shared, datastore.Shared, false);
            w.String(VMHost, datastore.VMHost, null);
            w.WriteEndObject();
        }

        public static Datastore Read(LabJsonReader r, int index)
        {
            r.StartObject("a datastore");
            var datastore = new Datastore();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: datastore.Name = r.Pooled(); break;
                    case Endpoint: datastore.Endpoint = r.Pooled(); break;
                    case Type: datastore.Type = r.Enum<DatastoreType>(); break;
                    case CapacityGB: datastore.CapacityGB = r.Double(); break;
                    case FreeSpaceGB: datastore.FreeSpaceGB = r.Double(); break;
                    case Shared: datastore.Shared = r.Bool(); break;
                    case VMHost: datastore.VMHost = r.Pooled(); break;
                    default: throw r.Unknown(field, "a datastore");
                }
            }

            return datastore;
        }
    }

    internal static class NetworkMapping
    {
        private const string Name = "name";
        /// <summary>Left out when it is the endpoint the network is written in.</summary>
        private const string Endpoint = "endpoint";
        private const string Kind = "kind";
        private const string Switch = "switch";
        private const string VlanId = "vlanId";
        private const string SegmentId = "segmentId";
        private const string ExtendedFrom = "extendedFrom";
        private const string HasUplinks = "hasUplinks";
        private const string VMkernel = "vmkernel";
        private const string ExtensionAppliance = "extensionAppliance";

        private static readonly CloudNetwork NewNetwork = new CloudNetwork();

        public static void Write(LabJsonWriter w, CloudNetwork network, string endpoint)
        {
            w.WriteStartObject();
            w.Required(Name, network.Name);
            w.String(Endpoint, network.Endpoint, endpoint);
            w.Enum(Kind, network.Kind);
            w.String(Switch, network.Switch);
            w.Number(VlanId, network.VlanId);
            w.Number(SegmentId, network.SegmentId);
            w.String(ExtendedFrom, network.ExtendedFrom, null);
            w.Flag(HasUplinks, network.HasUplinks, NewNetwork.HasUplinks);
            w.Flag(VMkernel, network.VMkernel, false);
            w.String(ExtensionAppliance, network.ExtensionAppliance, null);
            w.WriteEndObject();
        }

        public static CloudNetwork Read(LabJsonReader r, int index)
        {
            r.StartObject("a network");
            var network = new CloudNetwork();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: network.Name = r.Pooled(); break;
                    case Endpoint: network.Endpoint = r.Pooled(); break;
                    case Kind: network.Kind = r.Enum<NetworkKind>(); break;
                    case Switch: network.Switch = r.Pooled(); break;
                    case VlanId: network.VlanId = r.Int(); break;
                    case SegmentId: network.SegmentId = r.Int(); break;
                    case ExtendedFrom: network.ExtendedFrom = r.Pooled(); break;
                    case HasUplinks: network.HasUplinks = r.Bool(); break;
                    case VMkernel: network.VMkernel = r.Bool(); break;
                    case ExtensionAppliance: network.ExtensionAppliance = r.Pooled(); break;
                    default: throw r.Unknown(field, "a network");
                }
            }

            return network;
        }
    }
}
