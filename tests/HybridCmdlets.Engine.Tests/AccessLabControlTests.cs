using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Issue 14: with users declared, every change to the lab itself needs a privilege that only Administrator holds,
    /// checked in the engine, and a refusal changes nothing.
    /// </summary>
    public class AccessLabControlTests
    {
        private const string Link = "onprem-lon <-> avs-westeurope";

        /// <summary>Each operation that changes the lab, with the privilege it needs.</summary>
        public static TheoryData<string, string> Operations => new TheoryData<string, string>
        {
            { "SetLink", Privileges.ConfigureNetwork },
            { "ExtendNetwork", Privileges.ConfigureNetwork },
            { "RemoveNetworkExtension", Privileges.ConfigureNetwork },
            { "SetNetworkExtensionAppliances", Privileges.ConfigureNetwork },
            { "AddFault", Privileges.Diagnostics },
            { "ClearFault", Privileges.Diagnostics },
            { "AddUser", Privileges.ModifyPermissions },
            { "Grant", Privileges.ModifyPermissions },
            { "SetOptions", Privileges.Settings },
            { "Open", Privileges.Settings },
            { "ResetToDefault", Privileges.Settings },
            { "Generate", Privileges.Settings },
            { "Save", Privileges.Settings },
        };

        private static void Run(LabSession lab, string operation, string labFile, string saveTo)
        {
            switch (operation)
            {
                case "SetLink": lab.SetLink("onprem-lon", "avs-westeurope", 100, null, null); break;
                case "ExtendNetwork": lab.ExtendNetwork("onprem-lon", "Backup-VLAN300", "avs-westeurope", null); break;
                case "RemoveNetworkExtension": lab.RemoveNetworkExtension("avs-westeurope", "L2E_DB-VLAN130-130"); break;
                case "SetNetworkExtensionAppliances": lab.SetNetworkExtensionAppliances("onprem-lon", "avs-westeurope", 2); break;
                case "AddFault": lab.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, Target = Link, At = lab.Timeline.VirtualNow.AddMinutes(5) }); break;
                case "ClearFault": lab.ClearFault(lab.Timeline.Faults.Single()); break;
                case "AddUser": lab.Access.AddUser("mallory", AccessFixtures.Secure("M4llory-Sesame"), 1_000); break;
                case "Grant": lab.Access.Grant("operator", "onprem-lon", AccessRole.Administrator); break;
                case "SetOptions": lab.SetOptions(timeScale: 60); break;
                case "Open": lab.Open(labFile); break;
                case "ResetToDefault": lab.ResetToDefault(); break;
                case "Generate": lab.Generate(10, 7); break;
                case "Save": lab.Save(saveTo); break;
                default: throw new ArgumentOutOfRangeException(nameof(operation), operation, null);
            }
        }

        /// <summary>All a refused operation could have changed: the lab as saved, its faults, its file, its state, and which lab it is.</summary>
        private static string Snapshot(LabSession lab)
        {
            var state = lab.Describe();
            return TestFiles.ToJson(lab.ToDocument()) + "|faults " + string.Join(",", lab.Timeline.Faults.Select(f => f.Id + ":" + f.State))
                + "|" + state.Path + "|" + state.Origin + "|" + state.IsModified + "|" + state.TimeScale
                + "|estate " + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(lab.Estate);
        }

        [Theory]
        [MemberData(nameof(Operations))]
        public void Only_an_Administrator_changes_the_lab_and_a_refusal_names_the_privilege_and_changes_nothing(string operation, string privilege)
        {
            var lab = AccessFixtures.SecuredLab();
            AccessFixtures.ConnectAsAdmin(lab);
            lab.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, Target = Link, At = lab.Timeline.VirtualNow.AddHours(1) });
            var labFile = TestFiles.Write(TestFiles.ToJson(LabGenerator.CreateDefault()));
            var saveTo = TestFiles.TempPath();
            try
            {
                foreach (var (user, password, role) in new[] { ("auditor", AccessFixtures.AuditorPassword, "ReadOnly"), ("operator", AccessFixtures.OperatorPassword, "Operator") })
                {
                    AccessFixtures.ConnectAs(lab, user, password, "onprem-lon", "avs-westeurope");
                    var before = Snapshot(lab);
                    var denied = Assert.Throws<HybridException>(() => Run(lab, operation, labFile, saveTo));
                    Assert.Equal("PermissionDenied", denied.ErrorId);
                    Assert.Equal(ErrorKind.PermissionDenied, denied.Kind);
                    Assert.Contains("the privilege " + privilege + " on endpoint 'onprem-lon'", denied.Message);
                    Assert.Contains("user '" + user + "' holds the role " + role, denied.Message);
                    Assert.Contains("Administrator role", denied.RecommendedAction);
                    Assert.Equal(before, Snapshot(lab));
                    Assert.False(File.Exists(saveTo));
                }

                foreach (var endpoint in new[] { "onprem-lon", "avs-westeurope" }) lab.Access.Disconnect(endpoint);
                var unconnected = Snapshot(lab);
                var notConnected = Assert.Throws<HybridException>(() => Run(lab, operation, labFile, saveTo));
                Assert.Equal("NotConnected", notConnected.ErrorId);
                Assert.Contains("'onprem-lon'", notConnected.Message);
                Assert.Equal(unconnected, Snapshot(lab));

                AccessFixtures.ConnectAsAdmin(lab);
                Run(lab, operation, labFile, saveTo);
            }
            finally
            {
                File.Delete(labFile);
                File.Delete(saveTo);
            }
        }

        [Fact]
        public void Privileges_that_change_the_lab_belong_to_Administrator_alone()
        {
            foreach (var privilege in new[] { Privileges.ConfigureNetwork, Privileges.Diagnostics, Privileges.Settings, Privileges.ModifyPermissions })
            {
                Assert.Equal(new[] { AccessRole.Administrator }, Privileges.RolesGranting(privilege));
            }

            // An Operator moves VMs and readies them for their move (power, CD media and devices, snapshots), and nothing else.
            Assert.Equal(new[]
            {
                Privileges.Read, Privileges.HotMigrate, Privileges.ColdMigrate, Privileges.AssignVMToPool, Privileges.AllocateSpace,
                Privileges.PowerOn, Privileges.PowerOff, Privileges.Suspend, Privileges.SetCDMedia, Privileges.DeviceConnect, Privileges.RemoveSnapshot,
            }, Privileges.Of(AccessRole.Operator));
            Assert.Equal(new[] { Privileges.Read }, Privileges.Of(AccessRole.ReadOnly));
        }

        [Fact]
        public void A_link_change_needs_the_network_privilege_at_both_ends()
        {
            var lab = AccessFixtures.SecuredLab();
            AccessFixtures.ConnectAs(lab, "admin", AccessFixtures.AdminPassword, "onprem-lon");
            AccessFixtures.ConnectAs(lab, "auditor", AccessFixtures.AuditorPassword, "avs-westeurope");
            var bandwidth = lab.Estate.FindLink("onprem-lon", "avs-westeurope")!.BandwidthMbps;
            var denied = Assert.Throws<HybridException>(() => lab.SetLink("onprem-lon", "avs-westeurope", 5, null, null));
            Assert.Contains("Host.Config.Network on endpoint 'avs-westeurope'", denied.Message);
            Assert.Equal(bandwidth, lab.Estate.FindLink("onprem-lon", "avs-westeurope")!.BandwidthMbps);

            AccessFixtures.ConnectAs(lab, "admin", AccessFixtures.AdminPassword, "avs-westeurope");
            Assert.Equal(5, lab.SetLink("onprem-lon", "avs-westeurope", 5, null, null).BandwidthMbps);

            // A link between an open endpoint and a secured one needs the privilege on the secured one only.
            lab.Access.Disconnect("avs-westeurope");
            Assert.Contains("'avs-westeurope'", Assert.Throws<HybridException>(() => lab.SetLink("ovh-rbx", "avs-westeurope", 6, null, null)).Message);
        }

        [Fact]
        public void A_ReadOnly_user_cannot_grant_itself_Administrator_and_so_cannot_remove_VMs()
        {
            var lab = AccessFixtures.SecuredLab();
            AccessFixtures.ConnectAs(lab, "auditor", AccessFixtures.AuditorPassword, "onprem-lon", "avs-westeurope");
            var vm = lab.Estate.VMs.First(v => v.Endpoint == "onprem-lon");

            var denied = Assert.Throws<HybridException>(() => lab.Access.Grant("auditor", "onprem-lon", AccessRole.Administrator));
            Assert.Equal("PermissionDenied", denied.ErrorId);
            Assert.Contains("Authorization.ModifyPermissions on endpoint 'onprem-lon'", denied.Message);
            Assert.Contains("holds the role ReadOnly", denied.Message);
            Assert.Equal(AccessRole.ReadOnly, lab.Access.RoleOf("auditor", "onprem-lon"));
            Assert.Equal("PermissionDenied", Assert.Throws<HybridException>(() => lab.Access.Demand(AccessDemand.RemoveVM(vm))).ErrorId);

            // Nor by declaring a second identity to grant it to.
            Assert.Equal("PermissionDenied", Assert.Throws<HybridException>(() => lab.Access.AddUser("auditor2", AccessFixtures.Secure("Aud1tor2-Sesame"), 1_000)).ErrorId);
            Assert.Equal(3, lab.Access.Users.Count);
            Assert.Equal(6, lab.Access.Permissions.Count);
        }

        [Fact]
        public void Granting_a_role_needs_every_privilege_of_that_role_where_it_is_granted()
        {
            foreach (AccessRole role in Enum.GetValues(typeof(AccessRole)))
            {
                var needs = AccessDemand.Grant("someone", "onprem-lon", role).Needs;
                Assert.All(needs, n => Assert.Equal("onprem-lon", n.Endpoint));
                Assert.Equal(new[] { Privileges.ModifyPermissions }.Concat(Privileges.Of(role)), needs.Select(n => n.Privilege));
            }

            // An Operator on the endpoint holds Operator's privileges, but not the right to grant even those.
            var lab = AccessFixtures.SecuredLab();
            AccessFixtures.ConnectAs(lab, "operator", AccessFixtures.OperatorPassword, "onprem-lon");
            var denied = Assert.Throws<HybridException>(() => lab.Access.Grant("auditor", "onprem-lon", AccessRole.Operator));
            Assert.Contains("Authorization.ModifyPermissions", denied.Message);
            Assert.Equal(AccessRole.ReadOnly, lab.Access.RoleOf("auditor", "onprem-lon"));
        }

        [Fact]
        public void AutoSave_after_an_Operator_moves_is_not_a_Save_HybridLab_and_needs_no_Global_Settings()
        {
            var lab = AccessFixtures.SecuredLab();
            var file = TestFiles.TempPath();
            try
            {
                AccessFixtures.ConnectAsAdmin(lab);
                lab.SetOptions(autoSave: true);
                lab.Save(file);
                AccessFixtures.ConnectAs(lab, "operator", AccessFixtures.OperatorPassword, "onprem-lon", "avs-westeurope");
                var written = File.GetLastWriteTimeUtc(file);
                File.SetLastWriteTimeUtc(file, written.AddMinutes(-5));
                lab.RecordChange();
                Assert.False(lab.Describe().IsModified);
                Assert.True(File.GetLastWriteTimeUtc(file) > written.AddMinutes(-1));
                Assert.Equal("PermissionDenied", Assert.Throws<HybridException>(() => lab.Save(null)).ErrorId);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
