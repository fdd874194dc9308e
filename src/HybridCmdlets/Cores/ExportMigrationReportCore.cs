using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Engine.Reports;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>What Export-MigrationReport was asked: the file, resolved to a full path, its title, and how to treat a file already there.</summary>
    public sealed class ExportMigrationReportParameters
    {
        public string Path { get; set; } = "";
        /// <summary>The report's title; null for <see cref="ExportMigrationReportCore.DefaultTitle"/>.</summary>
        public string? Title { get; set; }
        public bool NoClobber { get; set; }
        public bool Force { get; set; }
        public bool PassThru { get; set; }
    }

    /// <summary>
    /// Collects every migration result, finished task and readiness result piped in, then writes them as one HTML
    /// report: a report is of the whole wave, so nothing can be written before the last object has come.
    /// </summary>
    public sealed class ExportMigrationReportCore
    {
        public const string DefaultTitle = "Migration report";

        private readonly List<MigrationResult> migrations = new List<MigrationResult>();
        private readonly List<MigrationReadiness> readiness = new List<MigrationReadiness>();
        /// <summary>A result piped twice (its task and then the result itself) is reported once.</summary>
        private readonly HashSet<object> seen = new HashSet<object>();

        /// <summary>Called for each pipeline item: keeps what a report shows; anything else is an error for that item.</summary>
        public void Add(object? input, ICommandOutput output)
        {
            switch (input)
            {
                case null:
                    return;
                case MigrationResult result:
                    AddMigration(result, result, output);
                    return;
                case CloudTask task:
                    AddMigration(task.Result, task, output);
                    return;
                case MigrationReadiness checkedVM:
                    if (seen.Add(checkedVM)) readiness.Add(checkedVM);
                    return;
                default:
                    output.WriteError(EngineErrors.ReportInputNotSupported(input));
                    return;
            }
        }

        private void AddMigration(MigrationResult result, object item, ICommandOutput output)
        {
            if (result.Status == MigrationStatus.Queued || result.Status == MigrationStatus.Running)
            {
                output.WriteError(EngineErrors.MigrationNotFinished(item, result.VM, result.Status.ToString()));
                return;
            }

            if (seen.Add(result)) migrations.Add(result);
        }

        /// <summary>Called once all input has been read: writes the report, or says there was nothing to report.</summary>
        public void Write(ExportMigrationReportParameters parameters, ICommandOutput output)
        {
            if (migrations.Count == 0 && readiness.Count == 0) throw EngineErrors.ReportInputMissing(parameters.Path);
            var action = string.Format(CultureInfo.InvariantCulture, "Write a migration report of {0} migration{1} and {2} readiness result{3}",
                migrations.Count, migrations.Count == 1 ? "" : "s", readiness.Count, readiness.Count == 1 ? "" : "s");
            if (!output.ShouldProcess(parameters.Path, action)) return;

            var report = new MigrationReport(parameters.Title ?? DefaultTitle, migrations, readiness);
            var file = ReportFile.Write(report, parameters.Path, parameters.NoClobber, parameters.Force);
            output.WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Wrote {0} ({1:N0} bytes): {2} migrations, {3} readiness results.",
                file.FullName, file.Length, migrations.Count, readiness.Count));
            if (parameters.PassThru) output.WriteObject(file);
        }
    }
}
