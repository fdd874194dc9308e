using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>What Import-CloudInventory was asked: the files, resolved to full paths, and the endpoint.</summary>
    public sealed class LabImportRequest
    {
        public string Path { get; set; } = "";
        public string? NetworkPath { get; set; }
        public string? DiskPath { get; set; }
        /// <summary>The endpoint to import into; null for the lab's on-premises endpoint.</summary>
        public string? Endpoint { get; set; }
        public bool SkipInvalidRows { get; set; }
    }

    /// <summary>What an import did: the VMs added, the invalid rows, and what to tell the user.</summary>
    public sealed class LabImportOutcome
    {
        public IReadOnlyList<CloudVM> VMs { get; internal set; } = Array.Empty<CloudVM>();

        /// <summary>Each invalid row skipped with -SkipInvalidRows: an error for that row.</summary>
        public IReadOnlyList<HybridException> Problems { get; internal set; } = Array.Empty<HybridException>();

        /// <summary>Why nothing was imported, or null when something was (or the user declined).</summary>
        public string? NothingImported { get; internal set; }

        /// <summary>One paragraph: what was read, how, what was created and estimated, and what was left out; null when nothing changed.</summary>
        public string? Summary { get; internal set; }
    }

    /// <summary>Import-CloudInventory's work on a lab: read the export, plan it, and add it at once.</summary>
    public static class LabImport
    {
        /// <summary>
        /// Reads the files, plans the import and adds it to the lab at once, once <paramref name="shouldProcess"/>
        /// (target, action) agrees. A file that cannot be used, or any invalid row without SkipInvalidRows, throws and
        /// changes nothing; with it, each invalid row is in <see cref="LabImportOutcome.Problems"/> and the others are
        /// imported. Follow a change with <see cref="LabSession.RecordChange"/>.
        /// </summary>
        public static LabImportOutcome Run(LabSession lab, LabImportRequest request, Func<string, string, bool> shouldProcess, CancellationToken cancellation)
        {
            var import = InventoryImport.Read(request.Path, request.NetworkPath, request.DiskPath, cancellation);
            var endpoint = InventoryImport.ChooseEndpoint(lab.Estate, request.Endpoint, import.Servers);
            var file = System.IO.Path.GetFileName(request.Path);
            lab.Access.Demand(AccessDemand.Import(endpoint.Name, file));
            var plan = import.Plan(lab.Estate, endpoint.Name);
            if (plan.Problems.Count > 0 && !request.SkipInvalidRows) throw EngineErrors.InventoryRejected(plan.Problems[0], plan.Problems.Count);
            var outcome = new LabImportOutcome { Problems = plan.Problems.ToList() };
            if (plan.VMs.Count == 0)
            {
                outcome.NothingImported = string.Format(CultureInfo.InvariantCulture, "No VM imported from '{0}': {1}.", file, NothingToImport(import, plan));
                return outcome;
            }

            var target = "endpoint '" + plan.Endpoint + "'";
            var action = string.Format(CultureInfo.InvariantCulture, "Import {0} from '{1}' (creating {2})", Count(plan.VMs.Count, "VM"), file, Creations(plan));
            if (!shouldProcess(target, action)) return outcome;

            var done = import.Apply(lab.Estate, plan, request.SkipInvalidRows);
            if (!done.Applied) throw EngineErrors.InventoryRejected(done.Problems[0], done.Problems.Count);
            var reported = new HashSet<string>(plan.Problems.Select(p => p.Message));
            outcome.Problems = plan.Problems.Concat(done.Problems.Where(p => !reported.Contains(p.Message))).ToList();
            outcome.VMs = done.VMs;
            outcome.Summary = Summary(import, done);
            return outcome;
        }

        private static string NothingToImport(InventoryImport import, InventoryImportPlan plan)
        {
            var reasons = new List<string>();
            if (plan.Problems.Count > 0) reasons.Add(Count(plan.Problems.Count, "invalid row") + " skipped");
            if (import.Templates > 0) reasons.Add(Count(import.Templates, "template") + " left out");
            if (import.Placeholders > 0) reasons.Add(Count(import.Placeholders, "SRM placeholder") + " left out");
            return reasons.Count == 0 ? "the file lists no VMs" : string.Join(", ", reasons);
        }

        private static string Creations(InventoryImportPlan plan) =>
            Count(plan.NewClusters, "cluster") + ", " + Count(plan.NewHosts, "host") + ", " + Count(plan.NewDatastores, "datastore") + ", " + Count(plan.NewNetworks, "network");

        private static string Summary(InventoryImport import, InventoryImportPlan done)
        {
            var text = new System.Text.StringBuilder();
            text.AppendFormat(CultureInfo.InvariantCulture, "Imported {0} into {1} from {2}. ", Count(done.VMs.Count, "VM"), done.Endpoint, string.Join(", ", import.Files));
            if (import.Servers.Count > 0) text.Append("Exported from ").Append(string.Join(", ", import.Servers)).Append(". ");
            text.Append("Created ").Append(Creations(done)).Append(" (hosts sized from their VMs, Model '").Append(InventoryImport.ImportedHostModel).Append("'). ");
            text.Append("Workload profiles estimated from each VM's guessed role and memory: ")
                .Append(string.Join(", ", done.Roles.Select(r => r.Key + " " + r.Value.ToString(CultureInfo.InvariantCulture)))).Append('.');
            var leftOut = new List<string>();
            if (import.Templates > 0) leftOut.Add(Count(import.Templates, "template"));
            if (import.Placeholders > 0) leftOut.Add(Count(import.Placeholders, "SRM placeholder"));
            if (done.Problems.Count > 0) leftOut.Add(Count(done.Problems.Count, "invalid row") + " (" + Count(done.VMsLeftOut, "VM") + ")");
            if (import.UnmatchedRows > 0) leftOut.Add(Count(import.UnmatchedRows, "vNetwork or vDisk row") + " of VMs vInfo does not list");
            if (leftOut.Count > 0) text.Append(" Left out: ").Append(string.Join(", ", leftOut)).Append('.');
            return text.ToString();
        }

        private static string Count(int n, string what) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + what + (n == 1 ? "" : "s");
    }
}
