namespace HybridCmdlets.Engine.Lab
{
    /// <summary>Settings of a lab that travel with it in its file (Set-HybridLabOption).</summary>
    public sealed class LabOptions
    {
        /// <summary>Save a file-backed lab after every change (a new or removed VM, a changed link).</summary>
        public bool AutoSave { get; internal set; } = true;

        internal LabOptions Copy() => (LabOptions)MemberwiseClone();
    }
}
