using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using VInfo = HybridCmdlets.Engine.Import.RvToolsTab.VInfo;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// Places imported VMs on an endpoint. Clusters, hosts, datastores and networks the rows name are used when the
    /// endpoint has them and created when it does not, sized from the VMs on them and marked as imported (a host's
    /// Model reads "imported (RVTools)"), since vInfo describes VMs, not hardware. Each VM's workload profile is
    /// estimated from its guessed role and its memory. A row that cannot be placed as the file says (a name in use,
    /// a host in another cluster, no room on an existing datastore) is a problem for that row.
    /// </summary>
    internal sealed class InventoryPlanner
    {
        public const string ImportedModel = "imported (RVTools)";
        public const string ImportedProcessor = "unknown (imported from RVTools)";
        public const string ImportedSwitch = "imported (RVTools)";
        private const string DefaultFolder = "Discovered virtual machine";
        private const string VMIdPrefix = "VirtualMachine-";
        /// <summary>Memory and vCPUs a sized host leaves free, as a sized estate would: 80% of memory, 4 vCPUs per core.</summary>
        private const double HostMemoryUse = 0.8;
        private const double VCpusPerCore = 4;
        /// <summary>How full a created datastore is: it holds what its VMs use with a quarter to spare.</summary>
        private const double DatastoreFill = 0.75;
        private static readonly int[] HostMemorySizesGB = { 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096, 6144 };
        private static readonly int[] HostCoreCounts = { 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 192, 256 };

        private readonly CloudEndpoint endpoint;
        private readonly Func<string, bool> vmNameInUse;
        private readonly Func<string, bool> vmIdInUse;
        private readonly InventoryPlan plan;
        private readonly Dictionary<string, CloudCluster> clusters;
        private readonly Dictionary<string, CloudHost> hosts = new Dictionary<string, CloudHost>(Names.Comparer);
        private readonly Dictionary<string, string> clusterOfHost = new Dictionary<string, string>(Names.Comparer);
        private readonly Dictionary<string, Datastore> datastores;
        private readonly Dictionary<string, CloudNetwork> networks;
        /// <summary>Free space left on the endpoint's own datastores, for those the import uses.</summary>
        private readonly Dictionary<string, double> freeGB = new Dictionary<string, double>(Names.Comparer);
        private readonly Dictionary<string, ClusterBuild> builds = new Dictionary<string, ClusterBuild>(Names.Comparer);
        private readonly List<ClusterBuild> buildOrder = new List<ClusterBuild>();
        private readonly Dictionary<string, HostBuild> newHosts = new Dictionary<string, HostBuild>(Names.Comparer);
        private readonly Dictionary<string, double> newDatastoreUsedGB = new Dictionary<string, double>(Names.Comparer);
        private readonly List<string> newDatastoreOrder = new List<string>();
        private readonly Dictionary<string, string?> newNetworkSwitch = new Dictionary<string, string?>(Names.Comparer);
        private readonly List<string> newNetworkOrder = new List<string>();
        private readonly Dictionary<string, int> lineOfName = new Dictionary<string, int>(Names.Comparer);
        private readonly HashSet<string> idsTaken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<Placement> placements = new List<Placement>();
        /// <summary>The datastores the VM being placed uses, and what it takes on each.</summary>
        private readonly List<(string Datastore, double GB)> usage = new List<(string, double)>(4);

        private InventoryPlanner(CloudEndpoint endpoint, Func<string, bool> vmNameInUse, Func<string, bool> vmIdInUse, InventoryPlan plan)
        {
            this.endpoint = endpoint;
            this.vmNameInUse = vmNameInUse;
            this.vmIdInUse = vmIdInUse;
            this.plan = plan;
            clusters = Index(endpoint.Clusters, c => c.Name);
            datastores = Index(endpoint.Datastores, d => d.Name);
            networks = Index(endpoint.Networks, n => n.Name);
            foreach (var cluster in endpoint.Clusters)
            {
                foreach (var host in cluster.Hosts)
                {
                    if (hosts.ContainsKey(host.Name)) continue;
                    hosts.Add(host.Name, host);
                    clusterOfHost.Add(host.Name, cluster.Name);
                }
            }
        }

        /// <summary>Plans the import of <paramref name="vms"/> into <paramref name="endpoint"/>; reads the predicates, changes nothing.</summary>
        public static InventoryPlan Plan(CloudEndpoint endpoint, Func<string, bool> vmNameInUse, Func<string, bool> vmIdInUse, IReadOnlyList<ImportedVM> vms, long estateVersion)
        {
            var plan = new InventoryPlan(vms, endpoint, estateVersion);
            var planner = new InventoryPlanner(endpoint, vmNameInUse, vmIdInUse, plan);
            foreach (var vm in vms) planner.Place(vm);
            planner.Build();
            return plan;
        }

        private void Place(ImportedVM vm)
        {
            var problem = Check(vm, out var build);
            if (problem != null)
            {
                plan.Problems.Add(new InventoryProblem(problem, vm.Name));
                return;
            }

            lineOfName.Add(vm.Name, vm.Line);
            HostBuild? newHost = null;
            if (!hosts.ContainsKey(vm.Host))
            {
                if (!newHosts.TryGetValue(vm.Host, out newHost))
                {
                    newHost = new HostBuild(vm.Host, build);
                    newHosts.Add(vm.Host, newHost);
                    build.NewHosts.Add(newHost);
                }

                newHost.Add(vm);
            }

            foreach (var pair in usage)
            {
                if (datastores.TryGetValue(pair.Datastore, out var existing))
                {
                    freeGB[existing.Name] = FreeGB(existing) - pair.GB;
                    if (existing.VMHost == null) build.Mount(existing.Name);
                    continue;
                }

                if (!newDatastoreUsedGB.TryGetValue(pair.Datastore, out var used))
                {
                    newDatastoreOrder.Add(pair.Datastore);
                    used = 0;
                }

                newDatastoreUsedGB[pair.Datastore] = used + pair.GB;
                build.Mount(pair.Datastore);
            }

            foreach (var nic in vm.Nics)
            {
                if (networks.ContainsKey(nic.Network) || newNetworkSwitch.ContainsKey(nic.Network)) continue;
                newNetworkSwitch.Add(nic.Network, nic.Switch);
                newNetworkOrder.Add(nic.Network);
            }

            placements.Add(new Placement(vm, build));
        }

        /// <summary>What stops the VM from being placed as the file says, or null; with the cluster it goes to, and its use of each datastore in <see cref="usage"/>.</summary>
        private HybridException? Check(ImportedVM vm, out ClusterBuild build)
        {
            build = null!;
            if (vmNameInUse(vm.Name)) return EngineErrors.InventoryVMNameInUse(vm.At(VInfo.VM, vm.Name), endpoint.Name, null);
            if (lineOfName.TryGetValue(vm.Name, out var firstLine)) return EngineErrors.InventoryVMNameInUse(vm.At(VInfo.VM, vm.Name), endpoint.Name, firstLine);

            var hostCluster = clusterOfHost.TryGetValue(vm.Host, out var existingCluster) ? existingCluster
                : newHosts.TryGetValue(vm.Host, out var planned) ? planned.Cluster.Name
                : null;
            if (hostCluster != null && !Names.Equal(hostCluster, vm.Cluster))
            {
                return EngineErrors.InventoryHostInOtherCluster(vm.At(VInfo.Host, vm.Host), vm.Cluster, hostCluster, endpoint.Name);
            }

            clusters.TryGetValue(vm.Cluster, out var cluster);
            if (cluster != null && vm.HardwareVersion > cluster.MaxHardwareVersionNumber)
            {
                return EngineErrors.InventoryHardwareVersionNotSupported(vm.At(VInfo.HWVersion, VirtualHardware.Format(vm.HardwareVersion.Value)), cluster.Name, cluster.MaxHardwareVersion);
            }

            usage.Clear();
            Use(vm.HomeDatastore!, 0);
            foreach (var disk in vm.Disks) Use(disk.Datastore, disk.UsedGB);
            foreach (var pair in usage)
            {
                if (!datastores.TryGetValue(pair.Datastore, out var existing)) continue;
                if (existing.VMHost != null && !Names.Equal(existing.VMHost, vm.Host))
                {
                    return EngineErrors.InventoryDatastoreNotAccessible(vm.At(VInfo.Path, pair.Datastore), existing.Name, existing.VMHost, vm.Host);
                }

                var free = FreeGB(existing);
                if (pair.GB > free) return EngineErrors.InventoryDatastoreFull(vm.At(VInfo.Path, pair.Datastore), existing.Name, pair.GB, free);
            }

            if (!builds.TryGetValue(vm.Cluster, out build))
            {
                build = new ClusterBuild(cluster?.Name ?? vm.Cluster, cluster);
                builds.Add(build.Name, build);
                buildOrder.Add(build);
            }

            return null;
        }

        /// <summary>Adds to what the VM being placed takes on a datastore (a VM uses one or two, so a list does).</summary>
        private void Use(string datastore, double gb)
        {
            for (var i = 0; i < usage.Count; i++)
            {
                if (!Names.Equal(usage[i].Datastore, datastore)) continue;
                usage[i] = (usage[i].Datastore, usage[i].GB + gb);
                return;
            }

            usage.Add((datastore, gb));
        }

        private double FreeGB(Datastore datastore) => freeGB.TryGetValue(datastore.Name, out var free) ? free : datastore.FreeSpaceGB;

        /// <summary>Makes the objects: hosts sized from their VMs, then clusters, datastores, networks, the endpoint and the VMs.</summary>
        private void Build()
        {
            var template = endpoint.Clusters[0];
            var templateHost = template.Hosts[0];
            var changedClusters = new Dictionary<string, CloudCluster>(Names.Comparer);
            var createdClusters = new List<CloudCluster>();
            foreach (var build in buildOrder)
            {
                var sibling = build.Existing?.Hosts[0];
                // The hosts of a created cluster run one ESXi release, new enough for every VM of the cluster.
                var hardware = build.NewHosts.Count == 0 ? 0 : build.NewHosts.Max(h => h.MaxHardwareVersion);
                var madeHosts = build.NewHosts.Select(h => MakeHost(h, sibling, templateHost, hardware)).ToArray();
                plan.NewHosts += madeHosts.Length;
                if (build.Existing != null)
                {
                    if (madeHosts.Length == 0 && build.AddedDatastores.Count == 0) continue;
                    var changed = build.Existing.Copy();
                    changed.Hosts = build.Existing.Hosts.Concat(madeHosts).ToArray();
                    changed.Datastores = build.Existing.Datastores.Concat(build.AddedDatastores).ToArray();
                    changedClusters.Add(changed.Name, changed);
                    continue;
                }

                var many = madeHosts.Length > 1;
                createdClusters.Add(new CloudCluster
                {
                    Name = build.Name,
                    Endpoint = endpoint.Name,
                    CpuVendor = template.CpuVendor,
                    EvcMode = template.EvcMode,
                    // A standalone host has neither HA nor DRS; a cluster keeps one host's worth free for HA (N+1).
                    HAEnabled = many,
                    HAFailoverReservePercent = many ? (int)Math.Ceiling(100.0 / madeHosts.Length) : 0,
                    DrsEnabled = many,
                    Hosts = madeHosts,
                    Datastores = build.AddedDatastores.ToArray(),
                });
            }

            plan.NewClusters = createdClusters.Count;
            plan.NewDatastores = newDatastoreOrder.Count;
            plan.NewNetworks = newNetworkOrder.Count;
            var updated = endpoint.Copy();
            updated.Clusters = endpoint.Clusters.Select(c => changedClusters.TryGetValue(c.Name, out var changed) ? changed : c).Concat(createdClusters).ToArray();
            updated.Datastores = endpoint.Datastores.Select(WithImportedUse).Concat(newDatastoreOrder.Select(MakeDatastore)).ToArray();
            updated.Networks = endpoint.Networks.Concat(newNetworkOrder.Select(MakeNetwork)).ToArray();
            plan.Endpoint = updated;

            var clusterByName = updated.Clusters.ToDictionary(c => c.Name, Names.Comparer);
            foreach (var placement in placements) plan.VMs.Add(MakeVM(placement.VM, clusterByName[placement.Cluster.Name]));
        }

        private CloudHost MakeHost(HostBuild build, CloudHost? sibling, CloudHost template, int hardwareVersion)
        {
            var cores = Math.Min(4096, FirstAtLeast(HostCoreCounts, Math.Max(build.MaxVCpus, (int)Math.Ceiling(build.VCpus / VCpusPerCore)), 64));
            var memoryGB = FirstAtLeast(HostMemorySizesGB, (int)Math.Ceiling(build.MemoryMB / 1024.0 / HostMemoryUse), 1024);
            // A new host of an existing cluster is taken to be like the others: same CPUs, ESXi release and vMotion network.
            var like = sibling ?? template;
            return new CloudHost
            {
                Name = build.Name,
                Cluster = build.Cluster.Name,
                Model = ImportedModel,
                ProcessorType = ImportedProcessor,
                CpuVendor = like.CpuVendor,
                CpuGeneration = like.CpuGeneration,
                NumCpuSockets = 2,
                NumCpuCores = sibling == null ? cores : Math.Max(cores, sibling.NumCpuCores),
                CpuMhz = like.CpuMhz,
                MemoryGB = sibling == null ? memoryGB : Math.Max(memoryGB, sibling.MemoryGB),
                EsxiVersion = sibling?.EsxiVersion ?? EsxiFor(hardwareVersion),
                VMotionNetworkGbps = sibling?.VMotionNetworkGbps ?? CloudHost.DefaultVMotionNetworkGbps,
            };
        }

        /// <summary>The ESXi release of a created host: the vCenter's own, unless its VMs need newer virtual hardware.</summary>
        private string EsxiFor(int hardwareVersion)
        {
            var vCenter = Version.TryParse(endpoint.VCenterVersion, out var parsed) ? parsed.ToString(3) : "7.0.3";
            if (VirtualHardware.MaxForEsxi(vCenter) >= hardwareVersion) return vCenter;
            foreach (var release in new[] { "6.5.0", "6.7.0", "6.7.2", "7.0.0", "7.0.1", "7.0.2", "8.0.0", "8.0.2" })
            {
                if (VirtualHardware.MaxForEsxi(release) >= hardwareVersion) return release;
            }

            return "8.0.2";
        }

        private Datastore WithImportedUse(Datastore datastore)
        {
            if (!freeGB.TryGetValue(datastore.Name, out var free)) return datastore;
            var updated = datastore.Copy();
            updated.FreeSpaceGB = Math.Round(Math.Max(0, free), 2);
            return updated;
        }

        private Datastore MakeDatastore(string name)
        {
            var used = newDatastoreUsedGB[name];
            var capacity = Math.Max(1024, Math.Ceiling(used / DatastoreFill / 1024) * 1024);
            var type = name.IndexOf("vsan", StringComparison.OrdinalIgnoreCase) >= 0 ? DatastoreType.vSAN
                : name.IndexOf("nfs", StringComparison.OrdinalIgnoreCase) >= 0 ? DatastoreType.NFS
                : DatastoreType.VMFS;
            return new Datastore { Name = name, Endpoint = endpoint.Name, Type = type, CapacityGB = capacity, FreeSpaceGB = Math.Round(capacity - used, 2), Shared = true };
        }

        private CloudNetwork MakeNetwork(string name)
        {
            var switchName = newNetworkSwitch[name];
            var standard = switchName != null && switchName.StartsWith("vSwitch", StringComparison.OrdinalIgnoreCase);
            return new CloudNetwork
            {
                Name = name,
                Endpoint = endpoint.Name,
                Kind = standard ? NetworkKind.StandardPortGroup : NetworkKind.DistributedPortGroup,
                Switch = switchName ?? ImportedSwitch,
                HasUplinks = true,
            };
        }

        private CloudVM MakeVM(ImportedVM vm, CloudCluster cluster)
        {
            var id = vm.SourceId == null ? null : VMIdPrefix + vm.SourceId;
            if (id != null && (vmIdInUse(id) || !idsTaken.Add(id))) id = null;
            plan.Roles[vm.Role] = (plan.Roles.TryGetValue(vm.Role, out var count) ? count : 0) + 1;
            var disks = new HardDisk[vm.Disks.Count];
            for (var i = 0; i < disks.Length; i++)
            {
                var d = vm.Disks[i];
                disks[i] = new HardDisk { Name = d.Name, CapacityGB = d.CapacityGB, UsedGB = d.UsedGB, Datastore = d.Datastore, StorageFormat = d.Format, DiskType = d.Type, Sharing = d.Sharing };
            }

            var nics = new NetworkAdapter[vm.Nics.Count];
            for (var i = 0; i < nics.Length; i++)
            {
                var n = vm.Nics[i];
                nics[i] = new NetworkAdapter { Name = n.Name, NetworkName = n.Network, MacAddress = n.MacAddress ?? "", Type = n.Type, Connected = n.Connected };
            }

            var hostName = hosts.TryGetValue(vm.Host, out var host) ? host.Name : vm.Host;
            var homeName = datastores.TryGetValue(vm.HomeDatastore!, out var home) ? home.Name : vm.HomeDatastore!;
            return new CloudVM(vm.Name, endpoint.Name, endpoint.Provider, cluster.Name, cluster.EvcMode, hostName, homeName)
            {
                Id = id ?? "",
                PowerState = vm.PowerState,
                NumCpu = vm.NumCpu,
                CoresPerSocket = 1,
                MemoryMB = vm.MemoryMB,
                HardwareVersion = VirtualHardware.Format(vm.HardwareVersion ?? cluster.MaxHardwareVersionNumber),
                GuestId = vm.GuestId,
                GuestOS = vm.GuestOS,
                ToolsStatus = vm.ToolsStatus,
                Folder = vm.Folder ?? DefaultFolder,
                Role = vm.Role,
                Workload = RoleProfiles.Estimate(vm.Role, vm.MemoryMB),
                HardDisks = disks,
                NetworkAdapters = nics,
            };
        }

        private static int FirstAtLeast(int[] sizes, int needed, int step)
        {
            foreach (var size in sizes)
            {
                if (size >= needed) return size;
            }

            return (int)Math.Ceiling((double)needed / step) * step;
        }

        private static Dictionary<string, T> Index<T>(IReadOnlyList<T> items, Func<T, string> name)
        {
            var index = new Dictionary<string, T>(items.Count, Names.Comparer);
            foreach (var item in items)
            {
                if (!index.ContainsKey(name(item))) index.Add(name(item), item);
            }

            return index;
        }

        private sealed class Placement
        {
            public Placement(ImportedVM vm, ClusterBuild cluster)
            {
                VM = vm;
                Cluster = cluster;
            }

            public ImportedVM VM { get; }
            public ClusterBuild Cluster { get; }
        }

        /// <summary>A cluster the import adds to or creates: its new hosts and the shared datastores it newly mounts.</summary>
        private sealed class ClusterBuild
        {
            private readonly HashSet<string> mounted;

            public ClusterBuild(string name, CloudCluster? existing)
            {
                Name = name;
                Existing = existing;
                mounted = new HashSet<string>(existing?.Datastores ?? Array.Empty<string>(), Names.Comparer);
            }

            public string Name { get; }
            public CloudCluster? Existing { get; }
            public List<HostBuild> NewHosts { get; } = new List<HostBuild>();
            public List<string> AddedDatastores { get; } = new List<string>();

            public void Mount(string datastore)
            {
                if (mounted.Add(datastore)) AddedDatastores.Add(datastore);
            }
        }

        /// <summary>A host the import creates, and the load of its VMs it is sized for.</summary>
        private sealed class HostBuild
        {
            public HostBuild(string name, ClusterBuild cluster)
            {
                Name = name;
                Cluster = cluster;
            }

            public string Name { get; }
            public ClusterBuild Cluster { get; }
            public long MemoryMB { get; private set; }
            public int VCpus { get; private set; }
            public int MaxVCpus { get; private set; }
            public int MaxHardwareVersion { get; private set; }

            public void Add(ImportedVM vm)
            {
                MemoryMB += vm.MemoryMB;
                VCpus += vm.NumCpu;
                MaxVCpus = Math.Max(MaxVCpus, vm.NumCpu);
                MaxHardwareVersion = Math.Max(MaxHardwareVersion, vm.HardwareVersion ?? 0);
            }
        }
    }
}
