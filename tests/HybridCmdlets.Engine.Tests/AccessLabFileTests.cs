using System;
using System.IO;
using System.Linq;
using System.Text;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>The access section of a lab file: written, read back, checked, and never holding a password.</summary>
    public class AccessLabFileTests
    {
        private static readonly Lazy<string> SecuredJson = new Lazy<string>(() => TestFiles.ToJson(AccessFixtures.SecuredLab().ToDocument()));

        private static string Edited(Action<JObject> edit)
        {
            var json = JObject.Parse(SecuredJson.Value);
            edit(json);
            return json.ToString();
        }

        private static JObject Access(JObject lab) => (JObject)lab["access"]!;

        private static HybridException LoadFails(string content)
        {
            var path = TestFiles.Write(content);
            try
            {
                var error = Assert.Throws<HybridException>(() => LabFile.Load(path));
                Assert.Equal("LabFileInvalid", error.ErrorId);
                return error;
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Users_and_roles_are_saved_as_hashes_and_role_names_and_never_as_passwords()
        {
            var json = JObject.Parse(SecuredJson.Value);
            var users = (JArray)Access(json)["users"]!;
            Assert.Equal(new[] { "admin", "operator", "auditor" }, users.Select(u => (string)u["name"]!));
            Assert.All(users, u => Assert.Equal(new[] { "name", "passwordHash" }, ((JObject)u).Properties().Select(p => p.Name)));
            Assert.All(users, u => Assert.Null(PasswordHash.Problem((string)u["passwordHash"]!)));
            Assert.Equal(3, users.Select(u => (string)u["passwordHash"]!).Distinct().Count());

            var permissions = (JArray)Access(json)["permissions"]!;
            Assert.Equal(6, permissions.Count);
            Assert.Equal(JObject.Parse("{ 'principal': 'admin', 'endpoint': 'onprem-lon', 'role': 'Administrator' }"), permissions[0]);

            foreach (var password in new[] { AccessFixtures.AdminPassword, AccessFixtures.OperatorPassword, AccessFixtures.AuditorPassword })
            {
                Assert.DoesNotContain(password, SecuredJson.Value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)).TrimEnd('='), SecuredJson.Value);
            }
        }

        [Fact]
        public void The_section_sits_between_links_and_vms_and_a_lab_without_users_has_none()
        {
            var names = JObject.Parse(SecuredJson.Value).Properties().Select(p => p.Name).ToArray();
            Assert.Equal(Array.IndexOf(names, "links") + 1, Array.IndexOf(names, "access"));
            Assert.Equal(Array.IndexOf(names, "access") + 1, Array.IndexOf(names, "vms"));
            Assert.DoesNotContain("\"access\"", TestFiles.ToJson(Generation.LabGenerator.CreateDefault()));
        }

        [Fact]
        public void A_lab_with_users_saved_and_reopened_is_identical_byte_for_byte_and_still_secured()
        {
            var first = TestFiles.TempPath();
            var second = TestFiles.TempPath();
            try
            {
                var lab = AccessFixtures.SecuredLab();
                AccessFixtures.ConnectAsAdmin(lab);
                lab.Save(first);
                var reopened = LabSession.CreateDefault();
                reopened.Open(first);
                AccessFixtures.ConnectAsAdmin(reopened);
                reopened.Save(second);
                Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));

                Assert.True(reopened.Access.IsSecured("onprem-lon") && reopened.Access.IsSecured("avs-westeurope"));
                Assert.False(reopened.Access.IsSecured("ovh-rbx"));
                Assert.Equal(AccessRole.ReadOnly, reopened.Access.RoleOf("auditor", "onprem-lon"));
                AccessFixtures.ConnectAs(reopened, "operator", AccessFixtures.OperatorPassword, "onprem-lon");
                Assert.Equal("InvalidLogin", Assert.Throws<HybridException>(() => reopened.Access.LogIn("operator", AccessFixtures.Secure(AccessFixtures.AdminPassword))).ErrorId);
            }
            finally
            {
                File.Delete(first);
                File.Delete(second);
            }
        }

        [Fact]
        public void The_section_reads_back_as_it_was_written()
        {
            var document = AccessFixtures.SecuredLab().ToDocument();
            var bytes = new MemoryStream();
            LabFile.Write(document, bytes);
            bytes.Position = 0;
            var read = LabFile.Read(bytes);
            Assert.Equal(Describe(document.Access!), Describe(read!.Access!));
        }

        private static string Describe(LabAccess access) =>
            string.Join(";", access.Users.Select(u => u.Name + "=" + u.PasswordHash)) + "|" + string.Join(";", access.Permissions.Select(p => p.ToString()));

        [Fact]
        public void An_empty_section_opens_as_a_lab_open_to_everyone()
        {
            var path = TestFiles.Write(Edited(j => j["access"] = new JObject()));
            try
            {
                var lab = LabSession.CreateDefault();
                lab.Open(path);
                Assert.Empty(lab.Access.Unreadable());
                Assert.Empty(lab.Access.Users);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void An_unknown_role_is_LabFileInvalid_naming_it()
        {
            var error = LoadFails(Edited(j => Access(j)["permissions"]![2]!["role"] = "SuperUser"));
            Assert.Contains("SuperUser", error.Message);
            Assert.Contains("access.permissions[2].role", error.Message);
        }

        [Fact]
        public void A_role_for_an_unknown_user_or_endpoint_is_LabFileInvalid_naming_it()
        {
            Assert.Contains("access.permissions[1].principal: user 'mallory' is not declared", LoadFails(Edited(j => Access(j)["permissions"]![1]!["principal"] = "mallory")).Message);
            Assert.Contains("access.permissions[4].endpoint: endpoint 'nowhere' does not exist", LoadFails(Edited(j => Access(j)["permissions"]![4]!["endpoint"] = "nowhere")).Message);
            Assert.Contains("a second role for 'admin' on 'onprem-lon'", LoadFails(Edited(j => ((JArray)Access(j)["permissions"]!).Add(Access(j)["permissions"]![0]!.DeepClone()))).Message);
        }

        [Fact]
        public void A_password_where_the_hash_belongs_is_LabFileInvalid_and_not_repeated()
        {
            var error = LoadFails(Edited(j => Access(j)["users"]![1]!["passwordHash"] = "Hunter2-Sesame!"));
            Assert.Contains("access.users[1] (operator).passwordHash: is not a PBKDF2 hash", error.Message);
            Assert.DoesNotContain("Hunter2", error.Message + error.RecommendedAction + error.InnerException);
        }

        [Fact]
        public void A_password_property_instead_of_a_hash_is_LabFileInvalid_and_not_repeated()
        {
            var error = LoadFails(Edited(j => ((JObject)Access(j)["users"]![0]!).Add("password", "Hunter2-Sesame!")));
            Assert.Contains("password", error.Message);
            Assert.DoesNotContain("Hunter2", error.Message + error.RecommendedAction + error.InnerException);
        }

        [Fact]
        public void A_cheap_hash_a_duplicate_user_and_null_entries_are_LabFileInvalid()
        {
            var cheap = PasswordHash.Create(AccessFixtures.Secure("whatever-long"), 1_000);
            Assert.Contains("(admin).passwordHash: has 1,000 iterations", LoadFails(Edited(j => Access(j)["users"]![0]!["passwordHash"] = cheap)).Message);
            Assert.Contains("user 'ADMIN' appears twice", LoadFails(Edited(j => Access(j)["users"]![2]!["name"] = "ADMIN")).Message);
            Assert.Contains("access.users[0]: is null", LoadFails(Edited(j => Access(j)["users"]![0] = JValue.CreateNull())).Message);
            Assert.Contains("access.users[1] (bad*name).name", LoadFails(Edited(j => Access(j)["users"]![1]!["name"] = "bad*name")).Message);
        }

        [Fact]
        public void A_failed_open_leaves_the_users_roles_and_connections_as_they_were()
        {
            var lab = AccessFixtures.SecuredLab();
            AccessFixtures.ConnectAsAdmin(lab);
            var connection = lab.Access.Connections.First();
            var path = TestFiles.Write(Edited(j => Access(j)["permissions"]![0]!["endpoint"] = "nowhere"));
            try
            {
                Assert.Equal("LabFileInvalid", Assert.Throws<HybridException>(() => lab.Open(path)).ErrorId);
                Assert.True(connection.IsConnected);
                Assert.Equal(6, lab.Access.Permissions.Count);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
