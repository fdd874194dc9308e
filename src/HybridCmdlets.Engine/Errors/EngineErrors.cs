using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;

namespace HybridCmdlets.Engine.Errors
{
    /// <summary>
    /// Every error the engine raises, with its id, message and remedy, in one place so that wording stays
    /// consistent and ids stay stable.
    /// </summary>
    public static partial class EngineErrors
    {
        private static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

        /// <summary>A value a user or a file gave, bounded and with hidden characters made visible (<see cref="ShownValue"/>).</summary>
        private static string Q(string? value) => ShownValue.Of(value);

        public static HybridException VMNotFound(string name) => new HybridException(
            "VMNotFound", ErrorKind.ObjectNotFound,
            F("VM '{0}' was not found in the current lab.", Q(name)), name,
            "Check the name with Get-CloudVM, or use a wildcard (for example 'web*').");

        public static HybridException VMIdNotFound(string id) => new HybridException(
            "VMNotFound", ErrorKind.ObjectNotFound,
            F("No VM has the id '{0}' in the current lab.", Q(id)), id,
            "Check the id with Get-CloudVM | Select-Object Name, Id.");

        public static HybridException EndpointNotFound(string name) => new HybridException(
            "EndpointNotFound", ErrorKind.ObjectNotFound,
            F("Endpoint '{0}' was not found in the current lab.", Q(name)), name,
            "List the endpoints with Get-CloudEndpoint.");

        public static HybridException LabOptionRequired() => new HybridException(
            "LabOptionRequired", ErrorKind.InvalidArgument,
            "Set-HybridLabOption was given no option to change.", null, "Give an option, for example -AutoSave $false or -TimeScale 60.");

        public static HybridException LinkSettingRequired(string link) => new HybridException(
            "LinkSettingRequired", ErrorKind.InvalidArgument,
            F("Set-CloudLink was given nothing to change for {0}.", link), link,
            "Give at least one of -BandwidthMbps, -RttMs, -LossPercent or -NetworkExtensionAppliances.");

        public static HybridException EndpointPatternAmbiguous(string pattern, string endpoints) => new HybridException(
            "EndpointAmbiguous", ErrorKind.InvalidArgument,
            F("'{0}' matches several endpoints ({1}); this parameter takes exactly one.", Q(pattern), endpoints), pattern,
            "Name one endpoint; list them with Get-CloudEndpoint.");

        public static HybridException ClusterNotFound(string endpoint, string cluster) => new HybridException(
            "ClusterNotFound", ErrorKind.ObjectNotFound,
            F("Cluster '{0}' was not found on endpoint '{1}'.", Q(cluster), Q(endpoint)), cluster,
            F("List the clusters with (Get-CloudEndpoint {0}).Clusters.", Q(endpoint)));

        /// <summary>An exact name that Get-CloudCluster found on none of the endpoints it searched (all of them when <paramref name="endpoints"/> is null).</summary>
        public static HybridException ClusterNotListed(string cluster, IReadOnlyCollection<string>? endpoints) => new HybridException(
            "ClusterNotFound", ErrorKind.ObjectNotFound,
            F("Cluster '{0}' was not found on {1}.", Q(cluster), Searched(endpoints)), cluster,
            "List the clusters with Get-CloudCluster, or use a wildcard (for example 'Prod*').");

        /// <summary>An exact name that Get-CloudVMHost found on none of the endpoints it searched.</summary>
        public static HybridException HostNotListed(string host, IReadOnlyCollection<string>? endpoints) => new HybridException(
            "VMHostNotFound", ErrorKind.ObjectNotFound,
            F("Host '{0}' was not found on {1}.", Q(host), Searched(endpoints)), host,
            "List the hosts with Get-CloudVMHost, or use a wildcard (for example 'esx-p1-*').");

        /// <summary>An exact name that Get-CloudDatastore found on none of the endpoints it searched.</summary>
        public static HybridException DatastoreNotListed(string datastore, IReadOnlyCollection<string>? endpoints) => new HybridException(
            "DatastoreNotFound", ErrorKind.ObjectNotFound,
            F("Datastore '{0}' was not found on {1}.", Q(datastore), Searched(endpoints)), datastore,
            "List the datastores with Get-CloudDatastore, or use a wildcard (for example '*VMFS*').");

        /// <summary>An exact name that Get-CloudNetwork found on none of the endpoints it searched.</summary>
        public static HybridException NetworkNotListed(string network, IReadOnlyCollection<string>? endpoints) => new HybridException(
            "NetworkNotFound", ErrorKind.ObjectNotFound,
            F("Network '{0}' was not found on {1}.", Q(network), Searched(endpoints)), network,
            "List the networks with Get-CloudNetwork, or use a wildcard (for example 'VLAN*').");

        private static string Searched(IReadOnlyCollection<string>? endpoints) =>
            endpoints == null ? "any endpoint of the lab"
            : endpoints.Count == 1 ? F("endpoint '{0}'", endpoints.First())
            : "endpoints " + string.Join(", ", endpoints.Select(e => "'" + e + "'"));

        public static HybridException ClusterAmbiguous(string cluster, string endpoints) => new HybridException(
            "ClusterAmbiguous", ErrorKind.InvalidArgument,
            F("Cluster name '{0}' exists on more than one endpoint ({1}).", Q(cluster), endpoints), cluster,
            "Name the endpoint with -Endpoint.");

