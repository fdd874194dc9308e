namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// The pre-copy algorithm a live migration follows. vSphere is what every VMware endpoint runs; Xen and Qemu
    /// exist so that the model can be held against the published measurements, which are mostly of those two.
    /// </summary>
    public enum MigrationAlgorithm
    {
        /// <summary>vMotion: switch over when the rest fits about 500 ms; Stun During Page Send when rounds stop converging.</summary>
        vSphere,
        /// <summary>Xen 3.x as in Clark et al. 2005: adaptive rate from 100 to 500 Mb/s, at most 30 rounds or 3x memory.</summary>
        Xen,
        /// <summary>QEMU's defaults: 300 ms downtime limit and auto-converge throttling.</summary>
        Qemu,
    }
}
