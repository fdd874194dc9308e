using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Persistence;

namespace HybridCmdlets.Engine.Generation
{
    /// <summary>
    /// Builds labs from the site and workload catalogs with a seeded generator: the embedded default lab, or a
    /// larger one of the same shape (more production clusters and applications) for tests at scale.
    /// </summary>
    public static class LabGenerator
    {
        public const int DefaultSeed = 20261122;
        public const string DefaultLabName = "Default hybrid lab";

        /// <summary>Clusters of 16 hosts take this many VMs each in a scaled lab.</summary>
        private const int VMsPerScaledCluster = 480;

        private static readonly DateTime SnapshotEpoch = new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc);

        /// <summary>The embedded lab every import starts with.</summary>
        public static LabDocument CreateDefault() => Create(DefaultSeed, vmCount: null);

        /// <summary>A lab with about <paramref name="vmCount"/> VMs (never fewer than the default estate).</summary>
        public static LabDocument Create(int seed, int? vmCount)
        {
            var random = DeterministicRandom.ForLab(seed, DefaultSeed);
            var blueprints = WorkloadCatalog.DefaultEstate();
            var extraClusters = 0;
            if (vmCount.HasValue && vmCount.Value > blueprints.Count)
            {
                var missing = vmCount.Value - blueprints.Count;
                extraClusters = (missing + VMsPerScaledCluster - 1) / VMsPerScaledCluster;
                var copy = 0;
                while (missing > 0)
                {
                    var cluster = SiteCatalog.ProductionClusterName(3 + copy * WorkloadCatalog.ScaledCopySize / VMsPerScaledCluster % Math.Max(1, extraClusters));
                    foreach (var b in WorkloadCatalog.Scaled(copy + 1, cluster).Take(missing))
                    {
                        blueprints.Add(b);
                        missing--;
                    }

                    copy++;
                }
            }

            var sites = SiteCatalog.Create(extraClusters);
            var builder = new EstateBuilder(random, sites);
            foreach (var blueprint in blueprints) builder.Add(blueprint);

            var document = new LabDocument
            {
                Name = vmCount.HasValue ? string.Format(CultureInfo.InvariantCulture, "Generated lab ({0} VMs, seed {1})", blueprints.Count, seed) : DefaultLabName,
                Options = new LabOptions(),
                Endpoints = builder.Endpoints(),
                Links = Links(sites),
                VMs = builder.VMs,
            };

            // The loader's rules hold for what the generator makes too: a generated lab always saves and opens again.
            Persistence.LabValidator.Check(document, "(generated lab, seed " + seed.ToString(CultureInfo.InvariantCulture) + ")");
            return document;
        }

        /// <summary>Links follow geography: round-trip time from great-circle distance, bandwidth from the product.</summary>
        private static List<CloudLink> Links(List<SitePlan> sites)
        {
            var onPrem = sites[0];
            var links = new List<CloudLink>
            {
                Link(onPrem, sites[1], LinkKind.DirectConnect, 10_000, 0),
                Link(onPrem, sites[2], LinkKind.ExpressRoute, 10_000, 0),
                Link(onPrem, sites[3], LinkKind.CloudInterconnect, 10_000, 0),
                Link(onPrem, sites[4], LinkKind.OVHcloudConnect, 1_000, 0),
                Link(onPrem, sites[5], LinkKind.IPsecVpn, 1_000, 0.05),
            };
            for (var i = 1; i < sites.Count; i++)
            {
                for (var j = i + 1; j < sites.Count; j++)
                {
                    links.Add(Link(sites[i], sites[j], LinkKind.IPsecVpn, 1_000, 0.02));
                }
            }

            return links;
        }

        private static CloudLink Link(SitePlan a, SitePlan b, LinkKind kind, double mbps, double loss) => new CloudLink
        {
            Source = a.Name, Destination = b.Name, Kind = kind, BandwidthMbps = mbps, RttMs = RoundTripMs(a, b), LossPercent = loss,
        };

