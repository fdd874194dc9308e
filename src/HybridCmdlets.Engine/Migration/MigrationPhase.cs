using System.Globalization;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// Where a migration stands. vMotion: DiskCopy (when no datastore is shared), PreCopy, Switchover. RAV:
    /// Replication, PreCopy, Switchover. Bulk: Replication, then Switchover (the final sync, with the VM powered off),
    /// then PowerOn at the destination. Cold: DiskCopy. Every move starts Queued and ends Completed, Failed or Canceled.
    /// A fault can be aimed at the four stages a move works through (Add-CloudFault -Phase; <see cref="MigrationPhases.CanBeAimedAt"/>);
    /// the values keep their numbers, so a lab file's fault triggers read the same.
    /// </summary>
    public enum MigrationPhase
    {
        DiskCopy = 0,
        Replication = 1,
        PreCopy = 2,
        Switchover = 3,
        Queued = 4,
        PowerOn = 5,
        Completed = 6,
        Failed = 7,
        Canceled = 8,
    }

    /// <summary>What the phases mean for faults, and how a task names them (Get-CloudTask's Phase).</summary>
    public static class MigrationPhases
    {
        /// <summary>The stages a fault can be aimed at: those a move works through, not waiting or ended.</summary>
        public static bool CanBeAimedAt(MigrationPhase phase) =>
            phase == MigrationPhase.DiskCopy || phase == MigrationPhase.Replication || phase == MigrationPhase.PreCopy || phase == MigrationPhase.Switchover;

        /// <summary>The guest is stopped for the cutover: a switchover, or Bulk's power-on at the destination that ends it.</summary>
        public static bool IsSwitchover(MigrationPhase phase) => phase == MigrationPhase.Switchover || phase == MigrationPhase.PowerOn;

        /// <summary>
        /// The phase as a task shows it: "queued", "replicating disks", "pre-copy round 3", "switchover", ... Bulk's
        /// switchover is its final sync; a Cold move copies disks where a live one has a disk copy before pre-copy.
        /// </summary>
        public static string Describe(MigrationPhase phase, MigrationType type, int round)
        {
            switch (phase)
            {
                case MigrationPhase.Queued: return "queued";
                case MigrationPhase.DiskCopy: return type == MigrationType.Cold ? "copying disks" : "disk copy";
                case MigrationPhase.Replication: return "replicating disks";
                case MigrationPhase.PreCopy: return "pre-copy round " + round.ToString(CultureInfo.InvariantCulture);
                case MigrationPhase.Switchover: return type == MigrationType.Bulk ? "final sync (VM powered off)" : "switchover";
                case MigrationPhase.PowerOn: return "powering on at the destination";
                case MigrationPhase.Completed: return "completed";
                case MigrationPhase.Failed: return "failed";
                default: return "canceled";
            }
        }
    }
}
