using System;
using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Tests
{
    /// <summary>Add-, Get- and Clear-CloudFault through their cores, and a fault-injected move as a runbook sees it.</summary>
    public class FaultCoreTests
    {
        private static FaultSpec LinkDownAtPreCopy(string vm, int seconds) =>
            new FaultSpec { Kind = FaultKind.LinkDown, VM = vm, Phase = MigrationPhase.PreCopy, Duration = TimeSpan.FromSeconds(seconds) };

        [Fact]
        public void Add_schedules_the_fault_and_writes_it_after_asking_ShouldProcess()
        {
            var lab = LabSession.CreateDefault();
            var output = new RecordingOutput();
            new AddCloudFaultCore(lab).Run(LinkDownAtPreCopy("crm-web01", 12), null, output);

            var fault = Assert.Single(output.OfType<CloudFault>());
            Assert.Equal("fault-1", fault.Id);
            Assert.Equal(FaultState.Scheduled, fault.State);
            Assert.Equal("when crm-web01 enters PreCopy", fault.Trigger);
            var (target, action) = Assert.Single(output.ShouldProcessCalls);
            Assert.Equal("what the migration uses, when crm-web01 enters PreCopy", target);
            Assert.Equal("Add fault LinkDown for 00:00:12", action);
            Assert.Same(fault, Assert.Single(lab.Timeline.Faults));
        }

        [Fact]
        public void Add_with_WhatIf_schedules_nothing()
        {
            var lab = LabSession.CreateDefault();
            var output = new RecordingOutput(confirm: false);
            new AddCloudFaultCore(lab).Run(LinkDownAtPreCopy("crm-web01", 12), null, output);
            Assert.Empty(output.Objects);
            Assert.Empty(lab.Timeline.Faults);
        }

        [Fact]
        public void After_is_a_delay_from_the_lab_clock()
        {
            var lab = LabSession.CreateDefault();
            var output = new RecordingOutput();
            new AddCloudFaultCore(lab).Run(new FaultSpec { Kind = FaultKind.LinkDown, Target = "onprem-lon <-> ibm-dal10" }, TimeSpan.FromMinutes(5), output);
            Assert.Equal("at " + lab.Timeline.VirtualNow.AddMinutes(5).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                Assert.Single(output.OfType<CloudFault>()).Trigger);

            var negative = new RecordingOutput();
            new AddCloudFaultCore(lab).Run(new FaultSpec { Kind = FaultKind.LinkDown, Target = "onprem-lon <-> ibm-dal10" }, TimeSpan.FromMinutes(-5), negative);
            Assert.Equal("ValueOutOfRange", Assert.Single(negative.Errors).ErrorId);
            Assert.Single(lab.Timeline.Faults);
        }

        [Fact]
        public void A_bad_fault_is_an_error_with_the_value_and_a_remedy()
        {
            var lab = LabSession.CreateDefault();
            var output = new RecordingOutput();
            new AddCloudFaultCore(lab).Run(new FaultSpec { Kind = FaultKind.LinkDown, Target = "onprem-lon <-> nowhere", At = lab.Timeline.VirtualNow }, null, output);

            var error = Assert.Single(output.Errors);
            Assert.Equal("FaultTargetNotFound", error.ErrorId);
            Assert.Contains("'onprem-lon <-> nowhere'", error.Message);
            Assert.Contains("Get-CloudLink", error.RecommendedAction);
            Assert.Empty(output.Objects);
            Assert.Empty(lab.Timeline.Faults);
        }

        [Fact]
        public void Get_lists_by_id_and_state_and_reports_an_exact_id_that_names_none()
        {
            var lab = LabSession.CreateDefault();
            new AddCloudFaultCore(lab).Run(LinkDownAtPreCopy("crm-web01", 12), null, new RecordingOutput());
            new AddCloudFaultCore(lab).Run(LinkDownAtPreCopy("crm-web02", 12), null, new RecordingOutput());
            lab.Timeline.ClearFault(lab.Timeline.Faults[1]);

            var output = new RecordingOutput();
            new GetCloudFaultCore(lab).Run(new[] { "fault-*", "fault-9" }, new[] { FaultState.Scheduled }, output);

            Assert.Equal(new[] { "fault-1" }, output.OfType<CloudFault>().Select(f => f.Id));
            Assert.Equal("FaultNotFound", Assert.Single(output.Errors).ErrorId);
        }

        [Fact]
        public void Clear_ends_the_matching_faults_and_passes_them_through()
        {
            var lab = LabSession.CreateDefault();
            new AddCloudFaultCore(lab).Run(LinkDownAtPreCopy("crm-web01", 12), null, new RecordingOutput());
            new AddCloudFaultCore(lab).Run(LinkDownAtPreCopy("crm-web02", 12), null, new RecordingOutput());

            var whatIf = new RecordingOutput(confirm: false);
            new ClearCloudFaultCore(lab).Run(new[] { "*" }, passThru: true, whatIf);
            Assert.All(lab.Timeline.Faults, f => Assert.Equal(FaultState.Scheduled, f.State));

            var output = new RecordingOutput();
            new ClearCloudFaultCore(lab).Run(new[] { "*" }, passThru: true, output);
            Assert.Equal(2, output.OfType<CloudFault>().Count());
            Assert.All(lab.Timeline.Faults, f => Assert.Equal(FaultState.Cleared, f.State));
            Assert.Equal("fault-1 (LinkDown, (what the migration uses))", output.ShouldProcessCalls[0].Target);
        }

        [Fact]
        public void A_move_failed_by_a_fault_writes_its_result_then_an_error_with_the_failure_id()
        {
            var lab = LabSession.CreateDefault();
            new AddCloudFaultCore(lab).Run(LinkDownAtPreCopy("crm-web01", 300), null, new RecordingOutput());
            var output = new RecordingOutput();
            new MoveCloudVMCore(lab).Run(new MoveCloudVMParameters
            {
                VM = new[] { new VMIdParameter("crm-web01") },
                Destination = "avs-westeurope",
                MigrationType = MigrationType.vMotion,
            }, output);

            var result = Assert.Single(output.OfType<MigrationResult>());
            Assert.Equal(MigrationStatus.Failed, result.Status);
            Assert.Equal("NetworkTimeout", result.Error);
            Assert.Equal("fault-1", result.Fault);
            var error = Assert.Single(output.Errors);
            Assert.Equal("NetworkTimeout", error.ErrorId);
            Assert.Contains("Clear-CloudFault fault-1", error.RecommendedAction);
            Assert.Equal("onprem-lon", lab.Estate.VMs.Single(v => v.Name == "crm-web01").Endpoint);
            Assert.Empty(output.OpenActivities());
        }

        /// <summary>
        /// Faults.Tests.ps1 pipes these names to Move-CloudVM -MigrationType Bulk -RunAsync | Wait-CloudTask under random
        /// link outages, twice: every one must be ready for Bulk (an error would stop the Pester test), the faults must
        /// fire, and the second run must end as the first did.
        /// </summary>
        [Fact]
        public void The_random_fault_rehearsal_of_the_Pester_suite_moves_every_VM_it_names_and_replays_the_same()
        {
            string Rehearse()
            {
                var lab = LabSession.CreateDefault();
                new AddCloudFaultCore(lab).Run(new FaultSpec { Kind = FaultKind.LinkDown, RatePerHour = 120, Seed = 5, Duration = TimeSpan.FromSeconds(40) }, null, new RecordingOutput());
                var wait = new WaitCloudTaskCore(lab);
                foreach (var name in new[] { "crm-web01", "crm-web02", "hr-web01", "shop-web04" })
                {
                    // One Run per piped name, as Move-CloudVM's ProcessRecord does.
                    var move = new RecordingOutput();
                    new MoveCloudVMCore(lab).Run(new MoveCloudVMParameters
                    {
                        VM = new[] { new VMIdParameter(name) },
                        Destination = "avs-westeurope",
                        MigrationType = MigrationType.Bulk,
                        RunAsync = true,
                    }, move);
                    Assert.Empty(move.Errors);
                    wait.Add(move.OfType<CloudTask>());
                }

                var output = new RecordingOutput();
                wait.WaitAll(output);
                var results = output.OfType<MigrationResult>().ToList();
                Assert.Equal(4, results.Count);
                Assert.True(lab.Timeline.Faults.Single().TimesFired > 0);
                return string.Join(";", results.Select(r => r.VM + " " + r.Status + " " + r.EndTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture)));
            }

            Assert.Equal(Rehearse(), Rehearse());
        }
    }
}
