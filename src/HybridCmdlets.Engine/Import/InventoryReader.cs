using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using VDisk = HybridCmdlets.Engine.Import.RvToolsTab.VDisk;
using VInfo = HybridCmdlets.Engine.Import.RvToolsTab.VInfo;
using VNetwork = HybridCmdlets.Engine.Import.RvToolsTab.VNetwork;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>How one file of the import was written, for the summary a user sees.</summary>
    public sealed class InventorySourceFile
    {
        internal InventorySourceFile(string tab, string path, char separator, HeaderGeneration? generation, DecimalMark? mark, bool markFromNumbers, int rows)
        {
            Tab = tab;
            Path = path;
            Separator = separator;
            Generation = generation;
            DecimalMark = mark;
            DecimalMarkFromNumbers = markFromNumbers;
            Rows = rows;
        }

        public string Tab { get; }
        public string Path { get; }
        public char Separator { get; }
        /// <summary>Which RVTools wrote it, by its size columns; null for a file without any (vNetwork).</summary>
        public HeaderGeneration? Generation { get; }
        /// <summary>The decimal mark its numbers are read with; null for a file the importer reads no number from (vNetwork).</summary>
        public DecimalMark? DecimalMark { get; }
        /// <summary>False when no number of the file told its decimal mark, so it was assumed.</summary>
        public bool DecimalMarkFromNumbers { get; }
        /// <summary>Data rows, the header not counted.</summary>
        public int Rows { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1} rows, {2}'{3}'-separated{4})",
            System.IO.Path.GetFileName(Path), Rows, Generation == null ? "" : Generation == HeaderGeneration.MiB ? "RVTools 4.x headers, " : "RVTools 3.x headers, ",
            Separator == '\t' ? "tab" : Separator.ToString(),
            DecimalMark == null ? "" : ", decimal " + (DecimalMark == Import.DecimalMark.Point ? "point" : "comma") + (DecimalMarkFromNumbers ? "" : " assumed"));
    }

    /// <summary>Everything read from the files: the VMs to import, the rows that cannot be, and what was left out on purpose.</summary>
    internal sealed class InventoryRead
    {
        public List<ImportedVM> VMs { get; } = new List<ImportedVM>();
        public List<InventoryProblem> Problems { get; } = new List<InventoryProblem>();
        public List<InventorySourceFile> Files { get; } = new List<InventorySourceFile>();
        public int Templates { get; set; }
        public int Placeholders { get; set; }
        /// <summary>vNetwork and vDisk rows of VMs that vInfo does not list.</summary>
        public int UnmatchedRows { get; set; }
        public SortedSet<string> Servers { get; } = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads an RVTools vInfo export, and optionally the vNetwork and vDisk exports of the same run, into the VMs they
    /// describe. A file that cannot be read, is not CSV or lacks a column is an error here; a row that does not hold
    /// what its columns should is a problem for that row and, for a NIC or disk row, for its VM, which is then left
    /// out whole: imported without that NIC or disk, it would not be the VM the file describes.
    /// </summary>
    internal static class InventoryReader
    {
        private const double MiBPerGB = 1024;
        private const double RdmMappingFileGB = 0.1;
        private static readonly RvToolsColumn[] VInfoNumbers = { VInfo.CPUs, VInfo.Memory, VInfo.NICs, VInfo.Disks, VInfo.TotalDiskCapacity, VInfo.Provisioned, VInfo.InUse };
        private static readonly RvToolsColumn[] VDiskNumbers = { VDisk.Capacity };

        public static InventoryRead Read(string vInfoPath, string? networkPath, string? diskPath, CancellationToken cancellation)
        {
            var read = new InventoryRead();
            var byName = new Dictionary<string, ImportedVM>(Names.Comparer);
            // VMs whose NIC and disk rows are passed over in silence: templates, placeholders, rows already reported.
            var passedOver = new HashSet<string>(Names.Comparer);
            DecimalMark mark;
            using (var file = RvToolsFile.Open(vInfoPath, VInfo.Tab, cancellation))
            {
                var detected = file.DetectDecimalMark(VInfoNumbers);
                // With no number to tell, the separator does: Excel in a decimal-comma culture separates with ';'.
                mark = detected ?? (file.Separator == ';' ? DecimalMark.Comma : DecimalMark.Point);
                var cells = new CellReader(file, mark);
                var osNames = new Dictionary<(string, string), (string, string)>();
                var rows = 0;
                while (file.Read())
                {
                    rows++;
                    var name = file[VInfo.VM];
                    if (!FieldCountMatches(file, name, read))
                    {
                        passedOver.Add(name);
                        continue;
                    }

                    var vm = ReadVInfoRow(cells, name, read, osNames);
                    if (vm == null)
                    {
                        passedOver.Add(name);
                        if (cells.Error != null) read.Problems.Add(new InventoryProblem(cells.Error, NameOf(name)));
                        continue;
                    }

                    read.VMs.Add(vm);
                    if (!byName.ContainsKey(vm.Name)) byName.Add(vm.Name, vm);
                    if (vm.Server != null) read.Servers.Add(vm.Server);
                }

                read.Files.Insert(0, new InventorySourceFile(VInfo.Tab.Name, vInfoPath, file.Separator, file.Generation, mark, detected != null, rows));
            }

            var leftOut = new HashSet<string>(Names.Comparer);
            if (networkPath != null) ReadNetworks(networkPath, byName, passedOver, leftOut, read, cancellation);
            if (diskPath != null) ReadDisks(diskPath, mark, byName, passedOver, leftOut, read, cancellation);

            var kept = new List<ImportedVM>(read.VMs.Count);
            foreach (var vm in read.VMs)
            {
                if (leftOut.Contains(vm.Name)) continue;
                if (networkPath == null) NicsFromVInfo(vm);
                if (diskPath == null) DisksFromVInfo(vm);
                SpreadInUse(vm);
                vm.HomeDatastore ??= vm.Disks.Count > 0 ? vm.Disks[0].Datastore : null;
                if (vm.HomeDatastore == null)
                {
                    read.Problems.Add(new InventoryProblem(EngineErrors.InventoryFileInvalid(vm.At(VInfo.Path, ""), "the VM's configuration file as '[datastore] folder/vm.vmx'"), vm.Name));
                    continue;
                }

                kept.Add(vm);
            }

            read.VMs.Clear();
            read.VMs.AddRange(kept);
            return read;
        }

        /// <summary>A record with more or fewer fields than the header is a problem: its values would land in the wrong columns.</summary>
        private static bool FieldCountMatches(RvToolsFile file, string vmCell, InventoryRead read)
        {
            if (file.FieldCount == file.HeaderFieldCount) return true;
            var vm = NameOf(vmCell);
            var at = new InventoryRowLocation(file.Tab.Name, file.Path, file.Line, "field " + (file.HeaderFieldCount + 1).ToString(CultureInfo.InvariantCulture), "", vm);
            read.Problems.Add(new InventoryProblem(EngineErrors.InventoryFieldCount(at, file.FieldCount, file.HeaderFieldCount, file.Separator), vm));
            return false;
        }

        private static string? NameOf(string cell) => cell.Trim().Length == 0 ? null : cell;

        private static ImportedVM? ReadVInfoRow(CellReader cells, string cell, InventoryRead read, Dictionary<(string, string), (string, string)> osNames)
        {
            cells.Start(NameOf(cell));
            var name = cells.Name(VInfo.VM, cell, "VM", required: true);
            var template = cells.Bool(VInfo.Template, false);
            var placeholder = cells.Bool(VInfo.SrmPlaceholder, false);
            if (cells.Error != null) return null;
            // Templates and Site Recovery Manager placeholders are not running VMs: nothing of them migrates live.
            if (template) { read.Templates++; return null; }
            if (placeholder) { read.Placeholders++; return null; }

            var vm = new ImportedVM(cells.Source, cells.Line, name!)
            {
                PowerState = cells.Power(VInfo.Powerstate),
                NumCpu = cells.Whole(VInfo.CPUs, 1, VSphereLimits.MaxVCpusPerVM, "a number of vCPUs", required: true) ?? 0,
                MemoryMB = cells.Whole(VInfo.Memory, VSphereLimits.MinMemoryMB, VSphereLimits.MaxMemoryMB, "memory in MiB, such as 8192", required: true) ?? 0,
            };
            var nics = cells.Whole(VInfo.NICs, 0, 10, "a number of network adapters", required: false);
            vm.DiskCount = cells.Whole(VInfo.Disks, 0, 256, "a number of virtual disks", required: false);
            var provisioned = cells.Number(VInfo.Provisioned, 0, 1e12, "provisioned space in MiB", required: true) ?? 0;
            vm.InUseGB = (cells.Number(VInfo.InUse, 0, 1e12, "space in use in MiB", required: true) ?? 0) / MiBPerGB;
            vm.DiskCapacityGB = (cells.Number(VInfo.TotalDiskCapacity, 0, 1e12, "the disks' capacity in MiB", required: false) ?? provisioned) / MiBPerGB;
            if (vm.DiskCapacityGB / Math.Max(1, vm.DiskCount ?? 1) > VSphereLimits.MaxVirtualDiskGB)
            {
                var column = cells.Text(VInfo.TotalDiskCapacity).Length > 0 ? VInfo.TotalDiskCapacity : VInfo.Provisioned;
                cells.Fail<int>(column, cells.Text(column), "at most 62 TB (63,488 GiB) per disk, as vSphere allows");
            }

            foreach (var column in VInfo.Networks)
            {
                var network = cells.Name(column, "network", required: false);
                if (network != null && (nics == null || vm.Networks.Count < nics)) vm.Networks.Add(network);
            }

            var folder = cells.FreeText(VInfo.Folder);
            vm.Folder = folder.Length == 0 ? null : folder;
            vm.HardwareVersion = HardwareVersion(cells);
            vm.HomeDatastore = cells.Datastore(VInfo.Path, "[PROD-VMFS-01] web01/web01.vmx", required: false);
            vm.Host = cells.Name(VInfo.Host, "host", required: true) ?? "";
            // A standalone host is its own compute resource in vCenter, named after it.
            vm.Cluster = cells.Name(VInfo.Cluster, "cluster", required: false) ?? vm.Host;
            var os = (cells.FreeText(VInfo.ConfiguredOS), cells.FreeText(VInfo.ToolsOS));
            if (!osNames.TryGetValue(os, out var guest)) osNames.Add(os, guest = GuestOSNames.Resolve(os.Item1, os.Item2));
            (vm.GuestId, vm.GuestOS) = guest;
            vm.Role = WorkloadRoleGuess.Guess(vm.Name, vm.GuestId);
            vm.ToolsStatus = Tools(cells.Is(VInfo.GuestState, "notRunning"), vm.PowerState);
            var id = cells.Text(VInfo.VMId);
            vm.SourceId = IsVCenterId(id) ? id : null;
            var server = cells.FreeText(VInfo.Server);
            vm.Server = server.Length == 0 ? null : server;
            return cells.Error == null ? vm : null;
        }

        /// <summary>"vmx-19" as RVTools 3.x and 4.x write it, or a bare "19"; null when empty.</summary>
        private static int? HardwareVersion(CellReader cells)
        {
            var text = cells.Text(VInfo.HWVersion);
            if (text.Length == 0) return null;
            if (VirtualHardware.TryParse(text, out var version)) return version;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 4 && version <= VirtualHardware.Latest) return version;
            return cells.Fail<int?>(VInfo.HWVersion, text, "a virtual hardware version from vmx-4 to " + VirtualHardware.Format(VirtualHardware.Latest) + ", such as vmx-19");
        }

        /// <summary>vInfo's Guest state says whether VMware Tools answer; without it, Tools run when the VM does.</summary>
        private static ToolsStatus Tools(bool guestNotRunning, PowerState power) =>
            power != PowerState.PoweredOn || guestNotRunning ? ToolsStatus.ToolsNotRunning : ToolsStatus.ToolsOk;

        private static bool IsVCenterId(string id)
        {
            if (!id.StartsWith("vm-", StringComparison.Ordinal) || id.Length < 4 || id.Length > 12) return false;
            for (var i = 3; i < id.Length; i++)
            {
                if (id[i] < '0' || id[i] > '9') return false;
            }

            return true;
        }

        private static void ReadNetworks(string path, Dictionary<string, ImportedVM> byName, HashSet<string> passedOver, HashSet<string> leftOut, InventoryRead read, CancellationToken cancellation)
        {
            using var file = RvToolsFile.Open(path, VNetwork.Tab, cancellation);
            var cells = new CellReader(file, DecimalMark.Point);
            var rows = 0;
            while (file.Read())
            {
                rows++;
                var vmName = NameOf(file[VNetwork.VM]);
                if (!FieldCountMatches(file, file[VNetwork.VM], read))
                {
                    if (vmName != null) leftOut.Add(vmName);
                    continue;
                }

                cells.Start(vmName);
                if (vmName == null) cells.Fail<string>(VNetwork.VM, cells.Cell(VNetwork.VM), "the name of the VM the NIC belongs to");
                var nic = new ImportedNic
                {
                    Network = cells.Name(VNetwork.Network, "network", required: true) ?? "",
                    Type = Adapter(cells.Text(VNetwork.Adapter)),
                    Connected = cells.Bool(VNetwork.Connected, true),
                    MacAddress = Mac(cells),
                };
                var label = cells.FreeText(VNetwork.Label);
                var switchName = cells.FreeText(VNetwork.Switch);
                nic.Switch = switchName.Length == 0 ? null : switchName;
                var vm = OwnerOf(cells, vmName, byName, passedOver, leftOut, read);
                if (vm == null) continue;

                nic.Name = label.Length > 0 ? label : DeviceLabels.NetworkAdapter(vm.Nics.Count + 1);
                vm.Nics.Add(nic);
            }

            read.Files.Add(new InventorySourceFile(VNetwork.Tab.Name, path, file.Separator, null, null, false, rows));
        }

        private static void ReadDisks(string path, DecimalMark vInfoMark, Dictionary<string, ImportedVM> byName, HashSet<string> passedOver, HashSet<string> leftOut, InventoryRead read, CancellationToken cancellation)
        {
            using var file = RvToolsFile.Open(path, VDisk.Tab, cancellation);
            var detected = file.DetectDecimalMark(VDiskNumbers);
            // The same run on the same machine: with no number to tell, vDisk is written as vInfo is.
            var mark = detected ?? vInfoMark;
            var cells = new CellReader(file, mark);
            var rows = 0;
            while (file.Read())
            {
                rows++;
                var vmName = NameOf(file[VDisk.VM]);
                if (!FieldCountMatches(file, file[VDisk.VM], read))
                {
                    if (vmName != null) leftOut.Add(vmName);
                    continue;
                }

                cells.Start(vmName);
                if (vmName == null) cells.Fail<string>(VDisk.VM, cells.Cell(VDisk.VM), "the name of the VM the disk belongs to");
                var raw = cells.Bool(VDisk.Raw, false);
                var thin = cells.Bool(VDisk.Thin, false);
                var eager = cells.Bool(VDisk.EagerlyScrub, false);
                var disk = new ImportedDisk
                {
                    CapacityGB = (cells.Number(VDisk.Capacity, 1, VSphereLimits.MaxVirtualDiskGB * MiBPerGB, "a disk capacity in MiB, from 1 MiB to 62 TB", required: true) ?? 0) / MiBPerGB,
                    Datastore = cells.Datastore(VDisk.DiskPath, "[PROD-VMFS-01] web01/web01_1.vmdk", required: true) ?? "",
                    Type = raw ? RawMode(cells) : DiskType.Flat,
                    Sharing = Sharing(cells),
                    Format = thin ? StorageFormat.Thin : eager ? StorageFormat.EagerZeroedThick : StorageFormat.Thick,
                };
                var label = cells.FreeText(VDisk.Disk);
                var vm = OwnerOf(cells, vmName, byName, passedOver, leftOut, read);
                if (vm == null) continue;

                disk.Name = label.Length > 0 ? label : DeviceLabels.HardDisk(vm.Disks.Count + 1);
                vm.Disks.Add(disk);
            }

            read.Files.Add(new InventorySourceFile(VDisk.Tab.Name, path, file.Separator, file.Generation, mark, detected != null, rows));
        }

        /// <summary>
        /// The imported VM a vNetwork or vDisk row belongs to, once the row has read without error; null when the row
        /// is left out (its problem reported) or names no VM of vInfo (counted, unless that VM was passed over).
        /// </summary>
        private static ImportedVM? OwnerOf(CellReader cells, string? vmName, Dictionary<string, ImportedVM> byName, HashSet<string> passedOver, HashSet<string> leftOut, InventoryRead read)
        {
            if (cells.Error != null)
            {
                Report(new InventoryProblem(cells.Error, vmName), leftOut, read);
                return null;
            }

            if (byName.TryGetValue(vmName!, out var vm)) return vm;
            if (!passedOver.Contains(vmName!)) read.UnmatchedRows++;
            return null;
        }

        private static void Report(InventoryProblem problem, HashSet<string> leftOut, InventoryRead read)
        {
            read.Problems.Add(problem);
            if (problem.VM != null) leftOut.Add(problem.VM);
        }

        /// <summary>vmxnet3 (and the older vmxnet) as VMXNET 3; E1000e; anything else emulated, as E1000.</summary>
        private static AdapterType Adapter(string text)
        {
            if (text.Length == 0 || text.StartsWith("vmxnet", StringComparison.OrdinalIgnoreCase)) return AdapterType.Vmxnet3;
            if (text.Equals("e1000e", StringComparison.OrdinalIgnoreCase)) return AdapterType.E1000e;
            return AdapterType.E1000;
        }

        private static string? Mac(CellReader cells)
        {
            var text = cells.Text(VNetwork.MacAddress);
            if (text.Length == 0) return null;
            var ok = text.Length == 17;
            for (var i = 0; ok && i < 17; i++)
            {
                var c = text[i];
                ok = i % 3 == 2 ? c == ':' || c == '-' : Uri.IsHexDigit(c);
            }

            return ok ? text.Replace('-', ':').ToLowerInvariant() : cells.Fail<string?>(VNetwork.MacAddress, text, "a MAC address such as 00:50:56:9a:1b:2c");
        }

        private static DiskType RawMode(CellReader cells)
        {
            var mode = cells.Text(VDisk.RawMode);
            if (mode.Equals("virtualMode", StringComparison.OrdinalIgnoreCase)) return DiskType.RawVirtual;
            // physicalMode, or unknown: physical compatibility is the one that stops more moves, so it is not assumed away.
            if (mode.Length == 0 || mode.Equals("physicalMode", StringComparison.OrdinalIgnoreCase)) return DiskType.RawPhysical;
            return cells.Fail<DiskType>(VDisk.RawMode, mode, "physicalMode or virtualMode");
        }

        private static DiskSharing Sharing(CellReader cells)
        {
            var mode = cells.Text(VDisk.Sharing);
            if (mode.Length == 0 || mode.Equals("sharingNone", StringComparison.OrdinalIgnoreCase)) return DiskSharing.NoSharing;
            if (mode.Equals("sharingMultiWriter", StringComparison.OrdinalIgnoreCase)) return DiskSharing.MultiWriter;
            return cells.Fail<DiskSharing>(VDisk.Sharing, mode, "sharingNone or sharingMultiWriter");
        }

        private static void NicsFromVInfo(ImportedVM vm)
        {
            foreach (var network in vm.Networks)
            {
                vm.Nics.Add(new ImportedNic
                {
                    Name = DeviceLabels.NetworkAdapter(vm.Nics.Count + 1),
                    Network = network,
                    Type = AdapterType.Vmxnet3,
                });
            }
        }

        /// <summary>Without vDisk: vInfo's disk count, sharing its total capacity evenly, all with the VM's files.</summary>
        private static void DisksFromVInfo(ImportedVM vm)
        {
            var count = vm.DiskCount ?? (vm.DiskCapacityGB > 0 ? 1 : 0);
            if (count == 0 || vm.DiskCapacityGB <= 0 || vm.HomeDatastore == null) return;
            var each = vm.DiskCapacityGB / count;
            if (each < 0.001) return;
            // In Use below the capacity is thin provisioning; at or above it, thick.
            var format = vm.InUseGB < vm.DiskCapacityGB * 0.99 ? StorageFormat.Thin : StorageFormat.Thick;
            for (var i = 0; i < count; i++)
            {
                vm.Disks.Add(new ImportedDisk
                {
                    Name = "Hard disk " + (i + 1).ToString(CultureInfo.InvariantCulture),
                    CapacityGB = each,
                    Datastore = vm.HomeDatastore,
                    Format = format,
                });
            }
        }

        /// <summary>
        /// What each disk takes on its datastore: an RDM its small mapping file (its data is on the LUN); a thick disk
        /// its capacity; thin disks share what is left of In Use (which also counts swap, logs and snapshots), in
        /// proportion to their capacity and never beyond it.
        /// </summary>
        private static void SpreadInUse(ImportedVM vm)
        {
            double thick = 0, thin = 0;
            foreach (var disk in vm.Disks)
            {
                if (disk.Type != DiskType.Flat) continue;
                if (disk.Format == StorageFormat.Thin) thin += disk.CapacityGB;
                else thick += disk.CapacityGB;
            }

            var left = Math.Max(0, vm.InUseGB - thick);
            foreach (var disk in vm.Disks)
            {
                disk.UsedGB = disk.Type != DiskType.Flat ? Math.Min(RdmMappingFileGB, disk.CapacityGB)
                    : disk.Format != StorageFormat.Thin ? disk.CapacityGB
                    : Math.Round(Math.Min(disk.CapacityGB, thin == 0 ? 0 : left * disk.CapacityGB / thin), 3);
            }
        }
    }
}
