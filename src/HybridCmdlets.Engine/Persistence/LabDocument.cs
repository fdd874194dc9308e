using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>The JSON document a lab file holds. <see cref="SchemaVersion"/> says how to read the rest.</summary>
    public sealed class LabDocument
    {
        /// <summary>
        /// The newest schema this build reads and the one it writes. 1: every field, indented. 2: defaults and what
        /// follows from the rest left out, one VM per line (see <see cref="LabDocumentMapping"/>).
        /// </summary>
        public const int CurrentSchemaVersion = 2;

        /// <summary>The clock of the default lab, and of a file that does not say: a Monday morning change window.</summary>
        public static readonly System.DateTime DefaultClock = new System.DateTime(2026, 11, 23, 8, 0, 0, System.DateTimeKind.Utc);

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;
        public string Name { get; set; } = "";
        public LabOptions Options { get; set; } = new LabOptions();

        /// <summary>
        /// The lab's virtual clock: where its migration timeline starts when the lab is opened, and where it stood
        /// when the lab was saved, so that moves in a later session come after the earlier ones.
        /// </summary>
        public System.DateTime Clock { get; set; } = DefaultClock;
        public List<CloudEndpoint> Endpoints { get; set; } = new List<CloudEndpoint>();
        public List<CloudLink> Links { get; set; } = new List<CloudLink>();

        /// <summary>The lab's users and their roles per endpoint; null (and not written) when it declares none.</summary>
        public Access.LabAccess? Access { get; set; }

        public List<CloudVM> VMs { get; set; } = new List<CloudVM>();
    }
}
