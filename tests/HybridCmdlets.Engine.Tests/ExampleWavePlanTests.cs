using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// The example wave plans (examples/*.csv) against the default lab, wave by wave as the example runbook runs
    /// them: every VM ready and every move succeeding, also under the faults the runbook's rehearsal injects.
    /// </summary>
    public class ExampleWavePlanTests
    {
        private sealed class Row
        {
            public int Wave { get; set; } = 1;
            public string Name { get; set; } = "";
            public string Destination { get; set; } = "";
            public MigrationType MigrationType { get; set; }
        }

        private static string Examples([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
            Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "examples");

        /// <summary>The example plans are plain CSV (no quotes, no commas in values), read as Import-Csv reads them.</summary>
        private static List<Row> Read(string file)
        {
            var lines = File.ReadAllLines(Path.Combine(Examples(), file)).Where(l => l.Length > 0).ToArray();
            var header = lines[0].Split(',');
            return lines.Skip(1).Select(line =>
            {
                var cells = header.Zip(line.Split(','), (h, v) => (h, v)).ToDictionary(p => p.h, p => p.v);
                return new Row
                {
                    Wave = cells.TryGetValue("Wave", out var wave) ? int.Parse(wave, CultureInfo.InvariantCulture) : 1,
                    Name = cells["Name"],
                    Destination = cells["Destination"],
                    MigrationType = (MigrationType)Enum.Parse(typeof(MigrationType), cells["MigrationType"]),
                };
            }).ToList();
        }

        /// <summary>Each wave: every VM checked (none NotReady), then moved together; stops at a wave that fails.</summary>
        private static List<MigrationResult> RunWaves(LabSession lab, IEnumerable<Row> rows)
        {
            var results = new List<MigrationResult>();
            foreach (var wave in rows.GroupBy(r => r.Wave).OrderBy(g => g.Key))
            {
                var tasks = wave.Select(row =>
                {
                    var vm = lab.Estate.VMs.Single(v => v.Name == row.Name);
                    var parts = row.Destination.Split('/');
                    var request = new MigrationRequest { VMId = vm.Id, DestinationEndpoint = parts[0], DestinationCluster = parts.Length > 1 ? parts[1] : null, Type = row.MigrationType };
                    return lab.Submit(ReadinessEvaluator.PlanMove(lab.Estate, request, MigrationAlgorithm.vSphere, lab.Timeline.VirtualNow, out _));
                }).ToList();
                lab.WaitFor(tasks, CancellationToken.None);
                results.AddRange(tasks.Select(t => t.Result!));
                if (tasks.Any(t => t.Result!.Status != MigrationStatus.Succeeded)) break;
            }

            return results;
        }

        [Theory]
        [InlineData("wave1.csv")]
        [InlineData("waveplan.csv")]
        public void Every_move_of_the_example_plans_succeeds(string file)
        {
            var rows = Read(file);
            var results = RunWaves(LabSession.CreateDefault(), rows);
            Assert.Equal(rows.Count, results.Count);
            Assert.All(results, r => Assert.Equal(MigrationStatus.Succeeded, r.Status));
        }

        [Fact]
        public void The_rehearsal_faults_of_the_runbook_tests_give_the_outcomes_they_expect()
        {
            var rows = Read("waveplan.csv");

            var outage = LabSession.CreateDefault();
            outage.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = "hr-web01", Phase = MigrationPhase.Replication, Duration = TimeSpan.FromHours(2) });
            var broken = RunWaves(outage, rows);
            Assert.All(broken, r => Assert.Contains(rows.Where(w => w.Wave == 1), w => w.Name == r.VM));
            Assert.Equal("ReplicationTimeout", broken.Single(r => r.VM == "hr-web01").Error);

            var survivable = LabSession.CreateDefault();
            survivable.Timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = "crm-web01", Phase = MigrationPhase.PreCopy, Duration = TimeSpan.FromSeconds(10) });
            survivable.Timeline.AddFault(new FaultSpec { Kind = FaultKind.SourceHostFailure, VM = "hr-web01", Phase = MigrationPhase.Replication });
            var results = RunWaves(survivable, rows);
            Assert.Equal(rows.Count, results.Count);
            Assert.All(results, r => Assert.Equal(MigrationStatus.Succeeded, r.Status));
            Assert.Contains(results.Single(r => r.VM == "crm-web01").Warnings, w => w.StartsWith("fault-1:", StringComparison.Ordinal) && w.Contains("resumed"));
            Assert.Contains(results.Single(r => r.VM == "hr-web01").Warnings, w => w.StartsWith("fault-2:", StringComparison.Ordinal) && w.Contains("HA restarted"));
        }
    }
}
