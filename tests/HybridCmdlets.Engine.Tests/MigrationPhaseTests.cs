using System;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Phases are values; the names a task shows are made from them in one place.</summary>
    public class MigrationPhaseTests
    {
        [Theory]
        [InlineData(MigrationPhase.PreCopy, MigrationType.vMotion, 3, "pre-copy round 3")]
        [InlineData(MigrationPhase.DiskCopy, MigrationType.vMotion, 0, "disk copy")]
        [InlineData(MigrationPhase.DiskCopy, MigrationType.Cold, 0, "copying disks")]
        [InlineData(MigrationPhase.Switchover, MigrationType.RAV, 4, "switchover")]
        [InlineData(MigrationPhase.Switchover, MigrationType.Bulk, 0, "final sync (VM powered off)")]
        [InlineData(MigrationPhase.Canceled, MigrationType.Bulk, 0, "canceled")]
        public void A_phase_is_named_as_a_task_shows_it(MigrationPhase phase, MigrationType type, int round, string expected) =>
            Assert.Equal(expected, MigrationPhases.Describe(phase, type, round));

        [Theory]
        [InlineData(MigrationPhase.Queued)]
        [InlineData(MigrationPhase.PowerOn)]
        [InlineData(MigrationPhase.Completed)]
        public void A_fault_cannot_be_aimed_at_a_phase_a_move_does_not_work_through(MigrationPhase phase)
        {
            var doc = LabGenerator.CreateDefault();
            var timeline = new MigrationTimeline(new Estate(doc.Endpoints, doc.Links, doc.VMs), new DateTime(2026, 11, 22, 20, 0, 0, DateTimeKind.Utc));
            var error = Assert.Throws<HybridException>(() => timeline.AddFault(new FaultSpec { Kind = FaultKind.LinkDown, VM = "crm-web01", Phase = phase }));
            Assert.Equal("FaultTriggerInvalid", error.ErrorId);
            Assert.Empty(timeline.Faults);
        }
    }
}
