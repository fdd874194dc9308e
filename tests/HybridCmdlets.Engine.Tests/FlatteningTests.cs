using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// MigrationResult and MigrationReadiness through Export-Csv and ConvertTo-Json, as PowerShell flattens them
    /// (PowerShellFlattening): values everywhere, never a type name.
    /// </summary>
    public class FlatteningTests
    {
        private static readonly IReadOnlyList<MigrationResult> Wave = SampleWave.Run();
        private static readonly IReadOnlyList<MigrationReadiness> Readiness = SampleWave.Readiness();

        public static TheoryData<int> Depths => new TheoryData<int> { 0, 1, 2, 5 };

        private static IEnumerable<object> Everything() => Wave.Cast<object>().Concat(Readiness);

        private static string Cell(object item, string property) => PowerShellFlattening.CsvRow(item).Single(c => c.Name == property).Cell;

        [Fact]
        public void No_Export_Csv_cell_is_a_type_name()
        {
            foreach (var item in Everything())
            {
                foreach (var (name, cell) in PowerShellFlattening.CsvRow(item))
                {
                    Assert.False(PowerShellFlattening.IsTypeName(cell), item + ": the " + name + " cell is '" + cell + "'");
                }
            }
        }

        [Fact]
        public void The_lists_read_as_their_items_in_a_csv_cell()
        {
            var web = Wave.Single(r => r.VM == "crm-web01");
            Assert.StartsWith("round 1: ", Cell(web, "Rounds"));
            Assert.Equal(web.Rounds.Count, Cell(web, "Rounds").Split("; ").Length);
            Assert.Contains("performance history", Cell(web, "Warnings"));
            Assert.Equal(web.Warnings.Count, Cell(web, "Warnings").Split(" | ").Length);
            Assert.Equal("", Cell(Wave.Single(r => r.MigrationType == MigrationType.Cold), "Rounds"));

            var blocked = Readiness.First(r => r.Verdict == ReadinessVerdict.NotReady);
            var checks = Cell(blocked, "Checks").Split("; ");
            Assert.Equal(blocked.Checks.Select(c => c.Id + "=" + c.Status), checks);
            Assert.Contains("path.link=Pass", checks);
            Assert.Contains(checks, c => c.EndsWith("=Fail"));
        }

        [Fact]
        public void Durations_have_twins_in_seconds_that_a_spreadsheet_can_sum()
        {
            foreach (var result in Wave)
            {
                Assert.Equal(result.Duration.TotalSeconds, result.DurationSeconds, 3);
                Assert.Equal(result.Downtime.TotalSeconds, result.DowntimeSeconds, 3);
                Assert.Equal(result.QueuedTime.TotalSeconds, result.QueuedSeconds, 3);
            }

            Assert.Contains(Wave, r => r.DowntimeSeconds > 0 && r.DowntimeSeconds < 1);
            foreach (var readiness in Readiness)
            {
                Assert.Equal(readiness.PredictedDuration.HasValue, readiness.PredictedDurationSeconds.HasValue);
                Assert.Equal(readiness.PredictedDowntime.HasValue, readiness.PredictedDowntimeSeconds.HasValue);
                if (readiness.PredictedDuration is System.TimeSpan duration) Assert.Equal(duration.TotalSeconds, readiness.PredictedDurationSeconds!.Value, 3);
                if (readiness.PredictedDowntime is System.TimeSpan downtime) Assert.Equal(downtime.TotalSeconds, readiness.PredictedDowntimeSeconds!.Value, 3);
            }
        }

        [Theory]
        [MemberData(nameof(Depths))]
        public void No_ConvertTo_Json_string_is_a_type_name_at_any_depth(int depth)
        {
            foreach (var item in Everything())
            {
                foreach (var (path, text) in PowerShellFlattening.Strings(PowerShellFlattening.Json(item, depth)))
                {
                    Assert.False(PowerShellFlattening.IsTypeName(text), item + ": " + path + " is '" + text + "' with -Depth " + depth);
                }
            }
        }

        [Fact]
        public void ConvertTo_Json_at_its_default_depth_writes_the_checks_and_rounds_in_full()
        {
            var web = (IDictionary<string, object?>)PowerShellFlattening.Json(Wave.Single(r => r.VM == "crm-web01"))!;
            var rounds = Assert.IsAssignableFrom<IList<object?>>(web["Rounds"]);
            var first = Assert.IsAssignableFrom<IDictionary<string, object?>>(rounds[0]);
            Assert.Equal(1, first["Index"]);
            Assert.IsType<double>(web["DowntimeSeconds"]);

            var readiness = (IDictionary<string, object?>)PowerShellFlattening.Json(Readiness[0])!;
            var check = Assert.IsAssignableFrom<IDictionary<string, object?>>(Assert.IsAssignableFrom<IList<object?>>(readiness["Checks"])[0]);
            Assert.Equal("path.link", check["Id"]);
        }
    }
}
