using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    internal static class LabChanges
    {
        /// <summary>
        /// Records a change that has happened. If the auto-save that follows fails, the change stands in memory
        /// and the user is told, as an error, that the file is behind.
        /// </summary>
        public static void Record(LabSession lab, ICommandOutput output)
        {
            try
            {
                lab.RecordChange();
            }
            catch (HybridException error)
            {
                output.WriteError(error);
            }
        }

        /// <summary>Records the moves that succeeded since last time as one change, as <see cref="Record"/> does.</summary>
        public static void RecordMoves(LabSession lab, ICommandOutput output)
        {
            try
            {
                lab.RecordMoves();
            }
            catch (HybridException error)
            {
                output.WriteError(error);
            }
        }
    }
}
