namespace HybridCmdlets.Engine.Files
{
    /// <summary>What a path names on disk, as far as reading or writing a file is concerned.</summary>
    public enum FileKind
    {
        Missing,
        Regular,
        Directory,
        NamedPipe,
        CharacterDevice,
        BlockDevice,
        Socket,
    }
}