        public static HybridException HostNotFound(string endpoint, string cluster, string host) => new HybridException(
            "VMHostNotFound", ErrorKind.ObjectNotFound,
            F("Host '{0}' was not found in cluster '{1}' on endpoint '{2}'.", Q(host), Q(cluster), Q(endpoint)), host,
            F("List the hosts with (Get-CloudEndpoint {0}).Clusters.Hosts.", Q(endpoint)));

        public static HybridException DatastoreNotFound(string endpoint, string datastore) => new HybridException(
            "DatastoreNotFound", ErrorKind.ObjectNotFound,
            F("Datastore '{0}' was not found on endpoint '{1}'.", Q(datastore), Q(endpoint)), datastore,
            F("List the datastores with (Get-CloudEndpoint {0}).Datastores.", Q(endpoint)));

        public static HybridException DatastoreNotAccessible(string datastore, string cluster) => new HybridException(
            "DatastoreNotAccessible", ErrorKind.InvalidArgument,
            F("Datastore '{0}' is not mounted on the hosts of cluster '{1}'.", Q(datastore), Q(cluster)), datastore,
            "Choose a datastore the cluster's hosts mount, or omit -Datastore to let the lab choose.");

        /// <summary>A datastore no cluster of the endpoint mounts (a host's local disk): nothing can be placed on it by a move.</summary>
        public static HybridException DatastoreNotShared(string datastore, string endpoint) => new HybridException(
            "DatastoreNotAccessible", ErrorKind.InvalidArgument,
            F("Datastore '{0}' is not mounted by any cluster of '{1}'.", Q(datastore), Q(endpoint)), datastore,
            "Choose a datastore a cluster mounts (Get-CloudEndpoint | Select-Object -ExpandProperty Datastores), or omit -Datastore.");

        public static HybridException DatastoreFull(string datastore, double neededGB, double freeGB) => new HybridException(
            "DatastoreFull", ErrorKind.ResourceUnavailable,
            F("Datastore '{0}' has {1:0.##} GB free; {2:0.##} GB are needed.", Q(datastore), freeGB, neededGB), datastore,
            "Choose another datastore with -Datastore or make the disks smaller.");

        public static HybridException NetworkNotFound(string endpoint, string network) => new HybridException(
            "NetworkNotFound", ErrorKind.ObjectNotFound,
            F("Network '{0}' was not found on endpoint '{1}'.", Q(network), Q(endpoint)), network,
            F("List the networks with (Get-CloudEndpoint {0}).Networks.", Q(endpoint)));

        public static HybridException VMNameInUse(string name, string endpoint) => new HybridException(
            "VMNameInUse", ErrorKind.ResourceExists,
            F("A VM named '{0}' already exists on endpoint '{1}'.", Q(name), Q(endpoint)), name,
            "Choose another name, or remove the existing VM first with Remove-CloudVM.");

        public static HybridException InvalidName(string what, string? value) => new HybridException(
            "InvalidName", ErrorKind.InvalidArgument,
            F("'{0}' is not a valid {1}: {2}. {3}.", Q(value), what, Inventory.Names.NameProblem(value) ?? "it is not a name", NameRules), value,
            F("Give the {0} a plain name.", what));

        /// <summary>The rules of <see cref="Inventory.Names.NameProblem"/>, as messages state them.</summary>
        public static readonly string NameRules = F(
            "A name is 1 to {0} characters, with no wildcard characters (* ? [ ]), no slashes (/ \\), no control characters or unpaired surrogates, and no leading or trailing spaces",
            Inventory.VSphereLimits.MaxNameLength);

        /// <summary>Free text (a folder, a tag) that is too long or holds characters a terminal would obey.</summary>
        public static HybridException InvalidText(string parameter, string value, string problem) => new HybridException(
            "InvalidText", ErrorKind.InvalidArgument,
            F("{0} '{1}' cannot be used: {2}.", parameter, Q(value), problem), value,
            F("Give {0} printable text, without control characters, of a sensible length.", parameter));

        /// <summary>A VM that New-CloudVM or an import made and the lab's validator refuses: nothing was added.</summary>
        public static HybridException VMInvalid(string? name, string problem) => new HybridException(
            "VMInvalid", ErrorKind.InvalidData,
            F("VM '{0}' cannot be added to the lab: {1}. Nothing was changed.", Q(name), problem), name,
            "Correct the values named in the message and try again.");

        public static HybridException ValueOutOfRange(string parameter, object value, string range) => new HybridException(
            "ValueOutOfRange", ErrorKind.InvalidArgument,
            F("{0} {1} is out of range: it must be {2}.", parameter, Q(Convert.ToString(value, CultureInfo.InvariantCulture)), range), value,
            F("Give {0} a value {1}.", parameter, range));

        public static HybridException InvalidCoresPerSocket(int numCpu, int coresPerSocket) => new HybridException(
            "InvalidCoresPerSocket", ErrorKind.InvalidArgument,
            F("CoresPerSocket {0} does not divide NumCpu {1}.", coresPerSocket, numCpu), coresPerSocket,
            "Choose a CoresPerSocket value that divides NumCpu (1 always does).");

