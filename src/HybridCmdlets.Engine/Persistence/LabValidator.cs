using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// Checks that a parsed lab makes sense before it replaces the current one: names unique, every
    /// reference resolving, every figure in range. Reports the first problem with its place in the file.
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

            if (lab.Clock.Kind != DateTimeKind.Utc || lab.Clock.Year < 2000 || lab.Clock.Year > 9000) Problem("clock", "must be a UTC time from the year 2000 on, like \"2026-11-23T08:00:00Z\"");

            var endpoints = new Dictionary<string, CloudEndpoint>(Names.Comparer);
            for (var i = 0; i < lab.Endpoints.Count; i++)
            {
                var at = "endpoints[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var endpoint = lab.Endpoints[i];
                if (endpoint == null) { Problem(at, "is null"); continue; }
                if (!Names.IsValidObjectName(endpoint.Name)) { Problem(at + ".name", Quote(endpoint.Name) + " is not a valid name"); continue; }
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
                Range(at + ".bandwidthMbps", link.BandwidthMbps, 0.001, 400_000);
                Range(at + ".rttMs", link.RttMs, 0, 2000);
                Range(at + ".lossPercent", link.LossPercent, 0, 99.999);
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
                if (!Names.IsValidObjectName(vm.Name)) { Problem(VMPlace(i, vm) + ".name", Quote(vm.Name) + " is not a valid VM name"); continue; }
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
                at += " (" + (user.Name ?? "no name") + ")";
                if (!Names.IsValidObjectName(user.Name)) { Problem(at + ".name", Quote(user.Name) + " is not a valid user name"); continue; }
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
            "vms[" + index.ToString(CultureInfo.InvariantCulture) + "]" + (vm == null ? "" : " (" + (vm.Name ?? "no name") + ")");

        private void ValidateEndpoint(CloudEndpoint endpoint, string at)
        {
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
                Range(dat + ".capacityGB", ds.CapacityGB, 0, 1e9);
                Range(dat + ".freeSpaceGB", ds.FreeSpaceGB, 0, ds.CapacityGB);
            }

            for (var c = 0; c < endpoint.Clusters.Count; c++)
            {
                var cluster = endpoint.Clusters[c];
                var cat = at + ".clusters[" + c.ToString(CultureInfo.InvariantCulture) + "]";
                if (cluster == null) { Problem(cat, "is null"); continue; }
                if (!Names.Equal(cluster.Endpoint, endpoint.Name)) Problem(cat + ".endpoint", Quote(cluster.Endpoint) + " should be " + Quote(endpoint.Name));
                if (cluster.Hosts == null || cluster.Hosts.Count == 0) { Problem(cat + ".hosts", "a cluster needs at least one host"); continue; }
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
                    Range(hat + ".numCpuCores", host.NumCpuCores, 1, 4096);
                    Range(hat + ".memoryGB", host.MemoryGB, 1, 1 << 20);
                    Range(hat + ".vMotionNetworkGbps", host.VMotionNetworkGbps, 1, 800);
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
            if (OutOfRange(vm.NumCpu, 1, 768)) RangeProblem(At() + ".numCpu", vm.NumCpu, 1, 768);
            if (OutOfRange(vm.CoresPerSocket, 1, Math.Max(1, vm.NumCpu))) RangeProblem(At() + ".coresPerSocket", vm.CoresPerSocket, 1, Math.Max(1, vm.NumCpu));
            if (vm.CoresPerSocket > 0 && vm.NumCpu % vm.CoresPerSocket != 0) Problem(At() + ".coresPerSocket", "does not divide numCpu");
            if (OutOfRange(vm.MemoryMB, 4, 24 * 1024 * 1024)) RangeProblem(At() + ".memoryMB", vm.MemoryMB, 4, 24 * 1024 * 1024);
            if (!VirtualHardware.TryParse(vm.HardwareVersion, out _)) Problem(At() + ".hardwareVersion", Quote(vm.HardwareVersion) + " is not a version such as 'vmx-19'");
            if (string.IsNullOrWhiteSpace(vm.GuestId)) Problem(At() + ".guestId", "is missing");
            if (vm.Workload == null) Problem(At() + ".workload", "is missing");
            else
            {
                var w = vm.Workload;
                if (OutOfRange(w.DirtyRateMBps, 0, 100_000)) RangeProblem(At() + ".workload.dirtyRateMBps", w.DirtyRateMBps, 0, 100_000);
                if (OutOfRange(w.WritableWorkingSetMB, 0, vm.MemoryMB)) RangeProblem(At() + ".workload.writableWorkingSetMB", w.WritableWorkingSetMB, 0, vm.MemoryMB);
                // The hot set lies inside the working set; absent (older files) it takes the role's default.
                if (w.HotSetMB is double hot && OutOfRange(hot, 0, w.WritableWorkingSetMB)) RangeProblem(At() + ".workload.hotSetMB", hot, 0, w.WritableWorkingSetMB);
                if (OutOfRange(w.TouchedMemoryPercent, 0, 100)) RangeProblem(At() + ".workload.touchedMemoryPercent", w.TouchedMemoryPercent, 0, 100);
                if (OutOfRange(w.DiskWriteRateMBps, 0, 100_000)) RangeProblem(At() + ".workload.diskWriteRateMBps", w.DiskWriteRateMBps, 0, 100_000);
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
                if (OutOfRange(disk.CapacityGB, 0.001, 62 * 1024)) RangeProblem(DiskAt() + ".capacityGB", disk.CapacityGB, 0.001, 62 * 1024);
                if (OutOfRange(disk.UsedGB, 0, disk.CapacityGB)) RangeProblem(DiskAt() + ".usedGB", disk.UsedGB, 0, disk.CapacityGB);
                if (lookup.FindDatastore(disk.Datastore ?? "") == null) Problem(DiskAt() + ".datastore", "datastore " + Quote(disk.Datastore) + " does not exist on " + Quote(endpoint.Name));
            }

            for (var n = 0; n < vm.NetworkAdapters.Count; n++)
            {
                var nic = vm.NetworkAdapters[n];
                string NicAt() => At() + ".networkAdapters[" + n.ToString(CultureInfo.InvariantCulture) + "]";
                if (nic == null) { Problem(NicAt(), "is null"); continue; }
                if (lookup.FindNetwork(nic.NetworkName ?? "") == null) Problem(NicAt() + ".networkName", "network " + Quote(nic.NetworkName) + " does not exist on " + Quote(endpoint.Name));
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
                if (!Names.IsValidObjectName(name)) Problem(at, Quote(name) + " is not a valid " + what + " name");
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

        private static string Quote(string? value) => value == null ? "(none)" : "'" + value + "'";

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
