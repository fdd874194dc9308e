using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class OpenHybridLabCore
    {
        private readonly LabSession lab;

        public OpenHybridLabCore(LabSession lab) => this.lab = lab;

        /// <summary>Opens a lab file; any problem with it is terminating and leaves the current lab in place.</summary>
        public void FromFile(string path, ICommandOutput output)
        {
            var current = lab.Describe();
            if (!output.ShouldProcess(path, "Open lab file, replacing the current lab '" + current.Name + "'")) return;
            var opened = lab.Open(path);
            WarnOfDiscardedChanges(current, output);
            output.WriteObject(opened);
        }

        public void Default(ICommandOutput output)
        {
            var current = lab.Describe();
            if (!output.ShouldProcess("embedded default lab", "Open, replacing the current lab '" + current.Name + "'")) return;
            var opened = lab.ResetToDefault();
            WarnOfDiscardedChanges(current, output);
            output.WriteObject(opened);
        }

        /// <summary>Said once the new lab is in place: a failed open discards nothing.</summary>
        private static void WarnOfDiscardedChanges(HybridLab previous, ICommandOutput output)
        {
            if (!previous.IsModified) return;
            output.WriteWarning(previous.Path == null
                ? "The lab '" + previous.Name + "' had changes that were never saved; they are discarded. Use Save-HybridLab -Path to keep a lab."
                : "The lab '" + previous.Name + "' had changes not saved to " + previous.Path + " (AutoSave was off); they are discarded.");
        }
    }
}
