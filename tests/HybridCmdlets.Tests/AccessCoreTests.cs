using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using HybridCmdlets.Arguments;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Tests
{
    /// <summary>
    /// Access control through the command cores: connecting and disconnecting, what a session sees and may change
    /// with each role, and that a password never comes back out.
    /// </summary>
    public class AccessCoreTests
    {
        private readonly ManualClock clock = new ManualClock();
        private readonly LabSession lab;

        public AccessCoreTests()
        {
            lab = AccessFixtures.SecuredLab(clock);
        }

        private RecordingOutput Connect(string user, string password, params string[] endpoints)
        {
            var output = new RecordingOutput();
            new ConnectCloudEndpointCore(lab).Run(endpoints, user, AccessFixtures.Secure(password), output);
            return output;
        }

        private static MoveCloudVMParameters Move(string destination, params string[] vms) => new MoveCloudVMParameters
        {
            VM = vms.Select(v => new VMIdParameter(v)).ToArray(),
            Destination = destination,
        };

        private RecordingOutput Moved(string destination, string vm)
        {
            var output = new RecordingOutput();
            new MoveCloudVMCore(lab).Run(Move(destination, vm), output);
            return output;
        }

        private RecordingOutput GetVMs(string[]? names = null, CloudEndpoint[]? endpoints = null)
        {
            var output = new RecordingOutput();
            new GetCloudVMCore(lab).ByFilter(names, endpoints, null, null, null, output);
            return output;
        }

        // ---- Connect-CloudEndpoint and Disconnect-CloudEndpoint ----

        [Fact]
        public void Connecting_returns_a_connection_per_secured_endpoint_with_the_user_and_role()
        {
            var output = Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon", "avs-*");
            Assert.Empty(output.Errors);
            var connections = output.OfType<CloudConnection>().ToList();
            Assert.Equal(new[] { "onprem-lon", "avs-westeurope" }, connections.Select(c => c.Name));
            Assert.All(connections, c => Assert.Equal(("operator", (AccessRole?)AccessRole.Operator, true), (c.User, c.Role, c.IsConnected)));
            Assert.Contains("Connected to endpoint 'onprem-lon' as 'operator' (Operator).", output.Verbose);
        }

        [Fact]
        public void Connecting_to_endpoints_that_declare_no_users_says_so_and_checks_nothing()
        {
            var open = LabSession.CreateDefault();
            var output = new RecordingOutput();
            new ConnectCloudEndpointCore(open).Run(new[] { "*" }, "anyone", AccessFixtures.Secure("any password at all"), output);
            Assert.Empty(output.Objects);
            Assert.Empty(output.Errors);
            var warning = Assert.Single(output.Warnings);
            Assert.StartsWith("Endpoints 'onprem-lon', 'vmc-eu-west-2', 'avs-westeurope', 'gcve-europe-west2', 'ovh-rbx', 'ibm-dal10' declare no users", warning);

            var mixed = Connect("operator", AccessFixtures.OperatorPassword, "ovh-rbx", "onprem-lon");
            Assert.Equal("Endpoint 'ovh-rbx' declares no users: anyone may use it without connecting, so there is nothing to connect to.", Assert.Single(mixed.Warnings));
            Assert.Equal("onprem-lon", Assert.Single(mixed.OfType<CloudConnection>()).Name);
        }

        [Fact]
        public void A_wrong_password_is_one_InvalidLogin_error_that_does_not_say_which_part_was_wrong()
        {
            var wrongPassword = Connect("operator", "not-the-password", "onprem-lon", "avs-westeurope");
            var unknownUser = Connect("nobody", AccessFixtures.OperatorPassword, "onprem-lon", "avs-westeurope");
            foreach (var output in new[] { wrongPassword, unknownUser })
            {
                Assert.Empty(output.Objects);
                var error = DocumentedErrors.Check(Assert.Single(output.Errors), "InvalidLogin");
                Assert.Equal("Cannot complete login due to an incorrect user name or password.", error.Message);
            }

            Assert.Equal(wrongPassword.Errors[0].RecommendedAction, unknownUser.Errors[0].RecommendedAction);
            Assert.Empty(lab.Access.Connections);
        }

        [Fact]
        public void A_piped_connect_checks_the_password_once_so_one_wrong_password_counts_once()
        {
            var core = new ConnectCloudEndpointCore(lab);
            var piped = new RecordingOutput();
            foreach (var endpoint in new[] { "onprem-lon", "avs-westeurope", "onprem-lon" })
            {
                core.Run(new[] { endpoint }, "operator", AccessFixtures.Secure("wrong-password"), piped);
            }

            Assert.Single(piped.Errors);
            for (var i = 0; i < LoginThrottle.MaxFailures - 2; i++) Connect("operator", "wrong-again", "onprem-lon");
            Assert.Single(Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon").OfType<CloudConnection>());
        }

        [Fact]
        public void Repeated_failures_are_throttled_even_with_the_right_password()
        {
            for (var i = 0; i < LoginThrottle.MaxFailures; i++) Assert.Equal("InvalidLogin", Connect("operator", "guess" + i, "onprem-lon").Errors.Single().ErrorId);
            var throttled = Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon");
            Assert.Empty(throttled.Objects);
            DocumentedErrors.Check(Assert.Single(throttled.Errors), "LoginThrottled");

            clock.Advance(LoginThrottle.LockoutPeriod);
            Assert.Single(Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon").OfType<CloudConnection>());
        }

        [Fact]
        public void WhatIf_connects_nothing_and_checks_no_password()
        {
            for (var i = 0; i < LoginThrottle.MaxFailures + 1; i++)
            {
                var output = new RecordingOutput(confirm: false);
                new ConnectCloudEndpointCore(lab).Run(new[] { "onprem-lon" }, "operator", AccessFixtures.Secure("wrong"), output);
                Assert.Empty(output.Errors);
                Assert.Equal(("endpoint 'onprem-lon'", "Connect as user 'operator'"), Assert.Single(output.ShouldProcessCalls));
            }

            Assert.Empty(lab.Access.Connections);
            Assert.Single(Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon").OfType<CloudConnection>());
        }

        [Fact]
        public void A_user_without_a_role_on_an_endpoint_is_refused_there_and_connected_elsewhere()
        {
            lab.Access.AddUser("contractor", AccessFixtures.Secure("C0ntract-Sesame"), PasswordHash.MinimumIterations);
            lab.Access.Grant("contractor", "avs-westeurope", AccessRole.Operator);
            var output = Connect("contractor", "C0ntract-Sesame", "onprem-lon", "avs-westeurope");
            Assert.Equal("PermissionDenied", DocumentedErrors.Check(Assert.Single(output.Errors), "PermissionDenied").ErrorId);
            Assert.Equal("avs-westeurope", Assert.Single(output.OfType<CloudConnection>()).Name);
        }

        [Fact]
        public void An_unknown_exact_endpoint_is_EndpointNotFound_and_a_wildcard_that_matches_nothing_is_silent()
        {
            var output = Connect("operator", AccessFixtures.OperatorPassword, "nowhere", "none*", "onprem-lon");
            DocumentedErrors.Check(Assert.Single(output.Errors), "EndpointNotFound");
            Assert.Single(output.OfType<CloudConnection>());
        }

        [Fact]
        public void Disconnect_ends_the_connections_named_or_all_of_them()
        {
            var connections = Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon", "avs-westeurope").OfType<CloudConnection>().ToList();
            var output = new RecordingOutput();
            new DisconnectCloudEndpointCore(lab).Run(new[] { "AVS-*" }, passThru: true, output);
            Assert.Equal("avs-westeurope", Assert.Single(output.OfType<CloudConnection>()).Name);
            Assert.False(connections[1].IsConnected);
            Assert.True(connections[0].IsConnected);
            Assert.Equal(("endpoint 'avs-westeurope' (connected as 'operator')", "Disconnect"), Assert.Single(output.ShouldProcessCalls));

            var all = new RecordingOutput();
            new DisconnectCloudEndpointCore(lab).Run(null, passThru: false, all);
            Assert.Empty(all.Objects);
            Assert.False(connections[0].IsConnected);
            Assert.Empty(lab.Access.Connections);
        }

        [Fact]
        public void Disconnecting_what_is_not_connected_is_no_error_but_an_unknown_endpoint_is()
        {
            var output = new RecordingOutput();
            new DisconnectCloudEndpointCore(lab).Run(new[] { "onprem-lon", "nowhere" }, passThru: true, output);
            DocumentedErrors.Check(Assert.Single(output.Errors), "EndpointNotFound");
            Assert.Contains("Not connected to endpoint 'onprem-lon': nothing to disconnect.", output.Verbose);
            Assert.Empty(output.Objects);
        }

        [Fact]
        public void Disconnect_with_WhatIf_keeps_the_connection()
        {
            Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon");
            new DisconnectCloudEndpointCore(lab).Run(null, passThru: true, new RecordingOutput(confirm: false));
            Assert.Single(lab.Access.Connections);
        }

        // ---- What a session sees ----

        [Fact]
        public void Without_a_connection_Get_CloudVM_sees_only_the_VMs_of_open_endpoints()
        {
            var output = GetVMs();
            var vms = output.OfType<CloudVM>().ToList();
            Assert.NotEmpty(vms);
            Assert.DoesNotContain(vms, v => v.Endpoint == "onprem-lon" || v.Endpoint == "avs-westeurope");
            Assert.Equal(lab.Estate.VMs.Count(v => v.Endpoint != "onprem-lon" && v.Endpoint != "avs-westeurope"), vms.Count);
            Assert.Empty(output.Errors);
            Assert.Contains(output.Verbose, v => v.StartsWith("Not searched: 'onprem-lon', 'avs-westeurope'", StringComparison.Ordinal));

            Connect("auditor", AccessFixtures.AuditorPassword, "onprem-lon");
            Assert.Equal(lab.Estate.VMs.Count(v => v.Endpoint != "avs-westeurope"), GetVMs().Objects.Count);
        }

        [Fact]
        public void A_VM_asked_for_by_name_on_an_endpoint_not_connected_is_NotConnected_saying_what_to_do()
        {
            var output = GetVMs(new[] { "crm-web01", "ghost01", "crm-web0*" });
            Assert.Empty(output.Objects);
            var notConnected = DocumentedErrors.Check(output.Errors[0], "NotConnected");
            Assert.Contains("'onprem-lon'", notConnected.Message);
            Assert.Equal("crm-web01", notConnected.Target);
            Assert.Contains("Connect-CloudEndpoint -Name onprem-lon", notConnected.RecommendedAction);
            DocumentedErrors.Check(output.Errors[1], "VMNotFound");
            Assert.Equal(2, output.Errors.Count);

            var byEndpoint = GetVMs(endpoints: new[] { lab.Estate.GetEndpoint("avs-westeurope") });
            Assert.Empty(byEndpoint.Objects);
            Assert.Contains("'avs-westeurope'", DocumentedErrors.Check(Assert.Single(byEndpoint.Errors), "NotConnected").Message);
        }

        [Fact]
        public void With_every_endpoint_secured_and_none_connected_Get_CloudVM_is_one_NotConnected_error()
        {
            foreach (var endpoint in lab.Estate.Endpoints) lab.Access.Grant("admin", endpoint.Name, AccessRole.Administrator);
            var output = GetVMs();
            Assert.Empty(output.Objects);
            Assert.Contains("connected to none of them", DocumentedErrors.Check(Assert.Single(output.Errors), "NotConnected").Message);
        }

        [Fact]
        public void A_VM_object_or_id_on_an_endpoint_not_connected_is_NotConnected()
        {
            var vm = lab.Estate.FindVM("onprem-lon", "crm-web01")!;
            var byId = new RecordingOutput();
            new GetCloudVMCore(lab).ById(new[] { vm.Id }, byId);
            DocumentedErrors.Check(Assert.Single(byId.Errors), "NotConnected");

            var removed = new RecordingOutput();
            new RemoveCloudVMCore(lab).Run(new[] { new VMIdParameter(vm) }, passThru: false, removed);
            DocumentedErrors.Check(Assert.Single(removed.Errors), "NotConnected");
            Assert.Empty(removed.ShouldProcessCalls);
        }

        // ---- What each role may change ----

        [Fact]
        public void A_read_only_user_can_list_and_test_but_a_move_is_PermissionDenied_and_changes_nothing()
        {
            Connect("auditor", AccessFixtures.AuditorPassword, "onprem-lon", "avs-westeurope");
            Assert.Single(GetVMs(new[] { "crm-web01" }).OfType<CloudVM>());
            var tested = new RecordingOutput();
            new TestMigrationReadinessCore(lab).Run(Move("avs-westeurope", "crm-web01"), tested);
            Assert.Single(tested.OfType<MigrationReadiness>());

            var moved = Moved("avs-westeurope", "crm-web01");
            var error = DocumentedErrors.Check(Assert.Single(moved.Errors), "PermissionDenied");
            Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
            Assert.Equal("crm-web01", error.Target);
            Assert.Contains("Resource.HotMigrate", error.Message);
            Assert.Contains("the role ReadOnly", error.Message);
            Assert.Empty(moved.Objects);
            Assert.Empty(moved.ShouldProcessCalls);
            Assert.Equal("onprem-lon", lab.Estate.VMs.Single(v => v.Name == "crm-web01").Endpoint);
            Assert.Empty(lab.Timeline.Tasks);
            Assert.False(lab.Describe().IsModified);
        }

        [Fact]
        public void A_cross_endpoint_move_needs_a_connection_with_the_right_role_on_both_sides()
        {
            Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon");
            var oneSide = Moved("avs-westeurope", "crm-web01");
            Assert.Contains("'avs-westeurope'", DocumentedErrors.Check(Assert.Single(oneSide.Errors), "NotConnected").Message);

            Connect("auditor", AccessFixtures.AuditorPassword, "avs-westeurope");
            var readOnlyThere = Moved("avs-westeurope", "crm-web01");
            Assert.Contains("Resource.AssignVMToPool", DocumentedErrors.Check(Assert.Single(readOnlyThere.Errors), "PermissionDenied").Message);

            Connect("operator", AccessFixtures.OperatorPassword, "avs-westeurope");
            var both = Moved("avs-westeurope", "crm-web01");
            Assert.Empty(both.Errors);
            Assert.Equal(MigrationStatus.Succeeded, Assert.Single(both.OfType<MigrationResult>()).Status);
        }

        [Fact]
        public void A_move_to_an_open_endpoint_needs_only_the_source()
        {
            Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon");
            var output = Moved("gcve-europe-west2", "crm-web01");
            Assert.Empty(output.Errors);
            Assert.Equal(MigrationStatus.Succeeded, Assert.Single(output.OfType<MigrationResult>()).Status);
        }

        [Fact]
        public void Test_MigrationReadiness_needs_a_connection_at_the_destination()
        {
            Connect("auditor", AccessFixtures.AuditorPassword, "onprem-lon");
            var output = new RecordingOutput();
            new TestMigrationReadinessCore(lab).Run(Move("avs-westeurope", "crm-web01"), output);
            Assert.Empty(output.Objects);
            DocumentedErrors.Check(Assert.Single(output.Errors), "NotConnected");
        }

        [Fact]
        public void Creating_removing_and_importing_VMs_takes_an_Administrator()
        {
            Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon");
            var spec = new NewVMSpec { Name = "ops-new01", Endpoint = "onprem-lon", NumCpu = 1, MemoryMB = 1024 };
            var created = new RecordingOutput();
            new NewCloudVMCore(lab).Run(spec, created);
            Assert.Contains("VirtualMachine.Inventory.Create", DocumentedErrors.Check(Assert.Single(created.Errors), "PermissionDenied").Message);
            Assert.Empty(created.ShouldProcessCalls);

            var removed = new RecordingOutput();
            new RemoveCloudVMCore(lab).Run(new[] { new VMIdParameter("crm-web01") }, passThru: false, removed);
            Assert.Contains("VirtualMachine.Inventory.Delete", DocumentedErrors.Check(Assert.Single(removed.Errors), "PermissionDenied").Message);
            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "crm-web01"));

            var import = new ImportCloudInventoryParameters { Path = Path.Combine(ModuleUnderTest.RepositoryRoot, "examples", "rvtools", "vInfo.csv"), Endpoint = "onprem-lon" };
            var denied = Assert.Throws<HybridException>(() => new ImportCloudInventoryCore(lab).Run(import, new RecordingOutput()));
            Assert.Contains("VirtualMachine.Inventory.Create", DocumentedErrors.Check(denied, "PermissionDenied").Message);
            Assert.False(lab.Describe().IsModified);

            Connect("admin", AccessFixtures.AdminPassword, "onprem-lon");
            var asAdmin = new RecordingOutput();
            new NewCloudVMCore(lab).Run(spec, asAdmin);
            Assert.Empty(asAdmin.Errors);
            Assert.Single(asAdmin.OfType<CloudVM>());
        }

        [Fact]
        public void Stopping_a_task_takes_the_move_privileges_at_both_ends()
        {
            Connect("operator", AccessFixtures.OperatorPassword, "onprem-lon", "avs-westeurope");
            var parameters = Move("avs-westeurope", "crm-web01");
            parameters.RunAsync = true;
            var submitted = new RecordingOutput();
            new MoveCloudVMCore(lab).Run(parameters, submitted);
            var task = Assert.Single(submitted.OfType<CloudTask>());

            Connect("auditor", AccessFixtures.AuditorPassword, "avs-westeurope");
            var refused = new RecordingOutput();
            new StopCloudTaskCore(lab).Run(new[] { task }, passThru: true, refused);
            Assert.Equal(task.Id, DocumentedErrors.Check(Assert.Single(refused.Errors), "PermissionDenied").Target);
            Assert.False(task.IsFinished);

            Connect("operator", AccessFixtures.OperatorPassword, "avs-westeurope");
            var stopped = new RecordingOutput();
            new StopCloudTaskCore(lab).Run(new[] { task }, passThru: true, stopped);
            Assert.Empty(stopped.Errors);
            Assert.Equal(MigrationStatus.Canceled, task.State);
        }

        // ---- Declaring users and roles ----

        [Fact]
        public void New_CloudUser_declares_a_user_whose_object_shows_no_hash()
        {
            var output = new RecordingOutput();
            new NewCloudUserCore(lab).Run("carol", AccessFixtures.Secure("Car0l-Sesame!"), output);
            var user = Assert.Single(output.OfType<CloudUser>());
            Assert.Equal("carol", user.Name);
            Assert.Equal(new[] { "Name" }, typeof(CloudUser).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name));
            Assert.True(lab.Describe().IsModified);
            Assert.StartsWith("pbkdf2-sha256$600000$", lab.ToDocument().Access!.Users.Single(u => u.Name == "carol").PasswordHash);

            var again = new RecordingOutput();
            new NewCloudUserCore(lab).Run("CAROL", AccessFixtures.Secure("Car0l-Sesame!"), again);
            DocumentedErrors.Check(Assert.Single(again.Errors), "UserNameInUse");
        }

        [Fact]
        public void New_CloudUser_with_WhatIf_or_a_short_password_declares_nothing()
        {
            new NewCloudUserCore(lab).Run("carol", AccessFixtures.Secure("Car0l-Sesame!"), new RecordingOutput(confirm: false));
            var output = new RecordingOutput();
            new NewCloudUserCore(lab).Run("dave", AccessFixtures.Secure("2short"), output);
            var error = DocumentedErrors.Check(Assert.Single(output.Errors), "PasswordTooShort");
            Assert.DoesNotContain("2short", error.Message + error.RecommendedAction);
            Assert.Equal(3, lab.Access.Users.Count);
            Assert.False(lab.Describe().IsModified);
        }

        [Fact]
        public void New_CloudPermission_grants_changes_and_warns_when_it_secures_an_endpoint()
        {
            var output = new RecordingOutput();
            new NewCloudPermissionCore(lab).Run(new[] { lab.Estate.GetEndpoint("ovh-rbx"), lab.Estate.GetEndpoint("onprem-lon") }, "auditor", AccessRole.Operator, output);
            Assert.Equal(new[] { "ovh-rbx", "onprem-lon" }, output.OfType<CloudPermission>().Select(p => p.Endpoint));
            Assert.Contains("Endpoint 'ovh-rbx' declares users from now on", Assert.Single(output.Warnings));
            Assert.Equal(("endpoint 'onprem-lon'", "Change the role of user 'auditor' from ReadOnly to Operator"), output.ShouldProcessCalls[1]);
            Assert.Equal(("endpoint 'ovh-rbx'", "Grant the role Operator to user 'auditor'"), output.ShouldProcessCalls[0]);
            Assert.True(lab.Access.IsSecured("ovh-rbx"));
            Assert.Equal(AccessRole.Operator, lab.Access.RoleOf("auditor", "onprem-lon"));

            var stranger = new RecordingOutput();
            new NewCloudPermissionCore(lab).Run(new[] { lab.Estate.GetEndpoint("ibm-dal10") }, "mallory", AccessRole.Administrator, stranger);
            DocumentedErrors.Check(Assert.Single(stranger.Errors), "UserNotFound");
            Assert.False(lab.Access.IsSecured("ibm-dal10"));
        }

        [Fact]
        public void Get_CloudPermission_filters_by_endpoint_and_user_and_reports_an_unknown_user()
        {
            var output = new RecordingOutput();
            new GetCloudPermissionCore(lab).Run(new[] { lab.Estate.GetEndpoint("avs-westeurope") }, new[] { "op*", "AUDITOR", "nobody" }, output);
            Assert.Equal(new[] { "operator Operator on avs-westeurope", "auditor ReadOnly on avs-westeurope" }, output.OfType<CloudPermission>().Select(p => p.ToString()));
            DocumentedErrors.Check(Assert.Single(output.Errors), "UserNotFound");

            var all = new RecordingOutput();
            new GetCloudPermissionCore(lab).Run(null, null, all);
            Assert.Equal(6, all.Objects.Count);
        }

        // ---- The Pester suite's secured lab ----

        [Fact]
        public void The_Pester_fixture_opens_as_Access_Tests_ps1_builds_it_and_its_users_log_in_with_the_passwords_it_uses()
        {
            var pester = Path.Combine(ModuleUnderTest.RepositoryRoot, "tests", "Pester");
            var script = File.ReadAllText(Path.Combine(pester, "Access.Tests.ps1"));
            Assert.Contains("$script:AdminPassword = '" + AccessFixtures.AdminPassword + "'", script);
            Assert.Contains("$script:OperatorPassword = '" + AccessFixtures.OperatorPassword + "'", script);
            Assert.Contains("$script:AuditorPassword = '" + AccessFixtures.AuditorPassword + "'", script);

            // As Open-SecuredLab does: the default lab saved, the fixture put in before "vms", the file opened.
            var path = Path.Combine(Path.GetTempPath(), "hybridcmdlets-tests", Guid.NewGuid().ToString("N") + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                var session = LabSession.CreateDefault();
                session.Save(path);
                var json = File.ReadAllText(path);
                const string Anchor = "\"vms\": [";
                Assert.Contains(Anchor, json);
                var access = File.ReadAllText(Path.Combine(pester, "Access.Fixture.json")).Trim();
                File.WriteAllText(path, json.Replace(Anchor, "\"access\": " + access + "," + Environment.NewLine + "\t" + Anchor));
                session.Open(path);

                Assert.Equal(new[] { "avs-westeurope", "onprem-lon" }, session.Access.Unreadable().OrderBy(e => e, StringComparer.Ordinal));
                AccessFixtures.ConnectAs(session, "admin", AccessFixtures.AdminPassword, "onprem-lon", "avs-westeurope");
                AccessFixtures.ConnectAs(session, "auditor", AccessFixtures.AuditorPassword, "onprem-lon", "avs-westeurope");
                AccessFixtures.ConnectAs(session, "operator", AccessFixtures.OperatorPassword, "onprem-lon", "avs-westeurope");
                Assert.All(session.Access.Connections, c => Assert.Equal(AccessRole.Operator, c.Role));
                Assert.NotNull(session.Estate.FindVM("avs-westeurope", "pilot-web01"));
            }
            finally
            {
                File.Delete(path);
            }
        }

        // ---- Secrets ----

        [Fact]
        public void No_password_appears_in_output_errors_verbose_text_objects_or_the_saved_lab()
        {
            const string Secret = "Zebra-Quokka-7731";
            var outputs = new System.Collections.Generic.List<RecordingOutput>();
            RecordingOutput Record()
            {
                var output = new RecordingOutput();
                outputs.Add(output);
                return output;
            }

            new NewCloudUserCore(lab).Run("zoe", AccessFixtures.Secure(Secret), Record());
            new NewCloudPermissionCore(lab).Run(new[] { lab.Estate.GetEndpoint("onprem-lon") }, "zoe", AccessRole.ReadOnly, Record());
            new ConnectCloudEndpointCore(lab).Run(new[] { "*" }, "zoe", AccessFixtures.Secure(Secret + "x"), Record());
            new ConnectCloudEndpointCore(lab).Run(new[] { "*" }, "ghost", AccessFixtures.Secure(Secret), Record());
            new ConnectCloudEndpointCore(lab).Run(new[] { "*" }, "zoe", AccessFixtures.Secure(Secret), Record());
            new MoveCloudVMCore(lab).Run(Move("avs-westeurope", "crm-web01"), Record());
            new GetCloudPermissionCore(lab).Run(null, null, Record());
            new NewCloudUserCore(lab).Run("zoe", AccessFixtures.Secure(Secret), Record());
            new NewCloudUserCore(lab).Run("yan", AccessFixtures.Secure(Secret.Substring(0, 7)), Record());
            for (var i = 0; i <= LoginThrottle.MaxFailures; i++) new ConnectCloudEndpointCore(lab).Run(new[] { "onprem-lon" }, "zoe", AccessFixtures.Secure(Secret + i), Record());
            new DisconnectCloudEndpointCore(lab).Run(null, passThru: true, Record());

            var texts = outputs.SelectMany(o => o.Verbose.Concat(o.Warnings).Concat(o.ShouldProcessCalls.SelectMany(c => new[] { c.Target, c.Action }))
                .Concat(o.Errors.SelectMany(ErrorTexts)).Concat(o.Objects.SelectMany(PropertyTexts))).ToList();
            Assert.Contains(texts, t => t.Contains("Cannot complete login"));
            Assert.Contains(texts, t => t.Contains("Logins as 'zoe' are refused"));
            Assert.Contains(texts, t => t.Contains("PermissionDenied") || t.Contains("Permission to perform this operation was denied"));
            Assert.All(texts, t => Assert.DoesNotContain(Secret.Substring(0, 7), t));

            var path = Path.Combine(Path.GetTempPath(), "hybridcmdlets-tests", Guid.NewGuid().ToString("N") + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                lab.Save(path);
                Assert.DoesNotContain(Secret.Substring(0, 7), File.ReadAllText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static System.Collections.Generic.IEnumerable<string> ErrorTexts(HybridException error)
        {
            yield return error.ErrorId;
            yield return error.Message;
            yield return error.RecommendedAction;
            yield return error.ToString();
            yield return Convert.ToString(error.Target, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            foreach (DictionaryEntry entry in error.Data) yield return entry.Key + "=" + entry.Value;
        }

        /// <summary>Every public property value of an output object, as Format-List * would show them, one level deep.</summary>
        private static System.Collections.Generic.IEnumerable<string> PropertyTexts(object item)
        {
            yield return item.ToString() ?? "";
            foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                yield return property.Name + "=" + Convert.ToString(property.GetValue(item), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
