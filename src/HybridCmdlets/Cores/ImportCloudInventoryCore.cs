using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Import;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>What Import-CloudInventory was asked: the files, resolved to full paths, and the endpoint.</summary>
    public sealed class ImportCloudInventoryParameters
    {
        public string Path { get; set; } = "";
        public string? NetworkPath { get; set; }
        public string? DiskPath { get; set; }
        /// <summary>The endpoint to import into; null for the lab's on-premises endpoint.</summary>
        public string? Endpoint { get; set; }
        public bool SkipInvalidRows { get; set; }
        public bool PassThru { get; set; }
    }

    public sealed class ImportCloudInventoryCore
    {
        private readonly LabSession lab;

        public ImportCloudInventoryCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Reads the files, plans the import and adds it to the lab at once. A file that cannot be used, or any invalid
        /// row without -SkipInvalidRows, is terminating and changes nothing; with it, each invalid row is a
        /// non-terminating error and the others are imported.
        /// </summary>
        public void Run(ImportCloudInventoryParameters parameters, ICommandOutput output)
        {
            var import = InventoryImport.Read(parameters.Path, parameters.NetworkPath, parameters.DiskPath, output.Cancellation);
            var endpoint = InventoryImport.ChooseEndpoint(lab.Estate, parameters.Endpoint, import.Servers);
            lab.Access.Demand(AccessDemand.Import(endpoint.Name, System.IO.Path.GetFileName(parameters.Path)));
            var plan = import.Plan(lab.Estate, endpoint.Name);
            if (plan.Problems.Count > 0 && !parameters.SkipInvalidRows) throw EngineErrors.InventoryRejected(plan.Problems[0], plan.Problems.Count);
            foreach (var problem in plan.Problems) output.WriteError(problem);

            var file = System.IO.Path.GetFileName(parameters.Path);
            if (plan.VMs.Count == 0)
            {
                output.WriteWarning(string.Format(CultureInfo.InvariantCulture, "No VM imported from '{0}': {1}.", file, NothingToImport(import, plan)));
                return;
            }

            var target = "endpoint '" + plan.Endpoint + "'";
            var action = string.Format(CultureInfo.InvariantCulture, "Import {0} from '{1}' (creating {2})", Count(plan.VMs.Count, "VM"), file, Creations(plan));
            if (!output.ShouldProcess(target, action)) return;

            var done = import.Apply(lab.Estate, plan, parameters.SkipInvalidRows);
            if (!done.Applied) throw EngineErrors.InventoryRejected(done.Problems[0], done.Problems.Count);
            var reported = new HashSet<string>(plan.Problems.Select(p => p.Message));
            foreach (var problem in done.Problems)
            {
                if (!reported.Contains(problem.Message)) output.WriteError(problem);
            }

            if (done.VMs.Count > 0) LabChanges.Record(lab, output);
            output.WriteVerbose(Summary(import, done));
            if (!parameters.PassThru) return;
            foreach (var vm in done.VMs) output.WriteObject(vm);
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

        /// <summary>One verbose paragraph: what was read, how, what was created and estimated, and what was left out.</summary>
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
