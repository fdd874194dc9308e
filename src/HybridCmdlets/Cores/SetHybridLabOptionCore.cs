using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class SetHybridLabOptionCore
    {
        private readonly LabSession lab;

        public SetHybridLabOptionCore(LabSession lab) => this.lab = lab;

        public void Run(bool? autoSave, bool passThru, ICommandOutput output)
        {
            if (!autoSave.HasValue)
            {
                throw new Engine.Errors.HybridException("LabOptionRequired", Engine.Errors.ErrorKind.InvalidArgument,
                    "Set-HybridLabOption was given no option to change.", null, "Give an option, for example -AutoSave $false.");
            }

            if (!output.ShouldProcess("lab '" + lab.Describe().Name + "'", "Set AutoSave to " + autoSave.Value)) return;
            lab.SetOptions(autoSave);
            LabChanges.Record(lab, output);
            if (passThru) output.WriteObject(lab.Describe());
        }
    }
}
