using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.NetworkExtension;

namespace HybridCmdlets.Engine.Generation
{
    /// <summary>A cluster to build: its hosts are identical, as in a real purchase.</summary>
    internal sealed class ClusterPlan
    {
        public string Name = "";
        public int Hosts;
        public string HostPrefix = "";
        public string HostSuffix = "";
        public string Model = "";
        public string Processor = "";
        public CpuVendor Vendor;
        public string Generation = "";
        public string EvcMode = "";
        public int Sockets = 2;
        public int CoresPerSocket;
        public int Mhz;
        public int MemoryGB;
        public string Esxi = "";
        public int VMotionGbps;
        public string? Gpu;
        public int HAReservePercent = 25;
        /// <summary>Shared datastores: name, type and capacity; a capacity of 0 is sized after placement to what the VMs use.</summary>
        public (string Name, DatastoreType Type, double CapacityGB)[] Datastores = new (string, DatastoreType, double)[0];
        public bool LocalDatastores;
    }

    internal sealed class SitePlan
    {
        public string Name = "";
        public CloudProvider Provider;
        public string Region = "";
        public string Server = "";
        public string VCenterVersion = "";
        public int VCenterBuild;
        public string? Hcx;
        public double Latitude;
        public double Longitude;
        public List<ClusterPlan> Clusters = new List<ClusterPlan>();
        public List<CloudNetwork> Networks = new List<CloudNetwork>();
    }

    /// <summary>
    /// The six sites of the default lab: an on-premises estate in London and one SDDC or private cloud per partner
    /// cloud in MODEL.md, with the host types each provider actually sells.
    /// </summary>
    internal static class SiteCatalog
    {
        public const string OnPrem = "onprem-lon";

        public static List<SitePlan> Create(int extraProductionClusters)
        {
            var onPrem = OnPremises();
            for (var i = 0; i < extraProductionClusters; i++)
            {
                onPrem.Clusters.Add(ProductionCluster(i + 3));
            }

            return new List<SitePlan> { onPrem, Vmc(), Avs(), Gcve(), Ovh(), Ibm() };
        }

        public static string ProductionClusterName(int number) => "Prod-Cluster-" + number.ToString("00", CultureInfo.InvariantCulture);

