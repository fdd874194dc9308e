using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Writes the current lab to a JSON file, atomically.</summary>
    [Cmdlet(VerbsData.Save, "HybridLab", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HybridLab))]
    public sealed class SaveHybridLabCommand : HybridCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process() => new SaveHybridLabCore(Lab).Run(Path == null ? null : ResolvePath(Path), PassThru, this);
    }
}