        public static HybridException InvalidHardwareVersion(string? value) => new HybridException(
            "InvalidHardwareVersion", ErrorKind.InvalidArgument,
            F("'{0}' is not a virtual hardware version; expected 'vmx-N' with N from 4 to {1}.", Q(value), Inventory.VirtualHardware.Latest), value,
            "Give a version such as 'vmx-19'.");

        public static HybridException HardwareVersionNotSupported(string version, string cluster, string max) => new HybridException(
            "HardwareVersionNotSupported", ErrorKind.InvalidArgument,
            F("Cluster '{0}' supports virtual hardware up to {1}; {2} is newer.", Q(cluster), max, Q(version)), version,
            F("Choose {0} or older, or a cluster with newer ESXi hosts.", max));

        public static HybridException LinkNotFound(string source, string destination) => new HybridException(
            "LinkNotFound", ErrorKind.ObjectNotFound,
            F("There is no link between '{0}' and '{1}'.", Q(source), Q(destination)), source + " <-> " + destination,
            "List the links with Get-CloudLink.");

        public static HybridException LabPathRequired() => new HybridException(
            "LabPathRequired", ErrorKind.InvalidOperation,
            "The current lab was not opened from a file, so it has no path to save to.", null,
            "Give a file with Save-HybridLab -Path <file>.");

        /// <summary>A path of another PowerShell provider (env:, variable:, HKLM:): the module reads and writes files only.</summary>
        public static HybridException PathNotFileSystem(string path, string what, string provider) => new HybridException(
            "PathNotFileSystem", ErrorKind.InvalidArgument,
            F("The path '{0}' is in PowerShell's {1} provider, not in the file system, where {2}s are read and written. Nothing was read or written.", Shown(path), provider, what), Shown(path),
            "Give a file-system path, such as ./name.json, or a path on a FileSystem drive (Get-PSDrive -PSProvider FileSystem lists them).");

        /// <summary>A path no file can have: a NUL character, or characters or a form the OS refuses.</summary>
        public static HybridException PathInvalid(string path, string reason) => new HybridException(
            "PathInvalid", ErrorKind.InvalidArgument,
            F("The path '{0}' is not a valid file path: {1} Nothing was read or written.", Shown(path), reason), Shown(path),
            "Check the path for stray characters (a NUL, or a character the file system does not allow), or use Tab completion to type it.");

        /// <summary>A folder, a named pipe, a device or a socket where a file is read or written.</summary>
        public static HybridException PathNotFile(string path, string what, Files.FileKind kind) => new HybridException(
            "PathNotFile", ErrorKind.InvalidArgument,
            F("The path '{0}' is {1}, not a regular file, as {2}s must be. Nothing was read or written.", Shown(path), Describe(kind), what), Shown(path),
            "Give the path of a regular file, not of a folder, a named pipe or a device.");

        /// <summary>A wildcard path for a single file that matches several.</summary>
        public static HybridException PathAmbiguous(string path, string what, IReadOnlyList<string> matches) => new HybridException(
            "PathAmbiguous", ErrorKind.InvalidArgument,
            F("The path '{0}' matches {1} files ({2}{3}), but one {4} is read per path. Nothing was read.", Shown(path), matches.Count,
                string.Join(", ", matches.Take(3).Select(Shown)), matches.Count > 3 ? ", ..." : "", what), Shown(path),
            "Give a path that matches one file, or use a loop: Get-ChildItem <pattern> | ForEach-Object { ... }.");

        private static string Describe(Files.FileKind kind) => kind switch
        {
            Files.FileKind.Directory => "a folder",
            Files.FileKind.NamedPipe => "a named pipe (FIFO)",
            Files.FileKind.CharacterDevice => "a character device",
            Files.FileKind.BlockDevice => "a block device",
            Files.FileKind.Socket => "a socket",
            _ => kind.ToString(),
        };

        /// <summary>A path as an error shows it: control characters escaped (a NUL would cut the message short), and at most 300 characters.</summary>
        private static string Shown(string path)
        {
            var text = new System.Text.StringBuilder();
            foreach (var c in path)
            {
                if (char.IsControl(c)) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else text.Append(c);
                if (text.Length > 300) return text.ToString(0, 297) + "...";
            }

            return text.ToString();
        }

        public static HybridException LabFileNotFound(string path) => new HybridException(
            "LabFileNotFound", ErrorKind.ObjectNotFound,
            F("Lab file '{0}' does not exist.", path), path,
            "Check the path, or create a lab file with Save-HybridLab -Path.");

        public static HybridException LabFileEmpty(string path) => new HybridException(
            "LabFileInvalid", ErrorKind.InvalidData,
            F("Lab file '{0}' is empty.", path), path,
            "Open another lab file, or save a lab over it with Save-HybridLab -Path.");

        public static HybridException LabFileInvalid(string path, string detail, long? line = null, long? position = null, Exception? inner = null) => new HybridException(
            "LabFileInvalid", ErrorKind.InvalidData,
            line.HasValue && position.HasValue
                ? F("Lab file '{0}' is not a valid lab (line {1}, position {2}): {3}", path, line, position, detail)
                : line.HasValue
                ? F("Lab file '{0}' is not a valid lab (line {1}): {2}", path, line, detail)
                : F("Lab file '{0}' is not a valid lab: {1}", path, detail),
            path,
            "Fix the file at that place, or open another lab. The current lab is unchanged.", inner);

