using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// Checks that a lab makes sense: names valid (<see cref="Names.NameProblem"/>) and unique, every reference
    /// resolving, every figure finite and in range (<see cref="VSphereLimits"/>), every text of a sane length.
    /// The one validator of every way data enters: a lab file as it loads (<see cref="Check"/>), the generator's
    /// estate, and each VM that New-CloudVM or Import-CloudInventory makes (<see cref="CheckNewVM"/>). Reports
    /// the first problem with its place. Linear and cheap: a 100,000-VM lab is checked in well under a second.
    /// </summary>
    internal sealed class LabValidator
    {
        private readonly List<string> problems = new List<string>();

        public static void Check(LabDocument lab, string path)
        {
            var validator = new LabValidator();
            validator.Validate(lab);
            if (validator.problems.Count > 0)
            {
                var more = validator.problems.Count > 1
                    ? string.Format(CultureInfo.InvariantCulture, " ({0} more problem{1} after this one)", validator.problems.Count - 1, validator.problems.Count == 2 ? "" : "s")
                    : "";
                throw EngineErrors.LabFileInvalid(path, validator.problems[0] + more);
            }
        }

        /// <summary>
        /// Checks a VM about to join <paramref name="endpoint"/> as the lab file's loader would: a VM that New-CloudVM
        /// or an import makes can then always be saved and opened again. Throws VMInvalid with the first problem.
        /// </summary>
        public static void CheckNewVM(CloudVM vm, CloudEndpoint endpoint) => CheckNewVMs(new[] { vm }, endpoint);

        /// <summary>As <see cref="CheckNewVM"/>, for many VMs of one endpoint (an import), with one index of the endpoint.</summary>
        public static void CheckNewVMs(IReadOnlyList<CloudVM> vms, CloudEndpoint endpoint)
        {
            var validator = new LabValidator();
            var lookup = new EndpointLookup(endpoint);
            for (var i = 0; i < vms.Count; i++)
            {
                var vm = vms[i];
                if (Names.NameProblem(vm.Name) is string problem) validator.Problem(VMPlace(i, vm) + ".name", Quote(vm.Name) + " is not a valid VM name: " + problem);
                else validator.ValidateVM(vm, endpoint, lookup, i);
                if (validator.problems.Count > 0) throw EngineErrors.VMInvalid(vm.Name, validator.problems[0]);
            }
        }

        private void Validate(LabDocument lab)
        {
            if (lab.SchemaVersion < 1) Problem("schemaVersion", "must be 1 or more, not " + lab.SchemaVersion.ToString(CultureInfo.InvariantCulture));
            if (lab.Endpoints == null || lab.Endpoints.Count == 0)
            {
                Problem("endpoints", "a lab needs at least one endpoint");
                return;
            }

            if (lab.Links == null) { Problem("links", "must be a list"); return; }
            if (lab.VMs == null) { Problem("vms", "must be a list"); return; }
            if (lab.Options == null) { Problem("options", "must be an object"); return; }
            if (lab.Options.DowntimeTargetMs is double target && (double.IsNaN(target) || target <= 0 || target > Migration.MigrationSettings.MaxDowntimeTargetMs))
            {
                Problem("options.downtimeTargetMs", "must be over 0 and at most " + Migration.MigrationSettings.MaxDowntimeTargetMs.ToString(CultureInfo.InvariantCulture) + ", not " + target.ToString(CultureInfo.InvariantCulture));
            }

            if (double.IsNaN(lab.Options.TimeScale) || double.IsInfinity(lab.Options.TimeScale) || lab.Options.TimeScale < 0 || lab.Options.TimeScale > Lab.LabSession.MaxTimeScale)
            {
                Problem("options.timeScale", "must be from 0 to " + Lab.LabSession.MaxTimeScale.ToString(CultureInfo.InvariantCulture) + ", not " + lab.Options.TimeScale.ToString(CultureInfo.InvariantCulture));
            }

            Text("name", lab.Name);
            if (lab.Clock.Kind != DateTimeKind.Utc || lab.Clock.Year < 2000 || lab.Clock.Year > 9000) Problem("clock", "must be a UTC time from the year 2000 on, like \"2026-11-23T08:00:00Z\"");

            var endpoints = new Dictionary<string, CloudEndpoint>(Names.Comparer);
            for (var i = 0; i < lab.Endpoints.Count; i++)
            {
                var at = "endpoints[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var endpoint = lab.Endpoints[i];
                if (endpoint == null) { Problem(at, "is null"); continue; }
                if (!Name(at + ".name", endpoint.Name, "endpoint")) continue;
                if (endpoints.ContainsKey(endpoint.Name)) { Problem(at + ".name", "endpoint " + Quote(endpoint.Name) + " appears twice"); continue; }
                if (HasNullParts(endpoint, at)) continue;

                endpoints.Add(endpoint.Name, endpoint);
                ValidateEndpoint(endpoint, at);
            }

            var pairs = new HashSet<string>(Names.Comparer);
            for (var i = 0; i < lab.Links.Count; i++)
            {
                var at = "links[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var link = lab.Links[i];
                if (link == null) { Problem(at, "is null"); continue; }
                if (!endpoints.ContainsKey(link.Source ?? "")) Problem(at + ".source", "endpoint " + Quote(link.Source) + " does not exist");
                if (!endpoints.ContainsKey(link.Destination ?? "")) Problem(at + ".destination", "endpoint " + Quote(link.Destination) + " does not exist");
                if (Names.Equal(link.Source, link.Destination)) Problem(at, "links endpoint " + Quote(link.Source) + " to itself");
                var key = string.Join("|", new[] { link.Source ?? "", link.Destination ?? "" }.OrderBy(s => s, Names.Comparer));
                if (!pairs.Add(key)) Problem(at, "a second link between " + Quote(link.Source) + " and " + Quote(link.Destination));
                Range(at + ".bandwidthMbps", link.BandwidthMbps, VSphereLimits.MinLinkBandwidthMbps, VSphereLimits.MaxLinkBandwidthMbps);
                Range(at + ".rttMs", link.RttMs, 0, VSphereLimits.MaxLinkRttMs);
                Range(at + ".lossPercent", link.LossPercent, 0, VSphereLimits.MaxLinkLossPercent);
                Range(at + ".networkExtensionAppliances", link.NetworkExtensionAppliances, 1, NetworkExtension.HcxNetworkExtensionLimits.MaxAppliances);
            }

            // Built once per endpoint: a 100,000-VM lab has hundreds of clusters and datastores on one endpoint,
            // which a search per VM would walk through millions of times.
            var lookups = new Dictionary<CloudEndpoint, EndpointLookup>();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var names = new HashSet<string>(Names.Comparer);
            for (var i = 0; i < lab.VMs.Count; i++)
            {
                var vm = lab.VMs[i];
                if (vm == null) { Problem(VMPlace(i, null), "is null"); continue; }
                if (string.IsNullOrWhiteSpace(vm.Id)) Problem(VMPlace(i, vm) + ".id", "is missing");
                else if (!ids.Add(vm.Id)) Problem(VMPlace(i, vm) + ".id", "id " + Quote(vm.Id) + " is used by another VM");
                if (!Name(VMPlace(i, vm) + ".name", vm.Name, "VM")) continue;
                if (!endpoints.TryGetValue(vm.Endpoint ?? "", out var endpoint))
                {
                    Problem(VMPlace(i, vm) + ".endpoint", "endpoint " + Quote(vm.Endpoint) + " does not exist");
                    continue;
                }

                if (!names.Add(vm.Endpoint + "/" + vm.Name)) Problem(VMPlace(i, vm) + ".name", "a second VM named " + Quote(vm.Name) + " on " + Quote(vm.Endpoint));
                if (!lookups.TryGetValue(endpoint, out var lookup))
                {
                    lookup = new EndpointLookup(endpoint);
                    lookups.Add(endpoint, lookup);
                }

                ValidateVM(vm, endpoint, lookup, i);
            }

            if (lab.Access != null) ValidateAccess(lab.Access, endpoints);
            foreach (var pair in endpoints) ValidateExtensions(pair.Value, endpoints);
        }

        /// <summary>A network extended by HCX names the network it extends as 'endpoint/network': both must exist.</summary>
        private void ValidateExtensions(CloudEndpoint endpoint, Dictionary<string, CloudEndpoint> endpoints)
        {
            if (endpoint.Networks == null) return;
            foreach (var network in endpoint.Networks)
            {
                if (network?.ExtendedFrom == null) continue;
                var slash = network.ExtendedFrom.IndexOf('/');
                var source = slash > 0 && endpoints.TryGetValue(network.ExtendedFrom.Substring(0, slash), out var found) ? found : null;
                if (source?.Networks == null || source.FindNetwork(network.ExtendedFrom.Substring(slash + 1)) == null)
                {
                    Problem("endpoints (" + Shown(endpoint.Name) + ").networks (" + Shown(network.Name) + ").extendedFrom",
                        "network " + Quote(network.ExtendedFrom) + " does not exist (expected 'endpoint/network')");
                }
            }
        }

        /// <summary>
        /// Users unique and with usable hashes, and every role granted to a declared user on an existing endpoint.
        /// A hash that is not one is described, never quoted: it may be a password typed in the wrong place.
        /// </summary>
        private void ValidateAccess(Access.LabAccess access, Dictionary<string, CloudEndpoint> endpoints)
        {
            if (access.Users == null) { Problem("access.users", "must be a list"); return; }
            if (access.Permissions == null) { Problem("access.permissions", "must be a list"); return; }
            var users = new HashSet<string>(Names.Comparer);
            for (var i = 0; i < access.Users.Count; i++)
            {
                var user = access.Users[i];
                var at = "access.users[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (user == null) { Problem(at, "is null"); continue; }
                at += " (" + (user.Name == null ? "no name" : Shown(user.Name)) + ")";
                if (!Name(at + ".name", user.Name, "user")) continue;
                if (!users.Add(user.Name!)) Problem(at + ".name", "user " + Quote(user.Name) + " appears twice");
                if (Access.PasswordHash.Problem(user.PasswordHash) is string problem) Problem(at + ".passwordHash", problem);
            }

            var granted = new HashSet<string>(Names.Comparer);
            for (var i = 0; i < access.Permissions.Count; i++)
            {
                var permission = access.Permissions[i];
                var at = "access.permissions[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (permission == null) { Problem(at, "is null"); continue; }
                if (!users.Contains(permission.Principal ?? "")) Problem(at + ".principal", "user " + Quote(permission.Principal) + " is not declared in access.users");
                if (!endpoints.ContainsKey(permission.Endpoint ?? "")) Problem(at + ".endpoint", "endpoint " + Quote(permission.Endpoint) + " does not exist");
                if (!Enum.IsDefined(typeof(Access.AccessRole), permission.Role)) Problem(at + ".role", Quote(permission.Role.ToString()) + " is not a role (ReadOnly, Operator or Administrator)");
                if (!granted.Add((permission.Principal ?? "") + "|" + (permission.Endpoint ?? ""))) Problem(at, "a second role for " + Quote(permission.Principal) + " on " + Quote(permission.Endpoint));
            }
        }

        /// <summary>Where a VM's problems are reported: "vms[12] (web01)". Built only when there is a problem to report.</summary>
        private static string VMPlace(int index, CloudVM? vm) =>
            "vms[" + index.ToString(CultureInfo.InvariantCulture) + "]" + (vm == null ? "" : " (" + (vm.Name == null ? "no name" : Shown(vm.Name)) + ")");

        private void ValidateEndpoint(CloudEndpoint endpoint, string at)
        {
            Text(at + ".region", endpoint.Region);
            Text(at + ".server", endpoint.Server);
            Text(at + ".vCenterVersion", endpoint.VCenterVersion);
            Text(at + ".vSphereEdition", endpoint.VSphereEdition);
            Text(at + ".hcxVersion", endpoint.HcxVersion);
            Range(at + ".vCenterBuild", endpoint.VCenterBuild, 0, int.MaxValue);
            Range(at + ".latitude", endpoint.Latitude, -VSphereLimits.MaxLatitude, VSphereLimits.MaxLatitude);
            Range(at + ".longitude", endpoint.Longitude, -VSphereLimits.MaxLongitude, VSphereLimits.MaxLongitude);
            if (endpoint.Clusters == null || endpoint.Clusters.Count == 0) { Problem(at + ".clusters", "an endpoint needs at least one cluster"); return; }
            if (endpoint.Datastores == null) { Problem(at + ".datastores", "must be a list"); return; }
            if (endpoint.Networks == null || endpoint.Networks.Count == 0) { Problem(at + ".networks", "an endpoint needs at least one network"); return; }
            Unique(endpoint.Datastores.Select(d => d?.Name), at + ".datastores", "datastore");
            Unique(endpoint.Networks.Select(n => n?.Name), at + ".networks", "network");
            Unique(endpoint.Clusters.Select(c => c?.Name), at + ".clusters", "cluster");
            Unique(endpoint.Clusters.Where(c => c?.Hosts != null).SelectMany(c => c.Hosts).Select(h => h?.Name), at + ".clusters", "host");

            for (var d = 0; d < endpoint.Datastores.Count; d++)
            {
                var ds = endpoint.Datastores[d];
                var dat = at + ".datastores[" + d.ToString(CultureInfo.InvariantCulture) + "]";
                if (ds == null) { Problem(dat, "is null"); continue; }
                Range(dat + ".capacityGB", ds.CapacityGB, 0, VSphereLimits.MaxDatastoreCapacityGB);
                Range(dat + ".freeSpaceGB", ds.FreeSpaceGB, 0, ds.CapacityGB);
                // A host's local datastore names its host, which must be one of the endpoint's.
                if (ds.VMHost != null && !endpoint.Clusters.Any(c => c?.Hosts != null && c.Hosts.Any(h => Names.Equal(h?.Name, ds.VMHost))))
                {
                    Problem(dat + ".vmHost", "host " + Quote(ds.VMHost) + " does not exist on " + Quote(endpoint.Name));
                }
            }

            for (var c = 0; c < endpoint.Clusters.Count; c++)
            {
                var cluster = endpoint.Clusters[c];
                var cat = at + ".clusters[" + c.ToString(CultureInfo.InvariantCulture) + "]";
                if (cluster == null) { Problem(cat, "is null"); continue; }
                if (!Names.Equal(cluster.Endpoint, endpoint.Name)) Problem(cat + ".endpoint", Quote(cluster.Endpoint) + " should be " + Quote(endpoint.Name));
                if (cluster.Hosts == null || cluster.Hosts.Count == 0) { Problem(cat + ".hosts", "a cluster needs at least one host"); continue; }
                Text(cat + ".evcMode", cluster.EvcMode);
                Range(cat + ".haFailoverReservePercent", cluster.HAFailoverReservePercent, 0, 100);
                foreach (var name in cluster.Datastores ?? Array.Empty<string>())
                {
                    if (endpoint.FindDatastore(name) == null) Problem(cat + ".datastores", "datastore " + Quote(name) + " does not exist on " + Quote(endpoint.Name));
                }

                for (var h = 0; h < cluster.Hosts.Count; h++)
                {
                    var host = cluster.Hosts[h];
                    var hat = cat + ".hosts[" + h.ToString(CultureInfo.InvariantCulture) + "]";
                    if (host == null) { Problem(hat, "is null"); continue; }
                    if (!Names.Equal(host.Cluster, cluster.Name)) Problem(hat + ".cluster", Quote(host.Cluster) + " should be " + Quote(cluster.Name));
                    Range(hat + ".numCpuSockets", host.NumCpuSockets, 1, VSphereLimits.MaxHostSockets);
                    Range(hat + ".numCpuCores", host.NumCpuCores, 1, VSphereLimits.MaxHostCores);
                    Range(hat + ".cpuMhz", host.CpuMhz, 1, VSphereLimits.MaxHostCpuMhz);
                    Range(hat + ".memoryGB", host.MemoryGB, 1, VSphereLimits.MaxHostMemoryGB);
                    Range(hat + ".vMotionNetworkGbps", host.VMotionNetworkGbps, VSphereLimits.MinVMotionNetworkGbps, VSphereLimits.MaxVMotionNetworkGbps);
                    Text(hat + ".model", host.Model);
                    Text(hat + ".processorType", host.ProcessorType);
                    Text(hat + ".cpuGeneration", host.CpuGeneration);
                    Text(hat + ".gpuModel", host.GpuModel);
                    if (!Version.TryParse(host.EsxiVersion ?? "", out _)) Problem(hat + ".esxiVersion", Quote(host.EsxiVersion) + " is not a version such as '8.0.3'");
                }
            }
        }

        private void ValidateVM(CloudVM vm, CloudEndpoint endpoint, EndpointLookup lookup, int index)
        {
            string At() => VMPlace(index, vm);
            if (vm.Provider != endpoint.Provider) Problem(At() + ".provider", vm.Provider + " does not match endpoint " + Quote(endpoint.Name) + " (" + endpoint.Provider + ")");
            var cluster = lookup.FindCluster(vm.Cluster ?? "");
            if (cluster == null) Problem(At() + ".cluster", "cluster " + Quote(vm.Cluster) + " does not exist on " + Quote(endpoint.Name));
            else if (!lookup.HasHost(cluster, vm.VMHost)) Problem(At() + ".vmHost", "host " + Quote(vm.VMHost) + " is not in cluster " + Quote(vm.Cluster));
            if (lookup.FindDatastore(vm.Datastore ?? "") == null) Problem(At() + ".datastore", "datastore " + Quote(vm.Datastore) + " does not exist on " + Quote(endpoint.Name));
            if (OutOfRange(vm.NumCpu, 1, VSphereLimits.MaxVCpusPerVM)) RangeProblem(At() + ".numCpu", vm.NumCpu, 1, VSphereLimits.MaxVCpusPerVM);
            if (OutOfRange(vm.CoresPerSocket, 1, Math.Max(1, vm.NumCpu))) RangeProblem(At() + ".coresPerSocket", vm.CoresPerSocket, 1, Math.Max(1, vm.NumCpu));
            if (vm.CoresPerSocket > 0 && vm.NumCpu % vm.CoresPerSocket != 0) Problem(At() + ".coresPerSocket", "does not divide numCpu");
            if (OutOfRange(vm.MemoryMB, VSphereLimits.MinMemoryMB, VSphereLimits.MaxMemoryMB)) RangeProblem(At() + ".memoryMB", vm.MemoryMB, VSphereLimits.MinMemoryMB, VSphereLimits.MaxMemoryMB);
            if (!VirtualHardware.TryParse(vm.HardwareVersion, out _)) Problem(At() + ".hardwareVersion", Quote(vm.HardwareVersion) + " is not a version such as 'vmx-19'");
            if (string.IsNullOrWhiteSpace(vm.GuestId)) Problem(At() + ".guestId", "is missing");
            if (TextProblem(vm.GuestId) || TextProblem(vm.GuestOS) || TextProblem(vm.Folder) || TextProblem(vm.CpuBaseline) || TextProblem(vm.VGpuProfile))
            {
                Text(At() + ".guestId", vm.GuestId);
                Text(At() + ".guestOS", vm.GuestOS);
                Text(At() + ".folder", vm.Folder);
                Text(At() + ".cpuBaseline", vm.CpuBaseline);
                Text(At() + ".vGpuProfile", vm.VGpuProfile);
            }
            if (vm.Workload == null) Problem(At() + ".workload", "is missing");
            else
            {
                var w = vm.Workload;
                if (OutOfRange(w.DirtyRateMBps, 0, VSphereLimits.MaxDirtyRateMBps)) RangeProblem(At() + ".workload.dirtyRateMBps", w.DirtyRateMBps, 0, VSphereLimits.MaxDirtyRateMBps);
                if (OutOfRange(w.WritableWorkingSetMB, 0, vm.MemoryMB)) RangeProblem(At() + ".workload.writableWorkingSetMB", w.WritableWorkingSetMB, 0, vm.MemoryMB);
                // The hot set lies inside the working set; absent (older files) it takes the role's default.
                if (w.HotSetMB is double hot && OutOfRange(hot, 0, w.WritableWorkingSetMB)) RangeProblem(At() + ".workload.hotSetMB", hot, 0, w.WritableWorkingSetMB);
                if (OutOfRange(w.TouchedMemoryPercent, 0, VSphereLimits.MaxTouchedMemoryPercent)) RangeProblem(At() + ".workload.touchedMemoryPercent", w.TouchedMemoryPercent, 0, VSphereLimits.MaxTouchedMemoryPercent);
                if (OutOfRange(w.DiskWriteRateMBps, 0, VSphereLimits.MaxDiskWriteRateMBps)) RangeProblem(At() + ".workload.diskWriteRateMBps", w.DiskWriteRateMBps, 0, VSphereLimits.MaxDiskWriteRateMBps);
            }

            // Places are named only when there is something to report: this runs for every VM of the lab.
            if (AnyNull(vm.HardDisks) || AnyNull(vm.NetworkAdapters) || AnyNull(vm.Tags) || AnyNull(vm.CdDrives)
                || AnyNull(vm.UsbDevices) || AnyNull(vm.PassthroughDevices) || AnyNull(vm.Snapshots))
            {
                var place = At();
                HasNullEntries(place + ".hardDisks", vm.HardDisks);
                HasNullEntries(place + ".networkAdapters", vm.NetworkAdapters);
                HasNullEntries(place + ".tags", vm.Tags);
                HasNullEntries(place + ".cdDrives", vm.CdDrives);
                HasNullEntries(place + ".usbDevices", vm.UsbDevices);
                HasNullEntries(place + ".passthroughDevices", vm.PassthroughDevices);
                HasNullEntries(place + ".snapshots", vm.Snapshots);
                return;
            }

            for (var d = 0; d < vm.HardDisks.Count; d++)
            {
                var disk = vm.HardDisks[d];
                string DiskAt() => At() + ".hardDisks[" + d.ToString(CultureInfo.InvariantCulture) + "]";
                if (disk == null) { Problem(DiskAt(), "is null"); continue; }
                if (OutOfRange(disk.CapacityGB, VSphereLimits.MinVirtualDiskGB, VSphereLimits.MaxVirtualDiskGB)) RangeProblem(DiskAt() + ".capacityGB", disk.CapacityGB, VSphereLimits.MinVirtualDiskGB, VSphereLimits.MaxVirtualDiskGB);
                if (TextProblem(disk.Name)) Text(DiskAt() + ".name", disk.Name);
                if (OutOfRange(disk.UsedGB, 0, disk.CapacityGB)) RangeProblem(DiskAt() + ".usedGB", disk.UsedGB, 0, disk.CapacityGB);
                if (lookup.FindDatastore(disk.Datastore ?? "") == null) Problem(DiskAt() + ".datastore", "datastore " + Quote(disk.Datastore) + " does not exist on " + Quote(endpoint.Name));
            }

            for (var n = 0; n < vm.NetworkAdapters.Count; n++)
            {
                var nic = vm.NetworkAdapters[n];
                string NicAt() => At() + ".networkAdapters[" + n.ToString(CultureInfo.InvariantCulture) + "]";
                if (nic == null) { Problem(NicAt(), "is null"); continue; }
                if (lookup.FindNetwork(nic.NetworkName ?? "") == null) Problem(NicAt() + ".networkName", "network " + Quote(nic.NetworkName) + " does not exist on " + Quote(endpoint.Name));
                if (TextProblem(nic.Name) || TextProblem(nic.MacAddress)) { Text(NicAt() + ".name", nic.Name); Text(NicAt() + ".macAddress", nic.MacAddress); }
            }

            for (var t = 0; t < vm.Tags.Count; t++)
            {
                if (Names.TagProblem(vm.Tags[t]) is string problem) Problem(At() + ".tags[" + t.ToString(CultureInfo.InvariantCulture) + "]", Quote(vm.Tags[t]) + " is not a valid tag: " + problem);
            }

            for (var c = 0; c < vm.CdDrives.Count; c++)
            {
                var cd = vm.CdDrives[c];
                if (TextProblem(cd.Name) || TextProblem(cd.IsoPath) || TextProblem(cd.HostDevice) || TextProblem(cd.RemoteDevice))
                {
                    var cdAt = At() + ".cdDrives[" + c.ToString(CultureInfo.InvariantCulture) + "]";
                    Text(cdAt + ".name", cd.Name);
                    Text(cdAt + ".isoPath", cd.IsoPath);
                    Text(cdAt + ".hostDevice", cd.HostDevice);
                    Text(cdAt + ".remoteDevice", cd.RemoteDevice);
                }
            }

            for (var u = 0; u < vm.UsbDevices.Count; u++)
            {
                if (TextProblem(vm.UsbDevices[u].Name)) Text(At() + ".usbDevices[" + u.ToString(CultureInfo.InvariantCulture) + "].name", vm.UsbDevices[u].Name);
            }

            for (var p = 0; p < vm.PassthroughDevices.Count; p++)
            {
                if (TextProblem(vm.PassthroughDevices[p])) Text(At() + ".passthroughDevices[" + p.ToString(CultureInfo.InvariantCulture) + "]", vm.PassthroughDevices[p]);
            }

            for (var s = 0; s < vm.Snapshots.Count; s++)
            {
                var snapshot = vm.Snapshots[s];
                var snapAt = At() + ".snapshots[" + s.ToString(CultureInfo.InvariantCulture) + "]";
                if (TextProblem(snapshot.Name)) Text(snapAt + ".name", snapshot.Name);
                if (OutOfRange(snapshot.SizeGB, 0, VSphereLimits.MaxVirtualDiskGB)) RangeProblem(snapAt + ".sizeGB", snapshot.SizeGB, 0, VSphereLimits.MaxVirtualDiskGB);
            }
        }

        /// <summary>An endpoint whose lists hold nulls is reported and not looked into further.</summary>
        private bool HasNullParts(CloudEndpoint endpoint, string at)
        {
            var found = HasNullEntries(at + ".clusters", endpoint.Clusters)
                | HasNullEntries(at + ".datastores", endpoint.Datastores)
                | HasNullEntries(at + ".networks", endpoint.Networks);
            if (found || endpoint.Clusters == null) return found;
            for (var c = 0; c < endpoint.Clusters.Count; c++)
            {
                found |= HasNullEntries(at + ".clusters[" + c.ToString(CultureInfo.InvariantCulture) + "].hosts", endpoint.Clusters[c].Hosts);
            }

            return found;
        }

        private static bool AnyNull<T>(IReadOnlyList<T> list)
            where T : class
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] == null) return true;
            }

            return false;
        }

        /// <summary>Reports null entries in a list (the checks after this one look inside every entry).</summary>
        private bool HasNullEntries<T>(string at, IReadOnlyList<T>? list)
            where T : class
        {
            if (list == null) return false;
            // Indexed, not enumerated: this runs for every list of every VM, and an enumerator is an allocation.
            for (var index = 0; index < list.Count; index++)
            {
                if (list[index] != null) continue;
                Problem(at + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", "is null");
                return true;
            }

            return false;
        }

        private void Unique(IEnumerable<string?> names, string at, string what)
        {
            var seen = new HashSet<string>(Names.Comparer);
            foreach (var name in names)
            {
                if (Names.NameProblem(name) is string problem) Problem(at, Quote(name) + " is not a valid " + what + " name: " + problem);
                else if (!seen.Add(name!)) Problem(at, what + " " + Quote(name) + " appears twice");
            }
        }

        private void Range(string at, double value, double min, double max)
        {
            if (OutOfRange(value, min, max)) RangeProblem(at, value, min, max);
        }

        private static bool OutOfRange(double value, double min, double max) =>
            double.IsNaN(value) || double.IsInfinity(value) || value < min || value > max;

        private void RangeProblem(string at, double value, double min, double max) =>
            Problem(at, string.Format(CultureInfo.InvariantCulture, "{0} is out of range ({1} to {2})", value, min, max));

        private static string Quote(string? value) => value == null ? "(none)" : "'" + Shown(value) + "'";

        private static string Shown(string value) => ShownValue.Of(value);

        /// <summary>True when <paramref name="name"/> may name a <paramref name="what"/>; else reports why.</summary>
        private bool Name(string at, string? name, string what)
        {
            if (Names.NameProblem(name) is not string problem) return true;
            Problem(at, Quote(name) + " is not a valid " + what + " name: " + problem);
            return false;
        }

        /// <summary>Reports free text that is too long or holds characters a terminal obeys.</summary>
        private void Text(string at, string? text)
        {
            if (Names.TextProblem(text) is string problem) Problem(at, Quote(text) + " cannot be held: " + problem);
        }

        private static bool TextProblem(string? text) => Names.TextProblem(text) != null;

        private void Problem(string at, string what) => problems.Add(at + ": " + what);

        /// <summary>
        /// An endpoint's clusters, datastores and networks by name, found as <see cref="CloudEndpoint"/>'s FindCluster,
        /// FindDatastore and FindNetwork find them (the first of that name, in any case), and each cluster's host names.
        /// Where a list or one of its items is null, the lookup defers to those methods, so that a malformed lab
        /// fails exactly as it did before this index existed.
        /// </summary>
        private sealed class EndpointLookup
        {
            private readonly CloudEndpoint endpoint;
            private readonly Dictionary<string, CloudCluster>? clusters;
            private readonly Dictionary<string, Datastore>? datastores;
            private readonly Dictionary<string, CloudNetwork>? networks;
            private readonly Dictionary<CloudCluster, HashSet<string>?> hosts = new Dictionary<CloudCluster, HashSet<string>?>();

            public EndpointLookup(CloudEndpoint endpoint)
            {
                this.endpoint = endpoint;
                clusters = Index(endpoint.Clusters, c => c.Name);
                datastores = Index(endpoint.Datastores, d => d.Name);
                networks = Index(endpoint.Networks, n => n.Name);
            }

            public CloudCluster? FindCluster(string name) =>
                clusters == null ? endpoint.FindCluster(name) : clusters.TryGetValue(name, out var found) ? found : null;

            public Datastore? FindDatastore(string name) =>
                datastores == null ? endpoint.FindDatastore(name) : datastores.TryGetValue(name, out var found) ? found : null;

            public CloudNetwork? FindNetwork(string name) =>
                networks == null ? endpoint.FindNetwork(name) : networks.TryGetValue(name, out var found) ? found : null;

            /// <summary>True when one of the cluster's hosts has this name (in any case).</summary>
            public bool HasHost(CloudCluster cluster, string? host)
            {
                if (!hosts.TryGetValue(cluster, out var names))
                {
                    names = HostNames(cluster);
                    hosts.Add(cluster, names);
                }

                return names == null ? cluster.Hosts.Any(h => Names.Equal(h.Name, host)) : host != null && names.Contains(host);
            }

            private static HashSet<string>? HostNames(CloudCluster cluster)
            {
                if (cluster.Hosts == null) return null;
                var names = new HashSet<string>(Names.Comparer);
                foreach (var h in cluster.Hosts)
                {
                    if (h?.Name == null) return null;
                    names.Add(h.Name);
                }

                return names;
            }

            /// <summary>The first item of each name; null (search the list instead) if the list or an item is null. Items with no name match nothing.</summary>
            private static Dictionary<string, T>? Index<T>(IReadOnlyList<T>? items, Func<T, string?> nameOf) where T : class
            {
                if (items == null) return null;
                var index = new Dictionary<string, T>(items.Count, Names.Comparer);
                foreach (var item in items)
                {
                    if (item == null) return null;
                    var name = nameOf(item);
                    if (name != null && !index.ContainsKey(name)) index.Add(name, item);
                }

                return index;
            }
        }
    }
}
