using System;
using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    public class AccessControlTests
    {
        private readonly ManualClock clock = new ManualClock();

        private CloudVM VM(LabSession lab, string name) => lab.Estate.VMs.First(v => v.Name == name);

        [Fact]
        public void A_lab_that_declares_no_users_is_open_everywhere()
        {
            var lab = LabSession.CreateDefault();
            Assert.All(lab.Estate.Endpoints, e => Assert.False(lab.Access.IsSecured(e.Name)));
            Assert.Empty(lab.Access.Unreadable());
            lab.Access.Demand(AccessDemand.Move(VM(lab, "crm-web01"), "avs-westeurope"));
            lab.Access.Demand(AccessDemand.RemoveVM(VM(lab, "crm-web01")));
            Assert.Null(lab.ToDocument().Access);
        }

        [Fact]
        public void Granting_a_role_secures_that_endpoint_and_no_other()
        {
            var lab = LabSession.FromDocument(Generation.LabGenerator.CreateDefault(), clock);
            AccessFixtures.AddUsers(lab.Access);
            Assert.False(lab.Access.IsSecured("onprem-lon"));
            lab.Access.Grant("operator", "ONPREM-LON", AccessRole.Operator);

            Assert.True(lab.Access.IsSecured("onprem-lon"));
            Assert.False(lab.Access.CanRead("onprem-lon"));
            Assert.Equal(new[] { "onprem-lon" }, lab.Access.Unreadable());
            Assert.All(lab.Estate.Endpoints.Where(e => e.Name != "onprem-lon"), e => Assert.True(lab.Access.CanRead(e.Name)));
            var permission = Assert.Single(lab.Access.Permissions);
            Assert.Equal(("operator", "onprem-lon", AccessRole.Operator), (permission.Principal, permission.Endpoint, permission.Role));
        }

        [Fact]
        public void A_wrong_password_and_an_unknown_user_get_the_same_InvalidLogin_error()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            var wrongPassword = Assert.Throws<HybridException>(() => lab.Access.LogIn("operator", AccessFixtures.Secure("not-the-password")));
            var unknownUser = Assert.Throws<HybridException>(() => lab.Access.LogIn("mallory", AccessFixtures.Secure(AccessFixtures.OperatorPassword)));

            Assert.Equal("InvalidLogin", wrongPassword.ErrorId);
            Assert.Equal(ErrorKind.AuthenticationError, wrongPassword.Kind);
            Assert.Equal(wrongPassword.Message, unknownUser.Message);
            Assert.Equal(wrongPassword.RecommendedAction, unknownUser.RecommendedAction);
            Assert.Equal("Cannot complete login due to an incorrect user name or password.", wrongPassword.Message);
            Assert.Empty(lab.Access.Connections);
        }

        [Fact]
        public void A_credential_without_a_password_is_a_wrong_password_not_a_crash()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            Assert.Equal("InvalidLogin", Assert.Throws<HybridException>(() => lab.Access.LogIn("operator", null)).ErrorId);
            Assert.Equal("InvalidLogin", Assert.Throws<HybridException>(() => lab.Access.LogIn("", new System.Security.SecureString())).ErrorId);
        }

        [Fact]
        public void After_five_failures_even_the_right_password_is_refused_until_the_lockout_ends()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            for (var i = 0; i < LoginThrottle.MaxFailures; i++)
            {
                Assert.Equal("InvalidLogin", Assert.Throws<HybridException>(() => lab.Access.LogIn("operator", AccessFixtures.Secure("guess-" + i))).ErrorId);
            }

            var throttled = Assert.Throws<HybridException>(() => lab.Access.LogIn("operator", AccessFixtures.Secure(AccessFixtures.OperatorPassword)));
            Assert.Equal("LoginThrottled", throttled.ErrorId);
            Assert.Contains("2030-01-01 08:05:00 UTC", throttled.Message);
            Assert.DoesNotContain(AccessFixtures.OperatorPassword, throttled.Message);

            // Opening another lab is no way round it.
            AccessFixtures.ConnectAsAdmin(lab);
            lab.ResetToDefault();
            Assert.Equal("LoginThrottled", Assert.Throws<HybridException>(() => lab.Access.LogIn("operator", AccessFixtures.Secure("x"))).ErrorId);

            clock.Advance(LoginThrottle.LockoutPeriod);
            Assert.Equal("InvalidLogin", Assert.Throws<HybridException>(() => lab.Access.LogIn("operator", AccessFixtures.Secure(AccessFixtures.OperatorPassword))).ErrorId);
        }

        [Fact]
        public void Unknown_names_are_throttled_like_real_ones()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            for (var i = 0; i < LoginThrottle.MaxFailures; i++) Assert.Throws<HybridException>(() => lab.Access.LogIn("ghost", AccessFixtures.Secure("whatever-" + i)));
            Assert.Equal("LoginThrottled", Assert.Throws<HybridException>(() => lab.Access.LogIn("ghost", AccessFixtures.Secure("whatever"))).ErrorId);
            Assert.Equal("operator", lab.Access.LogIn("operator", AccessFixtures.Secure(AccessFixtures.OperatorPassword)).User);
        }

        [Fact]
        public void A_connection_carries_the_user_and_role_and_ends_on_disconnect_reconnect_or_another_lab()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            var login = lab.Access.LogIn("OPERATOR", AccessFixtures.Secure(AccessFixtures.OperatorPassword));
            var connection = lab.Access.Connect(login, "Onprem-Lon");
            Assert.Equal(("onprem-lon", "operator", (AccessRole?)AccessRole.Operator, true), (connection.Name, connection.User, connection.Role, connection.IsConnected));
            Assert.True(lab.Access.CanRead("onprem-lon"));

            Assert.Same(connection, lab.Access.Disconnect("ONPREM-LON"));
            Assert.False(connection.IsConnected);
            Assert.False(lab.Access.CanRead("onprem-lon"));
            Assert.Null(lab.Access.Disconnect("onprem-lon"));

            var first = lab.Access.Connect(login, "onprem-lon");
            var second = lab.Access.Connect(lab.Access.LogIn("auditor", AccessFixtures.Secure(AccessFixtures.AuditorPassword)), "onprem-lon");
            Assert.False(first.IsConnected);
            Assert.True(second.IsConnected);
            Assert.Equal(AccessRole.ReadOnly, second.Role);

            // Replacing the lab takes an Administrator; it ends every connection.
            AccessFixtures.ConnectAsAdmin(lab);
            Assert.False(second.IsConnected);
            var admin = lab.Access.Connections;
            lab.ResetToDefault();
            Assert.All(admin, c => Assert.False(c.IsConnected));
            Assert.Empty(lab.Access.Connections);
        }

        [Fact]
        public void A_user_with_no_role_on_the_endpoint_cannot_connect_to_it()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            AccessFixtures.ConnectAsAdmin(lab);
            lab.Access.AddUser("contractor", AccessFixtures.Secure("C0ntract-Sesame"), 1_000);
            lab.Access.Grant("contractor", "avs-westeurope", AccessRole.Operator);
            var login = lab.Access.LogIn("contractor", AccessFixtures.Secure("C0ntract-Sesame"));
            var error = Assert.Throws<HybridException>(() => lab.Access.Connect(login, "onprem-lon"));
            Assert.Equal("PermissionDenied", error.ErrorId);
            Assert.Contains("System.Read", error.Message);
            Assert.Contains("'onprem-lon'", error.Message);
            Assert.True(lab.Access.Connect(login, "avs-westeurope").IsConnected);
        }

        [Fact]
        public void A_read_only_user_is_refused_a_move_with_the_missing_privilege_the_endpoint_and_the_role_held()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            AccessFixtures.ConnectAs(lab, "auditor", AccessFixtures.AuditorPassword, "onprem-lon", "avs-westeurope");
            var vm = VM(lab, "crm-web01");
            Assert.Equal(PowerState.PoweredOn, vm.PowerState);
            lab.Access.Demand(AccessDemand.TestMove(vm, "avs-westeurope"));

            var error = Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.Move(vm, "avs-westeurope")));
            Assert.Equal("PermissionDenied", error.ErrorId);
            Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
            Assert.Equal("crm-web01", error.Target);
            Assert.Contains("Resource.HotMigrate", error.Message);
            Assert.Contains("endpoint 'onprem-lon'", error.Message);
            Assert.Contains("user 'auditor' holds the role ReadOnly", error.Message);
            Assert.Contains("Operator or Administrator", error.RecommendedAction);
            Assert.Contains("Connect-CloudEndpoint -Name onprem-lon", error.RecommendedAction);
        }

        [Fact]
        public void A_powered_off_VM_needs_the_cold_migration_privilege()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            AccessFixtures.ConnectAs(lab, "auditor", AccessFixtures.AuditorPassword, "onprem-lon", "avs-westeurope");
            var off = lab.Estate.VMs.First(v => v.Endpoint == "onprem-lon" && v.PowerState == PowerState.PoweredOff);
            Assert.Contains("Resource.ColdMigrate", Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.Move(off, "avs-westeurope"))).Message);
        }

        [Fact]
        public void A_cross_endpoint_move_needs_the_right_role_at_the_destination_too()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            var vm = VM(lab, "crm-web01");
            AccessFixtures.ConnectAs(lab, "operator", AccessFixtures.OperatorPassword, "onprem-lon");

            var notConnected = Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.Move(vm, "avs-westeurope")));
            Assert.Equal("NotConnected", notConnected.ErrorId);
            Assert.Equal(ErrorKind.AuthenticationError, notConnected.Kind);
            Assert.Contains("'avs-westeurope'", notConnected.Message);
            Assert.Contains("Connect-CloudEndpoint -Name avs-westeurope", notConnected.RecommendedAction);

            AccessFixtures.ConnectAs(lab, "auditor", AccessFixtures.AuditorPassword, "avs-westeurope");
            var denied = Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.Move(vm, "avs-westeurope")));
            Assert.Equal("PermissionDenied", denied.ErrorId);
            Assert.Contains("Resource.AssignVMToPool", denied.Message);
            Assert.Contains("endpoint 'avs-westeurope'", denied.Message);

            AccessFixtures.ConnectAs(lab, "operator", AccessFixtures.OperatorPassword, "avs-westeurope");
            lab.Access.Demand(AccessDemand.Move(vm, "avs-westeurope"));
            // To an open endpoint, only the source's privilege counts.
            lab.Access.Demand(AccessDemand.Move(vm, "ovh-rbx"));
        }

        [Fact]
        public void Creating_and_removing_VMs_takes_an_Administrator()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            AccessFixtures.ConnectAs(lab, "operator", AccessFixtures.OperatorPassword, "onprem-lon");
            Assert.Contains("VirtualMachine.Inventory.Create", Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.CreateVM("onprem-lon", "new01"))).Message);
            Assert.Contains("VirtualMachine.Inventory.Delete", Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.RemoveVM(VM(lab, "crm-web01")))).Message);
            Assert.Contains("VirtualMachine.Inventory.Create", Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.Import("onprem-lon", "vInfo.csv"))).Message);

            AccessFixtures.ConnectAs(lab, "admin", AccessFixtures.AdminPassword, "onprem-lon");
            lab.Access.Demand(AccessDemand.CreateVM("onprem-lon", "new01"));
            lab.Access.Demand(AccessDemand.RemoveVM(VM(lab, "crm-web01")));
            lab.Access.Demand(AccessDemand.Import("onprem-lon", "vInfo.csv"));
        }

        [Fact]
        public void A_new_grant_changes_the_role_of_a_connected_user_at_once()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            AccessFixtures.ConnectAsAdmin(lab);
            var vm = VM(lab, "crm-web01");
            lab.Access.Demand(AccessDemand.RemoveVM(vm));

            // An Administrator may step down to Operator: its connection holds Operator's privileges at once.
            lab.Access.Grant("Admin", "onprem-lon", AccessRole.Operator);
            lab.Access.Demand(AccessDemand.Move(vm, "avs-westeurope"));
            Assert.Equal("PermissionDenied", Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.RemoveVM(vm))).ErrorId);
            Assert.Equal(AccessRole.Operator, lab.Access.Connections.Single(c => c.Name == "onprem-lon").Role);
            Assert.Equal(6, lab.Access.Permissions.Count);

            // ... and, no longer Administrator there, cannot take the role back.
            var denied = Assert.Throws<HybridException>(() => lab.Access.Grant("admin", "onprem-lon", AccessRole.Administrator));
            Assert.Equal("PermissionDenied", denied.ErrorId);
            Assert.Equal(AccessRole.Operator, lab.Access.RoleOf("admin", "onprem-lon"));
        }

        [Fact]
        public void Declaring_users_refuses_bad_names_short_passwords_duplicates_and_grants_to_strangers()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            AccessFixtures.ConnectAsAdmin(lab);
            Assert.Equal("InvalidName", Assert.Throws<HybridException>(() => lab.Access.AddUser("ali*", AccessFixtures.Secure("long-enough"), 1_000)).ErrorId);
            var shortPassword = Assert.Throws<HybridException>(() => lab.Access.AddUser("carol", AccessFixtures.Secure("short"), 1_000));
            Assert.Equal("PasswordTooShort", shortPassword.ErrorId);
            Assert.DoesNotContain("short", shortPassword.Message.Replace("too short", ""));
            Assert.Equal("UserNameInUse", Assert.Throws<HybridException>(() => lab.Access.AddUser("ADMIN", AccessFixtures.Secure("long-enough"), 1_000)).ErrorId);
            Assert.Equal("UserNotFound", Assert.Throws<HybridException>(() => lab.Access.Grant("carol", "onprem-lon", AccessRole.Operator)).ErrorId);
            Assert.Equal("EndpointNotFound", Assert.Throws<HybridException>(() => lab.Access.Grant("admin", "nowhere", AccessRole.Operator)).ErrorId);
            Assert.Equal(3, lab.Access.Users.Count);
            Assert.Equal(6, lab.Access.Permissions.Count);
        }

        [Fact]
        public void Stopping_a_task_needs_what_starting_it_needed()
        {
            var lab = AccessFixtures.SecuredLab(clock);
            AccessFixtures.ConnectAs(lab, "operator", AccessFixtures.OperatorPassword, "onprem-lon", "avs-westeurope");
            var vm = VM(lab, "crm-web01");
            var plan = Readiness.ReadinessEvaluator.PlanMove(lab.Estate,
                new Migration.MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope" }, lab.Options.MigrationAlgorithm, lab.Timeline.VirtualNow, out _);
            var task = lab.Submit(plan);
            lab.Access.Demand(AccessDemand.StopTask(task));

            AccessFixtures.ConnectAs(lab, "auditor", AccessFixtures.AuditorPassword, "avs-westeurope");
            var denied = Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.StopTask(task)));
            Assert.Contains("Resource.AssignVMToPool", denied.Message);
            Assert.Equal(task.Id, denied.Target);
            lab.Timeline.Cancel(task);
        }
    }
}
