using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Lab
{
    /// <summary>Settings of a lab that travel with it in its file (Set-HybridLabOption).</summary>
    public sealed class LabOptions
    {
        /// <summary>Save a file-backed lab after every change (a new or removed VM, a changed link, a finished move).</summary>
        public bool AutoSave { get; internal set; } = true;

        /// <summary>Virtual seconds per wall second while a move is watched; 0 runs as fast as the machine can.</summary>
        public double TimeScale { get; internal set; }

        /// <summary>The pre-copy algorithm of live moves: vSphere, as every VMware endpoint runs, or Xen or Qemu to compare with the literature.</summary>
        public MigrationAlgorithm MigrationAlgorithm { get; internal set; } = MigrationAlgorithm.vSphere;

        internal LabOptions Copy() => (LabOptions)MemberwiseClone();
    }
}
