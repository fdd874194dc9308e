using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>
    /// What Export-MigrationReport collects from its input: every migration result, finished task and readiness result,
    /// each once. A report is of the whole wave, so nothing can be written before the last object has come.
    /// </summary>
    public sealed class ReportInput
    {
        public const string DefaultTitle = "Migration report";

        private readonly List<MigrationResult> migrations = new List<MigrationResult>();
        private readonly List<MigrationReadiness> readiness = new List<MigrationReadiness>();
        /// <summary>A result piped twice (its task and then the result itself) is reported once.</summary>
        private readonly HashSet<object> seen = new HashSet<object>();

        public int Migrations => migrations.Count;

        public int ReadinessResults => readiness.Count;

        /// <summary>Keeps what a report shows; anything else is thrown as an error for that item (ReportInputNotSupported, MigrationNotFinished).</summary>
        public void Add(object? input)
        {
            switch (input)
            {
                case null:
                    return;
                case MigrationResult result:
                    AddMigration(result, result);
                    return;
                case CloudTask task:
                    AddMigration(task.Result, task);
                    return;
                case MigrationReadiness checkedVM:
                    if (seen.Add(checkedVM)) readiness.Add(checkedVM);
                    return;
                default:
                    throw EngineErrors.ReportInputNotSupported(input);
            }
        }

        /// <summary>What -WhatIf says the report would hold; ReportInputMissing when nothing came that a report shows.</summary>
        public string Describe(string path)
        {
            if (migrations.Count == 0 && readiness.Count == 0) throw EngineErrors.ReportInputMissing(path);
            return string.Format(CultureInfo.InvariantCulture, "Write a migration report of {0} migration{1} and {2} readiness result{3}",
                migrations.Count, migrations.Count == 1 ? "" : "s", readiness.Count, readiness.Count == 1 ? "" : "s");
        }

        public MigrationReport ToReport(string? title) => new MigrationReport(title ?? DefaultTitle, migrations, readiness);

        private void AddMigration(MigrationResult result, object item)
        {
            if (result.Status == MigrationStatus.Queued || result.Status == MigrationStatus.Running) throw EngineErrors.MigrationNotFinished(item, result.VM, result.Status.ToString());
            if (seen.Add(result)) migrations.Add(result);
        }
    }
}
