using System;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Infrastructure
{
    /// <summary>
    /// The lab of this PowerShell process. The embedded default lab is built on first use, so that
    /// Get-CloudVM answers right after Import-Module with no set-up.
    /// </summary>
    internal static class ModuleState
    {
        private static readonly Lazy<LabSession> Session = new Lazy<LabSession>(LabSession.CreateDefault, isThreadSafe: true);

        public static LabSession Lab => Session.Value;
    }
}
