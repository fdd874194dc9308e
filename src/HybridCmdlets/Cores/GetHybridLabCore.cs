using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class GetHybridLabCore
    {
        private readonly LabSession lab;

        public GetHybridLabCore(LabSession lab) => this.lab = lab;

        public void Run(ICommandOutput output) => output.WriteObject(lab.Describe());
    }
}
