namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// The pre-copy algorithm a live migration follows (PreCopyPolicy.cs has each one's source). vSphere is what
    /// every VMware endpoint runs; the others exist so that the model can be held against the published
    /// measurements, which are mostly of Xen and KVM/QEMU. Under them the HCX path thresholds do not apply.
    /// </summary>
    public enum MigrationAlgorithm
    {
        /// <summary>vMotion: switch over when the rest fits the 500 ms goal; Stun During Page Send when rounds stop converging; 100 s switchover limit.</summary>
        vSphere,
        /// <summary>Shipped Xen 3.1 to 4.x (xc_domain_save): rounds at link rate, at most 29 of them or 3x memory, skipping pages dirtied again.</summary>
        Xen,
        /// <summary>QEMU's defaults: 300 ms downtime limit, 128 MiB/s max-bandwidth, auto-converge off unless the lab turns it on.</summary>
        Qemu,
        /// <summary>The 2005 research prototype of Clark et al.: rate adapted from 100 to 500 Mb/s, stop-and-copy at the cap.</summary>
        XenAdaptive,
    }
}
