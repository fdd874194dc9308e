using System.Management.Automation;
using HybridCmdlets.Engine.Errors;
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

        /// <summary>Writes over a read-only file (it stays read-only) or one changed since this session opened or saved it, as Set-Content -Force.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Saves to -Path, or to the lab's own file when none is given.</summary>
        protected override void Process()
        {
            var target = (Path == null ? null : FileToWrite(Path, "lab file")) ?? Lab.Path ?? throw EngineErrors.LabPathRequired();
            if (!ShouldProcess(target, "Save lab '" + Lab.Describe().Name + "'")) return;
            var saved = Lab.Save(target, Force);
            if (PassThru) WriteObject(saved);
        }
    }
}