        public static HybridException LabFileVersionUnsupported(string path, int version, int supported) => new HybridException(
            "LabFileVersionUnsupported", ErrorKind.InvalidData,
            F("Lab file '{0}' has schema version {1}; this version of HybridCmdlets reads schema version {2} and older.", path, version, supported), path,
            "Update HybridCmdlets to a version that reads this lab, or save the lab again with this version.");

        public static HybridException LabFileUnreadable(string path, Exception inner) => new HybridException(
            "LabFileUnreadable", ErrorKind.ReadError,
            F("Lab file '{0}' could not be read: {1}", path, inner.Message), path,
            "Check the file's permissions and that no other program holds it.", inner);

        public static HybridException LabFileUnwritable(string path, Exception inner) => new HybridException(
            "LabFileUnwritable", ErrorKind.WriteError,
            F("Lab file '{0}' could not be written: {1} The previous file, if any, is unchanged.", path, inner.Message), path,
            "Check that the folder exists and is writable, and that no other program holds the file.", inner);

        public static HybridException LabFileReadOnly(string path) => new HybridException(
            "LabFileReadOnly", ErrorKind.PermissionDenied,
            F("Lab file '{0}' is read-only; nothing was written.", path), path,
            "Save it with Save-HybridLab -Force, which writes over a read-only file and leaves it read-only, or save to another file with -Path.");

        public static HybridException LabFileChanged(string path) => new HybridException(
            "LabFileChanged", ErrorKind.InvalidOperation,
            F("Lab file '{0}' was changed by another session or program since this session opened or last saved it; nothing was written, so as not to drop those changes.", path), path,
            F("Open-HybridLab '{0}' to work on the file as it is now (this session's unsaved changes are discarded), or Save-HybridLab -Force to overwrite it with this session's lab.", path));

        /// <summary>A lab that would not open again (its check, as Open-HybridLab makes it, in <paramref name="check"/>) is not written.</summary>
        public static HybridException LabInvalid(string name, string path, HybridException check) => new HybridException(
            "LabInvalid", ErrorKind.InvalidData,
            F("The lab '{0}' was not saved to '{1}', because Open-HybridLab would refuse it; nothing was written. {2}", name, path, check.Message), path,
            "Undo the change that made the lab inconsistent (see the place named above), or open the lab again with Open-HybridLab.", check);

        public static HybridException ReportInputMissing(string path) => new HybridException(
            "ReportInputMissing", ErrorKind.InvalidArgument,
            F("No MigrationResult, MigrationReadiness or finished CloudTask reached Export-MigrationReport, so the report '{0}' was not written.", path), path,
            "Pipe results to it, for example: Get-CloudVM -Tag wave1 | Move-CloudVM -Destination avs-westeurope | Export-MigrationReport -Path report.html.");

        /// <summary>An object Export-MigrationReport cannot report: it names the type and the value.</summary>
        public static HybridException ReportInputNotSupported(object input) => new HybridException(
            "ReportInputNotSupported", ErrorKind.InvalidArgument,
            F("Export-MigrationReport cannot report a {0} ('{1}'): it takes MigrationResult objects (from Move-CloudVM or Wait-CloudTask), MigrationReadiness objects (from Test-MigrationReadiness) and CloudTask objects (from Move-CloudVM -RunAsync).",
                input.GetType().FullName, Shorten(Convert.ToString(input, CultureInfo.InvariantCulture) ?? "")), input,
            "Pipe the output of Move-CloudVM, Wait-CloudTask or Test-MigrationReadiness, for example: Get-CloudTask | Wait-CloudTask | Export-MigrationReport -Path report.html.");

        /// <summary>A migration still queued or running, given as a task or as its result: a report shows ended ones.</summary>
        public static HybridException MigrationNotFinished(object item, string vm, string state) => new HybridException(
            "MigrationNotFinished", ErrorKind.InvalidOperation,
            F("The migration of VM '{0}' is still {1}, so the report leaves it out: it shows migrations that have ended.", Q(vm), state), item,
            "Wait for the tasks first: Get-CloudTask | Wait-CloudTask | Export-MigrationReport -Path report.html.");

        public static HybridException ReportFileExists(string path) => new HybridException(
            "ReportFileExists", ErrorKind.ResourceExists,
            F("Report file '{0}' already exists and -NoClobber was given; nothing was written.", path), path,
            "Give another -Path, or leave out -NoClobber to overwrite the file.");

        public static HybridException ReportFileReadOnly(string path) => new HybridException(
            "ReportFileUnwritable", ErrorKind.WriteError,
            F("Report file '{0}' is read-only; nothing was written.", path), path,
            "Add -Force to overwrite it (it stays read-only), or give another -Path.");

        public static HybridException ReportFileUnwritable(string path, string reason, Exception? inner) => new HybridException(
            "ReportFileUnwritable", ErrorKind.WriteError,
            F("Report file '{0}' could not be written: {1} Any previous file is unchanged.", path, reason), path,
            "Check that the folder exists and is writable, and that no other program holds the file.", inner);

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        public static HybridException MigrationDestinationIsSource(string vm, string location) => new HybridException(
            "MigrationDestinationIsSource", ErrorKind.InvalidArgument,
            F("VM '{0}' is already at {1}; there is nothing to move.", Q(vm), location), vm,
            "Give another endpoint, or another cluster or datastore of the same endpoint.");