        private static SitePlan OnPremises()
        {
            var site = new SitePlan
            {
                Name = OnPrem, Provider = CloudProvider.OnPremises, Region = "London (Docklands data centre)",
                Server = "vcsa01.lon.corp.example", VCenterVersion = "7.0.3", VCenterBuild = 22357613, Hcx = "4.10.2",
                Latitude = 51.508, Longitude = -0.005,
            };
            site.Clusters.Add(ProductionCluster(1));
            site.Clusters.Add(new ClusterPlan
            {
                Name = ProductionClusterName(2), Hosts = 6, HostPrefix = "esx-p2-", HostSuffix = ".lon.corp.example",
                Model = "Dell PowerEdge R740", Processor = "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", Vendor = CpuVendor.Intel,
                Generation = "intel-cascadelake", EvcMode = "intel-skylake", CoresPerSocket = 20, Mhz = 2500, MemoryGB = 768,
                Esxi = "7.0.3", VMotionGbps = 10, Datastores = new[] { ("PROD2-VMFS-01", DatastoreType.VMFS, 0.0), ("PROD2-VMFS-02", DatastoreType.VMFS, 0.0) },
                LocalDatastores = true,
            });
            site.Clusters.Add(new ClusterPlan
            {
                Name = "Legacy-Cluster", Hosts = 4, HostPrefix = "esx-lg-", HostSuffix = ".lon.corp.example",
                Model = "Dell PowerEdge R730", Processor = "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", Vendor = CpuVendor.Intel,
                Generation = "intel-broadwell", EvcMode = "intel-broadwell", CoresPerSocket = 14, Mhz = 2400, MemoryGB = 512,
                Esxi = "6.7.3", VMotionGbps = 1, Datastores = new[] { ("LEGACY-VMFS-01", DatastoreType.VMFS, 0.0) }, LocalDatastores = true,
            });
            site.Clusters.Add(new ClusterPlan
            {
                Name = "DevTest-Cluster", Hosts = 4, HostPrefix = "esx-dt-", HostSuffix = ".lon.corp.example",
                Model = "Dell PowerEdge R7525", Processor = "AMD EPYC 7443 24-Core Processor", Vendor = CpuVendor.AMD,
                Generation = "amd-zen3", EvcMode = "amd-zen3", CoresPerSocket = 24, Mhz = 2850, MemoryGB = 512,
                Esxi = "8.0.2", VMotionGbps = 10, Datastores = new[] { ("DEV-NFS-01", DatastoreType.NFS, 0.0) }, LocalDatastores = true,
            });
            site.Clusters.Add(new ClusterPlan
            {
                Name = "GPU-Cluster", Hosts = 2, HostPrefix = "esx-gpu-", HostSuffix = ".lon.corp.example",
                Model = "Dell PowerEdge R750xa", Processor = "Intel(R) Xeon(R) Gold 6348 CPU @ 2.60GHz", Vendor = CpuVendor.Intel,
                Generation = "intel-icelake", EvcMode = "intel-icelake", CoresPerSocket = 28, Mhz = 2600, MemoryGB = 768,
                Esxi = "7.0.3", VMotionGbps = 25, Gpu = "NVIDIA T4", HAReservePercent = 50,
                Datastores = new[] { ("GPU-VMFS-01", DatastoreType.VMFS, 0.0) }, LocalDatastores = true,
            });

            var dvs = "dvs-lon-prod";
            site.Networks.AddRange(new[]
            {
                ManagementPortGroup("Mgmt-VLAN10", dvs, 10), PortGroup("Web-VLAN110", dvs, 110), PortGroup("App-VLAN120", dvs, 120),
                PortGroup("DB-VLAN130", dvs, 130), PortGroup("File-VLAN140", dvs, 140), PortGroup("DMZ-VLAN200", dvs, 200),
                PortGroup("Backup-VLAN300", dvs, 300), PortGroup("Dev-VLAN400", dvs, 400), PortGroup("VDI-VLAN500", dvs, 500),
                new CloudNetwork { Name = "VM Network", Kind = NetworkKind.StandardPortGroup, Switch = "vSwitch0", VlanId = 0, HasUplinks = true },
                new CloudNetwork { Name = "Isolated-Lab", Kind = NetworkKind.StandardPortGroup, Switch = "vSwitch1", VlanId = 0, HasUplinks = false },
            });
            return site;
        }

        /// <summary>The on-premises production clusters; larger labs add more of the same.</summary>
        private static ClusterPlan ProductionCluster(int number)
        {
            var n = number.ToString("00", CultureInfo.InvariantCulture);
            var datastores = number == 1
                ? new[] { "PROD-VMFS-01", "PROD-VMFS-02", "PROD-VMFS-03", "PROD-VMFS-04" }
                : Enumerable.Range(1, 4).Select(i => "PROD" + n + "-VMFS-" + i.ToString("00", CultureInfo.InvariantCulture)).ToArray();
            return new ClusterPlan
            {
                Name = ProductionClusterName(number), Hosts = number == 1 ? 8 : 16, HostPrefix = "esx-p" + number.ToString(CultureInfo.InvariantCulture) + "-",
                HostSuffix = ".lon.corp.example", Model = "Dell PowerEdge R750", Processor = "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz",
                Vendor = CpuVendor.Intel, Generation = "intel-icelake", EvcMode = "intel-cascadelake", CoresPerSocket = 32, Mhz = 2000,
                MemoryGB = 1024, Esxi = "7.0.3", VMotionGbps = 25, Datastores = datastores.Select(d => (d, DatastoreType.VMFS, 0.0)).ToArray(),
                LocalDatastores = number <= 2,
            };
        }

