using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    internal static class AccessChecks
    {
        /// <summary>
        /// True when the session's connections allow the operation on this item; else the NotConnected or
        /// PermissionDenied error is written for the item, and the cmdlet goes on with the next.
        /// </summary>
        public static bool Allow(LabSession lab, AccessDemand demand, ICommandOutput output)
        {
            try
            {
                lab.Access.Demand(demand);
                return true;
            }
            catch (HybridException error)
            {
                output.WriteError(error);
                return false;
            }
        }
    }
}