        public static HybridException NetworkNotMapped(string vm, string network, string destination) => new HybridException(
            "NetworkNotMapped", ErrorKind.InvalidArgument,
            F("VM '{0}' has a NIC on '{1}', and no network of '{2}' has that name, extends it, or carries its VLAN.", Q(vm), Q(network), Q(destination)), vm,
            F("Map it with -NetworkMapping @{{ '{0}' = '<network on {1}>' }}.", Q(network), Q(destination)));

        public static HybridException MigrationTypeNotPossible(string vm, string type, string reason) => new HybridException(
            "MigrationTypeNotPossible", ErrorKind.InvalidOperation,
            F("VM '{0}' cannot move by {1}: {2}", Q(vm), type, reason), vm,
            "Choose another -MigrationType, or leave it to Auto.");

        public static HybridException MigrationInProgress(string vm) => new HybridException(
            "MigrationInProgress", ErrorKind.ResourceUnavailable,
            F("VM '{0}' is already being migrated.", Q(vm)), vm,
            "Wait for its task with Wait-CloudTask, or stop it with Stop-CloudTask.");

        public static HybridException NoPath(string source, string destination) => new HybridException(
            "DestinationNotReachable", ErrorKind.ResourceUnavailable,
            F("There is no link between '{0}' and '{1}'.", Q(source), Q(destination)), destination,
            "List the links with Get-CloudLink; a lab file can add one.");

        public static HybridException DestinationInvalid(string? value, bool wildcard) => new HybridException(
            "DestinationInvalid", ErrorKind.InvalidArgument,
            wildcard
                ? F("Destination '{0}' holds a wildcard; a destination names exactly one endpoint (and cluster, and host).", Q(value))
                : F("Destination '{0}' is not an endpoint name, 'endpoint/cluster' or 'endpoint/cluster/host'.", Q(value)), value,
            "Give an endpoint, for example 'avs-westeurope', an endpoint and cluster, for example 'avs-westeurope/Cluster-1', or a host of that cluster after them.");

        public static HybridException NetworkMappingInvalid(string detail) => new HybridException(
            "NetworkMappingInvalid", ErrorKind.InvalidArgument,
            "-NetworkMapping is not usable: " + detail, detail,
            "Give a hashtable of source network names to destination network names, for example @{ 'VM Network' = 'L2E_VM-Network' }.");

        public static HybridException NetworkMappingSourceUnknown(string vm, string network, IEnumerable<string> nicNetworks) => new HybridException(
            "NetworkMappingInvalid", ErrorKind.InvalidArgument,
            F("-NetworkMapping maps '{0}', but no NIC of VM '{1}' is on it (its NICs are on {2}).", Q(network), Q(vm), string.Join(", ", nicNetworks.Select(n => "'" + n + "'"))), vm,
            F("Map only networks VM '{0}' uses: (Get-CloudVM {0}).Networks; nothing moved.", Q(vm)));

        public static HybridException NetworkMappingTargetUnknown(string vm, string destination, string network) => new HybridException(
            "NetworkMappingInvalid", ErrorKind.InvalidArgument,
            F("-NetworkMapping sends a NIC of VM '{0}' to '{1}', which is not a network of '{2}'.", Q(vm), Q(network), Q(destination)), vm,
            F("List the networks with (Get-CloudEndpoint {0}).Networks; nothing moved.", Q(destination)));

        /// <summary>
        /// A move that reached its switchover to find a VM of its name at the destination, created or moved there while
        /// it ran (vCenter's DuplicateName): it fails, with the VM at its source, rather than leave two of one name.
        /// </summary>
        public static HybridException VMNameInUseAtDestination(string vm, string endpoint) => new HybridException(
            "VMNameInUseAtDestination", ErrorKind.ResourceExists,
            F("At switchover a VM named '{0}' was already on '{1}' (created or moved there while this migration ran); the VM stays at its source.", Q(vm), Q(endpoint)), vm,
            F("Rename or remove the other VM '{0}' at '{1}' (Remove-CloudVM), or move this one elsewhere.", Q(vm), Q(endpoint)));

        /// <summary>A Bulk move keeps the original at the source under a timestamped name; another VM took that name meanwhile.</summary>
        public static HybridException VMNameInUseAtSource(string vm, string renamed, string endpoint) => new HybridException(
            "VMNameInUseAtSource", ErrorKind.ResourceExists,
            F("At switchover the name '{0}', under which Bulk migration keeps the original VM, was already taken on '{1}'; the VM stays at its source.", Q(renamed), Q(endpoint)), vm,
            F("Rename or remove the VM '{0}' at '{1}', then move '{2}' again.", Q(renamed), Q(endpoint), Q(vm)));

        /// <summary>What the move was to land on is no longer in the lab at its switchover.</summary>
        public static HybridException DestinationChanged(string vm, string what) => new HybridException(
            "DestinationChanged", ErrorKind.ObjectNotFound,
            F("At switchover {0} was no longer in the lab; the VM stays at its source.", what), vm,
            "Check the destination with Get-CloudEndpoint, then move the VM again.");

