using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class SaveHybridLabCore
    {
        private readonly LabSession lab;

        public SaveHybridLabCore(LabSession lab) => this.lab = lab;

        /// <summary>Saves to <paramref name="path"/>, or to the lab's own file when it is null.</summary>
        public void Run(string? path, bool passThru, ICommandOutput output)
        {
            var target = path ?? lab.Path ?? throw Engine.Errors.EngineErrors.LabPathRequired();
            if (!output.ShouldProcess(target, "Save lab '" + lab.Describe().Name + "'")) return;
            var saved = lab.Save(target);
            if (passThru) output.WriteObject(saved);
        }
    }
}
