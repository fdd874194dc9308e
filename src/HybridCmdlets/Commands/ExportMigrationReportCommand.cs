using System.IO;
using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Writes the piped migration results, tasks and readiness results as one self-contained HTML report: a timeline,
    /// downtime per VM, throughput per link and the readiness summary, drawn in inline SVG.
    /// </summary>
    [Cmdlet(VerbsData.Export, "MigrationReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportMigrationReportCommand : HybridCmdlet
    {
        private readonly ExportMigrationReportCore core = new ExportMigrationReportCore();

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>MigrationResult, MigrationReadiness or CloudTask objects; not mandatory, so that nothing piped is this cmdlet's own clear error rather than a prompt.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            if (InputObject == null) return;
            // A custom object (an Import-Csv row, a deserialized result) is named by its properties, which only its PSObject shows.
            foreach (var item in InputObject) core.Add(item?.BaseObject is PSCustomObject ? item : item?.BaseObject, this);
        }

        protected override void End() => core.Write(new ExportMigrationReportParameters
        {
            Path = ResolvePath(Path),
            Title = Title,
            NoClobber = NoClobber,
            Force = Force,
            PassThru = PassThru,
        }, this);
    }
}