        /// <summary>A migration that ran and failed; its id is the result's (SwitchoverTimeout, ...).</summary>
        public static HybridException MigrationFailed(string vm, string errorId, string? message, string? fault = null) => new HybridException(
            errorId, errorId == "DatastoreFull" ? ErrorKind.ResourceUnavailable : errorId.StartsWith("VMNameInUseAt", StringComparison.Ordinal) ? ErrorKind.ResourceExists : ErrorKind.InvalidOperation,
            F("The migration of VM '{0}' failed: {1}", Q(vm), message), vm,
            fault != null
                ? F("The injected fault {0} caused it (Get-CloudFault {0}); the VM runs at its source. Clear the fault with Clear-CloudFault {0} and move the VM again.", fault)
                : errorId == "SwitchoverTimeout"
                ? "Move it when the guest writes less or over a faster link, or by Bulk, whose downtime is a final sync and a boot rather than a live switchover."
                : "See the result's Error and ErrorMessage; the VM runs at its source.");

        public static HybridException LabBusy(int running) => new HybridException(
            "LabBusy", ErrorKind.ResourceUnavailable,
            F("The lab has {0} migration task(s) still queued or running; it cannot be replaced now.", running), running,
            "Wait for them with Get-CloudTask | Wait-CloudTask, or stop them with Get-CloudTask | Stop-CloudTask.");

        public static HybridException FaultTriggerInvalid(string problem, object value, string remedy) => new HybridException(
            "FaultTriggerInvalid", ErrorKind.InvalidArgument, problem, value, remedy);

        public static HybridException FaultSpecificationInvalid(string problem, object value, string remedy) => new HybridException(
            "FaultSpecificationInvalid", ErrorKind.InvalidArgument, problem, value, remedy);

        public static HybridException FaultTargetNotFound(string what, string target, string remedy) => new HybridException(
            "FaultTargetNotFound", ErrorKind.ObjectNotFound,
            F("No {0} '{1}' was found in the current lab.", what, Q(target)), target, remedy);

        public static HybridException FaultTargetAmbiguous(string what, string target, string endpoints) => new HybridException(
            "FaultTargetAmbiguous", ErrorKind.InvalidArgument,
            F("The {0} name '{1}' exists on more than one endpoint ({2}).", what, Q(target), endpoints), target,
            F("Name the endpoint too: '<endpoint>/{0}'.", Q(target)));

        public static HybridException FaultNotFound(string id) => new HybridException(
            "FaultNotFound", ErrorKind.ObjectNotFound,
            F("Fault '{0}' was not found in the current lab.", Q(id)), id,
            "List the faults with Get-CloudFault.");

        public static HybridException TaskNotFound(string id) => new HybridException(
            "TaskNotFound", ErrorKind.ObjectNotFound,
            F("Task '{0}' was not found in the current lab.", Q(id)), id,
            "List the tasks with Get-CloudTask.");

        public static HybridException TaskNotRunning(string id, string state) => new HybridException(
            "TaskNotRunning", ErrorKind.InvalidOperation,
            F("Task '{0}' has already ended ({1}); there is nothing to stop.", Q(id), state), id,
            "Stop only queued or running tasks: Get-CloudTask -Status Queued, Running | Stop-CloudTask.");

        public static HybridException InventoryFileNotFound(string path) => new HybridException(
            "InventoryFileNotFound", ErrorKind.ObjectNotFound,
            F("Inventory file '{0}' does not exist.", path), path,
            "Check the path. RVTools writes its CSV export as one file per tab, such as RVTools_tabvInfo.csv.");

        public static HybridException InventoryFileTooLarge(string path, string tab, long maxBytes) => new HybridException(
            "InventoryFileTooLarge", ErrorKind.LimitsExceeded,
            F("Inventory file '{0}' holds more than {1:N0} MiB, more than any RVTools {2} export of a vCenter; nothing was read.", path, maxBytes / (1024 * 1024), tab), path,
            F("Check that the file is the {0} tab of an RVTools CSV export; split an export of several vCenters into one file per vCenter.", tab));

        public static HybridException InventoryFileUnreadable(string path, Exception inner) => new HybridException(
            "InventoryFileUnreadable", ErrorKind.ReadError,
            F("Inventory file '{0}' could not be read: {1}", path, inner.Message), path,
            "Check the file's permissions and that no other program (Excel) holds it.", inner);

        /// <summary>A file that is not CSV text at all: empty, a folder, an Excel workbook.</summary>
        public static HybridException InventoryFileNotCsv(string path, string tab, string detail) => new HybridException(
            "InventoryFileInvalid", ErrorKind.InvalidData,
            F("Inventory file '{0}' is not an RVTools {1} CSV export: {2}", path, Q(tab), detail), path,
            F("Export the {0} tab as CSV with RVTools (File > Export all to csv, or RVTools.exe -c ExportAll2csv), or save that sheet of the xlsx export as CSV.", Q(tab)));

        /// <summary>A foreign CSV, or the export of another tab: a column the importer needs is not in the header.</summary>
        public static HybridException InventoryColumnMissing(string path, string tab, string column, string expected) => new HybridException(
            "InventoryColumnMissing", ErrorKind.InvalidData,
            F("Inventory file '{0}' is not an RVTools {1} export: it has no '{2}' column. Expected {3}.", path, Q(tab), Q(column), expected), path,
            F("Give the {0} tab of an RVTools CSV export (RVTools_tab{0}.csv); the export of another tab or tool does not have its columns.", Q(tab)));

