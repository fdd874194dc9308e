using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using Newtonsoft.Json;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// Reads a lab file's VMs straight from its UTF-8 bytes, without Newtonsoft's tokenizer and reflection: on a
    /// 100,000-VM lab these are most of the load time. The endpoints, links, users and options (a small part of the
    /// file) are cut out and handed to Newtonsoft with the usual settings.
    ///
    /// It accepts only what it can read exactly as <see cref="LabJson"/>'s serializer would: strict JSON, property
    /// names spelt as that serializer writes them, values of the expected kind. On anything else (a syntax error,
    /// a comment, a null, a name in another case, a number in quotes, an escaped surrogate...) it gives up and
    /// returns null, and <see cref="LabFile"/> reads the file again with Newtonsoft alone, which accepts what it
    /// always accepted and reports errors with their line and position, as before. So the fast path changes how
    /// long a load takes, never what it returns or which errors it reports.
    /// </summary>
    internal static class FastLabReader
    {
        /// <summary>The document, or null when the file must be read by Newtonsoft instead.</summary>
        public static LabDocument? TryRead(Stream stream, StringPool pool)
        {
            if (!FastLabSchema.IsSupported) return null;
            try
            {
                return new Parser(stream, pool).ReadDocument();
            }
            catch (NotFast)
            {
                return null;
            }
            catch (JsonException)
            {
                // A part Newtonsoft read on its own failed; reading the whole file says where, with line numbers.
                return null;
            }
        }

        /// <summary>Thrown when the fast path gives up; caught in <see cref="TryRead"/>, never seen outside.</summary>
        private sealed class NotFast : Exception
        {
        }

        private enum DocumentField { SchemaVersion, Name, Options, Clock, Endpoints, Links, Access, VMs }

        private enum VMField
        {
            Name, Id, PowerState, NumCpu, CoresPerSocket, MemoryMB, HardwareVersion, GuestId, GuestOS, ToolsStatus, Endpoint, Provider, Cluster,
            VMHost, Datastore, Folder, CpuBaseline, Role, Workload, Tags, HardDisks, NetworkAdapters, CdDrives, UsbDevices, PassthroughDevices,
            VGpuProfile, FaultToleranceEnabled, Snapshots,
        }

        private enum WorkloadField { DirtyRateMBps, HotSetMB, WritableWorkingSetMB, TouchedMemoryPercent, DiskWriteRateMBps, IsEstimated }

        private enum DiskField { Name, CapacityGB, UsedGB, Datastore, StorageFormat, DiskType, Sharing }

        private enum AdapterField { Name, NetworkName, MacAddress, Type, Connected }

        private enum CdField { Name, IsoPath, HostDevice, RemoteDevice, Connected }

        private enum UsbField { Name, VMotionSupported }

        private enum SnapshotField { Name, Created, SizeGB }

        /// <summary>Built on first use only, after <see cref="FastLabSchema"/> has said the names can be trusted.</summary>
        private static class Tables
        {
            public static readonly NameTable Document = NameTable.For<DocumentField>(typeof(LabDocument));
            public static readonly NameTable VM = NameTable.For<VMField>(typeof(CloudVM));
            public static readonly NameTable Workload = NameTable.For<WorkloadField>(typeof(WorkloadProfile));
            public static readonly NameTable Disk = NameTable.For<DiskField>(typeof(HardDisk));
            public static readonly NameTable Adapter = NameTable.For<AdapterField>(typeof(NetworkAdapter));
            public static readonly NameTable Cd = NameTable.For<CdField>(typeof(CdDrive));
            public static readonly NameTable Usb = NameTable.For<UsbField>(typeof(UsbDevice));
            public static readonly NameTable Snapshot = NameTable.For<SnapshotField>(typeof(VMSnapshot));

            public static readonly NameTable PowerState = NameTable.ForEnum<PowerState>();
            public static readonly NameTable ToolsStatus = NameTable.ForEnum<ToolsStatus>();
            public static readonly NameTable Provider = NameTable.ForEnum<CloudProvider>();
            public static readonly NameTable Role = NameTable.ForEnum<WorkloadRole>();
            public static readonly NameTable StorageFormat = NameTable.ForEnum<StorageFormat>();
            public static readonly NameTable DiskType = NameTable.ForEnum<DiskType>();
            public static readonly NameTable Sharing = NameTable.ForEnum<DiskSharing>();
            public static readonly NameTable AdapterType = NameTable.ForEnum<AdapterType>();
        }

        /// <summary>ASCII names (JSON property names or enum values) looked up by their bytes, to their index.</summary>
        private sealed class NameTable
        {
            private readonly byte[][] names;
            private readonly int[] slots; // index + 1, 0 when free
            private readonly int mask;

            private NameTable(string[] names)
            {
                this.names = new byte[names.Length][];
                var size = 16;
                while (size < names.Length * 4) size *= 2;
                slots = new int[size];
                mask = size - 1;
                for (var i = 0; i < names.Length; i++)
                {
                    var bytes = Encoding.ASCII.GetBytes(names[i]);
                    this.names[i] = bytes;
                    var slot = (int)(Hash(bytes, 0, bytes.Length) & (uint)mask);
                    while (slots[slot] != 0) slot = (slot + 1) & mask;
                    slots[slot] = i + 1;
                }
            }

            /// <summary>One entry per field of <typeparamref name="TField"/>, named as Newtonsoft names that member of <paramref name="type"/>.</summary>
            public static NameTable For<TField>(Type type) where TField : struct
            {
                var fields = Enum.GetNames(typeof(TField));
                var names = new string[fields.Length];
                for (var i = 0; i < fields.Length; i++) names[i] = FastLabSchema.JsonName(type, fields[i]);
                return new NameTable(names);
            }

            /// <summary>An enum's values by name, as StringEnumConverter writes them (FastLabSchema checks they are 0, 1, 2...).</summary>
            public static NameTable ForEnum<TEnum>() where TEnum : struct => new NameTable(Enum.GetNames(typeof(TEnum)));

            /// <summary>
            /// The index of the name in the buffer, or -1. <paramref name="expected"/> is tried first: properties
            /// usually come in the order the lab writes them, so the next name is most often the one after the last.
            /// </summary>
            public int Find(byte[] buffer, int start, int length, int expected)
            {
                if ((uint)expected < (uint)names.Length && Same(names[expected], buffer, start, length)) return expected;
                var slot = (int)(Hash(buffer, start, length) & (uint)mask);
                while (true)
                {
                    var entry = slots[slot] - 1;
                    if (entry < 0) return -1;
                    if (Same(names[entry], buffer, start, length)) return entry;
                    slot = (slot + 1) & mask;
                }
            }

            private static bool Same(byte[] name, byte[] buffer, int start, int length)
            {
                if (name.Length != length) return false;
                for (var k = 0; k < length; k++)
                {
                    if (name[k] != buffer[start + k]) return false;
                }

                return true;
            }
        }

        /// <summary>A hash of bytes, eight at a time (FNV-1a's constants, with a fold so that every byte reaches the low bits).</summary>
        private static uint Hash(byte[] bytes, int start, int length)
        {
            var h = 0xcbf29ce484222325UL ^ (ulong)length;
            var i = start;
            var last = start + length;
            for (; i + 8 <= last; i += 8)
            {
                h = (h ^ BitConverter.ToUInt64(bytes, i)) * 0x100000001b3UL;
                h ^= h >> 29;
            }

            for (; i < last; i++) h = (h ^ bytes[i]) * 0x100000001b3UL;
            h ^= h >> 32;
            return (uint)h;
        }

        private sealed class Parser
        {
            private const int NoMoreInput = -1;
            private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            private static readonly Encoding LenientUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            private static readonly double[] PowersOf10 =
            {
                1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
            };

            private readonly Stream stream;
            private readonly StringPool pool;
            private readonly AsciiPool ascii;
            private byte[] buffer = new byte[1 << 16];
            private int pos;
            private int end;
            /// <summary>Bytes from here on are kept when the buffer is refilled (the start of the token being read).</summary>
            private int mark;
            private bool eof;
            private MemoryStream? capture;
            private int captureFrom;

            // Scratch lists, reused for every VM: the VM keeps an exact-size array.
            private readonly List<string> strings = new List<string>();
            private readonly List<HardDisk> disks = new List<HardDisk>();
            private readonly List<NetworkAdapter> adapters = new List<NetworkAdapter>();
            private readonly List<CdDrive> cds = new List<CdDrive>();
            private readonly List<UsbDevice> usbs = new List<UsbDevice>();
            private readonly List<VMSnapshot> snapshots = new List<VMSnapshot>();

            // Where the last string read lies in the buffer, valid until the next read.
            private int stringStart;
            private int stringLength;

            // The item readers, made once rather than for every list.
            private readonly Func<HardDisk> readDisk;
            private readonly Func<NetworkAdapter> readAdapter;
            private readonly Func<CdDrive> readCd;
            private readonly Func<UsbDevice> readUsb;
            private readonly Func<VMSnapshot> readSnapshot;
            private readonly Func<string> readPooledString;

            public Parser(Stream stream, StringPool pool)
            {
                this.stream = stream;
                this.pool = pool;
                ascii = new AsciiPool(pool);
                readDisk = ReadDisk;
                readAdapter = ReadAdapter;
                readCd = ReadCd;
                readUsb = ReadUsb;
                readSnapshot = ReadSnapshot;
                readPooledString = ReadPooledString;
            }

            private static NotFast Fail() => new NotFast();

            public LabDocument ReadDocument()
            {
                // A UTF-8 byte order mark is skipped, as StreamReader does; any other encoding is left to Newtonsoft.
                if (Available(3) && buffer[pos] == 0xEF && buffer[pos + 1] == 0xBB && buffer[pos + 2] == 0xBF) pos += 3;
                Expect((byte)'{');
                var document = new LabDocument();
                if (!EmptyContainer((byte)'}'))
                {
                    var next = 0;
                    do
                    {
                        var field = PropertyName(Tables.Document, next);
                        next = field + 1;
                        switch ((DocumentField)field)
                        {
                            case DocumentField.SchemaVersion: document.SchemaVersion = ReadInt(); break;
                            case DocumentField.Name: document.Name = ReadPooledString(); break;
                            case DocumentField.Options: document.Options = ReadWithNewtonsoft<LabOptions>((byte)'{'); break;
                            case DocumentField.Clock: document.Clock = ReadDateTime(); break;
                            case DocumentField.Endpoints: document.Endpoints = ReadWithNewtonsoft<List<CloudEndpoint>>((byte)'['); break;
                            case DocumentField.Links: document.Links = ReadWithNewtonsoft<List<CloudLink>>((byte)'['); break;
                            case DocumentField.Access: document.Access = ReadWithNewtonsoft<Access.LabAccess>((byte)'{'); break;
                            case DocumentField.VMs: document.VMs = ReadVMs(); break;
                            default: throw Fail();
                        }
                    }
                    while (NextMember((byte)'}'));
                }

                // Only white space may follow, as LabFile checks on the Newtonsoft path.
                if (Peek() != NoMoreInput) throw Fail();
                return document;
            }

            private List<CloudVM> ReadVMs()
            {
                Expect((byte)'[');
                var vms = new List<CloudVM>();
                if (EmptyContainer((byte)']')) return vms;
                do
                {
                    vms.Add(ReadVM());
                }
                while (NextMember((byte)']'));
                return vms;
            }

            private CloudVM ReadVM()
            {
                Expect((byte)'{');
                var vm = new CloudVM();
                if (EmptyContainer((byte)'}')) return vm;
                var next = 0;
                do
                {
                    var field = PropertyName(Tables.VM, next);
                    next = field + 1;
                    switch ((VMField)field)
                    {
                        case VMField.Name: vm.Name = ReadUniqueString(); break;
                        case VMField.Id: vm.Id = ReadUniqueString(); break;
                        case VMField.PowerState: vm.PowerState = (PowerState)ReadEnum(Tables.PowerState); break;
                        case VMField.NumCpu: vm.NumCpu = ReadInt(); break;
                        case VMField.CoresPerSocket: vm.CoresPerSocket = ReadInt(); break;
                        case VMField.MemoryMB: vm.MemoryMB = ReadInt(); break;
                        case VMField.HardwareVersion: vm.HardwareVersion = ReadPooledString(); break;
                        case VMField.GuestId: vm.GuestId = ReadPooledString(); break;
                        case VMField.GuestOS: vm.GuestOS = ReadPooledString(); break;
                        case VMField.ToolsStatus: vm.ToolsStatus = (ToolsStatus)ReadEnum(Tables.ToolsStatus); break;
                        case VMField.Endpoint: vm.Endpoint = ReadPooledString(); break;
                        case VMField.Provider: vm.Provider = (CloudProvider)ReadEnum(Tables.Provider); break;
                        case VMField.Cluster: vm.Cluster = ReadPooledString(); break;
                        case VMField.VMHost: vm.VMHost = ReadPooledString(); break;
                        case VMField.Datastore: vm.Datastore = ReadPooledString(); break;
                        case VMField.Folder: vm.Folder = ReadPooledString(); break;
                        case VMField.CpuBaseline: vm.CpuBaseline = ReadPooledString(); break;
                        case VMField.Role: vm.Role = (WorkloadRole)ReadEnum(Tables.Role); break;
                        case VMField.Workload: vm.Workload = ReadWorkload(); break;
                        case VMField.Tags: vm.Tags = ReadStrings(); break;
                        case VMField.HardDisks: vm.HardDisks = ReadList(disks, readDisk); break;
                        case VMField.NetworkAdapters: vm.NetworkAdapters = ReadList(adapters, readAdapter); break;
                        case VMField.CdDrives: vm.CdDrives = ReadList(cds, readCd); break;
                        case VMField.UsbDevices: vm.UsbDevices = ReadList(usbs, readUsb); break;
                        case VMField.PassthroughDevices: vm.PassthroughDevices = ReadStrings(); break;
                        case VMField.VGpuProfile: vm.VGpuProfile = ReadPooledString(); break;
                        case VMField.FaultToleranceEnabled: vm.FaultToleranceEnabled = ReadBool(); break;
                        case VMField.Snapshots: vm.Snapshots = ReadList(snapshots, readSnapshot); break;
                        default: throw Fail();
                    }
                }
                while (NextMember((byte)'}'));
                return vm;
            }

            private WorkloadProfile ReadWorkload()
            {
                Expect((byte)'{');
                var w = new WorkloadProfile();
                if (EmptyContainer((byte)'}')) return w;
                var next = 0;
                do
                {
                    var field = PropertyName(Tables.Workload, next);
                    next = field + 1;
                    switch ((WorkloadField)field)
                    {
                        case WorkloadField.DirtyRateMBps: w.DirtyRateMBps = ReadDouble(); break;
                        case WorkloadField.HotSetMB: w.HotSetMB = ReadDouble(); break;
                        case WorkloadField.WritableWorkingSetMB: w.WritableWorkingSetMB = ReadDouble(); break;
                        case WorkloadField.TouchedMemoryPercent: w.TouchedMemoryPercent = ReadDouble(); break;
                        case WorkloadField.DiskWriteRateMBps: w.DiskWriteRateMBps = ReadDouble(); break;
                        case WorkloadField.IsEstimated: w.IsEstimated = ReadBool(); break;
                        default: throw Fail();
                    }
                }
                while (NextMember((byte)'}'));
                return w;
            }

            private HardDisk ReadDisk()
            {
                Expect((byte)'{');
                var d = new HardDisk();
                if (EmptyContainer((byte)'}')) return d;
                var next = 0;
                do
                {
                    var field = PropertyName(Tables.Disk, next);
                    next = field + 1;
                    switch ((DiskField)field)
                    {
                        case DiskField.Name: d.Name = ReadPooledString(); break;
                        case DiskField.CapacityGB: d.CapacityGB = ReadDouble(); break;
                        case DiskField.UsedGB: d.UsedGB = ReadDouble(); break;
                        case DiskField.Datastore: d.Datastore = ReadPooledString(); break;
                        case DiskField.StorageFormat: d.StorageFormat = (StorageFormat)ReadEnum(Tables.StorageFormat); break;
                        case DiskField.DiskType: d.DiskType = (DiskType)ReadEnum(Tables.DiskType); break;
                        case DiskField.Sharing: d.Sharing = (DiskSharing)ReadEnum(Tables.Sharing); break;
                        default: throw Fail();
                    }
                }
                while (NextMember((byte)'}'));
                return d;
            }

            private NetworkAdapter ReadAdapter()
            {
                Expect((byte)'{');
                var n = new NetworkAdapter();
                if (EmptyContainer((byte)'}')) return n;
                var next = 0;
                do
                {
                    var field = PropertyName(Tables.Adapter, next);
                    next = field + 1;
                    switch ((AdapterField)field)
                    {
                        case AdapterField.Name: n.Name = ReadPooledString(); break;
                        case AdapterField.NetworkName: n.NetworkName = ReadPooledString(); break;
                        case AdapterField.MacAddress: n.MacAddress = ReadUniqueString(); break;
                        case AdapterField.Type: n.Type = (AdapterType)ReadEnum(Tables.AdapterType); break;
                        case AdapterField.Connected: n.Connected = ReadBool(); break;
                        default: throw Fail();
                    }
                }
                while (NextMember((byte)'}'));
                return n;
            }

            private CdDrive ReadCd()
            {
                Expect((byte)'{');
                var c = new CdDrive();
                if (EmptyContainer((byte)'}')) return c;
                var next = 0;
                do
                {
                    var field = PropertyName(Tables.Cd, next);
                    next = field + 1;
                    switch ((CdField)field)
                    {
                        case CdField.Name: c.Name = ReadPooledString(); break;
                        case CdField.IsoPath: c.IsoPath = ReadPooledString(); break;
                        case CdField.HostDevice: c.HostDevice = ReadPooledString(); break;
                        case CdField.RemoteDevice: c.RemoteDevice = ReadPooledString(); break;
                        case CdField.Connected: c.Connected = ReadBool(); break;
                        default: throw Fail();
                    }
                }
                while (NextMember((byte)'}'));
                return c;
            }

            private UsbDevice ReadUsb()
            {
                Expect((byte)'{');
                var u = new UsbDevice();
                if (EmptyContainer((byte)'}')) return u;
                var next = 0;
                do
                {
                    var field = PropertyName(Tables.Usb, next);
                    next = field + 1;
                    switch ((UsbField)field)
                    {
                        case UsbField.Name: u.Name = ReadPooledString(); break;
                        case UsbField.VMotionSupported: u.VMotionSupported = ReadBool(); break;
                        default: throw Fail();
                    }
                }
                while (NextMember((byte)'}'));
                return u;
            }

            private VMSnapshot ReadSnapshot()
            {
                Expect((byte)'{');
                var s = new VMSnapshot();
                if (EmptyContainer((byte)'}')) return s;
                var next = 0;
                do
                {
                    var field = PropertyName(Tables.Snapshot, next);
                    next = field + 1;
                    switch ((SnapshotField)field)
                    {
                        case SnapshotField.Name: s.Name = ReadPooledString(); break;
                        case SnapshotField.Created: s.Created = ReadDateTime(); break;
                        case SnapshotField.SizeGB: s.SizeGB = ReadDouble(); break;
                        default: throw Fail();
                    }
                }
                while (NextMember((byte)'}'));
                return s;
            }

            private T[] ReadList<T>(List<T> scratch, Func<T> item)
            {
                Expect((byte)'[');
                if (EmptyContainer((byte)']')) return Array.Empty<T>();
                scratch.Clear();
                do
                {
                    scratch.Add(item());
                }
                while (NextMember((byte)']'));
                return scratch.ToArray();
            }

            private string[] ReadStrings() => ReadList(strings, readPooledString);

            /// <summary>
            /// Endpoints, links and options: their bytes are cut out and read by Newtonsoft with the lab's settings,
            /// one level shallower, so that the depth limit falls where it falls for the whole file.
            /// </summary>
            private T ReadWithNewtonsoft<T>(byte open)
            {
                if (Peek() != open) throw Fail();
                capture = new MemoryStream();
                captureFrom = pos;
                try
                {
                    SkipValue(0);
                    capture.Write(buffer, captureFrom, pos - captureFrom);
                    capture.Position = 0;
                    using var text = new StreamReader(capture, LenientUtf8, detectEncodingFromByteOrderMarks: false);
                    using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
                    var value = LabJson.CreateSerializer(pool, LabJson.MaxDepth - 1).Deserialize<T>(json);
                    if (value == null || json.Read()) throw Fail();
                    return value;
                }
                finally
                {
                    capture = null;
                }
            }

            // ---- Structure ----

            /// <summary>The next byte after white space, not consumed; <see cref="NoMoreInput"/> at the end of the file.</summary>
            private int Peek()
            {
                while (true)
                {
                    while (pos < end)
                    {
                        var b = buffer[pos];
                        if (b == (byte)' ' || b == (byte)'\n' || b == (byte)'\r' || b == (byte)'\t') pos++;
                        else return b;
                    }

                    mark = pos;
                    if (!More()) return NoMoreInput;
                }
            }

            private void Expect(byte b)
            {
                if (Peek() != b) throw Fail();
                pos++;
            }

            /// <summary>After an opening bracket: true (and consumed) when the container closes at once.</summary>
            private bool EmptyContainer(byte close)
            {
                if (Peek() != close) return false;
                pos++;
                return true;
            }

            /// <summary>After a member: true on a comma (another member follows), false on the closing bracket.</summary>
            private bool NextMember(byte close)
            {
                var c = Peek();
                pos++;
                if (c == (byte)',') return true;
                if (c == close) return false;
                throw Fail();
            }

            /// <summary>A property name this table knows, spelt exactly, and its colon.</summary>
            private int PropertyName(NameTable names, int expected)
            {
                if (!ReadString(out var plain) || !plain) throw Fail();
                var index = names.Find(buffer, stringStart, stringLength, expected);
                if (index < 0) throw Fail();
                Expect((byte)':');
                return index;
            }

            // ---- Values ----

            private string ReadPooledString()
            {
                if (!ReadString(out var plain)) throw Fail();
                return plain ? ascii.Get(buffer, stringStart, stringLength) : pool.Intern(Decode(stringStart, stringLength));
            }

            /// <summary>A VM's name, id or MAC address: the same text rarely comes twice, so it is not pooled.</summary>
            private string ReadUniqueString()
            {
                if (!ReadString(out var plain)) throw Fail();
                return plain ? Encoding.ASCII.GetString(buffer, stringStart, stringLength) : Decode(stringStart, stringLength);
            }

            private int ReadEnum(NameTable names)
            {
                if (!ReadString(out var plain) || !plain) throw Fail();
                var index = names.Find(buffer, stringStart, stringLength, expected: -1);
                if (index < 0) throw Fail();
                return index;
            }

            private bool ReadBool()
            {
                var c = Peek();
                if (c == (byte)'t' && Literal("true")) return true;
                if (c == (byte)'f' && Literal("false")) return false;
                throw Fail();
            }

            private bool Literal(string word)
            {
                if (!Available(word.Length)) return false;
                for (var i = 0; i < word.Length; i++)
                {
                    if (buffer[pos + i] != word[i]) return false;
                }

                pos += word.Length;
                return true;
            }

            /// <summary>An integer token in Int32 range; a fraction or exponent is left to Newtonsoft.</summary>
            private int ReadInt()
            {
                ScanNumber(out var start, out var length);
                var i = start;
                var last = start + length;
                var negative = buffer[i] == (byte)'-';
                if (negative) i++;
                var digits = last - i;
                if (digits < 1 || digits > 10 || (buffer[i] == (byte)'0' && digits > 1)) throw Fail();
                long value = 0;
                for (; i < last; i++)
                {
                    var d = buffer[i] - (byte)'0';
                    if (d < 0 || d > 9) throw Fail();
                    value = value * 10 + d;
                }

                if (negative) value = -value;
                if (value < int.MinValue || value > int.MaxValue) throw Fail();
                return (int)value;
            }

            /// <summary>
            /// A JSON number as the nearest double, as double.TryParse finds it (which is what Newtonsoft calls). Up to
            /// 15 significant digits and a power of ten up to 22 the division or product of two exact doubles is
            /// correctly rounded, so it is computed here; other numbers go through double.TryParse itself.
            /// </summary>
            private double ReadDouble()
            {
                ScanNumber(out var start, out var length);
                var i = start;
                var last = start + length;
                var negative = buffer[i] == (byte)'-';
                if (negative) i++;
                if (i == last) throw Fail();

                ulong mantissa = 0;
                var significant = 0;
                var scale = 0;
                if (buffer[i] == (byte)'0')
                {
                    i++;
                    if (i < last && IsDigit(buffer[i])) throw Fail();
                }
                else if (IsDigit(buffer[i]))
                {
                    for (; i < last && IsDigit(buffer[i]); i++) Accumulate(buffer[i], ref mantissa, ref significant, ref scale, fraction: false);
                }
                else
                {
                    throw Fail();
                }

                if (i < last && buffer[i] == (byte)'.')
                {
                    i++;
                    var first = i;
                    for (; i < last && IsDigit(buffer[i]); i++) Accumulate(buffer[i], ref mantissa, ref significant, ref scale, fraction: true);
                    if (i == first) throw Fail();
                }

                var exponent = 0;
                if (i < last && (buffer[i] == (byte)'e' || buffer[i] == (byte)'E'))
                {
                    i++;
                    var exponentNegative = false;
                    if (i < last && (buffer[i] == (byte)'+' || buffer[i] == (byte)'-')) exponentNegative = buffer[i++] == (byte)'-';
                    var first = i;
                    for (; i < last && IsDigit(buffer[i]); i++)
                    {
                        if (exponent < 100_000) exponent = exponent * 10 + (buffer[i] - (byte)'0');
                    }

                    if (i == first) throw Fail();
                    if (exponentNegative) exponent = -exponent;
                }

                if (i != last) throw Fail();

                var power = scale + exponent;
                if (significant <= 15 && power >= -22 && power <= 22)
                {
                    double value = mantissa;
                    value = power >= 0 ? value * PowersOf10[power] : value / PowersOf10[-power];
                    return negative ? -value : value;
                }

                var text = Encoding.ASCII.GetString(buffer, start, length);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) throw Fail();
                return parsed;
            }

            /// <summary>Adds a digit; leading zeros are not significant, and digits past 15 only count (the slow path takes over).</summary>
            private static void Accumulate(byte digit, ref ulong mantissa, ref int significant, ref int scale, bool fraction)
            {
                if (fraction) scale--;
                if (mantissa == 0 && digit == (byte)'0') return;
                significant++;
                if (significant <= 15) mantissa = mantissa * 10 + (ulong)(digit - (byte)'0');
            }

            private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

            /// <summary>Only the form the lab writes (ISO 8601 in UTC: yyyy-MM-ddTHH:mm:ss[.fffffff]Z), as Newtonsoft's parser reads it.</summary>
            private DateTime ReadDateTime()
            {
                if (!ReadString(out var plain) || !plain) throw Fail();
                var s = stringStart;
                var n = stringLength;
                if (n < 20 || n > 28 || buffer[s + 4] != (byte)'-' || buffer[s + 7] != (byte)'-' || buffer[s + 10] != (byte)'T'
                    || buffer[s + 13] != (byte)':' || buffer[s + 16] != (byte)':' || buffer[s + n - 1] != (byte)'Z')
                {
                    throw Fail();
                }

                var year = Digits(s, 4);
                var month = Digits(s + 5, 2);
                var day = Digits(s + 8, 2);
                var hour = Digits(s + 11, 2);
                var minute = Digits(s + 14, 2);
                var second = Digits(s + 17, 2);
                long fraction = 0;
                if (n > 20)
                {
                    var fractionDigits = n - 21;
                    if (buffer[s + 19] != (byte)'.' || fractionDigits < 1 || fractionDigits > 7) throw Fail();
                    fraction = Digits(s + 20, fractionDigits);
                    for (var k = fractionDigits; k < 7; k++) fraction *= 10;
                }

                if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) throw Fail();
                return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
            }

            private int Digits(int start, int count)
            {
                var value = 0;
                for (var i = start; i < start + count; i++)
                {
                    if (!IsDigit(buffer[i])) throw Fail();
                    value = value * 10 + (buffer[i] - (byte)'0');
                }

                return value;
            }

            // ---- Tokens ----

            /// <summary>
            /// Reads a string token; false if the next token is not a string. Sets where its content lies in the buffer;
            /// <paramref name="plain"/> says it is ASCII without escapes, so that its bytes are its characters.
            /// </summary>
            private bool ReadString(out bool plain)
            {
                plain = false;
                if (Peek() != (byte)'"') return false;
                pos++;
                var start = pos;
                var i = pos;
                var simple = true;
                var b = buffer;
                var limit = end;
                while (true)
                {
                    // Eight bytes at a time, straight to the first that needs a look.
                    if (i + 8 <= limit && LittleEndian)
                    {
                        var look = NeedsLook(BitConverter.ToUInt64(b, i));
                        if (look == 0)
                        {
                            i += 8;
                            continue;
                        }

                        i += FirstFlaggedByte(look);
                    }

                    if (i < limit)
                    {
                        var c = b[i];
                        if (c == (byte)'"')
                        {
                            stringStart = start;
                            stringLength = i - start;
                            pos = i + 1;
                            plain = simple;
                            return true;
                        }

                        if (c < 0x20) throw Fail(); // Newtonsoft takes raw control characters; leave them to it.
                        if (c >= 0x80)
                        {
                            simple = false;
                            i++;
                            continue;
                        }

                        if (c != (byte)'\\')
                        {
                            i++;
                            continue;
                        }

                        simple = false;
                        if (i + 1 < limit)
                        {
                            i += 2; // the escaped character cannot end the string
                            continue;
                        }
                    }

                    // The string goes on past the buffer (or its backslash's partner does): keep it and read more.
                    mark = start;
                    pos = i;
                    if (!More()) throw Fail();
                    start = mark;
                    i = pos;
                    b = buffer;
                    limit = end;
                }
            }

            private static readonly bool LittleEndian = BitConverter.IsLittleEndian;

            /// <summary>
            /// Of eight bytes read little-endian, flags (with the byte's high bit) those that are a quote, a backslash,
            /// a control character or not ASCII. Bytes above a flagged one may be flagged wrongly; the lowest never is.
            /// </summary>
            private static ulong NeedsLook(ulong word)
            {
                const ulong Ones = 0x0101010101010101UL;
                const ulong Highs = 0x8080808080808080UL;
                var quote = word ^ (Ones * (byte)'"');
                var backslash = word ^ (Ones * (byte)'\\');
                return (((quote - Ones) & ~quote) | ((backslash - Ones) & ~backslash) | ((word - Ones * 0x20) & ~word) | word) & Highs;
            }

            /// <summary>The position (0-7) of the lowest flagged byte: the count of bytes below it, summed by a multiply.</summary>
            private static int FirstFlaggedByte(ulong flags)
            {
                var lowest = flags & (~flags + 1);
                return (int)((((lowest >> 7) - 1) & 0x0101010101010101UL) * 0x0101010101010101UL >> 56);
            }

            /// <summary>A string with escapes or non-ASCII characters, decoded as Newtonsoft decodes it; invalid UTF-8 is left to Newtonsoft.</summary>
            private string Decode(int start, int length)
            {
                var sb = new StringBuilder(length);
                var i = start;
                var last = start + length;
                try
                {
                    while (i < last)
                    {
                        var run = i;
                        while (i < last && buffer[i] != (byte)'\\') i++;
                        if (i > run) sb.Append(StrictUtf8.GetString(buffer, run, i - run));
                        if (i == last) break;
                        i++;
                        switch (buffer[i])
                        {
                            case (byte)'"': sb.Append('"'); break;
                            case (byte)'\\': sb.Append('\\'); break;
                            case (byte)'/': sb.Append('/'); break;
                            case (byte)'b': sb.Append('\b'); break;
                            case (byte)'f': sb.Append('\f'); break;
                            case (byte)'n': sb.Append('\n'); break;
                            case (byte)'r': sb.Append('\r'); break;
                            case (byte)'t': sb.Append('\t'); break;
                            case (byte)'u':
                                if (i + 4 >= last) throw Fail();
                                var code = 0;
                                for (var k = 1; k <= 4; k++)
                                {
                                    var h = buffer[i + k];
                                    var v = h >= (byte)'0' && h <= (byte)'9' ? h - '0' : h >= (byte)'a' && h <= (byte)'f' ? h - 'a' + 10 : h >= (byte)'A' && h <= (byte)'F' ? h - 'A' + 10 : -1;
                                    if (v < 0) throw Fail();
                                    code = code * 16 + v;
                                }

                                // Newtonsoft pairs or replaces escaped surrogates by its own rules; leave them to it.
                                if (code >= 0xD800 && code <= 0xDFFF) throw Fail();
                                sb.Append((char)code);
                                i += 4;
                                break;
                            default: throw Fail();
                        }

                        i++;
                    }
                }
                catch (DecoderFallbackException)
                {
                    throw Fail();
                }

                return sb.ToString();
            }

            /// <summary>The characters of a number token (not yet checked against JSON's grammar).</summary>
            private void ScanNumber(out int start, out int length)
            {
                var c = Peek();
                if (c != (byte)'-' && !(c >= '0' && c <= '9')) throw Fail();
                start = pos;
                var i = pos;
                while (true)
                {
                    while (i < end)
                    {
                        var b = buffer[i];
                        if (IsDigit(b) || b == (byte)'-' || b == (byte)'+' || b == (byte)'.' || b == (byte)'e' || b == (byte)'E') i++;
                        else
                        {
                            length = i - start;
                            pos = i;
                            return;
                        }
                    }

                    mark = start;
                    pos = i;
                    if (!More())
                    {
                        length = pos - mark;
                        start = mark;
                        return;
                    }

                    start = mark;
                    i = pos;
                }
            }

            /// <summary>Steps over any JSON value, checking its syntax as strictly as the rest of this reader.</summary>
            private void SkipValue(int depth)
            {
                if (depth > LabJson.MaxDepth) throw Fail();
                switch (Peek())
                {
                    case '{':
                        pos++;
                        if (EmptyContainer((byte)'}')) return;
                        do
                        {
                            if (!ReadString(out _)) throw Fail();
                            Expect((byte)':');
                            SkipValue(depth + 1);
                        }
                        while (NextMember((byte)'}'));
                        return;
                    case '[':
                        pos++;
                        if (EmptyContainer((byte)']')) return;
                        do
                        {
                            SkipValue(depth + 1);
                        }
                        while (NextMember((byte)']'));
                        return;
                    case '"':
                        ReadString(out _);
                        return;
                    case 't':
                        if (!Literal("true")) throw Fail();
                        return;
                    case 'f':
                        if (!Literal("false")) throw Fail();
                        return;
                    case 'n':
                        if (!Literal("null")) throw Fail();
                        return;
                    default:
                        ReadDouble();
                        return;
                }
            }

            // ---- Buffer ----

            /// <summary>True when <paramref name="count"/> bytes can be read from the current position.</summary>
            private bool Available(int count)
            {
                mark = pos;
                while (end - pos < count)
                {
                    if (!More()) return false;
                }

                return true;
            }

            /// <summary>
            /// Reads more of the file, keeping the bytes from <see cref="mark"/> on (moved to the start of the buffer,
            /// which grows if the token fills it). False at the end of the file.
            /// </summary>
            private bool More()
            {
                if (eof) return false;
                if (capture != null)
                {
                    capture.Write(buffer, captureFrom, mark - captureFrom);
                    captureFrom = 0;
                }

                var kept = end - mark;
                if (mark > 0)
                {
                    if (kept > 0) Buffer.BlockCopy(buffer, mark, buffer, 0, kept);
                }
                else if (kept == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                pos -= mark;
                end = kept;
                mark = 0;
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read <= 0)
                {
                    eof = true;
                    return false;
                }

                end += read;
                return true;
            }
        }

        /// <summary>
        /// Printable-ASCII strings by their bytes, so that a value seen before costs a lookup, not an allocation.
        /// New values go through the load's <see cref="StringPool"/>, so they are the instances Newtonsoft's part
        /// of the load (endpoints, links) shares too.
        /// </summary>
        private sealed class AsciiPool
        {
            private const int MaxLength = 64; // as StringPool: longer strings are kept as read
            private readonly StringPool pool;
            private string?[] slots = new string?[1024];
            private uint[] hashes = new uint[1024];
            private int count;

            public AsciiPool(StringPool pool)
            {
                this.pool = pool;
            }

            public string Get(byte[] buffer, int start, int length)
            {
                if (length > MaxLength) return Encoding.ASCII.GetString(buffer, start, length);
                var hash = Hash(buffer, start, length);
                var mask = slots.Length - 1;
                var i = (int)(hash & (uint)mask);
                while (true)
                {
                    var s = slots[i];
                    if (s == null) break;
                    if (hashes[i] == hash && s.Length == length && Same(s, buffer, start)) return s;
                    i = (i + 1) & mask;
                }

                var value = pool.Intern(Encoding.ASCII.GetString(buffer, start, length));
                slots[i] = value;
                hashes[i] = hash;
                if (++count * 2 > slots.Length) Grow();
                return value;
            }

            private static bool Same(string s, byte[] buffer, int start)
            {
                for (var k = 0; k < s.Length; k++)
                {
                    if (s[k] != buffer[start + k]) return false;
                }

                return true;
            }

            private void Grow()
            {
                var oldSlots = slots;
                var oldHashes = hashes;
                slots = new string?[oldSlots.Length * 2];
                hashes = new uint[oldSlots.Length * 2];
                var mask = slots.Length - 1;
                for (var k = 0; k < oldSlots.Length; k++)
                {
                    var s = oldSlots[k];
                    if (s == null) continue;
                    var i = (int)(oldHashes[k] & (uint)mask);
                    while (slots[i] != null) i = (i + 1) & mask;
                    slots[i] = s;
                    hashes[i] = oldHashes[k];
                }
            }
        }
    }
}
