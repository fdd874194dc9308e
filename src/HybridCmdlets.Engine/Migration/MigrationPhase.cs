namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// The stages of a migration a fault can be aimed at (Add-CloudFault -Phase). vMotion: DiskCopy (when no
    /// datastore is shared), PreCopy, Switchover. RAV: Replication, PreCopy, Switchover. Bulk: Replication, then
    /// Switchover (the final sync, with the VM powered off). Cold: DiskCopy.
    /// </summary>
    public enum MigrationPhase { DiskCopy, Replication, PreCopy, Switchover }
}
