using System.Globalization;
using System.IO;
using System.Management.Automation;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Reports;
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
        private readonly ReportInput input = new ReportInput();

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
            foreach (var item in InputObject)
            {
                try
                {
                    input.Add(item?.BaseObject is PSCustomObject ? item : item?.BaseObject);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }
        }

        /// <summary>Writes the report once all input has come, or says there was nothing to report (terminating).</summary>
        protected override void End()
        {
            var path = FileToWrite(Path, "report file");
            if (!ShouldProcess(path, input.Describe(path))) return;
            var file = ReportFile.Write(input.ToReport(Title), path, NoClobber, Force);
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Wrote {0} ({1:N0} bytes): {2} migrations, {3} readiness results.",
                file.FullName, file.Length, input.Migrations, input.ReadinessResults));
            if (PassThru) WriteObject(file);
        }
    }
}
