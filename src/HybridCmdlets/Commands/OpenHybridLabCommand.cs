using System.Management.Automation;
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
        public const string GenerateSet = "Generate";

        [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter(ParameterSetName = DefaultSet, Mandatory = true)]
        public SwitchParameter Default { get; set; }

        /// <summary>A generated lab of -VMCount VMs: the default sites, scaled, for rehearsing runbooks at scale.</summary>
        [Parameter(ParameterSetName = GenerateSet, Mandatory = true)]
        public SwitchParameter Generate { get; set; }

        [Parameter(ParameterSetName = GenerateSet, Mandatory = true)]
        public int VMCount { get; set; }

        /// <summary>The same seed gives the same lab.</summary>
        [Parameter(ParameterSetName = GenerateSet)]
        public int Seed { get; set; } = Engine.Generation.LabGenerator.DefaultSeed;

        /// <summary>Any problem with the file is terminating and leaves the current lab in place.</summary>
        protected override void Process()
        {
            var current = Lab.Describe();
            HybridLab opened;
            if (ParameterSetName == DefaultSet)
            {
                if (!ShouldProcess("embedded default lab", "Open, replacing the current lab '" + current.Name + "'")) return;
                opened = Lab.ResetToDefault();
            }
            else if (ParameterSetName == GenerateSet)
            {
                if (!ShouldProcess("generated lab of " + VMCount + " VMs (seed " + Seed + ")", "Open, replacing the current lab '" + current.Name + "'")) return;
                opened = Lab.Generate(VMCount, Seed);
            }
            else
            {
                var path = FileToRead(Path, "lab file");
                if (!ShouldProcess(path, "Open lab file, replacing the current lab '" + current.Name + "'")) return;
                opened = Lab.Open(path);
            }

            // Said once the new lab is in place: a failed open discards nothing.
            if (current.IsModified)
            {
                WriteWarning(current.Path == null
                    ? "The lab '" + current.Name + "' had changes that were never saved; they are discarded. Use Save-HybridLab -Path to keep a lab."
                    : "The lab '" + current.Name + "' had changes not saved to " + current.Path + " (AutoSave was off); they are discarded.");
            }

            WriteObject(opened);
        }
    }
}
