using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Persistence;
using Newtonsoft.Json.Linq;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// The lab file's format: schema 1 files (as the module wrote them before schema 2) still open as the lab they
    /// hold; schema 2 leaves out defaults and derived fields and writes one VM per line; and reading does not depend
    /// on how the bytes arrive, shares repeated strings, and reads duplicates, nulls and wrong kinds as documented.
    /// </summary>
    public class LabFileFormatTests
    {
        private static readonly string SchemaOneFile = TestFiles.Fixture("lab-schema1.json");

        [Fact]
        public void A_schema_1_file_opens_with_every_value_it_holds()
        {
            var lab = LabFile.Load(SchemaOneFile);
            var json = JObject.Parse(File.ReadAllText(SchemaOneFile));
            Assert.Equal(1, (int)json["schemaVersion"]!);
            Assert.Equal(1, lab.SchemaVersion);
            Assert.Equal(19, lab.VMs.Count);
            AssertHolds(json, lab, "lab");
        }

        [Fact]
        public void A_schema_1_file_saved_again_is_schema_2_and_opens_as_the_same_lab()
        {
            var original = LabFile.Load(SchemaOneFile);
            var path = TestFiles.TempPath();
            try
            {
                LabFile.Save(original, path);
                Assert.Contains("\"schemaVersion\": 2,", File.ReadAllText(path));
                Assert.True(new FileInfo(path).Length < new FileInfo(SchemaOneFile).Length * 3 / 4);
                var reopened = LabFile.Load(path);
                Assert.Equal(2, reopened.SchemaVersion);
                AssertSame(original, reopened, "lab", skip: nameof(LabDocument.SchemaVersion));
            }
            finally
            {
                File.Delete(path);
            }
        }

        /// <summary>The first VM of the default lab, written out by hand from its schema 1 form: what schema 2 leaves out is what follows from the rest.</summary>
        [Fact]
        public void A_VM_is_one_line_without_its_defaults_or_what_follows_from_the_rest()
        {
            var lines = TestFiles.ToJson(LabGenerator.CreateDefault()).Split('\n');
            var first = Array.IndexOf(lines, "\t\"vms\": [") + 1;
            Assert.Equal(
                "{\"name\":\"crm-web01\",\"id\":\"VirtualMachine-vm-1001\",\"numCpu\":2,\"memoryMB\":8192,\"hardwareVersion\":\"vmx-17\",\"guestId\":\"rhel9_64Guest\","
                + "\"vmHost\":\"esx-p1-01.lon.corp.example\",\"datastore\":\"PROD-VMFS-01\",\"folder\":\"Production/crm\","
                + "\"role\":\"Web\",\"workload\":{\"dirtyRateMBps\":23.8,\"writableWorkingSetMB\":743,\"hotSetMB\":119,\"touchedMemoryPercent\":62,\"diskWriteRateMBps\":1.6},"
                + "\"tags\":[\"Application/crm\",\"Environment/Production\",\"Wave/wave1\"],\"hardDisks\":[{\"capacityGB\":50,\"usedGB\":32.32}],"
                + "\"networkAdapters\":[{\"networkName\":\"Web-VLAN110\",\"macAddress\":\"00:50:56:80:00:01\"}],\"cdDrives\":[{}]},",
                lines[first]);
            var vmLines = lines.Skip(first).TakeWhile(l => l != "]").ToList();
            Assert.Equal(LabGenerator.CreateDefault().VMs.Count, vmLines.Count);
            Assert.All(vmLines, l => Assert.StartsWith("{\"name\":", l));
        }

        [Fact]
        public void Unusual_values_read_back_as_they_were()
        {
            var lab = Unusual();
            AssertSame(lab, Read(Bytes(lab)), "lab");
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(4093)]
        public void Reading_does_not_depend_on_how_the_file_arrives(int chunk)
        {
            var lab = Unusual();
            var read = LabFile.Read(new TrickleStream(Bytes(lab), chunk));
            AssertSame(lab, read, "lab");
        }

        [Fact]
        public void A_string_longer_than_the_read_buffer_is_read_whole()
        {
            var lab = LabGenerator.CreateDefault();
            lab.VMs[1].Folder = new string('f', 200_000) + "\u00e9\"\\";
            Assert.Equal(lab.VMs[1].Folder, Read(Bytes(lab)).VMs[1].Folder);
        }

        [Fact]
        public void Strings_read_often_are_shared()
        {
            var read = Read(Bytes(LabGenerator.Create(3, 2000)));
            var clusters = read.VMs.Where(v => v.Cluster == "Prod-Cluster-01").Select(v => v.Cluster).ToList();
            Assert.True(clusters.Count > 1);
            Assert.All(clusters, c => Assert.Same(clusters[0], c));
            var labels = read.VMs.SelectMany(v => v.HardDisks).Where(d => d.Name == "Hard disk 1").Select(d => d.Name).ToList();
            Assert.All(labels, l => Assert.Same(labels[0], l));
        }

        /// <summary>Edits of a small lab's JSON: what the VM then holds, or the error and the place it names.</summary>
        [Theory]
        [InlineData("\"numCpu\":2,", "\"numCpu\"  :\r\n 4,", "NumCpu=4")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":2, \"numCpu\":4,", "NumCpu=4")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":-0,", "NumCpu=0")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":2,\"coresPerSocket\":null,", "CoresPerSocket=2")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":2,\"powerState\":\"poweredoff\",", "PowerState=PoweredOff")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":2,\"cluster\":\"Prod-Cluster-02\",", "Cluster=Prod-Cluster-02")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":2,\"endpoint\":\"ONPREM-LON\",", "Endpoint=ONPREM-LON")]
        [InlineData("\"folder\":\"Production/crm\"", "\"folder\":null", "Folder=")]
        [InlineData("\"folder\":\"Production/crm\"", "\"folder\":\"a\\u002db\\/c\\\\\"", "Folder=a-b/c\\")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":\"2\",", "!vms[0].numCpu: expected a whole number from -2147483648 to 2147483647, found \"2\"")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":2.5,", "!vms[0].numCpu: expected a whole number")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":99999999999,", "!found 99999999999")]
        [InlineData("\"numCpu\":2,", "\"NumCpu\":2,", "!vms[0].NumCpu: 'NumCpu' is not a field of a VM")]
        [InlineData("\"numCpu\":2,", "\"numCpu\":2,\"powerState\":0,", "!vms[0].powerState: expected one of PoweredOn, PoweredOff, Suspended, found 0")]
        [InlineData("\"tags\":[", "\"tags\":[null,", "!vms[0].tags[0]: is null")]
        [InlineData("\"hardDisks\":[", "\"hardDisks\":[null,", "!vms[0].hardDisks[0]: is null")]
        [InlineData("\"usedGB\":32.32", "\"usedGB\":true", "!vms[0].hardDisks[0].usedGB: expected a number, found true")]
        [InlineData("\"workload\":{", "\"workload\":[],\"x\":{", "!vms[0].workload: expected a workload profile (an object in braces), found a list")]
        public void An_edit_is_read_as_documented_or_refused_naming_its_place(string find, string replace, string expected)
        {
            var lab = LabGenerator.CreateDefault();
            lab.VMs = lab.VMs.Take(1).ToList();
            var json = Encoding.UTF8.GetString(Bytes(lab));
            var at = json.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, "the sample lab has no " + find);
            var bytes = Encoding.UTF8.GetBytes(json.Substring(0, at) + replace + json.Substring(at + find.Length));
            var path = TestFiles.TempPath();
            File.WriteAllBytes(path, bytes);
            try
            {
                if (expected.StartsWith("!", StringComparison.Ordinal))
                {
                    var error = Assert.Throws<HybridException>(() => LabFile.Load(path));
                    Assert.Equal("LabFileInvalid", error.ErrorId);
                    Assert.Contains("(line ", error.Message);
                    Assert.Contains(expected.Substring(1), error.Message);
                    return;
                }

                var vm = Read(bytes).VMs[0];
                var property = expected.Substring(0, expected.IndexOf('='));
                Assert.Equal(expected.Substring(property.Length + 1), Convert.ToString(typeof(CloudVM).GetProperty(property)!.GetValue(vm), CultureInfo.InvariantCulture));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void VMs_written_before_the_endpoints_still_take_what_follows_from_their_endpoint()
        {
            var lab = LabGenerator.CreateDefault();
            var json = JObject.Parse(Encoding.UTF8.GetString(Bytes(lab)));
            var vms = json["vms"]!;
            json.Remove("vms");
            json.AddFirst(new JProperty("vms", vms));
            var read = Read(Encoding.UTF8.GetBytes(json.ToString()));
            AssertSame(lab, read, "lab");
        }

        // ---- helpers ----

        /// <summary>The default lab with values that take the writer's and reader's less common paths.</summary>
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
            vms[6].Workload.DiskWriteRateMBps = double.NaN;
            vms[6].NumCpu = -5;
            vms[6].MemoryMB = int.MaxValue;
            vms[6].CpuBaseline = "";
            vms[7].HardDisks = new[] { new HardDisk { Name = "Boot", CapacityGB = 1e15, UsedGB = 123456789.125, Datastore = "d", StorageFormat = StorageFormat.EagerZeroedThick, DiskType = DiskType.RawPhysical, Sharing = DiskSharing.MultiWriter } };
            vms[8].NetworkAdapters = new[] { new NetworkAdapter { Name = "n", NetworkName = "w", MacAddress = "m", Type = AdapterType.E1000, Connected = false } };
            vms[9].Workload = new WorkloadProfile { IsEstimated = true };
            vms[10].CoresPerSocket = 1;
            vms[10].NumCpu = 8;
            vms[11].GuestId = "someFutureGuest";
            vms[11].GuestOS = "Some future OS";
            return lab;
        }

        private static byte[] Bytes(LabDocument lab)
        {
            using var stream = new MemoryStream();
            LabFile.Write(lab, stream);
            return stream.ToArray();
        }

        private static LabDocument Read(byte[] bytes) => LabFile.Read(new MemoryStream(bytes))!;

        /// <summary>Every field of <paramref name="json"/> (a schema 1 file, which writes them all) has its value in <paramref name="actual"/>.</summary>
        private static void AssertHolds(JToken json, object? actual, string path)
        {
            switch (json)
            {
                case JObject o:
                    Assert.True(actual != null, path + " is null");
                    foreach (var field in o.Properties())
                    {
                        var property = actual!.GetType().GetProperty(field.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.IgnoreCase);
                        Assert.True(property != null, path + "." + field.Name + " has no property");
                        AssertHolds(field.Value, property!.GetValue(actual), path + "." + field.Name);
                    }

                    break;
                case JArray a:
                    var items = ((IEnumerable)actual!).Cast<object?>().ToList();
                    Assert.True(a.Count == items.Count, path + ": " + a.Count + " items in the file, " + items.Count + " read");
                    for (var i = 0; i < a.Count; i++) AssertHolds(a[i], items[i], path + "[" + i + "]");
                    break;
                case JValue v when v.Type == JTokenType.Float || v.Type == JTokenType.Integer:
                    Assert.True(Convert.ToDouble(v.Value, CultureInfo.InvariantCulture) == Convert.ToDouble(actual, CultureInfo.InvariantCulture), path + ": " + v + " in the file, " + actual + " read");
                    break;
                case JValue v when v.Type == JTokenType.Date:
                    Assert.True(Equals(v.Value, actual) && ((DateTime)actual!).Kind == DateTimeKind.Utc, path + ": " + v + " in the file, " + actual + " read");
                    break;
                case JValue v:
                    Assert.True(Equals(Convert.ToString(v.Value, CultureInfo.InvariantCulture), Convert.ToString(actual, CultureInfo.InvariantCulture)), path + ": " + v + " in the file, " + actual + " read");
                    break;
            }
        }

        /// <summary>Every public property, deeply; lists by their items (an array and a list are alike).</summary>
        private static void AssertSame(object? expected, object? actual, string path, string? skip = null)
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
                if (p.GetIndexParameters().Length == 0 && p.Name != skip) AssertSame(p.GetValue(expected), p.GetValue(actual), path + "." + p.Name);
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

        [Fact]
        public void The_pre_copy_options_and_a_hot_set_of_zero_come_back_as_they_were_saved()
        {
            var lab = Lab.LabSession.CreateDefault();
            lab.SetOptions(algorithm: Migration.MigrationAlgorithm.Qemu, downtimeTargetMs: 30, autoConverge: true);
            var vm = lab.Estate.AddVM(new NewVMSpec { Name = "hot-zero01", Endpoint = "onprem-lon", NumCpu = 2, MemoryMB = 4096, WritableWorkingSetMB = 512, HotSetMB = 0 });
            var path = Path.Combine(Path.GetTempPath(), "hybrid-options-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                lab.Save(path);
                var reopened = LabFile.Load(path);

                Assert.Equal(Migration.MigrationAlgorithm.Qemu, reopened.Options.MigrationAlgorithm);
                Assert.Equal(30, reopened.Options.DowntimeTargetMs);
                Assert.True(reopened.Options.AutoConverge);
                // 0 is a hot set the user chose, not an absent one that the role's default would fill.
                Assert.Equal(0, reopened.VMs.Single(v => v.Id == vm.Id).Workload.HotSetMB);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
