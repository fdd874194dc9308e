using System.Collections.Generic;

namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// The access section of a lab file: its users and their roles per endpoint. A lab without it, like the default
    /// lab and every lab saved before users existed, is open to everyone.
    /// </summary>
    public sealed class LabAccess
    {
        public List<CloudUser> Users { get; set; } = new List<CloudUser>();

        public List<CloudPermission> Permissions { get; set; } = new List<CloudPermission>();
    }
}
