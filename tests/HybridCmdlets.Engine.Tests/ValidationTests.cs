using System;
using System.IO;
using System.Linq;
using System.Text;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Import;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;
using Newtonsoft.Json.Linq;
using static HybridCmdlets.Engine.Tests.InventoryReaderTests;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Issue 14: one set of rules for every way data enters the lab (a lab file, New-CloudVM, an RVTools import, the
    /// generator), every number finite and in range, names by vSphere's rules, and every quoted value bounded.
    /// </summary>
    public class ValidationTests
    {
        private static readonly string DefaultJson = TestFiles.ToJson(LabGenerator.CreateDefault());

        // ---- Names ----

        [Theory]
        [InlineData("a\0b", "control character U+0000")]
        [InlineData("a\u001b[2Jb", "control character U+001B")]
        [InlineData("a\u0007b", "control character U+0007")]
        [InlineData("a\bb", "control character U+0008")]
        [InlineData("a\u007fb", "control character U+007F")]
        [InlineData("a\u0085b", "control character U+0085")]
        [InlineData("a\u202eb", "text-direction mark U+202E")]
        [InlineData("a\ufffdb", "replacement character U+FFFD")]
        [InlineData("web*", "wildcard character '*'")]
        [InlineData("a/b", "slash '/'")]
        [InlineData(" web01", "begins or ends with a space")]
        [InlineData("", "it is empty")]
        public void A_name_that_vSphere_or_a_terminal_would_not_take_is_refused_with_its_reason(string name, string reason)
        {
            Assert.Contains(reason, Names.NameProblem(name));
            Assert.False(Names.IsValidObjectName(name));
        }

        [Fact]
        public void Unpaired_surrogates_are_refused_wherever_they_are()
        {
            // Built here: xunit cannot carry a lone surrogate through an attribute's string.
            Assert.Contains("unpaired surrogate U+D800 at character 2", Names.NameProblem("a" + (char)0xD800 + "b"));
            Assert.Contains("unpaired surrogate U+DC00 at character 2", Names.NameProblem("a" + (char)0xDC00 + "b"));
            Assert.Contains("unpaired surrogate U+D800 at character 3", Names.NameProblem("ab" + (char)0xD800));
            Assert.Contains("unpaired surrogate U+DC00 at character 2", Names.NameProblem("a" + (char)0xDC00 + (char)0xD800));
            Assert.Contains("unpaired surrogate", Names.TextProblem("folder" + (char)0xD800));
        }

        [Fact]
        public void Tabs_and_line_breaks_are_text_but_not_names()
        {
            Assert.Null(Names.TextProblem("Ubuntu\r\nLinux\t(64-bit)"));
            Assert.Contains("control character U+000A", Names.NameProblem("web\n01"));
            Assert.Contains("control character U+0009", Names.NameProblem("web\t01"));
        }

        [Theory]
        [InlineData("web01")]
        [InlineData("Crème brûlée")]
        [InlineData("db-\ud83d\ude00")]
        [InlineData("Prod Cluster 01")]
        public void Printable_names_of_any_script_are_valid(string name) => Assert.Null(Names.NameProblem(name));

        [Fact]
        public void A_name_is_at_most_80_characters()
        {
            Assert.Null(Names.NameProblem(new string('x', 80)));
            Assert.Equal("it is 81 characters long, and vSphere allows 80", Names.NameProblem(new string('x', 81)));
        }

        [Fact]
        public void A_quoted_value_is_bounded_and_shows_hidden_characters()
        {
            var shown = ShownValue.Of(new string('x', 1_000_000));
            Assert.Equal(new string('x', 80) + "\u2026 (1000000 characters)", shown);
            Assert.Equal("a`u{1B}[2Jb`u{0}`u{D800}", ShownValue.Of("a\u001b[2Jb\0\ud800"));
            // A surrogate pair at the cut is kept whole or left out whole, never halved.
            var pair = new string('x', 79) + "\ud83d\ude00" + "tail";
            Assert.Equal(new string('x', 79) + "\u2026 (85 characters)", ShownValue.Of(pair));
            Assert.Equal("web01", ShownValue.Of("web01"));
        }

        // ---- The lab file ----

        private static string Edited(Action<JObject> edit)
        {
            var json = JObject.Parse(DefaultJson);
            edit(json);
            return json.ToString();
        }

        private static JObject FirstVM(JObject lab) => (JObject)lab["vms"]![0]!;

        private static HybridException LoadFails(string content)
        {
            var path = TestFiles.Write(content);
            try
            {
                var error = Assert.Throws<HybridException>(() => LabFile.Load(path));
                Assert.Equal("LabFileInvalid", error.ErrorId);
                Assert.Equal(ErrorKind.InvalidData, error.Kind);
                return error;
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Theory]
        [InlineData("NaN")]
        [InlineData("Infinity")]
        [InlineData("-Infinity")]
        [InlineData("-1e308")]
        [InlineData("1e308")]
        public void A_disk_size_that_is_not_a_finite_number_in_range_is_refused(string size)
        {
            var json = Edited(j => { }).Replace("\"capacityGB\": 50,", "\"capacityGB\": " + size + ",");
            Assert.Contains(".hardDisks[0].capacityGB: ", LoadFails(json).Message);
        }

        [Fact]
        public void Negative_host_clock_and_a_local_datastore_of_no_host_are_refused()
        {
            var mhz = LoadFails(Edited(j => j["endpoints"]![0]!["clusters"]![0]!["hosts"]![0]!["cpuMhz"] = -2000));
            Assert.Contains("endpoints[0].clusters[0].hosts[0].cpuMhz: -2000 is out of range (1 to 10000)", mhz.Message);

            var local = LoadFails(Edited(j =>
            {
                var datastore = ((JArray)j["endpoints"]![0]!["datastores"]!).First(d => d["vmHost"] != null);
                datastore["vmHost"] = "esx-ghost";
            }));
            Assert.Contains(".vmHost: host 'esx-ghost' does not exist on 'onprem-lon'", local.Message);
        }

        [Fact]
        public void A_huge_name_is_refused_and_quoted_in_a_bounded_message()
        {
            var error = LoadFails(Edited(j => j["name"] = new string('z', 2_000_000)));
            Assert.Contains("name: '" + new string('z', 80) + "\u2026 (2000000 characters)' cannot be held: it is 2000000 characters long, and at most 1024 are allowed", error.Message);
            Assert.True(error.Message.Length < 1000, "message of " + error.Message.Length + " characters");

            var vm = LoadFails(Edited(j => FirstVM(j)["name"] = new string('v', 100_000)));
            Assert.Contains("is not a valid VM name: it is 100000 characters long", vm.Message);
            Assert.True(vm.Message.Length < 1000, "message of " + vm.Message.Length + " characters");
        }

        [Theory]
        [InlineData("name", "crm\u001b[2Jweb01", "control character U+001B")]
        [InlineData("name", "crm\u0007web01", "control character U+0007")]
        [InlineData("folder", "Production\0crm", "control character U+0000")]
        [InlineData("guestId", "rhel9\u0008_64Guest", "control character U+0008")]
        public void Control_characters_in_a_VMs_names_and_texts_are_refused(string field, string value, string reason)
        {
            var error = LoadFails(Edited(j => FirstVM(j)[field] = value));
            Assert.Contains("vms[0] (", error.Message);
            Assert.Contains("." + field + ": ", error.Message);
            Assert.Contains(reason, error.Message);
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
            Assert.True(error.Message.IndexOfAny(new[] { '\u001b', '\0', '\u0007', '\b' }) < 0);
        }

        [Fact]
        public void Every_kind_of_name_and_tag_follows_the_rules()
        {
            Assert.Contains("endpoints[0].name: ", LoadFails(Edited(j => j["endpoints"]![0]!["name"] = "onprem\u0000lon")).Message);
            Assert.Contains("is not a valid cluster name: it holds the control character U+001B",
                LoadFails(Edited(j => j["endpoints"]![0]!["clusters"]![0]!["name"] = "Prod\u001bCluster")).Message);
            Assert.Contains("is not a valid host name: it holds the control character U+0008",
                LoadFails(Edited(j => j["endpoints"]![0]!["clusters"]![0]!["hosts"]![0]!["name"] = "esx\b01")).Message);
            Assert.Contains("is not a valid datastore name", LoadFails(Edited(j => j["endpoints"]![0]!["datastores"]![0]!["name"] = "DS\u0085")).Message);
            Assert.Contains("is not a valid network name", LoadFails(Edited(j => j["endpoints"]![0]!["networks"]![0]!["name"] = "Net\u202e")).Message);
            Assert.Contains(".tags[0]: 'App`u{0}/crm' is not a valid tag", LoadFails(Edited(j => FirstVM(j)["tags"]![0] = "App\u0000/crm")).Message);
            Assert.Contains("endpoints[0].region: ", LoadFails(Edited(j => j["endpoints"]![0]!["region"] = "London\u0007")).Message);
        }

        [Fact]
        public void A_lone_surrogate_escape_in_the_file_is_refused_rather_than_read_as_U_FFFD()
        {
            var json = Edited(j => FirstVM(j)["name"] = "crm-PLACEHOLDER").Replace("crm-PLACEHOLDER", "crm\\ud800web01");
            Assert.Contains("replacement character U+FFFD", LoadFails(json).Message);
        }

        [Fact]
        public void A_network_extended_from_nowhere_is_refused()
        {
            var error = LoadFails(Edited(j =>
            {
                var extended = j["endpoints"]!.SelectMany(e => e["networks"]!).First(n => n["extendedFrom"] != null);
                extended["extendedFrom"] = "onprem-lon/No-Such-VLAN";
            }));
            Assert.Contains(".extendedFrom: network 'onprem-lon/No-Such-VLAN' does not exist", error.Message);
        }

        [Fact]
        public void Invalid_UTF8_is_LabFileInvalid_with_its_line_and_offset()
        {
            var bytes = Encoding.UTF8.GetBytes(DefaultJson);
            var at = DefaultJson.IndexOf("crm-web01", StringComparison.Ordinal) + 3;
            bytes[at] = 0xFF;
            var line = DefaultJson.Take(at).Count(c => c == '\n') + 1;
            var path = TestFiles.TempPath();
            File.WriteAllBytes(path, bytes);
            try
            {
                var error = Assert.Throws<HybridException>(() => LabFile.Load(path));
                Assert.Equal("LabFileInvalid", error.ErrorId);
                Assert.Contains("(line " + line + "): the bytes at offset " + at + " (FF) are not valid UTF-8", error.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_sequence_cut_short_at_the_end_of_the_file_is_invalid_UTF8_too()
        {
            var bytes = Encoding.UTF8.GetBytes(DefaultJson + "\n").Concat(new byte[] { 0xE2, 0x82 }).ToArray();
            var path = TestFiles.TempPath();
            File.WriteAllBytes(path, bytes);
            try
            {
                var error = Assert.Throws<HybridException>(() => LabFile.Load(path));
                Assert.Equal("LabFileInvalid", error.ErrorId);
                Assert.Contains("are not valid UTF-8", error.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        // ---- New-CloudVM (Estate.AddVM) ----

        private static Estate NewEstate()
        {
            var doc = LabGenerator.CreateDefault();
            return new Estate(doc.Endpoints, doc.Links, doc.VMs);
        }

        [Theory]
        [InlineData("a\0b")]
        [InlineData("a\u001bb")]
        [InlineData("a\ud800b")]
        [InlineData("a\bb")]
        public void New_CloudVM_refuses_control_characters_and_lone_surrogates_and_adds_nothing(string name)
        {
            var estate = NewEstate();
            var before = estate.VMCount;
            var error = Assert.Throws<HybridException>(() => estate.AddVM(new NewVMSpec { Name = name, Endpoint = "onprem-lon" }));
            Assert.Equal("InvalidName", error.ErrorId);
            Assert.Equal(before, estate.VMCount);
        }

        [Fact]
        public void New_CloudVM_refuses_a_folder_or_tag_a_terminal_would_obey()
        {
            var estate = NewEstate();
            var folder = Assert.Throws<HybridException>(() => estate.AddVM(new NewVMSpec { Name = "web99", Endpoint = "onprem-lon", Folder = "a\u001b[2J" }));
            Assert.Equal(("InvalidText", ErrorKind.InvalidArgument), (folder.ErrorId, folder.Kind));
            var tag = Assert.Throws<HybridException>(() => estate.AddVM(new NewVMSpec { Name = "web99", Endpoint = "onprem-lon", Tags = new[] { new string('t', 600) } }));
            Assert.Equal("InvalidText", tag.ErrorId);
            Assert.True(tag.Message.Length < 400);
            Assert.Null(estate.FindVM("onprem-lon", "web99"));
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(-1e308)]
        public void New_CloudVM_refuses_sizes_and_rates_that_are_not_finite(double value)
        {
            var estate = NewEstate();
            Assert.Equal("ValueOutOfRange", Assert.Throws<HybridException>(() => estate.AddVM(new NewVMSpec { Name = "w1", Endpoint = "onprem-lon", DiskGB = new[] { value } })).ErrorId);
            Assert.Equal("ValueOutOfRange", Assert.Throws<HybridException>(() => estate.AddVM(new NewVMSpec { Name = "w1", Endpoint = "onprem-lon", DirtyRateMBps = value })).ErrorId);
            Assert.Equal("ValueOutOfRange", Assert.Throws<HybridException>(() => estate.SetLink("onprem-lon", "avs-westeurope", value, null, null)).ErrorId);
            Assert.Null(estate.FindVM("onprem-lon", "w1"));
        }

        [Fact]
        public void The_loaders_rules_refuse_a_VM_that_New_CloudVM_or_an_import_would_make_wrongly()
        {
            var estate = NewEstate();
            var endpoint = estate.GetEndpoint("onprem-lon");
            var vm = estate.VMs.First(v => v.Endpoint == "onprem-lon").Copy();
            vm.Workload = new WorkloadProfile { DirtyRateMBps = double.NaN };
            var error = Assert.Throws<HybridException>(() => LabValidator.CheckNewVM(vm, endpoint));
            Assert.Equal(("VMInvalid", ErrorKind.InvalidData), (error.ErrorId, error.Kind));
            Assert.Contains(".workload.dirtyRateMBps: NaN is out of range", error.Message);

            var elsewhere = estate.VMs.First(v => v.Endpoint == "onprem-lon").Copy();
            elsewhere.Datastore = "NO-SUCH-DS";
            Assert.Contains("datastore 'NO-SUCH-DS' does not exist", Assert.Throws<HybridException>(() => LabValidator.CheckNewVM(elsewhere, endpoint)).Message);
        }

        // ---- The generator ----

        [Fact]
        public void A_generated_lab_of_any_size_passes_the_loaders_rules_and_reopens_unchanged()
        {
            var document = LabGenerator.Create(seed: 7, vmCount: 3000);
            Assert.All(document.VMs, vm => Assert.Null(Names.NameProblem(vm.Name)));
            var path = TestFiles.TempPath();
            try
            {
                LabFile.Save(document, path);
                var reopened = LabFile.Load(path);
                Assert.Equal(document.VMs.Select(v => v.Name), reopened.VMs.Select(v => v.Name));
            }
            finally
            {
                File.Delete(path);
            }
        }

        // ---- Faults: lab time that would overflow DateTime ----

        [Fact]
        public void A_fault_too_far_ahead_or_too_long_is_ValueOutOfRange_not_an_overflow()
        {
            var estate = NewEstate();
            var timeline = new MigrationTimeline(estate, LabDocument.DefaultClock);
            var longest = Assert.Throws<HybridException>(() => timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, Target = "onprem-lon <-> avs-westeurope", At = LabDocument.DefaultClock, Duration = TimeSpan.MaxValue }));
            Assert.Equal(("ValueOutOfRange", ErrorKind.InvalidArgument), (longest.ErrorId, longest.Kind));
            var latest = Assert.Throws<HybridException>(() => timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, Target = "onprem-lon <-> avs-westeurope", At = DateTime.MaxValue }));
            Assert.Equal("ValueOutOfRange", latest.ErrorId);
            Assert.Empty(timeline.Faults);
        }

        // ---- Import: encodings, duplicated columns, bounded cells ----

        private static InventoryRead Read(string path) => InventoryReader.Read(path, null, null, default);

        private static string WriteBytes(byte[] bytes)
        {
            var path = TestFiles.TempPath(".csv");
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private static string FolderRow(string name, string folder) => Row(name).Replace(",Lab-Web,", ",Lab-Web,").Replace(",,\"41,024.50\"", "," + folder + ",\"41,024.50\"");

        private static string Export(params string[] rows) => Header.Replace("Network #2", "Folder") + "\r\n" + string.Join("\r\n", rows) + "\r\n";

        [Fact]
        public void A_Windows_1252_export_keeps_its_accented_letters()
        {
            var text = Export(FolderRow("café01", "Équipe/Crème"));
            var path = WriteBytes(System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text));
            var vm = Assert.Single(Read(path).VMs);
            Assert.Equal(("café01", "Équipe/Crème"), (vm.Name, vm.Folder));
        }

        [Fact]
        public void UTF8_with_or_without_a_byte_order_mark_and_UTF16_of_either_order_read_alike()
        {
            var text = Export(FolderRow("café01", "Équipe/Crème"));
            foreach (var bytes in new[]
            {
                Encoding.UTF8.GetBytes(text),
                Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
                Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
                Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
                Encoding.Unicode.GetBytes(text),
                Encoding.BigEndianUnicode.GetBytes(text),
            })
            {
                var vm = Assert.Single(Read(WriteBytes(bytes)).VMs);
                Assert.Equal(("café01", "Équipe/Crème"), (vm.Name, vm.Folder));
            }
        }

        [Fact]
        public void A_header_with_a_column_twice_is_an_error_naming_both()
        {
            var header = Header.Replace("Network #2", "Memory");
            var path = TestFiles.Write(header + "\r\n" + Row("web01") + "\r\n", ".csv");
            var error = Assert.Throws<HybridException>(() => Read(path));
            Assert.Equal(("InventoryColumnDuplicated", ErrorKind.InvalidData), (error.ErrorId, error.Kind));
            Assert.Contains("names the column 'Memory' twice in its header: column 5 ('Memory') and column 9 ('Memory')", error.Message);

            var cased = TestFiles.Write(Header.Replace("Network #2", "memory ") + "\r\n" + Row("web01") + "\r\n", ".csv");
            Assert.Contains("column 5 ('Memory') and column 9 ('memory ')", Assert.Throws<HybridException>(() => Read(cased)).Message);
        }

        [Fact]
        public void A_huge_cell_gives_a_short_message()
        {
            var path = TestFiles.Write(Header + "\r\n" + Row("web01", memory: new string('9', 1_000_000) + "x") + "\r\n", ".csv");
            var error = Assert.Single(Read(path).Problems).Error;
            Assert.Equal("InventoryFileInvalid", error.ErrorId);
            Assert.Contains("(1000001 characters)", error.Message);
            Assert.True(error.Message.Length < 600, "message of " + error.Message.Length + " characters");
        }

        [Theory]
        [InlineData("web\u001b01", "control character U+001B")]
        [InlineData("web\u000801", "control character U+0008")]
        public void An_imported_name_with_control_characters_is_a_row_error(string name, string reason)
        {
            var read = Read(TestFiles.Write(Header + "\r\n" + Row("web01") + "\r\n" + Row(name) + "\r\n", ".csv"));
            Assert.Equal("web01", Assert.Single(read.VMs).Name);
            var error = Assert.Single(read.Problems).Error;
            Assert.Contains(reason, error.Message);
            Assert.DoesNotContain(name, error.Message, StringComparison.Ordinal);
        }
    }
}
