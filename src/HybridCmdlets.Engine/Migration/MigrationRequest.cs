using System.Collections.Generic;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>What Move-CloudVM asks for one VM; anything left null is chosen as HCX or vCenter would.</summary>
    public sealed class MigrationRequest
    {
        public string VMId { get; set; } = "";

        public string DestinationEndpoint { get; set; } = "";

        public string? DestinationCluster { get; set; }

        public string? Datastore { get; set; }

        /// <summary>Source network name to destination network name; NICs not named here are mapped automatically.</summary>
        public IReadOnlyDictionary<string, string>? NetworkMapping { get; set; }

        public MigrationType Type { get; set; } = MigrationType.Auto;
    }
}