        private static SitePlan Vmc()
        {
            var site = Cloud("vmc-eu-west-2", CloudProvider.VMC, "AWS eu-west-2 (London)", "vcenter.sddc-18-132-44-10.vmwarevmc.com", "8.0.3", 24091160, "4.10.2", 51.515, -0.092);
            site.Clusters.Add(new ClusterPlan
            {
                Name = "Cluster-1", Hosts = 4, HostPrefix = "esx-", HostSuffix = ".sddc-18-132-44-10.vmwarevmc.com", Model = "i4i.metal",
                Processor = "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", Vendor = CpuVendor.Intel, Generation = "intel-icelake",
                EvcMode = "intel-icelake", CoresPerSocket = 32, Mhz = 2900, MemoryGB = 1024, Esxi = "8.0.3", VMotionGbps = 25,
                Datastores = new[] { ("WorkloadDatastore", DatastoreType.vSAN, 51200.0) },
            });
            site.Networks.Add(Segment("sddc-cgw-network-1", 71680));
            AddExtensions(site, 71681, "Web-VLAN110", "App-VLAN120", "DB-VLAN130");
            return site;
        }

        private static SitePlan Avs()
        {
            var site = Cloud("avs-westeurope", CloudProvider.AVS, "Azure West Europe (Amsterdam)", "vc.a7f3c19e02d4.westeurope.avs.azure.com", "8.0.2", 22617221, "4.10.0", 52.366, 4.894);
            site.Clusters.Add(new ClusterPlan
            {
                Name = "Cluster-1", Hosts = 3, HostPrefix = "esx", HostSuffix = "-r07.p01.westeurope.avs.azure.com", Model = "AV36P",
                Processor = "Intel(R) Xeon(R) Gold 6240 CPU @ 2.60GHz", Vendor = CpuVendor.Intel, Generation = "intel-cascadelake",
                EvcMode = "intel-cascadelake", CoresPerSocket = 18, Mhz = 2600, MemoryGB = 768, Esxi = "8.0.2", VMotionGbps = 25,
                Datastores = new[] { ("vsanDatastore", DatastoreType.vSAN, 26624.0) },
            });
            site.Networks.Add(Segment("workload-segment-01", 67584));
            AddExtensions(site, 67585, "Web-VLAN110", "App-VLAN120", "DB-VLAN130");
            return site;
        }

        private static SitePlan Gcve()
        {
            var site = Cloud("gcve-europe-west2", CloudProvider.GCVE, "GCP europe-west2 (London)", "vcsa-187204.d3b1a6f2.europe-west2.gve.goog", "8.0.2", 22617221, "4.9.1", 51.507, -0.128);
            site.Clusters.Add(new ClusterPlan
            {
                Name = "cluster-1", Hosts = 3, HostPrefix = "esxi-", HostSuffix = ".private-cloud-1.europe-west2.gve.goog", Model = "ve1-standard-72",
                Processor = "Intel(R) Xeon(R) Gold 6240 CPU @ 2.60GHz", Vendor = CpuVendor.Intel, Generation = "intel-cascadelake",
                EvcMode = "intel-cascadelake", CoresPerSocket = 18, Mhz = 2600, MemoryGB = 768, Esxi = "8.0.2", VMotionGbps = 25,
                Datastores = new[] { ("vsanDatastore", DatastoreType.vSAN, 26624.0) },
            });
            site.Networks.Add(Segment("gcve-app-segment", 69632));
            AddExtensions(site, 69633, "Web-VLAN110", "App-VLAN120");
            return site;
        }

        private static SitePlan Ovh()
        {
            var site = Cloud("ovh-rbx", CloudProvider.OVHcloud, "OVHcloud RBX (Roubaix)", "pcc-145-239-12-34.ovh.com", "7.0.3", 22357613, "4.8.2", 50.692, 3.176);
            site.Clusters.Add(new ClusterPlan
            {
                Name = "Cluster1", Hosts = 3, HostPrefix = "172.17.110.", HostSuffix = "", Model = "HPC AMD 2x EPYC 7313",
                Processor = "AMD EPYC 7313 16-Core Processor", Vendor = CpuVendor.AMD, Generation = "amd-zen3", EvcMode = "amd-zen3",
                CoresPerSocket = 16, Mhz = 3000, MemoryGB = 512, Esxi = "7.0.3", VMotionGbps = 10, HAReservePercent = 33,
                Datastores = new[] { ("ssd-000871", DatastoreType.NFS, 3072.0), ("ssd-000872", DatastoreType.NFS, 3072.0) },
            });
            site.Clusters.Add(new ClusterPlan
            {
                Name = "Cluster2", Hosts = 3, HostPrefix = "172.17.120.", HostSuffix = "", Model = "HPC Intel 2x Xeon Gold 6242R",
                Processor = "Intel(R) Xeon(R) Gold 6242R CPU @ 3.10GHz", Vendor = CpuVendor.Intel, Generation = "intel-cascadelake",
                EvcMode = "intel-cascadelake", CoresPerSocket = 20, Mhz = 3100, MemoryGB = 768, Esxi = "7.0.3", VMotionGbps = 10, HAReservePercent = 33,
                Datastores = new[] { ("ssd-000871", DatastoreType.NFS, 3072.0), ("ssd-000872", DatastoreType.NFS, 3072.0) },
            });
            var dvs = "vds-pcc-rbx";
            site.Networks.AddRange(new[] { PortGroup("VM Network", dvs, 0), PortGroup("VLAN110", dvs, 110), PortGroup("VLAN120", dvs, 120), PortGroup("VLAN130", dvs, 130) });
            return site;
        }