        /// <summary>A header with the same column twice: the importer cannot tell which one holds the values.</summary>
        public static HybridException InventoryColumnDuplicated(string path, string tab, string first, int firstPosition, string second, int secondPosition) => new HybridException(
            "InventoryColumnDuplicated", ErrorKind.InvalidData,
            F("Inventory file '{0}' names the column '{1}' twice in its header: column {2} ('{1}') and column {3} ('{4}'); the importer cannot tell which holds the values.",
                path, Q(first), firstPosition, secondPosition, Q(second)), path,
            F("Remove or rename one of the two columns, or export the {0} tab again with RVTools.", tab));

        /// <summary>A cell that does not hold what its column should.</summary>
        public static HybridException InventoryFileInvalid(Import.InventoryRowLocation at, string expected) => new HybridException(
            "InventoryFileInvalid", ErrorKind.InvalidData,
            at.Value.Length == 0
                ? F("{0} is empty; expected {1}.", at, expected)
                : F("{0}: '{1}' is not valid; expected {2}.", at, Q(at.Value), expected),
            at,
            "Correct the cell, or leave the row out: -SkipInvalidRows imports the other rows and reports each skipped one.");

        public static HybridException InventoryFieldCount(Import.InventoryRowLocation at, int fields, int columns, char separator) => new HybridException(
            "InventoryFileInvalid", ErrorKind.InvalidData,
            F("{0} has {1} fields where the header has {2} columns; a value that holds the separator '{3}' must be quoted.", at.Row, fields, columns, separator),
            at,
            "Correct the row, or leave it out: -SkipInvalidRows imports the other rows and reports each skipped one.");

        public static HybridException InventoryVMNameInUse(Import.InventoryRowLocation at, string endpoint, int? firstLine) => new HybridException(
            "VMNameInUse", ErrorKind.ResourceExists,
            firstLine.HasValue
                ? F("{0}: VM '{1}' appears twice in the file, on line {2} and on line {3}.", at, Q(at.Value), firstLine, at.Line)
                : F("{0}: a VM named '{1}' already exists on endpoint '{2}'.", at, Q(at.Value), Q(endpoint)),
            at,
            "Leave the row out (-SkipInvalidRows imports the other rows), remove the existing VM with Remove-CloudVM, or import into another endpoint.");

        public static HybridException InventoryHostInOtherCluster(Import.InventoryRowLocation at, string cluster, string hostCluster, string endpoint) => new HybridException(
            "InventoryFileInvalid", ErrorKind.InvalidData,
            F("{0}: host '{1}' is in cluster '{2}' on endpoint '{3}', not in cluster '{4}' as the row says.", at, Q(at.Value), hostCluster, Q(endpoint), Q(cluster)),
            at,
            "Import into an endpoint where the host is in that cluster, or correct the row; -SkipInvalidRows imports the other rows.");

        public static HybridException InventoryDatastoreFull(Import.InventoryRowLocation at, string datastore, double neededGB, double freeGB) => new HybridException(
            "DatastoreFull", ErrorKind.ResourceUnavailable,
            F("{0}: datastore '{1}' has {2:0.##} GB free; the VM's disks use {3:0.##} GB.", at, Q(datastore), freeGB, neededGB),
            at,
            "Import into an endpoint with room on that datastore, or leave the row out with -SkipInvalidRows.");

        public static HybridException InventoryDatastoreNotAccessible(Import.InventoryRowLocation at, string datastore, string owner, string host) => new HybridException(
            "DatastoreNotAccessible", ErrorKind.InvalidArgument,
            F("{0}: datastore '{1}' is the local disk of host '{2}'; the VM runs on host '{3}'.", at, Q(datastore), owner, Q(host)),
            at,
            "Correct the row, or leave it out with -SkipInvalidRows.");

        public static HybridException InventoryHardwareVersionNotSupported(Import.InventoryRowLocation at, string cluster, string max) => new HybridException(
            "HardwareVersionNotSupported", ErrorKind.InvalidArgument,
            F("{0}: cluster '{1}' supports virtual hardware up to {2}; {3} is newer.", at, Q(cluster), max, Q(at.Value)),
            at,
            "Import into an endpoint whose cluster of that name runs newer ESXi, or leave the row out with -SkipInvalidRows.");

        /// <summary>The terminating error of an import refused because rows are invalid: the first problem, and how many there are.</summary>
        public static HybridException InventoryRejected(HybridException first, int invalidRows) => new HybridException(
            first.ErrorId, first.Kind,
            first.Message + (invalidRows > 1
                ? F(" Nothing was imported: {0} rows are invalid (-SkipInvalidRows -WhatIf lists them all).", invalidRows)
                : " Nothing was imported."),
            first.Target,
            first.RecommendedAction, first);

        public static HybridException EndpointNotOnPremises(string endpoint, Inventory.CloudProvider provider) => new HybridException(
            "EndpointNotOnPremises", ErrorKind.InvalidArgument,
            F("Endpoint '{0}' is not on premises (its Provider is {1}); an RVTools inventory is imported into an on-premises endpoint.", Q(endpoint), provider), endpoint,
            "Give an endpoint whose Provider is OnPremises: Get-CloudEndpoint -Provider OnPremises.");

        public static HybridException NoOnPremisesEndpoint() => new HybridException(
            "EndpointNotOnPremises", ErrorKind.ObjectNotFound,
            "The lab has no on-premises endpoint to import an RVTools inventory into.", null,
            "Open a lab that has one, such as the default lab (Open-HybridLab -Default).");