        /// <summary>
        /// Light in fibre covers about 200 km per ms; real routes run about 1.5 times the great-circle distance;
        /// each end adds switching and firewall latency.
        /// </summary>
        internal static double RoundTripMs(SitePlan a, SitePlan b)
        {
            const double EarthRadiusKm = 6371;
            double Rad(double deg) => deg * Math.PI / 180;
            var dLat = Rad(b.Latitude - a.Latitude);
            var dLon = Rad(b.Longitude - a.Longitude);
            var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
            var km = 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(h));
            return Math.Round(2 * km * 1.5 / 200 + 1.5, 1);
        }

        /// <summary>Turns blueprints into VMs, placing each on the least-loaded host, and sizes datastores to fit.</summary>
        private sealed class EstateBuilder
        {
            private readonly DeterministicRandom random;
            private readonly List<SitePlan> sites;
            private readonly Dictionary<string, double> datastoreUsedGB = new Dictionary<string, double>(Names.Comparer);
            private readonly Dictionary<string, long> hostMemoryMB = new Dictionary<string, long>(Names.Comparer);
            private int nextId = 1001;
            private int nextMac = 1;

            public EstateBuilder(DeterministicRandom random, List<SitePlan> sites)
            {
                this.random = random;
                this.sites = sites;
            }

            public List<CloudVM> VMs { get; } = new List<CloudVM>();

            public void Add(VMBlueprint b)
            {
                var site = sites.First(s => s.Name == b.Endpoint);
                var cluster = site.Clusters.First(c => c.Name == b.Cluster);
                var host = b.PinnedHost ?? LeastLoadedHost(site, cluster);
                var datastore = cluster.Datastores.Select(d => d.Name).OrderBy(d => Used(site.Name, d)).ThenBy(d => d, StringComparer.Ordinal).First();
                var windows = GuestOperatingSystems.IsWindows(b.GuestId);
                var (cpu, memoryGB) = Size(b);
                var memoryMB = memoryGB * 1024;
                var maxHardware = VirtualHardware.MaxForEsxi(cluster.Esxi);
                var hardware = b.HardwareVersion ?? HardwareVersionFor(maxHardware);
                var power = b.Power ?? DrawPower(b);
                GuestOperatingSystems.TryGetFullName(b.GuestId, out var guestOS);

                var disks = new List<HardDisk> { Disk(1, windows ? random.Pick(80.0, 90.0, 100.0) : random.Pick(40.0, 50.0, 60.0), datastore, thin: true) };
                foreach (var size in b.DataDisksGB ?? DataDisks(b.Role)) disks.Add(Disk(disks.Count + 1, size, datastore, thin: b.Role != WorkloadRole.Database));
                if ((b.Complications & Complication.PhysicalRdm) != 0)
                {
                    disks.Add(new HardDisk { Name = DeviceLabels.HardDisk(disks.Count + 1), CapacityGB = 500, UsedGB = 0.1, Datastore = datastore, StorageFormat = StorageFormat.Thick, DiskType = DiskType.RawPhysical, Sharing = DiskSharing.MultiWriter });
                }

                if ((b.Complications & Complication.MultiWriterDisk) != 0)
                {
                    disks.Add(new HardDisk { Name = DeviceLabels.HardDisk(disks.Count + 1), CapacityGB = 200, UsedGB = 200, Datastore = datastore, StorageFormat = StorageFormat.EagerZeroedThick, DiskType = DiskType.Flat, Sharing = DiskSharing.MultiWriter });
                }

                foreach (var d in disks) datastoreUsedGB[site.Name + "/" + d.Datastore] = Used(site.Name, d.Datastore) + d.UsedGB;
                hostMemoryMB[host] = hostMemoryMB.TryGetValue(host, out var m) ? m + memoryMB : memoryMB;

                var nics = new List<NetworkAdapter> { Nic(1, b.Network, windows) };
                if (b.SecondNetwork != null) nics.Add(Nic(2, b.SecondNetwork, windows));

                var tags = new List<string> { "Application/" + b.Application, "Environment/" + b.Environment };
                if (b.Wave != null) tags.Add("Wave/" + b.Wave);

                VMs.Add(new CloudVM(b.Name, site.Name, site.Provider, cluster.Name, cluster.EvcMode, host, datastore)
                {
                    Id = CloudVM.IdOf(nextId++),
                    PowerState = power,
                    NumCpu = cpu,
                    CoresPerSocket = cpu >= 8 && random.Chance(0.5) ? cpu / 2 : cpu,
                    MemoryMB = memoryMB,
                    HardwareVersion = VirtualHardware.Format(hardware),
                    GuestId = b.GuestId,
                    GuestOS = guestOS,
                    ToolsStatus = power != PowerState.PoweredOn ? ToolsStatus.ToolsNotRunning
                        : hardware <= 10 ? ToolsStatus.ToolsOld
                        : random.Chance(0.04) ? ToolsStatus.ToolsNotRunning
                        : random.Chance(0.08) ? ToolsStatus.ToolsOld : ToolsStatus.ToolsOk,
                    Folder = b.Folder,
                    Role = b.Role,
                    Workload = RoleProfiles.Draw(b.Role, memoryMB, random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(), estimated: false),
                    Tags = tags.ToArray(),
                    HardDisks = disks.ToArray(),
                    NetworkAdapters = nics.ToArray(),
                    CdDrives = CdDrives(b, host, datastore),
                    UsbDevices = (b.Complications & Complication.UsbWithoutVMotion) != 0
                        ? new[] { new UsbDevice { Name = "USB 1 (SafeNet Sentinel license dongle)", VMotionSupported = false } }
                        : Array.Empty<UsbDevice>(),
                    PassthroughDevices = (b.Complications & Complication.DirectPathIO) != 0
                        ? new[] { "PCI device 0 (0000:3b:00.0 Intel Ethernet Controller X710)" }
                        : Array.Empty<string>(),
                    VGpuProfile = (b.Complications & Complication.LargeVGpu) != 0 ? "grid_t4-16q" : (b.Complications & Complication.VGpu) != 0 ? "grid_t4-4q" : null,
                    FaultToleranceEnabled = (b.Complications & Complication.FaultTolerance) != 0,
                    Snapshots = DrawSnapshots(b),
                });
            }

            public List<CloudEndpoint> Endpoints() => sites.Select(site => new CloudEndpoint
            {
                Name = site.Name,
                Provider = site.Provider,
                Region = site.Region,
                Server = site.Server,
                VCenterVersion = site.VCenterVersion,
                VCenterBuild = site.VCenterBuild,
                HcxEnabled = site.Hcx != null,
                HcxVersion = site.Hcx,
                Latitude = site.Latitude,
                Longitude = site.Longitude,
                Clusters = site.Clusters.Select(c => new CloudCluster
                {
                    Name = c.Name,
                    Endpoint = site.Name,
                    CpuVendor = c.Vendor,
                    EvcMode = c.EvcMode,
                    HAEnabled = true,
                    HAFailoverReservePercent = c.HAReservePercent,
                    DrsEnabled = true,
                    Hosts = HostNames(c).Select(h => new CloudHost
                    {
                        Name = h, Cluster = c.Name, Model = c.Model, ProcessorType = c.Processor, CpuVendor = c.Vendor, CpuGeneration = c.Generation,
                        NumCpuSockets = c.Sockets, NumCpuCores = c.Sockets * c.CoresPerSocket, CpuMhz = c.Mhz, MemoryGB = c.MemoryGB,
                        EsxiVersion = c.Esxi, VMotionNetworkGbps = c.VMotionGbps, GpuModel = c.Gpu,
                    }).ToArray(),
                    Datastores = c.Datastores.Select(d => d.Name).ToArray(),
                }).ToArray(),
                Datastores = Datastores(site),
                Networks = site.Networks.Select(n => { n.Endpoint = site.Name; return n; }).ToArray(),
            }).ToList();

            private Datastore[] Datastores(SitePlan site)
            {
                var result = new List<Datastore>();
                foreach (var (name, type, fixedCapacity) in site.Clusters.SelectMany(c => c.Datastores).Distinct())
                {
                    var used = Used(site.Name, name);
                    // Cloud storage comes with the hosts bought; on premises, storage teams size in whole TB with about a third kept free.
                    var sized = Math.Max(2048, Math.Ceiling(used / 0.65 / 1024) * 1024);
                    var capacity = fixedCapacity > 0 ? Math.Max(fixedCapacity, sized) : sized;
                    result.Add(new Datastore { Name = name, Endpoint = site.Name, Type = type, Shared = true, CapacityGB = capacity, FreeSpaceGB = Math.Round(capacity - used - capacity * 0.02, 2) });
                }

                foreach (var cluster in site.Clusters.Where(c => c.LocalDatastores))
                {
                    foreach (var host in HostNames(cluster))
                    {
                        var name = LocalDatastore(host);
                        var used = Used(site.Name, name) + 12;
                        result.Add(new Datastore { Name = name, Endpoint = site.Name, Type = DatastoreType.VMFS, Shared = false, VMHost = host, CapacityGB = 446.75, FreeSpaceGB = Math.Round(446.75 - used, 2) });
                    }
                }

                return result.ToArray();
            }

            private static IEnumerable<string> HostNames(ClusterPlan c) =>
                Enumerable.Range(1, c.Hosts).Select(i => c.HostPrefix + (c.HostSuffix.Length == 0 ? (10 + i).ToString(CultureInfo.InvariantCulture) : i.ToString("00", CultureInfo.InvariantCulture)) + c.HostSuffix);

            private static string LocalDatastore(string host) => host.Substring(0, host.IndexOf('.') > 0 ? host.IndexOf('.') : host.Length) + "-local";

            private double Used(string site, string datastore) => datastoreUsedGB.TryGetValue(site + "/" + datastore, out var used) ? used : 0;

            private string LeastLoadedHost(SitePlan site, ClusterPlan cluster) =>
                HostNames(cluster).OrderBy(h => hostMemoryMB.TryGetValue(h, out var m) ? m : 0).First();

            private (int Cpu, int MemoryGB) Size(VMBlueprint b)
            {
                int cpu, memory;
                switch (b.Role)
                {
                    case WorkloadRole.Web: cpu = random.Pick(2, 2, 4); memory = random.Pick(4, 8, 8, 16); break;
                    case WorkloadRole.App: cpu = random.Pick(4, 4, 8); memory = random.Pick(8, 16, 16, 32); break;
                    case WorkloadRole.Database: cpu = random.Pick(8, 8, 16, 16, 24); memory = random.Pick(32, 64, 64, 128, 192, 256); break;
                    case WorkloadRole.File: cpu = 4; memory = 16; break;
                    case WorkloadRole.Infrastructure: cpu = random.Pick(2, 2, 4); memory = random.Pick(4, 8, 16); break;
                    case WorkloadRole.Desktop: cpu = 4; memory = 16; break;
                    default: cpu = random.Pick(1, 2, 2, 4); memory = random.Pick(2, 4, 8, 16); break;
                }

                return (b.NumCpu ?? cpu, b.MemoryGB ?? memory);
            }

            private double[] DataDisks(WorkloadRole role) => role switch
            {
                WorkloadRole.Web => random.Chance(0.5) ? new[] { 50.0 } : Array.Empty<double>(),
                WorkloadRole.App => new[] { random.Pick(100.0, 200.0, 300.0) },
                WorkloadRole.Database => Enumerable.Range(0, random.Between(2, 3)).Select(_ => random.Pick(200.0, 500.0, 1000.0, 2000.0)).ToArray(),
                WorkloadRole.File => new[] { random.Pick(1024.0, 2048.0, 4096.0) },
                WorkloadRole.DevTest => random.Chance(0.4) ? new[] { random.Pick(50.0, 100.0) } : Array.Empty<double>(),
                _ => Array.Empty<double>(),
            };

            private HardDisk Disk(int number, double sizeGB, string datastore, bool thin) => new HardDisk
            {
                Name = DeviceLabels.HardDisk(number),
                CapacityGB = sizeGB,
                UsedGB = thin ? Math.Round(sizeGB * (0.35 + random.NextDouble() * 0.5), 2) : sizeGB,
                Datastore = datastore,
                StorageFormat = thin ? StorageFormat.Thin : StorageFormat.Thick,
            };

            private NetworkAdapter Nic(int number, string network, bool windows) => new NetworkAdapter
            {
                Name = DeviceLabels.NetworkAdapter(number),
                NetworkName = network,
                MacAddress = Estate.MacAddress(nextMac++),
                Type = windows && random.Chance(0.15) ? AdapterType.E1000e : AdapterType.Vmxnet3,
                Connected = true,
            };

            /// <summary>Most VMs sit at the newest hardware their cluster offered when they were built; some are older.</summary>
            private int HardwareVersionFor(int max)
            {
                var candidates = new[] { 11, 13, 14, 15, 17, 19, 20, 21 }.Where(v => v <= max).ToArray();
                return random.Chance(0.45) ? max : candidates[random.Between(Math.Max(0, candidates.Length - 4), candidates.Length - 1)];
            }

            private PowerState DrawPower(VMBlueprint b)
            {
                var on = b.Role == WorkloadRole.DevTest ? 0.65 : b.Environment == "Production" ? 0.97 : 0.85;
                if (random.Chance(on)) return PowerState.PoweredOn;
                return b.Role == WorkloadRole.DevTest && random.Chance(0.1) ? PowerState.Suspended : PowerState.PoweredOff;
            }

            private CdDrive[] CdDrives(VMBlueprint b, string host, string datastore)
            {
                if ((b.Complications & Complication.IsoOnLocalDatastore) != 0)
                {
                    return new[] { new CdDrive { Name = DeviceLabels.CdDrive(1), IsoPath = "[" + LocalDatastore(host) + "] iso/rhel-8.9-x86_64-dvd.iso", Connected = true } };
                }

                if ((b.Complications & Complication.ClientCdrom) != 0)
                {
                    return new[] { new CdDrive { Name = DeviceLabels.CdDrive(1), RemoteDevice = "Remote ATAPI", Connected = true } };
                }

                // Most templates keep an empty drive; a few VMs still hold an ISO on their own (shared) datastore.
                return random.Chance(0.06)
                    ? new[] { new CdDrive { Name = DeviceLabels.CdDrive(1), IsoPath = "[" + datastore + "] iso/VMware-tools-windows.iso", Connected = false } }
                    : new[] { new CdDrive { Name = DeviceLabels.CdDrive(1) } };
            }

            private VMSnapshot[] DrawSnapshots(VMBlueprint b)
            {
                if (!random.Chance(b.Role == WorkloadRole.DevTest ? 0.3 : 0.08)) return Array.Empty<VMSnapshot>();
                var count = random.Between(1, 3);
                return Enumerable.Range(1, count).Select(i => new VMSnapshot
                {
                    Name = i == 1 ? "before-patching" : "before-upgrade-" + i.ToString(CultureInfo.InvariantCulture),
                    Created = SnapshotEpoch.AddDays(random.Between(0, 50)).AddMinutes(i * 37),
                    SizeGB = Math.Round(1 + random.NextDouble() * 40, 1),
                }).ToArray();
            }
        }
    }
}
