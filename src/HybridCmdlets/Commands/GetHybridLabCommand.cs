using System.Management.Automation;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Shows the current lab: where it came from, what it holds, its options.</summary>
    [Cmdlet(VerbsCommon.Get, "HybridLab")]
    [OutputType(typeof(HybridLab))]
    public sealed class GetHybridLabCommand : HybridCmdlet
    {
        protected override void Process() => WriteObject(Lab.Describe());
    }
}
