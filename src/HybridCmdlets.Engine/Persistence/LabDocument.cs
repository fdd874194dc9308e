using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>The JSON document a lab file holds. <see cref="SchemaVersion"/> says how to read the rest.</summary>
    public sealed class LabDocument
    {
        /// <summary>The newest schema this build reads and the one it writes.</summary>
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;
        public string Name { get; set; } = "";
        public LabOptions Options { get; set; } = new LabOptions();
        public List<CloudEndpoint> Endpoints { get; set; } = new List<CloudEndpoint>();
        public List<CloudLink> Links { get; set; } = new List<CloudLink>();
        [Newtonsoft.Json.JsonProperty("vms")]
        public List<CloudVM> VMs { get; set; } = new List<CloudVM>();

        /// <summary>The same document with no VMs, for <see cref="FastLabWriter"/>, which writes them itself. Shares everything else.</summary>
        internal LabDocument WithoutVMs() => new LabDocument
        {
            SchemaVersion = SchemaVersion, Name = Name, Options = Options, Endpoints = Endpoints, Links = Links, VMs = new List<CloudVM>(),
        };
    }
}
