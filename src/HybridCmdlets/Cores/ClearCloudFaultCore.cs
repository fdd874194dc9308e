using System.Collections.Generic;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class ClearCloudFaultCore
    {
        private readonly LabSession lab;

        public ClearCloudFaultCore(LabSession lab) => this.lab = lab;

        /// <summary>Clears each matching fault: what it holds broken recovers now, and it never fires again.</summary>
        public void Run(IReadOnlyList<string> ids, bool passThru, ICommandOutput output)
        {
            try
            {
                lab.CatchUp();
                foreach (var fault in GetCloudFaultCore.Select(lab, ids, output))
                {
                    if (fault.State == FaultState.Cleared || !output.ShouldProcess(fault.Id + " (" + fault.Kind + ", " + fault.Target + ")", "Clear fault")) continue;
                    lab.Timeline.ClearFault(fault);
                    if (passThru) output.WriteObject(fault);
                }
            }
            catch (HybridException error)
            {
                output.WriteError(error);
            }
        }
    }
}
