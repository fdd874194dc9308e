using System;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Persistence;
using Newtonsoft.Json.Linq;

namespace HybridCmdlets.Engine.Tests
{
    public class LabFileTests
    {
        private static readonly string DefaultJson = TestFiles.ToJson(LabGenerator.CreateDefault());

        private static HybridException LoadFails(string content, string errorId)
        {
            var path = TestFiles.Write(content);
            try
            {
                var error = Assert.Throws<HybridException>(() => LabFile.Load(path));
                Assert.Equal(errorId, error.ErrorId);
                Assert.Equal(Path.GetFullPath(path), error.Target);
                Assert.Contains(Path.GetFullPath(path), error.Message);
                return error;
            }
            finally
            {
                File.Delete(path);
            }
        }

        /// <summary>The default lab with one change made through its JSON, as a user editing the file would.</summary>
        private static string Edited(System.Action<JObject> edit)
        {
            var json = JObject.Parse(DefaultJson);
            edit(json);
            return json.ToString();
        }

        [Fact]
        public void A_file_without_clock_or_migration_options_opens_with_the_defaults()
        {
            var path = TestFiles.Write(Edited(j =>
            {
                j.Remove("clock");
                ((JObject)j["options"]!).Remove("timeScale");
                ((JObject)j["options"]!).Remove("migrationAlgorithm");
            }));
            try
            {
                var lab = LabFile.Load(path);
                Assert.Equal(LabDocument.DefaultClock, lab.Clock);
                Assert.Equal(0, lab.Options.TimeScale);
                Assert.Equal(Engine.Migration.MigrationAlgorithm.vSphere, lab.Options.MigrationAlgorithm);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_file_from_before_the_hot_set_and_the_new_options_opens_with_the_role_defaults()
        {
            var path = TestFiles.Write(Edited(j =>
            {
                ((JObject)j["options"]!).Remove("autoConverge");
                foreach (var vm in (JArray)j["vms"]!) ((JObject)vm["workload"]!).Remove("hotSetMB");
            }));
            try
            {
                var lab = LabFile.Load(path);
                Assert.False(lab.Options.AutoConverge);
                Assert.Null(lab.Options.DowntimeTargetMs);
                Assert.All(lab.VMs, vm => Assert.Null(vm.Workload.HotSetMB));
                // The model then takes each role's middle share of memory, within the VM's working set.
                var db = lab.VMs.First(v => v.Role == Inventory.WorkloadRole.Database && v.Workload.WritableWorkingSetMB > 0.025 * v.MemoryMB);
                Assert.Equal(Math.Round(0.025 * db.MemoryMB), Inventory.RoleProfiles.HotSetMB(db));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_hot_set_outside_the_working_set_or_a_bad_downtime_target_is_LabFileInvalid()
        {
            foreach (var edit in new Action<JObject>[]
            {
                j => j["vms"]![0]!["workload"]!["hotSetMB"] = (double)j["vms"]![0]!["workload"]!["writableWorkingSetMB"]! + 1,
                j => j["options"]!["downtimeTargetMs"] = 0,
            })
            {
                var path = TestFiles.Write(Edited(edit));
                try
                {
                    Assert.Equal("LabFileInvalid", Assert.Throws<HybridException>(() => LabFile.Load(path)).ErrorId);
                }
                finally
                {
                    File.Delete(path);
                }
            }
        }

        [Fact]
        public void A_saved_and_reopened_lab_is_identical()
        {
            var path = TestFiles.Write(DefaultJson);
            var reopened = LabFile.Load(path);
            File.Delete(path);
            Assert.Equal(DefaultJson, TestFiles.ToJson(reopened));
        }

        [Fact]
        public void Uses_readable_names_and_a_schema_version()
        {
            var json = JObject.Parse(DefaultJson);
            Assert.Equal(LabDocument.CurrentSchemaVersion, (int)json["schemaVersion"]!);
            Assert.NotNull(json["vms"]);
            Assert.Equal("PoweredOff", (string?)json["vms"]!.First(v => (string?)v["name"] == "crm-db02")["powerState"]);
        }

        [Fact]
        public void Save_replaces_the_old_file_and_leaves_no_temporary_file()
        {
            var path = TestFiles.Write("old content");
            LabFile.Save(LabGenerator.CreateDefault(), path);
            Assert.Equal(DefaultJson, File.ReadAllText(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "*.tmp"));
            File.Delete(path);
        }

        [Fact]
        public void Save_into_a_missing_folder_is_a_clear_error_and_writes_nothing()
        {
            var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + System.Guid.NewGuid().ToString("N"), "lab.json");
            var error = Assert.Throws<HybridException>(() => LabFile.Save(LabGenerator.CreateDefault(), path));
            Assert.Equal("LabFileUnwritable", error.ErrorId);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void A_missing_file_is_LabFileNotFound()
        {
            var path = TestFiles.TempPath();
            var error = Assert.Throws<HybridException>(() => LabFile.Load(path));
            Assert.Equal("LabFileNotFound", error.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \n\t ")]
        public void An_empty_file_is_LabFileInvalid(string content)
        {
            Assert.Contains("is empty", LoadFails(content, "LabFileInvalid").Message);
        }

        [Fact]
        public void A_truncated_file_is_LabFileInvalid_with_line_and_position()
        {
            var error = LoadFails(DefaultJson.Substring(0, DefaultJson.Length / 2), "LabFileInvalid");
            Assert.Matches(@"\(line \d+, position \d+\)", error.Message);
            Assert.Equal(ErrorKind.InvalidData, error.Kind);
        }

        [Fact]
        public void Content_after_the_lab_is_LabFileInvalid()
        {
            LoadFails(DefaultJson + "\n{}", "LabFileInvalid");
        }

        [Theory]
        [InlineData("null")]
        [InlineData("[]")]
        [InlineData("42")]
        public void A_file_that_holds_no_lab_object_is_LabFileInvalid(string content)
        {
            LoadFails(content, "LabFileInvalid");
        }

        [Fact]
        public void A_future_schema_version_is_LabFileVersionUnsupported()
        {
            var error = LoadFails(Edited(j => j["schemaVersion"] = 99), "LabFileVersionUnsupported");
            Assert.Contains("99", error.Message);
        }

        /// <summary>
        /// Found by the property tests (LabFileProperties): a schemaVersion beyond even a long reaches the version
        /// sniffing as a BigInteger, which Convert.ToInt32 refused with an InvalidCastException instead of an error.
        /// </summary>
        [Theory]
        [InlineData("123456789012345678901234567890")]
        [InlineData("-123456789012345678901234567890")]
        [InlineData("2147483648")]
        public void A_schema_version_too_large_for_an_integer_is_LabFileInvalid_naming_it(string version)
        {
            var error = LoadFails(DefaultJson.Replace("\"schemaVersion\": " + LabDocument.CurrentSchemaVersion + ",", "\"schemaVersion\": " + version + ","), "LabFileInvalid");
            Assert.Contains(version, error.Message);
        }

        /// <summary>
        /// Found by the property tests (LabFileProperties): the lab reads MAC addresses only to number new ones after
        /// them, and a MAC it could not read as a number failed the open with an OverflowException, an
        /// ArgumentOutOfRangeException or an ArgumentException (after the session had taken the new lab's name and path).
        /// </summary>
        [Theory]
        [InlineData("00:50:56:80:00:ffffffffff95")]
        [InlineData("00:50:56:80:00:")]
        [InlineData("00:50:56:-1:00:01")]
        public void A_MAC_address_the_lab_cannot_number_still_opens(string mac)
        {
            var path = TestFiles.Write(Edited(j => j["vms"]![0]!["networkAdapters"]![0]!["macAddress"] = mac));
            try
            {
                var session = Engine.Lab.LabSession.CreateDefault();
                Assert.Equal(Path.GetFullPath(path), session.Open(path).Path);
                Assert.Equal(mac, session.Estate.VMs[0].NetworkAdapters[0].MacAddress);
                var added = session.Estate.AddVM(new Engine.Inventory.NewVMSpec { Name = "after-the-odd-mac", Endpoint = "onprem-lon", MemoryMB = 2048 });
                Assert.DoesNotContain(session.Estate.VMs.Where(v => v.Id != added.Id), v => v.NetworkAdapters.Any(n => n.MacAddress == added.NetworkAdapters[0].MacAddress));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void A_future_version_with_unknown_content_still_names_the_version()
        {
            LoadFails(Edited(j => { j["schemaVersion"] = LabDocument.CurrentSchemaVersion + 1; j["faults"] = new JArray(); }), "LabFileVersionUnsupported");
        }

        [Fact]
        public void An_unknown_property_is_LabFileInvalid_naming_it()
        {
            var error = LoadFails(Edited(j => j["vms"]![0]!["numCPUs"] = 4), "LabFileInvalid");
            Assert.Contains("numCPUs", error.Message);
        }

        [Fact]
        public void A_value_of_the_wrong_type_is_LabFileInvalid_naming_its_place()
        {
            var error = LoadFails(Edited(j => j["vms"]![3]!["memoryMB"] = "lots"), "LabFileInvalid");
            Assert.Contains("vms[3].memoryMB", error.Message);
        }

        [Fact]
        public void An_unknown_enum_value_is_LabFileInvalid()
        {
            LoadFails(Edited(j => j["vms"]![0]!["powerState"] = "Sleeping"), "LabFileInvalid");
        }

        [Theory]
        [InlineData("duplicate id")]
        [InlineData("dangling cluster")]
        [InlineData("dangling network")]
        [InlineData("negative disk")]
        [InlineData("duplicate endpoint")]
        [InlineData("link to nowhere")]
        [InlineData("no endpoints")]
        [InlineData("huge memory")]
        [InlineData("negative time scale")]
        [InlineData("unknown algorithm")]
        [InlineData("clock not a time")]
        public void A_lab_that_does_not_make_sense_is_LabFileInvalid_naming_the_place(string problem)
        {
            var (edit, place) = problem switch
            {
                "duplicate id" => ((System.Action<JObject>)(j => j["vms"]![5]!["id"] = j["vms"]![4]!["id"]), "vms[5]"),
                "dangling cluster" => (j => j["vms"]![2]!["cluster"] = "Gone-Cluster", "Gone-Cluster"),
                "dangling network" => (j => j["vms"]![2]!["networkAdapters"]![0]!["networkName"] = "Gone-Net", "Gone-Net"),
                "negative disk" => (j => j["vms"]![1]!["hardDisks"]![0]!["capacityGB"] = -10, "hardDisks[0].capacityGB"),
                "duplicate endpoint" => (j => j["endpoints"]![1]!["name"] = "onprem-lon", "appears twice"),
                "link to nowhere" => (j => j["links"]![0]!["destination"] = "mars", "mars"),
                "no endpoints" => (j => j["endpoints"] = new JArray(), "endpoints"),
                "negative time scale" => (j => j["options"]!["timeScale"] = -5, "options.timeScale"),
                "unknown algorithm" => (j => j["options"]!["migrationAlgorithm"] = "HyperV", "HyperV"),
                "clock not a time" => (j => j["clock"] = "yesterday", "clock"),
                _ => (j => j["vms"]![0]!["memoryMB"] = 1e12, "vms[0]"),
            };
            var error = LoadFails(Edited(edit), "LabFileInvalid");
            Assert.Contains(place, error.Message);
        }

        [Theory]
        [InlineData("endpoints", "clusters")]
        [InlineData("endpoints", "datastores")]
        [InlineData("endpoints", "networks")]
        [InlineData("hosts", null)]
        [InlineData("vms", "hardDisks")]
        [InlineData("vms", "networkAdapters")]
        [InlineData("vms", "tags")]
        [InlineData("links", null)]
        public void A_null_entry_in_a_list_is_LabFileInvalid_not_a_crash(string where, string? list)
        {
            var content = Edited(j =>
            {
                switch (where)
                {
                    case "endpoints": ((JArray)j["endpoints"]![0]![list!]!).Insert(0, JValue.CreateNull()); break;
                    case "hosts": ((JArray)j["endpoints"]![0]!["clusters"]![0]!["hosts"]!).Insert(0, JValue.CreateNull()); break;
                    case "vms": ((JArray)j["vms"]![0]![list!]!).Insert(0, JValue.CreateNull()); break;
                    default: ((JArray)j["links"]!).Insert(0, JValue.CreateNull()); break;
                }
            });
            LoadFails(content, "LabFileInvalid");
        }

        [Theory]
        [InlineData("clusters")]
        [InlineData("networks")]
        public void A_null_list_is_LabFileInvalid_not_a_crash(string list)
        {
            LoadFails(Edited(j => j["endpoints"]![0]![list] = JValue.CreateNull()), "LabFileInvalid");
        }

        [Fact]
        public void A_folder_is_not_a_lab_file()
        {
            var error = Assert.Throws<HybridException>(() => LabFile.Load(Path.GetTempPath()));
            Assert.Equal("PathNotFile", error.ErrorId);
        }
    }
}
