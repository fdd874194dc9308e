using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Makes a lab file (or the embedded default lab) the current lab.</summary>
    [Cmdlet(VerbsCommon.Open, "HybridLab", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(HybridLab))]
    public sealed class OpenHybridLabCommand : HybridCmdlet
    {
        public const string PathSet = "Path";
        public const string DefaultSet = "Default";

        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter(ParameterSetName = DefaultSet, Mandatory = true)]
        public SwitchParameter Default { get; set; }

        protected override void Process()
        {
            var core = new OpenHybridLabCore(Lab);
            if (ParameterSetName == DefaultSet) core.Default(this);
            else core.FromFile(ResolvePath(Path), this);
        }
    }
}
