using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Tests
{
    public class ReadinessCoreTests
    {
        private readonly LabSession lab = LabSession.CreateDefault();

        private RecordingOutput Test(string destination, MigrationType type = MigrationType.Auto, params string[] vms)
        {
            var output = new RecordingOutput();
            new TestMigrationReadinessCore(lab).Run(new MigrationRequestParameters
            {
                VM = vms.Select(v => new VMIdParameter(v)).ToArray(),
                Destination = destination,
                MigrationType = type,
            }, output);
            return output;
        }

        [Fact]
        public void Writes_a_verdict_with_every_check_and_the_predicted_move_for_each_vm()
        {
            var output = Test("avs-westeurope", MigrationType.Auto, "crm-web01", "crm-db01");
            var results = output.OfType<MigrationReadiness>().ToList();
            Assert.Equal(new[] { "crm-web01", "crm-db01" }, results.Select(r => r.VM));

            var ready = results[0];
            Assert.NotEqual(ReadinessVerdict.NotReady, ready.Verdict);
            Assert.Equal(MigrationType.vMotion, ready.RecommendedType);
            Assert.Equal(MigrationType.vMotion, ready.EvaluatedType);
            Assert.Equal(RuleCatalog.Rules.Count + 1, ready.Checks.Count);
            Assert.Equal(RuleCatalog.Rules.Select(r => r.Id).Append(RuleCatalog.SimulationCheckId), ready.Checks.Select(c => c.Id));
            Assert.True(ready.PredictedDuration > System.TimeSpan.Zero && ready.PredictedDowntime < System.TimeSpan.FromSeconds(1));
            Assert.Null(ready.Blocker);

            var blocked = results[1];
            Assert.Equal(ReadinessVerdict.NotReady, blocked.Verdict);
            Assert.StartsWith("network.mapping: VM 'crm-db01' has a NIC on 'Backup-VLAN300'", blocked.Blocker);
            Assert.Null(blocked.PredictedDuration);
            Assert.All(blocked.Checks.Where(c => c.Status != CheckStatus.Pass), c => Assert.False(string.IsNullOrEmpty(c.Remediation)));
        }

        [Fact]
        public void An_explicit_type_is_judged_as_asked_while_the_recommendation_stays_the_least_disruptive()
        {
            var readiness = Test("avs-westeurope", MigrationType.Cold, "crm-web01").OfType<MigrationReadiness>().Single();
            Assert.Equal(MigrationType.Cold, readiness.EvaluatedType);
            Assert.Equal(ReadinessVerdict.NotReady, readiness.Verdict);
            Assert.StartsWith("state.power:", readiness.Blocker);
            Assert.Equal(MigrationType.vMotion, readiness.RecommendedType);
        }

        [Fact]
        public void Changes_nothing_and_reports_bad_items_by_name()
        {
            var before = lab.Estate.FindVM("onprem-lon", "crm-web01");
            var output = Test("avs-westeurope", MigrationType.Auto, "ghost01", "crm-web01");
            Assert.Equal("VMNotFound", Assert.Single(output.Errors).ErrorId);
            Assert.Single(output.OfType<MigrationReadiness>());
            Assert.Same(before, lab.Estate.FindVM("onprem-lon", "crm-web01"));
            Assert.Empty(lab.Timeline.Tasks);
            Assert.False(lab.Describe().IsModified);

            Assert.Equal("EndpointNotFound", Assert.Single(Test("nowhere", MigrationType.Auto, "crm-web01").Errors).ErrorId);
            Assert.Equal("DestinationInvalid", Assert.Single(Test("avs*", MigrationType.Auto, "crm-web01").Errors).ErrorId);
        }
    }
}
