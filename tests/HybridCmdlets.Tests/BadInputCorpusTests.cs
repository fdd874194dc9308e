using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;

namespace HybridCmdlets.Tests
{
    /// <summary>
    /// Issue 5's corpus of bad parameter values, through the command cores as the cmdlets call them: each is answered
    /// with one documented error (a stable id, the offending value in the message, what to do), terminating or not as
    /// the cmdlet writes it, and the lab is left exactly as it was.
    /// </summary>
    public class BadInputCorpusTests
    {
        private static NewVMSpec Spec(Action<NewVMSpec> change)
        {
            var spec = new NewVMSpec { Name = "corpus01", Endpoint = "onprem-lon", Cluster = "Prod-Cluster-02", NumCpu = 2, MemoryMB = 4096, GuestId = "rhel9_64Guest" };
            change(spec);
            return spec;
        }

        private static MoveCloudVMParameters Move(string destination, Action<MoveCloudVMParameters>? change = null)
        {
            var parameters = new MoveCloudVMParameters { VM = new[] { new VMIdParameter("crm-web01") }, Destination = destination };
            change?.Invoke(parameters);
            return parameters;
        }

        /// <summary>(case name, what runs, the error id expected, a piece of the offending value the message must name)</summary>
        public static IEnumerable<object[]> Corpus()
        {
            object[] Case(string name, Action<LabSession, HybridCmdlets.Infrastructure.ICommandOutput> run, string id, string offending) => new object[] { name, run, id, offending };

            // New-CloudVM
            yield return Case("empty name", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.Name = ""), o), "InvalidName", "");
            yield return Case("whitespace name", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.Name = "   "), o), "InvalidName", "");
            yield return Case("wildcard in a new name", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.Name = "web*"), o), "InvalidName", "web*");
            yield return Case("unknown endpoint", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.Endpoint = "mars"), o), "EndpointNotFound", "mars");
            yield return Case("unknown cluster", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.Cluster = "Cluster-99"), o), "ClusterNotFound", "Cluster-99");
            yield return Case("zero vCPUs", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.NumCpu = 0), o), "ValueOutOfRange", "0");
            yield return Case("negative vCPUs", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.NumCpu = -4), o), "ValueOutOfRange", "-4");
            yield return Case("absurd vCPUs", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.NumCpu = 100_000), o), "ValueOutOfRange", "100000");
            yield return Case("zero memory", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.MemoryMB = 0), o), "ValueOutOfRange", "0");
            yield return Case("negative disk", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.DiskGB = new[] { -10.0 }), o), "ValueOutOfRange", "-10");
            yield return Case("disk NaN", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.DiskGB = new[] { double.NaN }), o), "ValueOutOfRange", "NaN");
            yield return Case("name in use", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.Name = "crm-web01"), o), "VMNameInUse", "crm-web01");
            yield return Case("bad hardware version", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.HardwareVersion = "vmx-abc"), o), "InvalidHardwareVersion", "vmx-abc");
            yield return Case("unknown network", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.NetworkNames = new[] { "Nowhere-VLAN" }), o), "NetworkNotFound", "Nowhere-VLAN");
            yield return Case("unknown datastore", (l, o) => new NewCloudVMCore(l).Run(Spec(s => s.Datastore = "NO-SUCH-DS"), o), "DatastoreNotFound", "NO-SUCH-DS");

            // Remove-CloudVM
            yield return Case("remove an unknown VM", (l, o) => new RemoveCloudVMCore(l).Run(new[] { new VMIdParameter("ghost01") }, false, o), "VMNotFound", "ghost01");

            // Set-CloudLink
            yield return Case("zero bandwidth", (l, o) => new SetCloudLinkCore(l).Run("onprem-lon", "avs-westeurope", 0, null, null, false, o), "ValueOutOfRange", "0");
            yield return Case("negative RTT", (l, o) => new SetCloudLinkCore(l).Run("onprem-lon", "avs-westeurope", null, -1, null, false, o), "ValueOutOfRange", "-1");
            yield return Case("100% loss", (l, o) => new SetCloudLinkCore(l).Run("onprem-lon", "avs-westeurope", null, null, 100, false, o), "ValueOutOfRange", "100");
            yield return Case("NaN bandwidth", (l, o) => new SetCloudLinkCore(l).Run("onprem-lon", "avs-westeurope", double.NaN, null, null, false, o), "ValueOutOfRange", "NaN");
            yield return Case("link to an unknown endpoint", (l, o) => new SetCloudLinkCore(l).Run("onprem-lon", "mars", 100, null, null, false, o), "EndpointNotFound", "mars");

            // Move-CloudVM and Test-MigrationReadiness
            yield return Case("empty destination", (l, o) => new MoveCloudVMCore(l).Run(Move(""), o), "DestinationInvalid", "");
            yield return Case("three-part destination", (l, o) => new MoveCloudVMCore(l).Run(Move("a/b/c"), o), "DestinationInvalid", "a/b/c");
            yield return Case("wildcard destination", (l, o) => new MoveCloudVMCore(l).Run(Move("avs*"), o), "DestinationInvalid", "avs*");
            yield return Case("unknown destination", (l, o) => new MoveCloudVMCore(l).Run(Move("mars"), o), "EndpointNotFound", "mars");
            yield return Case("unknown destination cluster", (l, o) => new MoveCloudVMCore(l).Run(Move("avs-westeurope/Cluster-9"), o), "ClusterNotFound", "Cluster-9");
            yield return Case("unknown datastore", (l, o) => new MoveCloudVMCore(l).Run(Move("avs-westeurope", p => p.Datastore = "NO-SUCH-DS"), o), "DatastoreNotFound", "NO-SUCH-DS");
            yield return Case("mapping to a table", (l, o) => new MoveCloudVMCore(l).Run(Move("avs-westeurope", p => p.NetworkMapping = new Hashtable { ["Web-VLAN110"] = new Hashtable() }), o), "NetworkMappingInvalid", "Web-VLAN110");
            yield return Case("mapping to nothing", (l, o) => new MoveCloudVMCore(l).Run(Move("avs-westeurope", p => p.NetworkMapping = new Hashtable { ["Web-VLAN110"] = "" }), o), "NetworkMappingInvalid", "Web-VLAN110");
            yield return Case("mapping to an unknown network", (l, o) => new MoveCloudVMCore(l).Run(Move("avs-westeurope", p => p.NetworkMapping = new Hashtable { ["Web-VLAN110"] = "Nowhere" }), o), "NetworkNotFound", "Nowhere");
            yield return Case("move an unknown VM", (l, o) => new MoveCloudVMCore(l).Run(new MoveCloudVMParameters { VM = new[] { new VMIdParameter("ghost01") }, Destination = "avs-westeurope" }, o), "VMNotFound", "ghost01");
            yield return Case("test toward a wildcard", (l, o) => new TestMigrationReadinessCore(l).Run(new MigrationRequestParameters { VM = new[] { new VMIdParameter("crm-web01") }, Destination = "*" }, o), "DestinationInvalid", "*");

            // Tasks and options
            yield return Case("unknown task", (l, o) => new GetCloudTaskCore(l).Run(new[] { "task-999" }, null, o), "TaskNotFound", "task-999");
            yield return Case("negative time scale", (l, o) => new SetHybridLabOptionCore(l).Run(null, -1, null, false, o), "ValueOutOfRange", "-1");
            yield return Case("NaN time scale", (l, o) => new SetHybridLabOptionCore(l).Run(null, double.NaN, null, false, o), "ValueOutOfRange", "NaN");
            yield return Case("huge time scale", (l, o) => new SetHybridLabOptionCore(l).Run(null, 1e12, null, false, o), "ValueOutOfRange", "1000000000000");
            yield return Case("no option", (l, o) => new SetHybridLabOptionCore(l).Run(null, null, null, false, o), "LabOptionRequired", "");
            // Access control
            yield return Case("empty user name", (l, o) => new NewCloudUserCore(l).Run("", Testing.AccessFixtures.Secure("long-enough-1"), o), "InvalidName", "");
            yield return Case("wildcard in a user name", (l, o) => new NewCloudUserCore(l).Run("ops*", Testing.AccessFixtures.Secure("long-enough-1"), o), "InvalidName", "ops*");
            yield return Case("short password", (l, o) => new NewCloudUserCore(l).Run("carol", Testing.AccessFixtures.Secure("short"), o), "PasswordTooShort", "carol");
            yield return Case("no password at all", (l, o) => new NewCloudUserCore(l).Run("carol", null, o), "PasswordTooShort", "carol");
            yield return Case("grant to an unknown user", (l, o) => new NewCloudPermissionCore(l).Run(new[] { l.Estate.GetEndpoint("onprem-lon") }, "mallory", Engine.Access.AccessRole.Operator, o), "UserNotFound", "mallory");
            yield return Case("permissions of an unknown user", (l, o) => new GetCloudPermissionCore(l).Run(null, new[] { "mallory" }, o), "UserNotFound", "mallory");
            yield return Case("connect to an unknown endpoint", (l, o) => new ConnectCloudEndpointCore(l).Run(new[] { "mars" }, "operator", Testing.AccessFixtures.Secure("long-enough-1"), o), "EndpointNotFound", "mars");
            yield return Case("disconnect an unknown endpoint", (l, o) => new DisconnectCloudEndpointCore(l).Run(new[] { "mars" }, false, o), "EndpointNotFound", "mars");
            yield return Case("open a missing file", (l, o) => new OpenHybridLabCore(l).FromFile(Path.Combine(Path.GetTempPath(), "no-such-lab-" + Guid.NewGuid().ToString("N") + ".json"), o), "LabFileNotFound", "no-such-lab-");
        }

        [Theory]
        [MemberData(nameof(Corpus))]
        public void Bad_input_gets_one_documented_error_and_changes_nothing(string name, Action<LabSession, HybridCmdlets.Infrastructure.ICommandOutput> run, string id, string offending)
        {
            var lab = LabSession.CreateDefault();
            var before = Snapshot(lab);
            var output = new RecordingOutput();
            HybridException? error;
            try
            {
                run(lab, output);
                error = Assert.Single(output.Errors);
            }
            catch (HybridException terminating)
            {
                error = terminating;
                Assert.Empty(output.Errors);
            }

            Assert.True(error.ErrorId == id, name + ": " + error.ErrorId + " (" + error.Message + ")");
            Assert.Contains(offending, error.Message);
            Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction), name + ": no recommended action");
            Assert.Empty(output.Objects);
            Assert.Equal(before, Snapshot(lab));
            Assert.False(lab.Describe().IsModified, name + ": the lab says it changed");
            Assert.Empty(lab.Timeline.Tasks);
        }

        /// <summary>The lab as its file would hold it.</summary>
        private static string Snapshot(LabSession lab)
        {
            var path = Path.Combine(Path.GetTempPath(), "hybridcmdlets-corpus-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                LabFile.Save(lab.ToDocument(), path);
                return File.ReadAllText(path);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
