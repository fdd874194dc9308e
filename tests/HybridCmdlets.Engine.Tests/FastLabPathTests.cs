using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Persistence;
using Newtonsoft.Json;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// FastLabWriter and FastLabReader must be invisible: the same bytes as Newtonsoft writes, the same document
    /// as Newtonsoft reads, and Newtonsoft itself (with its errors) whenever they are not sure.
    /// </summary>
    public class FastLabPathTests
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        [Fact]
        public void The_fast_path_matches_the_serializer_contracts()
        {
            // Fails when a property is added to, renamed in or reordered in CloudVM or its parts: update
            // FastLabSchema, FastLabReader and FastLabWriter (until then, loads and saves are slow, not wrong).
            Assert.Null(FastLabSchema.Mismatch);
        }

        [Fact]
        public void A_saved_lab_is_byte_for_byte_what_Newtonsoft_writes()
        {
            var lab = LabGenerator.Create(11, 3000);
            Assert.Equal(NewtonsoftBytes(lab), SavedBytes(lab));
        }

        [Fact]
        public void Unusual_values_are_written_as_Newtonsoft_writes_them()
        {
            var lab = Unusual();
            Assert.Equal(Encoding.UTF8.GetString(NewtonsoftBytes(lab)), Encoding.UTF8.GetString(SavedBytes(lab)));
            Assert.True(FastLabWriter.TryWrite(lab, new MemoryStream()));
        }

        [Theory]
        [InlineData(0.1)]
        [InlineData(0.3)]
        [InlineData(0.1 + 0.2)]
        [InlineData(-0.0)]
        [InlineData(-1.5)]
        [InlineData(1e-7)]
        [InlineData(123456789.125)]
        [InlineData(9999999.99)]
        [InlineData(10000000.01)]
        [InlineData(999999999.0)]
        [InlineData(1e9)]
        [InlineData(1e15)]
        [InlineData(1e16)]
        [InlineData(1.7976931348623157e308)]
        [InlineData(5e-324)]
        [InlineData(2.675)]
        [InlineData(1.005)]
        [InlineData(-1234567.05)]
        public void Doubles_are_written_as_Newtonsoft_writes_them(double value)
        {
            var lab = LabGenerator.CreateDefault();
            lab.VMs[0].Workload.DirtyRateMBps = value;
            lab.VMs[0].HardDisks[0].CapacityGB = -value;
            Assert.Equal(Encoding.UTF8.GetString(NewtonsoftBytes(lab)), Encoding.UTF8.GetString(SavedBytes(lab)));
        }

        [Fact]
        public void Random_doubles_are_written_as_Newtonsoft_writes_them()
        {
            var random = new Random(5);
            var lab = LabGenerator.CreateDefault();
            var i = 0;
            foreach (var vm in lab.VMs)
            {
                var scale = Math.Pow(10, random.Next(-3, 12));
                vm.Workload.DirtyRateMBps = Math.Round(random.NextDouble() * scale, random.Next(0, 4));
                vm.Workload.DiskWriteRateMBps = random.NextDouble() * scale;
                vm.Workload.WritableWorkingSetMB = (i++ % 2 == 0 ? -1 : 1) * Math.Round(random.NextDouble() * 1e7, 2);
            }

            Assert.Equal(Encoding.UTF8.GetString(NewtonsoftBytes(lab)), Encoding.UTF8.GetString(SavedBytes(lab)));
        }

        [Fact]
        public void A_value_the_fast_writer_cannot_reproduce_is_left_to_Newtonsoft()
        {
            var lab = LabGenerator.CreateDefault();
            lab.VMs[3].Workload.DirtyRateMBps = double.NaN;
            Assert.False(FastLabWriter.TryWrite(lab, new MemoryStream()));
            Assert.Equal(NewtonsoftBytes(lab), SavedBytes(lab));

            lab = LabGenerator.CreateDefault();
            lab.VMs[3].PowerState = (PowerState)42;
            Assert.False(FastLabWriter.TryWrite(lab, new MemoryStream()));
            var path = TestFiles.TempPath();
            Assert.Throws<JsonSerializationException>(() => LabFile.Save(lab, path));
            foreach (var left in Directory.GetFiles(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "*.tmp")) File.Delete(left);
        }

        [Fact]
        public void Reading_gives_the_document_Newtonsoft_gives()
        {
            foreach (var lab in new[] { LabGenerator.Create(3, 2500), Unusual() })
            {
                var bytes = SavedBytes(lab);
                var fast = FastLabReader.TryRead(new MemoryStream(bytes), new StringPool());
                Assert.NotNull(fast);
                AssertSame(NewtonsoftRead(bytes), fast!);
                AssertSame(lab, fast!);
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(4093)]
        public void Reading_does_not_depend_on_how_the_file_arrives(int chunk)
        {
            var lab = Unusual();
            var bytes = SavedBytes(lab);
            var fast = FastLabReader.TryRead(new TrickleStream(bytes, chunk), new StringPool());
            Assert.NotNull(fast);
            AssertSame(lab, fast!);
        }

        [Fact]
        public void A_string_longer_than_the_read_buffer_is_read_whole()
        {
            var lab = LabGenerator.CreateDefault();
            lab.VMs[1].Folder = new string('f', 200_000) + "\u00e9\"\\";
            var fast = FastLabReader.TryRead(new MemoryStream(SavedBytes(lab)), new StringPool());
            Assert.Equal(lab.VMs[1].Folder, fast!.VMs[1].Folder);
        }

        [Fact]
        public void Strings_read_often_are_shared()
        {
            var fast = FastLabReader.TryRead(new MemoryStream(SavedBytes(LabGenerator.Create(3, 2000))), new StringPool())!;
            var clusters = fast.VMs.Where(v => v.Cluster == "Prod-Cluster-01").Select(v => v.Cluster).ToList();
            Assert.True(clusters.Count > 1);
            Assert.All(clusters, c => Assert.Same(clusters[0], c));
        }

        /// <summary>
        /// Edits of a small lab file: each is either read by the fast reader exactly as Newtonsoft reads it, or
        /// left to Newtonsoft (TryRead returns null), never read differently.
        /// </summary>
        [Theory]
        [InlineData("\"numCpu\": 2", "\"numCpu\":2", true)]
        [InlineData("\"numCpu\": 2", "\"numCpu\"  :\r\n 2", true)]
        [InlineData("\"numCpu\": 2", "\"NumCpu\": 2", false)]
        [InlineData("\"numCpu\": 2", "\"numCpu\": 2.0", false)]
        [InlineData("\"numCpu\": 2", "\"numCpu\": \"2\"", false)]
        [InlineData("\"numCpu\": 2", "\"numCpu\": 02", false)]
        [InlineData("\"numCpu\": 2", "\"numCpu\": -0", true)]
        [InlineData("\"numCpu\": 2", "\"numCpu\": 2, \"numCpu\": 4", true)]
        [InlineData("\"numCpu\": 2", "\"numCpu\": 2 /* two */", false)]
        [InlineData("\"numCpu\": 2", "\"numCpu\": 2,", false)]
        [InlineData("\"numCpu\": 2", "\"numCpu\": 99999999999", false)]
        [InlineData("\"powerState\": \"PoweredOn\"", "\"powerState\": \"poweredon\"", false)]
        [InlineData("\"powerState\": \"PoweredOn\"", "\"powerState\": 0", false)]
        [InlineData("\"dirtyRateMBps\": ", "\"dirtyRateMBps\": 1e2, \"dirtyRateMBps\": ", true)]
        [InlineData("\"dirtyRateMBps\": ", "\"dirtyRateMBps\": 12345678901234567890.5, \"dirtyRateMBps\": ", true)]
        [InlineData("\"dirtyRateMBps\": ", "\"dirtyRateMBps\": 1E-400, \"dirtyRateMBps\": ", true)]
        [InlineData("\"dirtyRateMBps\": ", "\"dirtyRateMBps\": -0.0, \"dirtyRateMBps\": ", true)]
        [InlineData("\"dirtyRateMBps\": ", "\"dirtyRateMBps\": NaN, \"dirtyRateMBps\": ", false)]
        [InlineData("\"dirtyRateMBps\": ", "\"dirtyRateMBps\": .5, \"dirtyRateMBps\": ", false)]
        [InlineData("\"dirtyRateMBps\": ", "\"dirtyRateMBps\": \"5\", \"dirtyRateMBps\": ", false)]
        [InlineData("\"isEstimated\": false", "\"isEstimated\": 0", false)]
        [InlineData("\"isEstimated\": false", "\"isEstimated\": falsey", false)]
        [InlineData("\"name\": \"crm-web01\"", "\"name\": \"crm\\u002dweb01\"", true)]
        [InlineData("\"name\": \"crm-web01\"", "\"name\": \"crm\\tweb\\/01\\\\\"", true)]
        [InlineData("\"name\": \"crm-web01\"", "\"name\": \"cr\u00e9m-\u4e2d\"", true)]
        [InlineData("\"name\": \"crm-web01\"", "\"name\": \"\\ud83d\\ude00\"", false)]
        [InlineData("\"name\": \"crm-web01\"", "\"name\": \"a\tb\"", false)]
        [InlineData("\"name\": \"crm-web01\"", "\"name\": null", false)]
        [InlineData("\"name\": \"crm-web01\"", "\"name\": 'crm-web01'", false)]
        [InlineData("\"name\": \"crm-web01\"", "\"n\\u0061me\": \"crm-web01\"", false)]
        [InlineData("\"tags\": [", "\"tags\": [], \"tags\": [", true)]
        [InlineData("\"tags\": [", "\"tags\": [null], \"tags\": [", false)]
        [InlineData("\"created\": \"", "\"created\": \"2026-10-01T02:00:00.5Z\", \"created\": \"", true)]
        [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 1, \"extra\": 1", false)]
        [InlineData("\"options\": {", "\"options\": null, \"options\": {", false)]
        public void An_edit_is_read_as_Newtonsoft_reads_it_or_left_to_Newtonsoft(string find, string replace, bool fast)
        {
            var json = Encoding.UTF8.GetString(SavedBytes(Small()));
            var at = json.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, "the sample lab has no " + find);
            var bytes = Utf8.GetBytes(json.Substring(0, at) + replace + json.Substring(at + find.Length));
            var read = FastLabReader.TryRead(new MemoryStream(bytes), new StringPool());
            Assert.Equal(fast, read != null);
            if (read != null) AssertSame(NewtonsoftRead(bytes), read);
        }

        [Theory]
        [InlineData("\u00ef\u00bb\u00bf", "", true)]
        [InlineData("", "\n\n  \t", true)]
        [InlineData("", "\n{}", false)]
        [InlineData("", "x", false)]
        [InlineData(" // lab\n", "", false)]
        public void Around_the_lab_object_only_white_space_and_a_UTF8_mark_are_read_fast(string before, string after, bool fast)
        {
            var bytes = Encoding.Latin1.GetBytes(before).Concat(SavedBytes(Small())).Concat(Utf8.GetBytes(after)).ToArray();
            var read = FastLabReader.TryRead(new MemoryStream(bytes), new StringPool());
            Assert.Equal(fast, read != null);
        }

        [Fact]
        public void Truncated_files_are_left_to_Newtonsoft()
        {
            var bytes = SavedBytes(Small());
            for (var length = 0; length < bytes.Length; length += 97)
            {
                Assert.Null(FastLabReader.TryRead(new MemoryStream(bytes, 0, length), new StringPool()));
            }
        }

        // ---- helpers ----

        /// <summary>A few VMs of the default lab: small enough to edit in many ways.</summary>
        private static LabDocument Small()
        {
            var lab = LabGenerator.CreateDefault();
            var withSnapshot = lab.VMs.First(v => v.Snapshots.Count > 0);
            lab.VMs = lab.VMs.Take(3).Concat(new[] { withSnapshot }).ToList();
            return lab;
        }

        /// <summary>The default lab with values that take the fast writer's and reader's less common paths.</summary>
        private static LabDocument Unusual()
        {
            var lab = LabGenerator.CreateDefault();
            var vms = lab.VMs;
            vms[0].Name = "quote\" back\\slash \u0001 tab\t";
            vms[0].Folder = "caf\u00e9/\u65e5\u672c/\U0001F600/\u2028/\u0085/\u007f";
            vms[1].GuestOS = "";
            vms[1].VGpuProfile = "grid_t4-8q";
            vms[2].Tags = new List<string> { "Wave/wave1", "", "x\"y" };
            vms[3].CdDrives = new[] { new CdDrive { Name = "CD/DVD drive 1", IsoPath = "[ds] iso/x.iso", HostDevice = "/dev/cdrom", RemoteDevice = "Remote", Connected = true } };
            vms[4].UsbDevices = new[] { new UsbDevice { Name = "USB 1", VMotionSupported = true } };
            vms[4].PassthroughDevices = new[] { "PCI 0000:3b:00.0" };
            vms[5].Snapshots = new[]
            {
                new VMSnapshot { Name = "a", Created = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567), SizeGB = 1.25 },
                new VMSnapshot { Name = "b", Created = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1000), SizeGB = 0 },
                new VMSnapshot { Name = "c", Created = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), SizeGB = 1e-3 },
            };
            vms[6].Workload.DirtyRateMBps = 0.1 + 0.2;
            vms[6].Workload.WritableWorkingSetMB = 1e-7;
            vms[6].Workload.TouchedMemoryPercent = -0.0;
            vms[6].NumCpu = -5;
            vms[6].MemoryMB = int.MaxValue;
            vms[7].HardDisks = new[] { new HardDisk { Name = "Hard disk 1", CapacityGB = 1e15, UsedGB = 123456789.125, Datastore = "d", StorageFormat = StorageFormat.EagerZeroedThick, DiskType = DiskType.RawPhysical, Sharing = DiskSharing.MultiWriter } };
            vms[8].NetworkAdapters = new[] { new NetworkAdapter { Name = "n", NetworkName = "w", MacAddress = "m", Type = AdapterType.E1000, Connected = false } };
            vms[9].Workload = new WorkloadProfile { IsEstimated = true };
            return lab;
        }

        private static byte[] NewtonsoftBytes(LabDocument lab)
        {
            using var stream = new MemoryStream();
            using (var text = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true))
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 1, IndentChar = '\t' })
            {
                LabJson.CreateSerializer().Serialize(json, lab);
            }

            return stream.ToArray();
        }

        private static byte[] SavedBytes(LabDocument lab)
        {
            var path = TestFiles.TempPath();
            try
            {
                LabFile.Save(lab, path);
                return File.ReadAllBytes(path);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static LabDocument NewtonsoftRead(byte[] bytes)
        {
            using var text = new StreamReader(new MemoryStream(bytes), Utf8, detectEncodingFromByteOrderMarks: true);
            using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
            return LabJson.CreateSerializer(new StringPool()).Deserialize<LabDocument>(json)!;
        }

        /// <summary>Every public property, deeply; lists by their items (an array and a read-only collection are alike).</summary>
        private static void AssertSame(object? expected, object? actual, string path = "document")
        {
            if (expected == null || actual == null)
            {
                Assert.True(expected == null && actual == null, path + ": one side is null");
                return;
            }

            var type = expected.GetType();
            if (expected is string || type.IsPrimitive || type.IsEnum || expected is DateTime)
            {
                Assert.True(expected.Equals(actual), path + ": " + Show(expected) + " vs " + Show(actual));
                if (expected is double e) Assert.True(BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits((double)actual), path + ": sign or NaN payload differs");
                if (expected is DateTime de) Assert.True(de.Kind == ((DateTime)actual).Kind, path + ": kind differs");
                return;
            }

            if (expected is IEnumerable expectedItems)
            {
                var a = expectedItems.Cast<object?>().ToList();
                var b = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(a.Count == b.Count, path + ": " + a.Count + " items vs " + b.Count);
                for (var i = 0; i < a.Count; i++) AssertSame(a[i], b[i], path + "[" + i + "]");
                return;
            }

            Assert.Equal(type, actual.GetType());
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (p.GetIndexParameters().Length == 0) AssertSame(p.GetValue(expected), p.GetValue(actual), path + "." + p.Name);
            }
        }

        private static string Show(object o) => o is DateTime d ? d.ToString("o", CultureInfo.InvariantCulture) : Convert.ToString(o, CultureInfo.InvariantCulture) ?? "";

        /// <summary>Hands out at most a few bytes per read, as a slow disk or network share might.</summary>
        private sealed class TrickleStream : MemoryStream
        {
            private readonly int chunk;

            public TrickleStream(byte[] bytes, int chunk) : base(bytes)
            {
                this.chunk = chunk;
            }

            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
        }
    }
}