        private static SitePlan Ibm()
        {
            var site = Cloud("ibm-dal10", CloudProvider.IBMCloud, "IBM Cloud dal10 (Dallas)", "vcenter.dal10.vcs.example.cloud", "8.0.3", 24091160, "4.10.1", 32.779, -96.800);
            site.Clusters.Add(new ClusterPlan
            {
                Name = "cluster1", Hosts = 4, HostPrefix = "host", HostSuffix = ".dal10.vcs.example.cloud", Model = "Bare metal 2x Xeon Gold 6248",
                Processor = "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", Vendor = CpuVendor.Intel, Generation = "intel-cascadelake",
                EvcMode = "intel-cascadelake", CoresPerSocket = 20, Mhz = 2500, MemoryGB = 768, Esxi = "8.0.3", VMotionGbps = 25,
                Datastores = new[] { ("vsan-cluster1", DatastoreType.vSAN, 30720.0) },
            });
            site.Networks.Add(Segment("ibm-workload-seg", 73728));
            AddExtensions(site, 73729, "App-VLAN120", "DB-VLAN130");
            return site;
        }

        private static SitePlan Cloud(string name, CloudProvider provider, string region, string server, string version, int build, string hcx, double lat, double lon) =>
            new SitePlan
            {
                Name = name, Provider = provider, Region = region, Server = server, VCenterVersion = version, VCenterBuild = build,
                Hcx = hcx, Latitude = lat, Longitude = lon,
            };

        private static CloudNetwork PortGroup(string name, string dvs, int vlan) =>
            new CloudNetwork { Name = name, Kind = NetworkKind.DistributedPortGroup, Switch = dvs, VlanId = vlan, HasUplinks = true };

        /// <summary>The port group of the hosts' management VMkernel adapters, which infrastructure VMs share.</summary>
        private static CloudNetwork ManagementPortGroup(string name, string dvs, int vlan) =>
            new CloudNetwork { Name = name, Kind = NetworkKind.DistributedPortGroup, Switch = dvs, VlanId = vlan, HasUplinks = true, VMkernel = true };

        private static CloudNetwork Segment(string name, int vni) =>
            new CloudNetwork { Name = name, Kind = NetworkKind.NsxSegment, Switch = "nsx-overlay", SegmentId = vni, HasUplinks = true };

        /// <summary>HCX Network Extension segments, named as HCX names them: L2E_&lt;port group&gt;-&lt;VLAN&gt;.</summary>
        private static void AddExtensions(SitePlan site, int firstVni, params string[] portGroups)
        {
            for (var i = 0; i < portGroups.Length; i++)
            {
                var vlan = int.Parse(portGroups[i].Substring(portGroups[i].LastIndexOf('N') + 1), CultureInfo.InvariantCulture);
                site.Networks.Add(new CloudNetwork
                {
                    Name = HcxNetworkExtensionLimits.SegmentName(portGroups[i], vlan), Kind = NetworkKind.NsxSegment,
                    Switch = "nsx-overlay", VlanId = vlan, SegmentId = firstVni + i, ExtendedFrom = OnPrem + "/" + portGroups[i], HasUplinks = true,
                    ExtensionAppliance = HcxNetworkExtensionLimits.ApplianceName(OnPrem, site.Name, 1),
                });
            }
        }
    }
}