        public static HybridException EndpointAmbiguous(string endpoints, string servers) => new HybridException(
            "EndpointAmbiguous", ErrorKind.InvalidArgument,
            F("The lab has several on-premises endpoints ({0}), and none has the vCenter Server the file was exported from ({1}).", endpoints, servers), endpoints,
            "Name the endpoint to import into with -Endpoint.");

        public static HybridException MigrationNotReady(string vm, string type, System.Collections.Generic.IReadOnlyList<string> failing, string firstFailure) => new HybridException(
            "MigrationNotReady", ErrorKind.InvalidOperation,
            F("VM '{0}' is not ready to move by {1} (failing checks: {2}). {3}", Q(vm), type, string.Join(", ", failing), firstFailure), vm,
            "See every check with Test-MigrationReadiness; fix what fails, or choose another -MigrationType (Auto picks the least disruptive that passes).");

        // ---- Access control: connections, logins and privileges ----

        /// <summary>A secured endpoint this session has no connection to.</summary>
        public static HybridException NotConnected(string endpoint, string operation, object? target) => new HybridException(
            "NotConnected", ErrorKind.AuthenticationError,
            F("Endpoint '{0}' declares users and this session is not connected to it; {1} needs a connection there.", Q(endpoint), operation), target,
            F("Connect first: Connect-CloudEndpoint -Name {0} -Credential (Get-Credential).", Q(endpoint)));

        /// <summary>Every endpoint is secured and none is connected: there is nothing this session may see.</summary>
        public static HybridException NotConnectedToAny(string endpoints) => new HybridException(
            "NotConnected", ErrorKind.AuthenticationError,
            F("Every endpoint of this lab declares users ({0}) and this session is connected to none of them.", endpoints), null,
            "Connect first: Connect-CloudEndpoint -Name <endpoint> -Credential (Get-Credential).");

        public static HybridException PermissionDenied(string operation, string privilege, string endpoint, string user, Access.AccessRole? role,
            System.Collections.Generic.IReadOnlyList<Access.AccessRole> granting, object? target) => new HybridException(
            "PermissionDenied", ErrorKind.PermissionDenied,
            F("Permission to perform this operation was denied: {0} needs the privilege {1} on endpoint '{2}', and user '{3}' holds {4} there, which does not grant it. Nothing was changed.",
                operation, privilege, Q(endpoint), Q(user), role.HasValue ? "the role " + role.Value : "no role"), target,
            F("Connect to '{0}' as a user with the {1} role (Connect-CloudEndpoint -Name {0} -Credential (Get-Credential)); Get-CloudPermission -Endpoint {0} lists the roles granted there.",
                Q(endpoint), string.Join(" or ", granting)));

        /// <summary>The right password, but no role on the endpoint: vCenter refuses such a login too.</summary>
        public static HybridException NoRoleOnEndpoint(string user, string endpoint, string privilege) => new HybridException(
            "PermissionDenied", ErrorKind.PermissionDenied,
            F("Permission to perform this operation was denied: user '{0}' holds no role on endpoint '{1}', and connecting needs the privilege {2} there.", Q(user), Q(endpoint), privilege), endpoint,
            F("Connect as a user who has a role on '{0}' (Get-CloudPermission -Endpoint {0}), or grant one with New-CloudPermission.", Q(endpoint)));

        /// <summary>vCenter's words, which do not say whether the name or the password was wrong. The target is the name as given.</summary>
        public static HybridException InvalidLogin(string user) => new HybridException(
            "InvalidLogin", ErrorKind.AuthenticationError,
            "Cannot complete login due to an incorrect user name or password.", user,
            F("Check the user name and the password. After {0} failed logins within {1} minutes, logins as that user are refused for {2} minutes.",
                Access.LoginThrottle.MaxFailures, Access.LoginThrottle.FailureWindow.TotalMinutes, Access.LoginThrottle.LockoutPeriod.TotalMinutes));

        public static HybridException LoginThrottled(string user, DateTime until, int failures, TimeSpan window, TimeSpan lockout) => new HybridException(
            "LoginThrottled", ErrorKind.AuthenticationError,
            F("Logins as '{0}' are refused until {1:yyyy-MM-dd HH:mm:ss} UTC: there were {2} failed logins within {3} minutes.", Q(user), until, failures, window.TotalMinutes), user,
            F("Wait until then ({0} minutes after the last failure) and check the password before trying again.", lockout.TotalMinutes));

        public static HybridException UserNameInUse(string name) => new HybridException(
            "UserNameInUse", ErrorKind.ResourceExists,
            F("The lab already declares a user named '{0}'.", Q(name)), name,
            "Choose another name; Get-CloudPermission lists the users that hold roles.");

        public static HybridException UserNotFound(string name) => new HybridException(
            "UserNotFound", ErrorKind.ObjectNotFound,
            F("User '{0}' is not declared in the current lab.", Q(name)), name,
            "Declare the user first with New-CloudUser -Credential (Get-Credential).");

        /// <summary>Names the user, never the password.</summary>
        public static HybridException PasswordTooShort(string user, int minimum) => new HybridException(
            "PasswordTooShort", ErrorKind.InvalidArgument,
            F("The password given for user '{0}' is too short: it needs at least {1} characters, as vCenter Single Sign-On's default policy asks.", Q(user), minimum), user,
            F("Give a password of {0} characters or more.", minimum));
    }
}
