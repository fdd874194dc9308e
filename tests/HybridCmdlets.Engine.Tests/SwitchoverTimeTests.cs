using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>MigrationResult.SwitchoverTime: when each type cuts over, for the report's timeline.</summary>
    public class SwitchoverTimeTests
    {
        private static readonly System.Collections.Generic.IReadOnlyList<MigrationResult> Wave = SampleWave.Run();

        private static MigrationResult Result(string vm) => Wave.Single(r => r.VM == vm);

        [Theory]
        [InlineData("crm-web01")]
        [InlineData("crm-app01")]
        [InlineData("crm-db01")]
        public void A_live_or_Bulk_move_switches_over_when_its_downtime_begins(string vm)
        {
            var result = Result(vm);
            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            Assert.True(result.Downtime.TotalMilliseconds > 0);
            var switchover = Assert.NotNull(result.SwitchoverTime);
            Assert.InRange(switchover, result.StartTime, result.EndTime);
            // The guest stops when the switchover (or the Bulk final sync) begins, and resumes at the end.
            Assert.Equal(0, (result.EndTime - result.Downtime - switchover).TotalMilliseconds, 1);
        }

        [Fact]
        public void A_live_move_switches_over_after_its_last_pre_copy_round()
        {
            var result = Result("crm-web01");
            var rounds = result.Rounds.Sum(r => r.Seconds);
            Assert.True(result.SwitchoverTime!.Value.AddSeconds(-rounds) >= result.StartTime);
        }

        [Fact]
        public void A_Cold_move_cuts_over_as_it_ends()
        {
            var cold = Wave.Single(r => r.MigrationType == MigrationType.Cold);
            Assert.Equal(MigrationStatus.Succeeded, cold.Status);
            Assert.Equal(cold.EndTime, cold.SwitchoverTime);
        }

        [Theory]
        [InlineData(MigrationType.vMotion, MigrationPhase.PreCopy)]
        [InlineData(MigrationType.Bulk, MigrationPhase.Replication)]
        public void A_switchover_that_stalls_still_began_and_the_downtime_runs_from_it(MigrationType type, MigrationPhase before)
        {
            var estate = SampleWave.NewEstate();
            var timeline = new MigrationTimeline(estate, SampleWave.Epoch);
            timeline.AddFault(new FaultSpec { Kind = FaultKind.SwitchoverTimeout, VM = "crm-web01", Phase = before });
            var task = timeline.Submit(MigrationPlanner.Plan(estate, new MigrationRequest
            {
                VMId = estate.FindVM("onprem-lon", "crm-web01")!.Id,
                DestinationEndpoint = "avs-westeurope",
                Type = type,
            }), MigrationAlgorithm.vSphere);
            timeline.WaitFor(new[] { task }, CancellationToken.None);

            var result = task.Result;
            Assert.Equal("SwitchoverTimeout", result.Error);
            var switchover = Assert.NotNull(result.SwitchoverTime);
            Assert.Equal(0, (result.EndTime - result.Downtime - switchover).TotalMilliseconds, 1);
        }

        [Fact]
        public void A_move_that_never_reached_its_switchover_has_none()
        {
            var failed = Result("hr-app01");
            Assert.Equal("SwitchoverTimeout", failed.Error);
            Assert.Null(failed.SwitchoverTime);
            var canceled = Result("crm-app02");
            Assert.Equal(MigrationStatus.Canceled, canceled.Status);
            Assert.Null(canceled.SwitchoverTime);
        }
    }
}
