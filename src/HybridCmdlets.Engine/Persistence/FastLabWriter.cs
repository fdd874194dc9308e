using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using HybridCmdlets.Engine.Inventory;
using Newtonsoft.Json;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// Writes a lab file byte for byte as <see cref="LabJson"/>'s serializer writes it (tab-indented, the same names,
    /// numbers and escapes), but writes the VMs, most of the file, straight to UTF-8 instead of through
    /// Newtonsoft's reflection and text writer. Everything before the VMs is still written by Newtonsoft.
    ///
    /// When a VM holds something it does not reproduce (an enum value with no name, a NaN or infinite figure), it
    /// gives up and <see cref="LabFile"/> writes the whole file with Newtonsoft, which does what it always did
    /// with such values.
    /// </summary>
    internal static class FastLabWriter
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// Writes the document to <paramref name="stream"/> and returns true, or returns false, perhaps after writing
        /// part of it, when Newtonsoft must write it instead (the caller starts the stream again).
        /// </summary>
        public static bool TryWrite(LabDocument document, Stream stream)
        {
            if (!FastLabSchema.IsSupported || document?.VMs == null || document.VMs.Count == 0) return false;
            try
            {
                // Newtonsoft writes the rest of the document; its closing brace comes off so that the VMs can follow.
                string head;
                var newLine = Environment.NewLine;
                using (var text = new StringWriter(CultureInfo.InvariantCulture))
                {
                    using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 1, IndentChar = '\t' })
                    {
                        LabJson.CreateSerializer().Serialize(json, document.WithoutVMs());
                    }

                    head = text.ToString();
                    newLine = text.NewLine;
                }

                if (newLine != Environment.NewLine) return false; // the names carry Environment.NewLine
                var close = newLine + "}";
                if (!head.EndsWith(close, StringComparison.Ordinal)) return false;

                var output = new Output(stream, newLine);
                output.Text(head.Substring(0, head.Length - close.Length));
                output.Property(Names.VMs, depth: 1, first: false);
                output.Byte((byte)'[');
                var vms = document.VMs;
                for (var i = 0; i < vms.Count; i++)
                {
                    if (i > 0) output.Byte((byte)',');
                    output.Indent(2);
                    WriteVM(output, vms[i], 2);
                }

                output.Indent(1);
                output.Byte((byte)']');
                output.Indent(0);
                output.Byte((byte)'}');
                output.Flush();
                return true;
            }
            catch (NotFast)
            {
                return false;
            }
            catch (JsonException)
            {
                // Newtonsoft could not write the rest of the document; let it fail the same way on the whole of it.
                return false;
            }
        }

        private sealed class NotFast : Exception
        {
        }

        /// <summary>Property names as UTF-8 '"name": ', from the serializer's contracts.</summary>
        private static class Names
        {
            public static readonly Name VMs = Name(typeof(LabDocument), nameof(LabDocument.VMs));

            public static readonly Name VMName = Name(typeof(CloudVM), nameof(CloudVM.Name));
            public static readonly Name Id = Name(typeof(CloudVM), nameof(CloudVM.Id));
            public static readonly Name PowerState = Name(typeof(CloudVM), nameof(CloudVM.PowerState));
            public static readonly Name NumCpu = Name(typeof(CloudVM), nameof(CloudVM.NumCpu));
            public static readonly Name CoresPerSocket = Name(typeof(CloudVM), nameof(CloudVM.CoresPerSocket));
            public static readonly Name MemoryMB = Name(typeof(CloudVM), nameof(CloudVM.MemoryMB));
            public static readonly Name HardwareVersion = Name(typeof(CloudVM), nameof(CloudVM.HardwareVersion));
            public static readonly Name GuestId = Name(typeof(CloudVM), nameof(CloudVM.GuestId));
            public static readonly Name GuestOS = Name(typeof(CloudVM), nameof(CloudVM.GuestOS));
            public static readonly Name ToolsStatus = Name(typeof(CloudVM), nameof(CloudVM.ToolsStatus));
            public static readonly Name Endpoint = Name(typeof(CloudVM), nameof(CloudVM.Endpoint));
            public static readonly Name Provider = Name(typeof(CloudVM), nameof(CloudVM.Provider));
            public static readonly Name Cluster = Name(typeof(CloudVM), nameof(CloudVM.Cluster));
            public static readonly Name VMHost = Name(typeof(CloudVM), nameof(CloudVM.VMHost));
            public static readonly Name Datastore = Name(typeof(CloudVM), nameof(CloudVM.Datastore));
            public static readonly Name Folder = Name(typeof(CloudVM), nameof(CloudVM.Folder));
            public static readonly Name CpuBaseline = Name(typeof(CloudVM), nameof(CloudVM.CpuBaseline));
            public static readonly Name Role = Name(typeof(CloudVM), nameof(CloudVM.Role));
            public static readonly Name Workload = Name(typeof(CloudVM), nameof(CloudVM.Workload));
            public static readonly Name Tags = Name(typeof(CloudVM), nameof(CloudVM.Tags));
            public static readonly Name HardDisks = Name(typeof(CloudVM), nameof(CloudVM.HardDisks));
            public static readonly Name NetworkAdapters = Name(typeof(CloudVM), nameof(CloudVM.NetworkAdapters));
            public static readonly Name CdDrives = Name(typeof(CloudVM), nameof(CloudVM.CdDrives));
            public static readonly Name UsbDevices = Name(typeof(CloudVM), nameof(CloudVM.UsbDevices));
            public static readonly Name PassthroughDevices = Name(typeof(CloudVM), nameof(CloudVM.PassthroughDevices));
            public static readonly Name VGpuProfile = Name(typeof(CloudVM), nameof(CloudVM.VGpuProfile));
            public static readonly Name FaultToleranceEnabled = Name(typeof(CloudVM), nameof(CloudVM.FaultToleranceEnabled));
            public static readonly Name Snapshots = Name(typeof(CloudVM), nameof(CloudVM.Snapshots));

            public static readonly Name DirtyRateMBps = Name(typeof(WorkloadProfile), nameof(WorkloadProfile.DirtyRateMBps));
            public static readonly Name HotSetMB = Name(typeof(WorkloadProfile), nameof(WorkloadProfile.HotSetMB));
            public static readonly Name WritableWorkingSetMB = Name(typeof(WorkloadProfile), nameof(WorkloadProfile.WritableWorkingSetMB));
            public static readonly Name TouchedMemoryPercent = Name(typeof(WorkloadProfile), nameof(WorkloadProfile.TouchedMemoryPercent));
            public static readonly Name DiskWriteRateMBps = Name(typeof(WorkloadProfile), nameof(WorkloadProfile.DiskWriteRateMBps));
            public static readonly Name IsEstimated = Name(typeof(WorkloadProfile), nameof(WorkloadProfile.IsEstimated));

            public static readonly Name DiskName = Name(typeof(HardDisk), nameof(HardDisk.Name));
            public static readonly Name CapacityGB = Name(typeof(HardDisk), nameof(HardDisk.CapacityGB));
            public static readonly Name UsedGB = Name(typeof(HardDisk), nameof(HardDisk.UsedGB));
            public static readonly Name DiskDatastore = Name(typeof(HardDisk), nameof(HardDisk.Datastore));
            public static readonly Name StorageFormat = Name(typeof(HardDisk), nameof(HardDisk.StorageFormat));
            public static readonly Name DiskType = Name(typeof(HardDisk), nameof(HardDisk.DiskType));
            public static readonly Name Sharing = Name(typeof(HardDisk), nameof(HardDisk.Sharing));

            public static readonly Name AdapterName = Name(typeof(NetworkAdapter), nameof(NetworkAdapter.Name));
            public static readonly Name NetworkName = Name(typeof(NetworkAdapter), nameof(NetworkAdapter.NetworkName));
            public static readonly Name MacAddress = Name(typeof(NetworkAdapter), nameof(NetworkAdapter.MacAddress));
            public static readonly Name AdapterType = Name(typeof(NetworkAdapter), nameof(NetworkAdapter.Type));
            public static readonly Name AdapterConnected = Name(typeof(NetworkAdapter), nameof(NetworkAdapter.Connected));

            public static readonly Name CdName = Name(typeof(CdDrive), nameof(CdDrive.Name));
            public static readonly Name IsoPath = Name(typeof(CdDrive), nameof(CdDrive.IsoPath));
            public static readonly Name HostDevice = Name(typeof(CdDrive), nameof(CdDrive.HostDevice));
            public static readonly Name RemoteDevice = Name(typeof(CdDrive), nameof(CdDrive.RemoteDevice));
            public static readonly Name CdConnected = Name(typeof(CdDrive), nameof(CdDrive.Connected));

            public static readonly Name UsbName = Name(typeof(UsbDevice), nameof(UsbDevice.Name));
            public static readonly Name VMotionSupported = Name(typeof(UsbDevice), nameof(UsbDevice.VMotionSupported));

            public static readonly Name SnapshotName = Name(typeof(VMSnapshot), nameof(VMSnapshot.Name));
            public static readonly Name Created = Name(typeof(VMSnapshot), nameof(VMSnapshot.Created));
            public static readonly Name SizeGB = Name(typeof(VMSnapshot), nameof(VMSnapshot.SizeGB));

            private static Name Name(Type type, string member) => new Name(JsonConvert.ToString(FastLabSchema.JsonName(type, member)) + ": ");
        }

        private const int MaxDepth = 8;

        /// <summary>A property's '"name": ' with, for each depth, the new line and tabs before it: one copy per property.</summary>
        private sealed class Name
        {
            private readonly byte[][] atDepth = new byte[MaxDepth][];

            public Name(string text)
            {
                for (var d = 0; d < MaxDepth; d++) atDepth[d] = Encoding.ASCII.GetBytes(Environment.NewLine + new string('\t', d) + text);
            }

            public byte[] At(int depth) => atDepth[depth];
        }

        /// <summary>An enum's values as quoted UTF-8 names, by value (FastLabSchema checks they are 0, 1, 2...).</summary>
        private sealed class EnumText
        {
            public static readonly EnumText PowerState = new EnumText(typeof(PowerState));
            public static readonly EnumText ToolsStatus = new EnumText(typeof(ToolsStatus));
            public static readonly EnumText Provider = new EnumText(typeof(CloudProvider));
            public static readonly EnumText Role = new EnumText(typeof(WorkloadRole));
            public static readonly EnumText StorageFormat = new EnumText(typeof(StorageFormat));
            public static readonly EnumText DiskType = new EnumText(typeof(DiskType));
            public static readonly EnumText Sharing = new EnumText(typeof(DiskSharing));
            public static readonly EnumText AdapterType = new EnumText(typeof(AdapterType));

            private readonly byte[][] names;

            private EnumText(Type type)
            {
                var text = Enum.GetNames(type);
                names = new byte[text.Length][];
                for (var i = 0; i < text.Length; i++) names[i] = Encoding.ASCII.GetBytes("\"" + text[i] + "\"");
            }

            public byte[] Of(int value)
            {
                if ((uint)value >= (uint)names.Length) throw new NotFast(); // Newtonsoft refuses it, with its own message
                return names[value];
            }
        }

        // Each object below writes its properties in the order of its contract (FastLabSchema checks that order):
        // strings and objects only when not null, lists only when they hold something (LabJson's rules).

        private static void WriteVM(Output o, CloudVM? vm, int depth)
        {
            if (vm == null)
            {
                o.Null();
                return;
            }

            var d = depth + 1;
            o.Byte((byte)'{');
            var first = true;
            o.StringProperty(Names.VMName, vm.Name, d, ref first);
            o.StringProperty(Names.Id, vm.Id, d, ref first);
            o.RawProperty(Names.PowerState, EnumText.PowerState.Of((int)vm.PowerState), d, ref first);
            o.IntProperty(Names.NumCpu, vm.NumCpu, d, ref first);
            o.IntProperty(Names.CoresPerSocket, vm.CoresPerSocket, d, ref first);
            o.IntProperty(Names.MemoryMB, vm.MemoryMB, d, ref first);
            o.StringProperty(Names.HardwareVersion, vm.HardwareVersion, d, ref first);
            o.StringProperty(Names.GuestId, vm.GuestId, d, ref first);
            o.StringProperty(Names.GuestOS, vm.GuestOS, d, ref first);
            o.RawProperty(Names.ToolsStatus, EnumText.ToolsStatus.Of((int)vm.ToolsStatus), d, ref first);
            o.StringProperty(Names.Endpoint, vm.Endpoint, d, ref first);
            o.RawProperty(Names.Provider, EnumText.Provider.Of((int)vm.Provider), d, ref first);
            o.StringProperty(Names.Cluster, vm.Cluster, d, ref first);
            o.StringProperty(Names.VMHost, vm.VMHost, d, ref first);
            o.StringProperty(Names.Datastore, vm.Datastore, d, ref first);
            o.StringProperty(Names.Folder, vm.Folder, d, ref first);
            o.StringProperty(Names.CpuBaseline, vm.CpuBaseline, d, ref first);
            o.RawProperty(Names.Role, EnumText.Role.Of((int)vm.Role), d, ref first);
            if (vm.Workload != null)
            {
                o.Property(Names.Workload, d, first);
                first = false;
                WriteWorkload(o, vm.Workload, d);
            }

            if (HasItems(vm.Tags)) { o.Property(Names.Tags, d, first); first = false; WriteList(o, vm.Tags, d, WriteString); }
            if (HasItems(vm.HardDisks)) { o.Property(Names.HardDisks, d, first); first = false; WriteList(o, vm.HardDisks, d, WriteDisk); }
            if (HasItems(vm.NetworkAdapters)) { o.Property(Names.NetworkAdapters, d, first); first = false; WriteList(o, vm.NetworkAdapters, d, WriteAdapter); }
            if (HasItems(vm.CdDrives)) { o.Property(Names.CdDrives, d, first); first = false; WriteList(o, vm.CdDrives, d, WriteCd); }
            if (HasItems(vm.UsbDevices)) { o.Property(Names.UsbDevices, d, first); first = false; WriteList(o, vm.UsbDevices, d, WriteUsb); }
            if (HasItems(vm.PassthroughDevices)) { o.Property(Names.PassthroughDevices, d, first); first = false; WriteList(o, vm.PassthroughDevices, d, WriteString); }
            o.StringProperty(Names.VGpuProfile, vm.VGpuProfile, d, ref first);
            o.BoolProperty(Names.FaultToleranceEnabled, vm.FaultToleranceEnabled, d, ref first);
            if (HasItems(vm.Snapshots)) { o.Property(Names.Snapshots, d, first); first = false; WriteList(o, vm.Snapshots, d, WriteSnapshot); }
            o.Close((byte)'}', depth, first);
        }

        private static void WriteWorkload(Output o, WorkloadProfile w, int depth)
        {
            var d = depth + 1;
            o.Byte((byte)'{');
            var first = true;
            o.DoubleProperty(Names.DirtyRateMBps, w.DirtyRateMBps, d, ref first);
            // Null is left out, as Newtonsoft's NullValueHandling.Ignore leaves it.
            if (w.HotSetMB is double hot) o.DoubleProperty(Names.HotSetMB, hot, d, ref first);
            o.DoubleProperty(Names.WritableWorkingSetMB, w.WritableWorkingSetMB, d, ref first);
            o.DoubleProperty(Names.TouchedMemoryPercent, w.TouchedMemoryPercent, d, ref first);
            o.DoubleProperty(Names.DiskWriteRateMBps, w.DiskWriteRateMBps, d, ref first);
            o.BoolProperty(Names.IsEstimated, w.IsEstimated, d, ref first);
            o.Close((byte)'}', depth, first);
        }

        private static void WriteDisk(Output o, HardDisk? disk, int depth)
        {
            if (disk == null) { o.Null(); return; }
            var d = depth + 1;
            o.Byte((byte)'{');
            var first = true;
            o.StringProperty(Names.DiskName, disk.Name, d, ref first);
            o.DoubleProperty(Names.CapacityGB, disk.CapacityGB, d, ref first);
            o.DoubleProperty(Names.UsedGB, disk.UsedGB, d, ref first);
            o.StringProperty(Names.DiskDatastore, disk.Datastore, d, ref first);
            o.RawProperty(Names.StorageFormat, EnumText.StorageFormat.Of((int)disk.StorageFormat), d, ref first);
            o.RawProperty(Names.DiskType, EnumText.DiskType.Of((int)disk.DiskType), d, ref first);
            o.RawProperty(Names.Sharing, EnumText.Sharing.Of((int)disk.Sharing), d, ref first);
            o.Close((byte)'}', depth, first);
        }

        private static void WriteAdapter(Output o, NetworkAdapter? nic, int depth)
        {
            if (nic == null) { o.Null(); return; }
            var d = depth + 1;
            o.Byte((byte)'{');
            var first = true;
            o.StringProperty(Names.AdapterName, nic.Name, d, ref first);
            o.StringProperty(Names.NetworkName, nic.NetworkName, d, ref first);
            o.StringProperty(Names.MacAddress, nic.MacAddress, d, ref first);
            o.RawProperty(Names.AdapterType, EnumText.AdapterType.Of((int)nic.Type), d, ref first);
            o.BoolProperty(Names.AdapterConnected, nic.Connected, d, ref first);
            o.Close((byte)'}', depth, first);
        }

        private static void WriteCd(Output o, CdDrive? cd, int depth)
        {
            if (cd == null) { o.Null(); return; }
            var d = depth + 1;
            o.Byte((byte)'{');
            var first = true;
            o.StringProperty(Names.CdName, cd.Name, d, ref first);
            o.StringProperty(Names.IsoPath, cd.IsoPath, d, ref first);
            o.StringProperty(Names.HostDevice, cd.HostDevice, d, ref first);
            o.StringProperty(Names.RemoteDevice, cd.RemoteDevice, d, ref first);
            o.BoolProperty(Names.CdConnected, cd.Connected, d, ref first);
            o.Close((byte)'}', depth, first);
        }

        private static void WriteUsb(Output o, UsbDevice? usb, int depth)
        {
            if (usb == null) { o.Null(); return; }
            var d = depth + 1;
            o.Byte((byte)'{');
            var first = true;
            o.StringProperty(Names.UsbName, usb.Name, d, ref first);
            o.BoolProperty(Names.VMotionSupported, usb.VMotionSupported, d, ref first);
            o.Close((byte)'}', depth, first);
        }

        private static void WriteSnapshot(Output o, VMSnapshot? snapshot, int depth)
        {
            if (snapshot == null) { o.Null(); return; }
            var d = depth + 1;
            o.Byte((byte)'{');
            var first = true;
            o.StringProperty(Names.SnapshotName, snapshot.Name, d, ref first);
            o.Property(Names.Created, d, first);
            first = false;
            o.Text(JsonConvert.ToString(snapshot.Created, DateFormatHandling.IsoDateFormat, DateTimeZoneHandling.Utc));
            o.DoubleProperty(Names.SizeGB, snapshot.SizeGB, d, ref first);
            o.Close((byte)'}', depth, first);
        }

        private static void WriteString(Output o, string? value, int depth)
        {
            if (value == null) o.Null();
            else o.String(value);
        }

        /// <summary>As LabJson's ShouldSerialize: a collection with at least one item.</summary>
        private static bool HasItems<T>(IReadOnlyList<T>? list) => list is ICollection { Count: > 0 };

        private static void WriteList<T>(Output o, IReadOnlyList<T> list, int depth, Action<Output, T, int> item)
        {
            o.Byte((byte)'[');
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0) o.Byte((byte)',');
                o.Indent(depth + 1);
                item(o, list[i], depth + 1);
            }

            o.Close((byte)']', depth, list.Count == 0);
        }

        /// <summary>A buffered UTF-8 writer with Newtonsoft's indented layout: tabs, one per level, and "name": value.</summary>
        private sealed class Output
        {
            private const int Size = 1 << 16;
            private readonly Stream stream;
            private readonly byte[] buffer = new byte[Size];
            private readonly byte[][] indents = new byte[8][];
            private int used;

            public Output(Stream stream, string newLine)
            {
                this.stream = stream;
                for (var i = 0; i < indents.Length; i++) indents[i] = Encoding.ASCII.GetBytes(newLine + new string('\t', i));
            }

            public void Flush()
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }

            public void Byte(byte b)
            {
                if (used == Size) Flush();
                buffer[used++] = b;
            }

            public void Bytes(byte[] bytes)
            {
                var count = bytes.Length;
                if (Size - used < count)
                {
                    Flush();
                    if (count > Size)
                    {
                        stream.Write(bytes, 0, count);
                        return;
                    }
                }

                if (count <= 32)
                {
                    // Most copies are a few bytes (a name, an indent): a loop beats BlockCopy's checks.
                    var target = buffer;
                    var at = used;
                    for (var k = 0; k < count; k++) target[at + k] = bytes[k];
                }
                else
                {
                    Buffer.BlockCopy(bytes, 0, buffer, used, count);
                }

                used += count;
            }

            public void Text(string text) => Bytes(Utf8.GetBytes(text));

            public void Indent(int depth)
            {
                if (depth >= indents.Length) throw new NotFast();
                Bytes(indents[depth]);
            }

            public void Null() => Bytes(NullBytes);

            /// <summary>Starts a property: a comma after the first, a new line, the indent, '"name": '.</summary>
            public void Property(Name name, int depth, bool first)
            {
                if (!first) Byte((byte)',');
                Bytes(name.At(depth));
            }

            public void Close(byte bracket, int depth, bool empty)
            {
                if (!empty) Indent(depth);
                Byte(bracket);
            }

            public void RawProperty(Name name, byte[] value, int depth, ref bool first)
            {
                Property(name, depth, first);
                first = false;
                Bytes(value);
            }

            public void StringProperty(Name name, string? value, int depth, ref bool first)
            {
                if (value == null) return; // NullValueHandling.Ignore
                Property(name, depth, first);
                first = false;
                String(value);
            }

            public void IntProperty(Name name, int value, int depth, ref bool first)
            {
                Property(name, depth, first);
                first = false;
                Long(value);
            }

            public void BoolProperty(Name name, bool value, int depth, ref bool first)
            {
                Property(name, depth, first);
                first = false;
                Bytes(value ? TrueBytes : FalseBytes);
            }

            public void DoubleProperty(Name name, double value, int depth, ref bool first)
            {
                Property(name, depth, first);
                first = false;
                Double(value);
            }

            /// <summary>A quoted string: printable ASCII as is; anything else through Newtonsoft's own escaping.</summary>
            public void String(string value)
            {
                var length = value.Length;
                if (Size - used < length + 2) Flush();
                if (length + 2 <= Size)
                {
                    var target = buffer;
                    var at = used;
                    target[at++] = (byte)'"';
                    var k = 0;
                    for (; k < length; k++)
                    {
                        var c = value[k];
                        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') break;
                        target[at++] = (byte)c;
                    }

                    if (k == length)
                    {
                        target[at++] = (byte)'"';
                        used = at;
                        return;
                    }
                }

                Text(JsonConvert.ToString(value));
            }

            /// <summary>As JsonTextWriter writes a double: round-trip format, with ".0" when that shows no decimal point or exponent.</summary>
            public void Double(double value)
            {
                if (double.IsNaN(value) || double.IsInfinity(value)) throw new NotFast(); // Newtonsoft's float format handling decides
                if (value == Math.Floor(value) && Math.Abs(value) < 1e9 && BitConverter.DoubleToInt64Bits(value) != NegativeZeroBits)
                {
                    Long((long)value);
                    Byte((byte)'.');
                    Byte((byte)'0');
                    return;
                }

                // Under ten million with at most two decimals (most figures in a lab: 32.32 GB, 23.8 MB/s) the shortest
                // round-trip text is the number's own digits: doubles there lie far closer together than 0.01.
                var hundredths = Math.Round(value * 100);
                if (Math.Abs(value) < 1e7 && hundredths / 100 == value && BitConverter.DoubleToInt64Bits(value) != NegativeZeroBits)
                {
                    var cents = (long)hundredths;
                    if (cents < 0)
                    {
                        Byte((byte)'-');
                        cents = -cents;
                    }

                    Long(cents / 100);
                    Byte((byte)'.');
                    Byte((byte)('0' + cents / 10 % 10));
                    if (cents % 10 != 0) Byte((byte)('0' + cents % 10));
                    return;
                }

                var text = value.ToString("R", CultureInfo.InvariantCulture);
                if (text.IndexOf('.') < 0 && text.IndexOf('E') < 0 && text.IndexOf('e') < 0) text += ".0";
                Text(text);
            }

            public void Long(long value)
            {
                if (Size - used < 20) Flush();
                if (value < 0)
                {
                    if (value == long.MinValue) { Text(value.ToString(CultureInfo.InvariantCulture)); return; }
                    buffer[used++] = (byte)'-';
                    value = -value;
                }

                var digits = 1;
                for (var v = value; v >= 10; v /= 10) digits++;
                var at = used + digits;
                used = at;
                do
                {
                    buffer[--at] = (byte)('0' + value % 10);
                    value /= 10;
                }
                while (value > 0);
            }

            private static readonly long NegativeZeroBits = BitConverter.DoubleToInt64Bits(-0.0);
            private static readonly byte[] NullBytes = Encoding.ASCII.GetBytes("null");
            private static readonly byte[] TrueBytes = Encoding.ASCII.GetBytes("true");
            private static readonly byte[] FalseBytes = Encoding.ASCII.GetBytes("false");
        }
    }
}
