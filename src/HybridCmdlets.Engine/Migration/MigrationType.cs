namespace HybridCmdlets.Engine.Migration
{
    /// <summary>How a VM moves, from least to most disruptive (HCX's migration types).</summary>
    public enum MigrationType
    {
        /// <summary>The least disruptive type the VM and the path allow.</summary>
        Auto,
        /// <summary>Live: memory pre-copied while the VM runs; across endpoints also its disks (shared-nothing).</summary>
        vMotion,
        /// <summary>Replication Assisted vMotion: disks replicate while the VM runs, then a vMotion switchover of memory and the last disk delta.</summary>
        RAV,
        /// <summary>Bulk: replicate while running, power off at the source, final sync, power on at the destination.</summary>
        Bulk,
        /// <summary>Cold: a powered-off VM's disks only.</summary>
        Cold,
    }
}
