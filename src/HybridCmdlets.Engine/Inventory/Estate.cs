using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Errors;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// Everything the lab emulates: endpoints with their clusters, datastores and networks, the links between
    /// them, and the VMs. Safe to use from several threads; published objects are never changed, only replaced.
    /// </summary>
    public sealed class Estate
    {

        private readonly object gate = new object();
        private readonly List<CloudEndpoint> endpoints;
        private readonly List<CloudLink> links;
        private readonly List<CloudVM> vms;
        private readonly Dictionary<string, CloudVM> vmsById;
        /// <summary>Each VM's place in <see cref="vms"/>, so that replacing one after a migration is O(1).</summary>
        private readonly Dictionary<string, int> positionById;
        private readonly Dictionary<(string Endpoint, string Name), CloudVM> vmsByEndpointAndName;
        /// <summary>Memory allocated to VMs per host (endpoint and host name), kept as VMs come, go and move, for placement.</summary>
        private readonly Dictionary<(string Endpoint, string Host), long> allocatedMBByHost = new Dictionary<(string, string), long>(NamePairComparer.Instance);
        private readonly HashSet<string> migrating = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        /// <summary>
        /// Memory of the VMs on their way to each host (endpoint and host name), by VM id: vCenter places the next
        /// VM of a wave knowing where the others are going, so a wave spreads over a cluster's hosts.
        /// </summary>
        private readonly Dictionary<string, (string Endpoint, string Host, long MB)> inbound = new Dictionary<string, (string, string, long)>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(string Endpoint, string Host), long> inboundMBByHost = new Dictionary<(string, string), long>(NamePairComparer.Instance);
        /// <summary>
        /// Free space changed since the endpoint was last published, per endpoint and datastore. Datastores are never
        /// changed once published, and copying an endpoint's whole datastore list at every move made a batch of
        /// 100,000 moves allocate gigabytes; so changes gather here, and an endpoint is republished when next read.
        /// </summary>
        private readonly Dictionary<string, Dictionary<string, (Datastore Published, double FreeGB)>> unpublishedFreeSpace =
            new Dictionary<string, Dictionary<string, (Datastore, double)>>(Names.Comparer);
        private int nextVMNumber;
        private int nextMacNumber;
        /// <summary>Counts changes to the set of VMs, so that a plan made against the estate can tell it is still current.</summary>
        private long vmChanges;

        public Estate(IEnumerable<CloudEndpoint> endpoints, IEnumerable<CloudLink> links, IEnumerable<CloudVM> vms)
        {
            this.endpoints = endpoints.ToList();
            this.links = links.ToList();
            this.vms = vms.ToList();
            vmsById = new Dictionary<string, CloudVM>(this.vms.Count, StringComparer.OrdinalIgnoreCase);
            positionById = new Dictionary<string, int>(this.vms.Count, StringComparer.OrdinalIgnoreCase);
            vmsByEndpointAndName = new Dictionary<(string, string), CloudVM>(this.vms.Count, NamePairComparer.Instance);
            nextVMNumber = 1000;
            for (var i = 0; i < this.vms.Count; i++)
            {
                var vm = this.vms[i];
                Put(vm, i);
                nextVMNumber = Math.Max(nextVMNumber, IdNumber(vm.Id) + 1);
                foreach (var nic in vm.NetworkAdapters) nextMacNumber = Math.Max(nextMacNumber, MacNumber(nic.MacAddress) + 1);
            }
        }

        public IReadOnlyList<CloudEndpoint> Endpoints
        {
            get
            {
                lock (gate)
                {
                    PublishFreeSpace();
                    return endpoints.ToArray();
                }
            }
        }

        public IReadOnlyList<CloudLink> Links { get { lock (gate) return links.ToArray(); } }

        /// <summary>A snapshot of all VMs, in inventory order.</summary>
        public IReadOnlyList<CloudVM> VMs { get { lock (gate) return vms.ToArray(); } }

        public int VMCount { get { lock (gate) return vms.Count; } }

        public CloudEndpoint? FindEndpoint(string name)
        {
            lock (gate)
            {
                PublishFreeSpace();
                foreach (var endpoint in endpoints)
                {
                    if (Names.Equal(endpoint.Name, name)) return endpoint;
                }

                return null;
            }
        }

        public CloudEndpoint GetEndpoint(string name) => FindEndpoint(name) ?? throw EngineErrors.EndpointNotFound(name);

        public CloudVM? FindVMById(string id)
        {
            lock (gate) return vmsById.TryGetValue(id, out var vm) ? vm : null;
        }

        public CloudVM? FindVM(string endpoint, string name)
        {
            lock (gate) return vmsByEndpointAndName.TryGetValue(Key(endpoint, name), out var vm) ? vm : null;
        }

        /// <summary>
        /// The VMs with this exact name (names are unique per endpoint, not across endpoints), in inventory order,
        /// through the per-endpoint index: looking one up costs the same in a lab of 100 VMs as in one of 100,000.
        /// </summary>
        public IReadOnlyList<CloudVM> FindVMsNamed(string name)
        {
            lock (gate)
            {
                var found = new List<CloudVM>(1);
                foreach (var endpoint in endpoints)
                {
                    if (vmsByEndpointAndName.TryGetValue(Key(endpoint.Name, name), out var vm)) found.Add(vm);
                }

                if (found.Count > 1) found.Sort((a, b) => positionById[a.Id].CompareTo(positionById[b.Id]));
                return found;
            }
        }

        public CloudLink? FindLink(string a, string b)
        {
            lock (gate) return links.FirstOrDefault(l => l.Connects(a, b));
        }

        /// <summary>Creates a VM as New-CloudVM asks, placing it as vCenter would where the spec leaves a choice.</summary>
        public CloudVM AddVM(NewVMSpec spec)
        {
            if (!Names.IsValidObjectName(spec.Name)) throw EngineErrors.InvalidName("VM name", spec.Name);
            CheckRange("NumCpu", spec.NumCpu, 1, VSphereLimits.MaxVCpusPerVM, "from 1 to " + VSphereLimits.MaxVCpusPerVM.ToString(CultureInfo.InvariantCulture));
            CheckRange("MemoryMB", spec.MemoryMB, VSphereLimits.MinMemoryMB, VSphereLimits.MaxMemoryMB, "from 4 MB to 24 TB");
            var coresPerSocket = spec.CoresPerSocket ?? 1;
            CheckRange("CoresPerSocket", coresPerSocket, 1, spec.NumCpu, "from 1 to NumCpu");
            if (spec.NumCpu % coresPerSocket != 0) throw EngineErrors.InvalidCoresPerSocket(spec.NumCpu, coresPerSocket);
            var disks = spec.DiskGB ?? new[] { 40.0 };
            foreach (var size in disks) CheckRange("DiskGB", size, VSphereLimits.MinVirtualDiskGB, VSphereLimits.MaxVirtualDiskGB, "from 0.001 GB to 62 TB");
            if (spec.Folder != null && Names.TextProblem(spec.Folder) is string folderProblem) throw EngineErrors.InvalidText("Folder", spec.Folder, folderProblem);
            foreach (var tag in spec.Tags ?? Array.Empty<string>())
            {
                if (Names.TagProblem(tag) is string tagProblem) throw EngineErrors.InvalidText("Tag", tag, tagProblem);
            }

            var guestId = GuestOperatingSystems.Canonical(spec.GuestId) ?? throw new HybridException(
                "InvalidGuestId", ErrorKind.InvalidArgument, "'" + ShownValue.Of(spec.GuestId) + "' is not a vSphere guest id.", spec.GuestId,
                "Use an id such as " + string.Join(", ", GuestOperatingSystems.Ids.Take(4)) + ".");
            GuestOperatingSystems.TryGetFullName(guestId, out var guestOS);
            CheckWorkload(spec);

            lock (gate)
            {
                PublishFreeSpace();
                var endpoint = endpoints.FirstOrDefault(e => Names.Equal(e.Name, spec.Endpoint)) ?? throw EngineErrors.EndpointNotFound(spec.Endpoint);
                if (vmsByEndpointAndName.ContainsKey(Key(endpoint.Name, spec.Name))) throw EngineErrors.VMNameInUse(spec.Name, endpoint.Name);
                var cluster = spec.Cluster == null
                    ? ChooseCluster(endpoint, exclude: null)!
                    : endpoint.FindCluster(spec.Cluster) ?? throw EngineErrors.ClusterNotFound(endpoint.Name, spec.Cluster);
                var host = spec.VMHost == null
                    ? ChooseHost(endpoint, cluster)
                    : cluster.Hosts.FirstOrDefault(h => Names.Equal(h.Name, spec.VMHost)) ?? throw EngineErrors.HostNotFound(endpoint.Name, cluster.Name, spec.VMHost);
                var hardware = ResolveHardwareVersion(spec.HardwareVersion, cluster);
                var neededGB = disks.Sum();
                var datastore = ChooseDatastore(endpoint, cluster, host, spec.Datastore, neededGB);
                var networks = (spec.NetworkNames ?? new[] { DefaultNetwork(endpoint) })
                    .Select(n => endpoint.FindNetwork(n) ?? throw EngineErrors.NetworkNotFound(endpoint.Name, n))
                    .ToArray();

                var workload = RoleProfiles.Estimate(spec.Role, spec.MemoryMB);
                var workingSetMB = spec.WritableWorkingSetMB ?? workload.WritableWorkingSetMB;
                // A working set given smaller than the role's hot set takes the hot set down with it.
                var hotSetMB = spec.HotSetMB ?? Math.Min(workingSetMB, workload.HotSetMB ?? 0);
                CheckHotSet(hotSetMB, workingSetMB);
                var number = nextVMNumber++;
                var vm = new CloudVM(spec.Name, endpoint.Name, endpoint.Provider, cluster.Name, cluster.EvcMode, host.Name, datastore.Name)
                {
                    Id = CloudVM.IdOf(number),
                    PowerState = spec.PowerState,
                    NumCpu = spec.NumCpu,
                    CoresPerSocket = coresPerSocket,
                    MemoryMB = spec.MemoryMB,
                    HardwareVersion = VirtualHardware.Format(hardware),
                    GuestId = guestId,
                    GuestOS = guestOS,
                    ToolsStatus = spec.PowerState == PowerState.PoweredOn ? ToolsStatus.ToolsOk : ToolsStatus.ToolsNotRunning,
                    Folder = spec.Folder ?? "Discovered virtual machine",
                    Role = spec.Role,
                    Workload = new WorkloadProfile
                    {
                        DirtyRateMBps = spec.DirtyRateMBps ?? workload.DirtyRateMBps,
                        HotSetMB = hotSetMB,
                        WritableWorkingSetMB = workingSetMB,
                        TouchedMemoryPercent = spec.TouchedMemoryPercent ?? workload.TouchedMemoryPercent,
                        DiskWriteRateMBps = spec.DiskWriteRateMBps ?? workload.DiskWriteRateMBps,
                        IsEstimated = spec.DirtyRateMBps == null || spec.HotSetMB == null || spec.WritableWorkingSetMB == null || spec.TouchedMemoryPercent == null || spec.DiskWriteRateMBps == null,
                    },
                    Tags = (spec.Tags ?? Array.Empty<string>()).ToArray(),
                    HardDisks = disks.Select((size, i) => new HardDisk
                    {
                        Name = "Hard disk " + (i + 1).ToString(CultureInfo.InvariantCulture),
                        CapacityGB = size,
                        UsedGB = size,
                        Datastore = datastore.Name,
                        StorageFormat = StorageFormat.Thick,
                    }).ToArray(),
                    NetworkAdapters = networks.Select((n, i) => new NetworkAdapter
                    {
                        Name = "Network adapter " + (i + 1).ToString(CultureInfo.InvariantCulture),
                        NetworkName = n.Name,
                        MacAddress = MacAddress(nextMacNumber++),
                        Type = AdapterType.Vmxnet3,
                        Connected = true,
                    }).ToArray(),
                };
                // The loader's own rules, so that a VM New-CloudVM makes always saves and opens again.
                Persistence.LabValidator.CheckNewVM(vm, endpoint);
                AdjustFreeSpace(endpoint.Name, datastore.Name, -neededGB);
                Put(vm, vms.Count);
                return vm;
            }
        }

        /// <summary>
        /// Plans an RVTools import into an endpoint as it stands, changing nothing: what would be created, the VMs, and
        /// the rows that cannot be placed.
        /// </summary>
        internal Import.InventoryPlan PlanInventory(string endpointName, IReadOnlyList<Import.ImportedVM> imported)
        {
            lock (gate)
            {
                PublishFreeSpace();
                var endpoint = endpoints.FirstOrDefault(e => Names.Equal(e.Name, endpointName)) ?? throw EngineErrors.EndpointNotFound(endpointName);
                return PlanLocked(endpoint, imported);
            }
        }

        /// <summary>
        /// Adds an import's clusters, hosts, datastores, networks and VMs at once. If the estate changed since the plan
        /// was made, it is planned again first; the plan returned is the one that counts. A plan with problems is
        /// applied only with <paramref name="skipProblems"/> (its problem rows left out); otherwise nothing changes.
        /// </summary>
        internal Import.InventoryPlan AddInventory(Import.InventoryPlan plan, bool skipProblems)
        {
            lock (gate)
            {
                PublishFreeSpace();
                var index = endpoints.FindIndex(e => Names.Equal(e.Name, plan.BasedOn.Name));
                if (index < 0) throw EngineErrors.EndpointNotFound(plan.BasedOn.Name);
                if (!ReferenceEquals(endpoints[index], plan.BasedOn) || vmChanges != plan.EstateVersion) plan = PlanLocked(endpoints[index], plan.Input);
                if (plan.Problems.Count > 0 && !skipProblems) return plan;
                Persistence.LabValidator.CheckNewVMs(plan.VMs, plan.Endpoint);

                endpoints[index] = plan.Endpoint;
                foreach (var vm in plan.VMs)
                {
                    if (vm.Id.Length == 0) vm.Id = CloudVM.IdOf(nextVMNumber++);
                    else nextVMNumber = Math.Max(nextVMNumber, IdNumber(vm.Id) + 1);
                    foreach (var nic in vm.NetworkAdapters)
                    {
                        if (nic.MacAddress.Length == 0) nic.MacAddress = MacAddress(nextMacNumber++);
                        else nextMacNumber = Math.Max(nextMacNumber, MacNumber(nic.MacAddress) + 1);
                    }

                    Put(vm, vms.Count);
                }

                return plan;
            }
        }

        private Import.InventoryPlan PlanLocked(CloudEndpoint endpoint, IReadOnlyList<Import.ImportedVM> imported) =>
            Import.InventoryPlanner.Plan(endpoint, name => vmsByEndpointAndName.ContainsKey(Key(endpoint.Name, name)), vmsById.ContainsKey, imported, vmChanges);

        /// <summary>Removes a VM and gives its disk space back to its datastores.</summary>
        public CloudVM RemoveVM(string id)
        {
            lock (gate)
            {
                if (!vmsById.TryGetValue(id, out var vm)) throw EngineErrors.VMIdNotFound(id);
                if (migrating.Contains(id)) throw EngineErrors.MigrationInProgress(vm.Name);
                var position = positionById[vm.Id];
                vmChanges++;
                Unindex(vm);
                vms.RemoveAt(position);
                positionById.Remove(vm.Id);
                for (var i = position; i < vms.Count; i++) positionById[vms[i].Id] = i;
                vmsById.Remove(vm.Id);
                foreach (var disk in vm.HardDisks) AdjustFreeSpace(vm.Endpoint, disk.Datastore, disk.UsedGB);
                return vm;
            }
        }

        /// <summary>Changes a link's figures; values left null stay as they are.</summary>
        public CloudLink SetLink(string source, string destination, double? bandwidthMbps, double? rttMs, double? lossPercent)
        {
            CheckLinkFigures(bandwidthMbps, rttMs, lossPercent);
            lock (gate)
            {
                var index = links.FindIndex(l => l.Connects(source, destination));
                if (index < 0) throw EngineErrors.LinkNotFound(source, destination);
                var link = links[index].Copy();
                link.BandwidthMbps = bandwidthMbps ?? link.BandwidthMbps;
                link.RttMs = rttMs ?? link.RttMs;
                link.LossPercent = lossPercent ?? link.LossPercent;
                links[index] = link;
                return link;
            }
        }

        /// <summary>
        /// Replaces a VM with what <paramref name="change"/> makes of it (see <see cref="VMChanges"/>), under the estate's
        /// lock. A VM being migrated is not changed (MigrationInProgress), as vCenter refuses operations on a VM with a
        /// migration task running.
        /// </summary>
        internal CloudVM ChangeVM(string vmId, Func<CloudVM, CloudVM> change)
        {
            lock (gate)
            {
                if (!positionById.TryGetValue(vmId, out var position)) throw EngineErrors.VMIdNotFound(vmId);
                var vm = vms[position];
                if (migrating.Contains(vm.Id)) throw EngineErrors.MigrationInProgress(vm.Name);
                var after = change(vm);
                Unindex(vm);
                Put(after, position);
                return after;
            }
        }

        /// <summary>
        /// Sets how many HCX Network Extension appliances a site pair's service mesh runs. Fewer than its extensions need
        /// is refused: HCX will not remove an appliance that still bridges networks.
        /// </summary>
        internal CloudLink SetNetworkExtensionAppliances(string source, string destination, int appliances)
        {
            lock (gate)
            {
                var index = links.FindIndex(l => l.Connects(source, destination));
                if (index < 0) throw EngineErrors.LinkNotFound(source, destination);
                var link = links[index].Copy();
                var busy = endpoints.SelectMany(e => e.Networks).Select(n => n.ExtensionAppliance).Where(a => a != null)
                    .Select(a => Enumerable.Range(1, link.NetworkExtensionAppliances).FirstOrDefault(i => Names.Equal(link.ApplianceName(i), a)))
                    .DefaultIfEmpty(0).Max();
                if (appliances < busy) throw EngineErrors.NetworkExtensionApplianceInUse(link.ApplianceName(busy), appliances);
                link.NetworkExtensionAppliances = appliances;
                links[index] = link;
                return link;
            }
        }

        /// <summary>
        /// Adds a network to an endpoint (an HCX extension's segment): <paramref name="make"/> builds it from the
        /// endpoint as it stands, under the estate's lock, so that its checks and the change are one step.
        /// </summary>
        internal CloudNetwork AddNetwork(string endpointName, Func<CloudEndpoint, CloudNetwork> make)
        {
            lock (gate)
            {
                var index = endpoints.FindIndex(e => Names.Equal(e.Name, endpointName));
                if (index < 0) throw EngineErrors.EndpointNotFound(endpointName);
                var network = make(endpoints[index]);
                var endpoint = endpoints[index].Copy();
                endpoint.Networks = endpoint.Networks.Concat(new[] { network }).ToArray();
                endpoints[index] = endpoint;
                return network;
            }
        }

        /// <summary>Removes a network from an endpoint once <paramref name="check"/>, run under the estate's lock, lets it.</summary>
        internal void RemoveNetwork(string endpointName, string networkName, Action<CloudEndpoint, CloudNetwork> check)
        {
            lock (gate)
            {
                var index = endpoints.FindIndex(e => Names.Equal(e.Name, endpointName));
                if (index < 0) throw EngineErrors.EndpointNotFound(endpointName);
                var network = endpoints[index].FindNetwork(networkName) ?? throw EngineErrors.NetworkNotFound(endpointName, networkName);
                check(endpoints[index], network);
                var endpoint = endpoints[index].Copy();
                endpoint.Networks = endpoint.Networks.Where(n => !ReferenceEquals(n, network)).ToArray();
                endpoints[index] = endpoint;
            }
        }

        /// <summary>Marks a VM as being migrated; false when it already is (MigrationInProgress).</summary>
        public bool TryBeginMigration(string vmId)
        {
            lock (gate) return vmsById.ContainsKey(vmId) && migrating.Add(vmId);
        }

        /// <summary>Marks the VM as migrating and counts its memory on its destination host until the move ends.</summary>
        public bool TryBeginMigration(Migration.MigrationPlan plan)
        {
            lock (gate)
            {
                if (!TryBeginMigration(plan.VM.Id)) return false;
                var key = Key(plan.Destination.Name, plan.DestinationHost.Name);
                // A VM that arrives powered off (Cold) will hold no host memory there.
                var mb = plan.VM.PowerState == PowerState.PoweredOn ? (long)plan.VM.MemoryMB : 0;
                inbound[plan.VM.Id] = (key.Item1, key.Item2, mb);
                inboundMBByHost[key] = (inboundMBByHost.TryGetValue(key, out var before) ? before : 0) + mb;
                return true;
            }
        }

        public void EndMigration(string vmId)
        {
            lock (gate)
            {
                migrating.Remove(vmId);
                if (!inbound.TryGetValue(vmId, out var going)) return;
                inbound.Remove(vmId);
                var key = Key(going.Endpoint, going.Host);
                // Moves of powered-off VMs count 0 MB: the host's entry may be gone already.
                var left = (inboundMBByHost.TryGetValue(key, out var coming) ? coming : 0) - going.MB;
                if (left <= 0) inboundMBByHost.Remove(key);
                else inboundMBByHost[key] = left;
            }
        }

        public bool IsMigrating(string vmId)
        {
            lock (gate) return migrating.Contains(vmId);
        }

        /// <summary>
        /// Puts a VM where a successful migration left it: destination endpoint, cluster, host and datastore, NICs on
        /// their mapped networks. A Bulk or Cold move power-cycles the guest, so it takes the destination's CPU
        /// baseline; a live move keeps the one it has until its next power cycle. A Bulk move also leaves the
        /// source VM behind, powered off and renamed with a timestamp, and gives the new VM fresh MAC addresses
        /// and no snapshots. Returns the VM at the destination. What may have changed while the move ran is checked
        /// first, and a move that would break the lab changes nothing and throws (<see cref="CheckSwitchover"/>).
        /// </summary>
        public CloudVM CompleteMigration(Migration.MigrationPlan plan, DateTime finishedUtc)
        {
            lock (gate)
            {
                var current = vmsById.TryGetValue(plan.VM.Id, out var found) ? found : throw EngineErrors.VMIdNotFound(plan.VM.Id);
                var bulk = plan.Type == Migration.MigrationType.Bulk;
                var keptAs = current.Name + "-POSTMIGRATION-" + finishedUtc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
                CheckSwitchover(plan, current, bulk ? keptAs : null);
                var powerCycled = bulk || plan.Type == Migration.MigrationType.Cold;
                var moved = current.Copy();
                moved.Endpoint = plan.Destination.Name;
                moved.Provider = plan.Destination.Provider;
                moved.Cluster = plan.DestinationCluster.Name;
                moved.VMHost = plan.DestinationHost.Name;
                moved.Datastore = plan.DestinationDatastore.Name;
                var disks = new HardDisk[current.HardDisks.Count];
                for (var i = 0; i < disks.Length; i++)
                {
                    disks[i] = current.HardDisks[i].Copy();
                    disks[i].Datastore = plan.DestinationDatastore.Name;
                }

                moved.HardDisks = disks;
                var nics = new NetworkAdapter[current.NetworkAdapters.Count];
                for (var i = 0; i < nics.Length; i++)
                {
                    var nic = nics[i] = current.NetworkAdapters[i].Copy();
                    nic.NetworkName = plan.NetworkMapping.TryGetValue(nic.NetworkName, out var mapped) ? mapped : nic.NetworkName;
                    if (bulk) nic.MacAddress = MacAddress(nextMacNumber++);
                }

                moved.NetworkAdapters = nics;
                if (powerCycled) moved.CpuBaseline = plan.DestinationCluster.EvcMode;
                if (bulk)
                {
                    moved.Id = CloudVM.IdOf(nextVMNumber++);
                    moved.Snapshots = Array.Empty<VMSnapshot>();
                }

                if (!plan.SharedStorage)
                {
                    AdjustFreeSpace(plan.Destination.Name, plan.DestinationDatastore.Name, -current.UsedSpaceGB);
                    if (!bulk)
                    {
                        for (var i = 0; i < current.HardDisks.Count; i++) AdjustFreeSpace(current.Endpoint, current.HardDisks[i].Datastore, current.HardDisks[i].UsedGB);
                    }
                }

                Unindex(current);
                var index = positionById[current.Id];
                if (bulk)
                {
                    // HCX keeps the original, powered off and renamed, as the way back.
                    var original = current.Copy();
                    original.Name = keptAs;
                    original.PowerState = PowerState.PoweredOff;
                    original.ToolsStatus = ToolsStatus.ToolsNotRunning;
                    Put(original, index);
                    Put(moved, vms.Count);
                }
                else
                {
                    Put(moved, index);
                }

                return moved;
            }
        }

        /// <summary>
        /// Throws, changing nothing, when the move can no longer land as planned: its destination cluster, host,
        /// datastore or networks gone, or the VM's name taken there (another VM created or moved there meanwhile, as
        /// vCenter's DuplicateName), or, for Bulk, the name under which the original is kept taken at the source.
        /// Whatever the lab file's check refuses must not come about by a move (a second VM of a name on one endpoint).
        /// </summary>
        private void CheckSwitchover(Migration.MigrationPlan plan, CloudVM current, string? keptAs)
        {
            // Loops, not LINQ: this runs once per move, and a wave has 100,000 of them.
            CloudEndpoint? destination = null;
            for (var i = 0; i < endpoints.Count && destination == null; i++)
            {
                if (Names.Equal(endpoints[i].Name, plan.Destination.Name)) destination = endpoints[i];
            }

            if (destination == null) throw EngineErrors.DestinationChanged(current.Name, "endpoint '" + plan.Destination.Name + "'");
            var cluster = destination.FindCluster(plan.DestinationCluster.Name)
                ?? throw EngineErrors.DestinationChanged(current.Name, "cluster '" + plan.DestinationCluster.Name + "' of '" + destination.Name + "'");
            var hostFound = false;
            for (var i = 0; i < cluster.Hosts.Count && !hostFound; i++) hostFound = Names.Equal(cluster.Hosts[i].Name, plan.DestinationHost.Name);
            if (!hostFound) throw EngineErrors.DestinationChanged(current.Name, "host '" + plan.DestinationHost.Name + "' in cluster '" + cluster.Name + "' of '" + destination.Name + "'");

            if (destination.FindDatastore(plan.DestinationDatastore.Name) == null)
            {
                throw EngineErrors.DestinationChanged(current.Name, "datastore '" + plan.DestinationDatastore.Name + "' of '" + destination.Name + "'");
            }

            var nics = current.NetworkAdapters;
            for (var i = 0; i < nics.Count; i++)
            {
                var nic = nics[i];
                var network = plan.NetworkMapping.TryGetValue(nic.NetworkName, out var mapped) ? mapped : nic.NetworkName;
                if (destination.FindNetwork(network) == null) throw EngineErrors.DestinationChanged(current.Name, "network '" + network + "' of '" + destination.Name + "'");
            }

            if (vmsByEndpointAndName.TryGetValue(Key(destination.Name, current.Name), out var other) && !ReferenceEquals(other, current))
            {
                throw EngineErrors.VMNameInUseAtDestination(current.Name, destination.Name);
            }

            if (keptAs != null && vmsByEndpointAndName.ContainsKey(Key(current.Endpoint, keptAs))) throw EngineErrors.VMNameInUseAtSource(current.Name, keptAs, current.Endpoint);
        }

        /// <summary>
        /// vSphere HA after a host failure: each VM that ran on the host restarts on the host of its cluster with the
        /// least memory allocated; one whose disks were on the failed host's local datastore, or whose cluster has no
        /// other host, stays registered there, powered off. VMs that were off are left as they are. Returns, for each
        /// VM that was running, its name and the host it restarted on (null when it could not restart).
        /// </summary>
        public IReadOnlyList<(string VM, string? RestartedOn)> RestartAfterHostFailure(string endpointName, string hostName)
        {
            lock (gate)
            {
                var endpoint = endpoints.FirstOrDefault(e => Names.Equal(e.Name, endpointName)) ?? throw EngineErrors.EndpointNotFound(endpointName);
                var restarted = new List<(string, string?)>();
                for (var i = 0; i < vms.Count; i++)
                {
                    var vm = vms[i];
                    if (vm.PowerState != PowerState.PoweredOn || !Names.Equal(vm.Endpoint, endpointName) || !Names.Equal(vm.VMHost, hostName)) continue;
                    var cluster = endpoint.FindCluster(vm.Cluster);
                    var onLocalDisk = vm.HardDisks.Any(d => Names.Equal(endpoint.FindDatastore(d.Datastore)?.VMHost, hostName));
                    CloudHost? target = null;
                    if (cluster != null && !onLocalDisk)
                    {
                        foreach (var host in cluster.Hosts)
                        {
                            if (Names.Equal(host.Name, hostName)) continue;
                            if (target == null || AllocatedMemoryMB(endpointName, host.Name) < AllocatedMemoryMB(endpointName, target.Name)) target = host;
                        }
                    }

                    var after = vm.Copy();
                    if (target != null) after.VMHost = target.Name;
                    else
                    {
                        after.PowerState = PowerState.PoweredOff;
                        after.ToolsStatus = ToolsStatus.ToolsNotRunning;
                    }

                    Unindex(vm);
                    Put(after, i);
                    restarted.Add((vm.Name, target?.Name));
                }

                return restarted;
            }
        }

        internal static string MacAddress(int number) => string.Format(CultureInfo.InvariantCulture,
            "00:50:56:{0:x2}:{1:x2}:{2:x2}", 0x80 | ((number >> 16) & 0x3F), (number >> 8) & 0xFF, number & 0xFF);

        private static int MacNumber(string mac)
        {
            var parts = mac.Split(':');
            if (parts.Length != 6 || !parts[0].Equals("00", StringComparison.Ordinal)) return -1;
            try
            {
                return ((Convert.ToInt32(parts[3], 16) & 0x3F) << 16) | (Convert.ToInt32(parts[4], 16) << 8) | Convert.ToInt32(parts[5], 16);
            }
            catch (Exception e) when (e is FormatException || e is OverflowException || e is ArgumentException)
            {
                // Not one of the lab's numbers ("ffffffffff", "", "-1"): a hand-edited MAC is text, and numbers none after it.
                return -1;
            }
        }

        private static int IdNumber(string id) =>
            id.StartsWith(CloudVM.IdPrefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(id.Substring(CloudVM.IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

        /// <summary>A pair of inventory names, each compared as <see cref="Names"/> does: a key without building a string.</summary>
        private static (string, string) Key(string endpoint, string name) => (endpoint, name);

        private sealed class NamePairComparer : IEqualityComparer<(string, string)>
        {
            public static readonly NamePairComparer Instance = new NamePairComparer();

            public bool Equals((string, string) x, (string, string) y) => Names.Equal(x.Item1, y.Item1) && Names.Equal(x.Item2, y.Item2);

            public int GetHashCode((string, string) pair) => unchecked(Names.Comparer.GetHashCode(pair.Item1) * 31 + Names.Comparer.GetHashCode(pair.Item2));
        }

        /// <summary>The figures a link may have, from Set-CloudLink or from a LinkDegraded fault; each null one is not checked.</summary>
        internal static void CheckLinkFigures(double? bandwidthMbps, double? rttMs, double? lossPercent)
        {
            if (bandwidthMbps.HasValue) CheckRange("BandwidthMbps", bandwidthMbps.Value, VSphereLimits.MinLinkBandwidthMbps, VSphereLimits.MaxLinkBandwidthMbps, "above 0 and at most 400000 (400 Gbps)");
            if (rttMs.HasValue) CheckRange("RttMs", rttMs.Value, 0, VSphereLimits.MaxLinkRttMs, "from 0 to 2000");
            if (lossPercent.HasValue) CheckRange("LossPercent", lossPercent.Value, 0, VSphereLimits.MaxLinkLossPercent, "from 0 to below 100");
        }

        private static void CheckRange(string name, double value, double min, double max, string range)
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value < min || value > max) throw EngineErrors.ValueOutOfRange(name, value, range);
        }

        /// <summary>
        /// Changes a VM's workload profile (Set-CloudVM): each value given replaces the VM's, the others stay; the VM's
        /// profile stays marked as estimated unless all five are given. Ranges as New-CloudVM's; the hot set must lie
        /// within the writable working set as they stand after the change (ValueOutOfRange). A VM being migrated
        /// keeps its profile (MigrationInProgress).
        /// </summary>
        public CloudVM SetWorkload(string vmId, WorkloadChange change)
        {
            if (change.DirtyRateMBps.HasValue) CheckRange("DirtyRateMBps", change.DirtyRateMBps.Value, 0, VSphereLimits.MaxDirtyRateMBps, "from 0 to 100000");
            if (change.TouchedMemoryPercent.HasValue) CheckRange("TouchedMemoryPercent", change.TouchedMemoryPercent.Value, 0, VSphereLimits.MaxTouchedMemoryPercent, "from 0 to 100");
            if (change.DiskWriteRateMBps.HasValue) CheckRange("DiskWriteRateMBps", change.DiskWriteRateMBps.Value, 0, VSphereLimits.MaxDiskWriteRateMBps, "from 0 to 100000");
            lock (gate)
            {
                var index = vms.FindIndex(v => string.Equals(v.Id, vmId, StringComparison.OrdinalIgnoreCase));
                if (index < 0) throw EngineErrors.VMIdNotFound(vmId);
                var vm = vms[index];
                if (migrating.Contains(vm.Id)) throw EngineErrors.MigrationInProgress(vm.Name);
                var old = vm.Workload;
                var workingSetMB = change.WritableWorkingSetMB ?? old.WritableWorkingSetMB;
                CheckRange("WritableWorkingSetMB", workingSetMB, 0, vm.MemoryMB, "from 0 to the VM's memory (" + vm.MemoryMB.ToString(CultureInfo.InvariantCulture) + " MB)");
                var hotSetMB = change.HotSetMB ?? old.HotSetMB;
                if (hotSetMB is double hot) CheckHotSet(hot, workingSetMB);
                var after = vm.Copy();
                after.Workload = new WorkloadProfile
                {
                    DirtyRateMBps = change.DirtyRateMBps ?? old.DirtyRateMBps,
                    HotSetMB = hotSetMB,
                    WritableWorkingSetMB = workingSetMB,
                    TouchedMemoryPercent = change.TouchedMemoryPercent ?? old.TouchedMemoryPercent,
                    DiskWriteRateMBps = change.DiskWriteRateMBps ?? old.DiskWriteRateMBps,
                    IsEstimated = old.IsEstimated && !change.IsComplete,
                };
                Unindex(vm);
                Put(after, index);
                return after;
            }
        }

        private static void CheckHotSet(double hotSetMB, double workingSetMB) =>
            CheckRange("HotSetMB", hotSetMB, 0, workingSetMB, "from 0 to the writable working set (" + workingSetMB.ToString("0.###", CultureInfo.InvariantCulture) + " MB)");

        private static void CheckWorkload(NewVMSpec spec)
        {
            if (spec.DirtyRateMBps.HasValue) CheckRange("DirtyRateMBps", spec.DirtyRateMBps.Value, 0, VSphereLimits.MaxDirtyRateMBps, "from 0 to 100000");
            if (spec.WritableWorkingSetMB.HasValue) CheckRange("WritableWorkingSetMB", spec.WritableWorkingSetMB.Value, 0, spec.MemoryMB, "from 0 to the VM's memory (" + spec.MemoryMB.ToString(CultureInfo.InvariantCulture) + " MB)");
            if (spec.TouchedMemoryPercent.HasValue) CheckRange("TouchedMemoryPercent", spec.TouchedMemoryPercent.Value, 0, VSphereLimits.MaxTouchedMemoryPercent, "from 0 to 100");
            if (spec.DiskWriteRateMBps.HasValue) CheckRange("DiskWriteRateMBps", spec.DiskWriteRateMBps.Value, 0, VSphereLimits.MaxDiskWriteRateMBps, "from 0 to 100000");
        }

        private static int ResolveHardwareVersion(string? requested, CloudCluster cluster)
        {
            var max = cluster.MaxHardwareVersionNumber;
            if (requested == null) return max;
            if (!VirtualHardware.TryParse(requested, out var version)) throw EngineErrors.InvalidHardwareVersion(requested);
            if (version > max) throw EngineErrors.HardwareVersionNotSupported(requested, cluster.Name, cluster.MaxHardwareVersion);
            return version;
        }

        private static string DefaultNetwork(CloudEndpoint endpoint) =>
            (endpoint.Networks.FirstOrDefault(n => n.HasUplinks && n.ExtendedFrom == null) ?? endpoint.Networks.First()).Name;

        private Datastore ChooseDatastore(CloudEndpoint endpoint, CloudCluster cluster, CloudHost host, string? requested, double neededGB)
        {
            Datastore datastore;
            if (requested != null)
            {
                datastore = endpoint.FindDatastore(requested) ?? throw EngineErrors.DatastoreNotFound(endpoint.Name, requested);
                var mounted = cluster.Datastores.Contains(datastore.Name, Names.Comparer) || Names.Equal(datastore.VMHost, host.Name);
                if (!mounted) throw EngineErrors.DatastoreNotAccessible(datastore.Name, cluster.Name);
            }
            else
            {
                datastore = cluster.Datastores
                    .Select(endpoint.FindDatastore)
                    .Where(d => d != null)
                    .OrderByDescending(d => d!.FreeSpaceGB)
                    .FirstOrDefault() ?? throw EngineErrors.DatastoreNotFound(endpoint.Name, "(any shared datastore of " + cluster.Name + ")");
            }

            if (datastore.FreeSpaceGB < neededGB) throw EngineErrors.DatastoreFull(datastore.Name, neededGB, datastore.FreeSpaceGB);
            return datastore;
        }

        /// <summary>The cluster of an endpoint with the most memory free, as DRS would place a VM; null when none is left.</summary>
        /// <remarks>Ties go to the first cluster, as a stable sort would leave them (planning runs once per VM: no LINQ).</remarks>
        internal CloudCluster? ChooseCluster(CloudEndpoint endpoint, string? exclude, IReadOnlyCollection<string>? among = null)
        {
            lock (gate)
            {
                CloudCluster? best = null;
                var bestFreeGB = 0.0;
                foreach (var cluster in endpoint.Clusters)
                {
                    if (Names.Equal(cluster.Name, exclude) || (among != null && !among.Contains(cluster.Name, Names.Comparer))) continue;
                    var freeGB = FreeMemoryGB(cluster);
                    if (best != null && freeGB.CompareTo(bestFreeGB) <= 0) continue;
                    best = cluster;
                    bestFreeGB = freeGB;
                }

                return best;
            }
        }

        /// <summary>Memory of a cluster not yet allocated to its VMs, in GB.</summary>
        internal double UnallocatedMemoryGB(CloudCluster cluster)
        {
            lock (gate) return FreeMemoryGB(cluster);
        }

        /// <summary>The host of the cluster with the least memory allocated (the first of those).</summary>
        internal CloudHost ChooseHost(CloudEndpoint endpoint, CloudCluster cluster)
        {
            lock (gate)
            {
                CloudHost? best = null;
                var bestMB = 0L;
                foreach (var host in cluster.Hosts)
                {
                    var mb = AllocatedMemoryMB(endpoint.Name, host.Name) + (inboundMBByHost.TryGetValue(Key(endpoint.Name, host.Name), out var coming) ? coming : 0);
                    if (best != null && mb >= bestMB) continue;
                    best = host;
                    bestMB = mb;
                }

                // A cluster without hosts: the same exception as the First() this loop replaced.
                return best ?? throw new InvalidOperationException("Sequence contains no elements");
            }
        }

        /// <summary>
        /// Memory of the cluster that neither its powered-on VMs nor the VMs on their way there (queued or running moves)
        /// hold: so that the VMs of a wave moved one after another cannot together overcommit it.
        /// </summary>
        private double FreeMemoryGB(CloudCluster cluster)
        {
            var allocatedMB = 0L;
            foreach (var host in cluster.Hosts)
            {
                var key = Key(cluster.Endpoint, host.Name);
                allocatedMB = checked(allocatedMB + AllocatedMemoryMB(cluster.Endpoint, host.Name) + (inboundMBByHost.TryGetValue(key, out var coming) ? coming : 0));
            }

            return cluster.MemoryGB - allocatedMB / 1024.0;
        }

        private long AllocatedMemoryMB(string endpoint, string host) =>
            allocatedMBByHost.TryGetValue(Key(endpoint, host), out var mb) ? mb : 0;

        /// <summary>Puts a VM at a position of the inventory (the end, to add it) and in every index.</summary>
        private void Put(CloudVM vm, int position)
        {
            vmChanges++;
            if (position == vms.Count) vms.Add(vm);
            else vms[position] = vm;
            positionById[vm.Id] = position;
            vmsById[vm.Id] = vm;
            vmsByEndpointAndName[Key(vm.Endpoint, vm.Name)] = vm;
            Allocate(vm, +1);
        }

        /// <summary>Takes a VM out of the name index and its host's allocation, before it is replaced or removed.</summary>
        private void Unindex(CloudVM vm)
        {
            vmsByEndpointAndName.Remove(Key(vm.Endpoint, vm.Name));
            Allocate(vm, -1);
        }

        /// <summary>
        /// Counts a VM's memory on its host while it is powered on: a powered-off or suspended VM holds no host memory,
        /// and vSphere's HA admission control and DRS do not count it.
        /// </summary>
        private void Allocate(CloudVM vm, int sign)
        {
            if (vm.PowerState != PowerState.PoweredOn) return;
            var key = Key(vm.Endpoint, vm.VMHost);
            allocatedMBByHost[key] = AllocatedMemoryMB(vm.Endpoint, vm.VMHost) + sign * (long)vm.MemoryMB;
        }

        /// <summary>Moves a datastore's free space by deltaGB; the change is published with its endpoint when next read.</summary>
        private void AdjustFreeSpace(string endpointName, string datastoreName, double deltaGB)
        {
            unpublishedFreeSpace.TryGetValue(endpointName, out var changes);
            if (changes == null || !changes.TryGetValue(datastoreName, out var change))
            {
                // Not changed since published: start from the published record.
                var datastore = endpoints.FirstOrDefault(e => Names.Equal(e.Name, endpointName))?.FindDatastore(datastoreName);
                if (datastore == null) return;
                if (changes == null) unpublishedFreeSpace.Add(endpointName, changes = new Dictionary<string, (Datastore, double)>(Names.Comparer));
                change = (datastore, datastore.FreeSpaceGB);
            }

            var freeGB = Math.Round(Math.Min(change.Published.CapacityGB, Math.Max(0, change.FreeGB + deltaGB)), 2);
            changes[datastoreName] = (change.Published, freeGB);
        }

        /// <summary>Replaces each endpoint whose free space changed, and its changed datastores, with updated copies.</summary>
        private void PublishFreeSpace()
        {
            if (unpublishedFreeSpace.Count == 0) return;
            foreach (var pair in unpublishedFreeSpace)
            {
                var index = endpoints.FindIndex(e => Names.Equal(e.Name, pair.Key));
                var endpoint = endpoints[index].Copy();
                endpoint.Datastores = endpoint.Datastores.Select(d =>
                {
                    if (!pair.Value.TryGetValue(d.Name, out var change)) return d;
                    var updated = d.Copy();
                    updated.FreeSpaceGB = change.FreeGB;
                    return updated;
                }).ToArray();
                endpoints[index] = endpoint;
            }

            unpublishedFreeSpace.Clear();
        }
    }
}
