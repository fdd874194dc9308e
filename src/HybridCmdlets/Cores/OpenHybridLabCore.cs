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
            if (!output.ShouldProcess(path, "Open lab file, replacing the current lab '" + lab.Describe().Name + "'")) return;
            WarnOfUnsavedChanges(output);
            output.WriteObject(lab.Open(path));
        }

        public void Default(ICommandOutput output)
        {
            if (!output.ShouldProcess("embedded default lab", "Open, replacing the current lab '" + lab.Describe().Name + "'")) return;
            WarnOfUnsavedChanges(output);
            output.WriteObject(lab.ResetToDefault());
        }

        private void WarnOfUnsavedChanges(ICommandOutput output)
        {
            var current = lab.Describe();
            if (current.IsModified && current.Path == null)
            {
                output.WriteWarning("The lab '" + current.Name + "' had changes that were never saved; they are discarded. Use Save-HybridLab -Path to keep a lab.");
            }
        }
    }
}
