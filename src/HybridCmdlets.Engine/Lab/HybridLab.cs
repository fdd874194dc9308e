namespace HybridCmdlets.Engine.Lab
{
    /// <summary>Where the current lab came from and what it holds (Get-HybridLab).</summary>
    public sealed class HybridLab
    {
        internal HybridLab(string name, string? path, LabOrigin origin, int schemaVersion, int endpointCount, int vmCount, int linkCount, bool autoSave, bool isModified,
            LabOptions options, System.DateTime clock, int runningTasks)
        {
            TimeScale = options.TimeScale;
            MigrationAlgorithm = options.MigrationAlgorithm;
            DowntimeTargetMs = options.DowntimeTargetMs;
            AutoConverge = options.AutoConverge;
            Clock = clock;
            RunningTasks = runningTasks;
            Name = name;
            Path = path;
            Origin = origin;
            SchemaVersion = schemaVersion;
            EndpointCount = endpointCount;
            VMCount = vmCount;
            LinkCount = linkCount;
            AutoSave = autoSave;
            IsModified = isModified;
        }

        public string Name { get; }
        /// <summary>The lab file, or null for the embedded default lab until it is saved somewhere.</summary>
        public string? Path { get; }
        public LabOrigin Origin { get; }
        /// <summary>The schema of the lab's file as it was read (or last written); new saves use the current one.</summary>
        public int SchemaVersion { get; }
        public int EndpointCount { get; }
        public int VMCount { get; }
        public int LinkCount { get; }
        public bool AutoSave { get; }
        /// <summary>True when the lab has changes that are not in its file.</summary>
        public bool IsModified { get; }
        /// <summary>Virtual seconds per wall second while a move is watched; 0 is as fast as the machine runs.</summary>
        public double TimeScale { get; }
        public Migration.MigrationAlgorithm MigrationAlgorithm { get; }
        /// <summary>The lab's switchover target in ms (vSphere's goal, QEMU's downtime-limit); null for the algorithm's own.</summary>
        public double? DowntimeTargetMs { get; }
        /// <summary>QEMU's auto-converge for Qemu moves.</summary>
        public bool AutoConverge { get; }
        /// <summary>The lab's virtual clock: the time its migration timeline has reached.</summary>
        public System.DateTime Clock { get; }
        /// <summary>Migration tasks still queued or running.</summary>
        public int RunningTasks { get; }

        public override string ToString() => Name;
    }

    /// <summary>Where the lab came from: the embedded default, a lab file, or the generator (Open-HybridLab -Generate).</summary>
    public enum LabOrigin { Embedded, File, Generated }
}
