using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// An RVTools inventory read from its files (vInfo, and optionally vNetwork and vDisk), ready to be planned into an
    /// on-premises endpoint and added to it. Reading changes nothing; adding is all or nothing, unless the rows that
    /// cannot be imported are to be skipped.
    /// </summary>
    public sealed class InventoryImport
    {
        /// <summary>The Model of the hosts an import creates: vInfo describes VMs, not hardware, so the hosts are sized from their VMs.</summary>
        public const string ImportedHostModel = InventoryPlanner.ImportedModel;

        private readonly InventoryRead read;

        private InventoryImport(InventoryRead read) => this.read = read;

        public IReadOnlyList<InventorySourceFile> Files => read.Files;
        /// <summary>The vCenter Servers the VMs were exported from (vInfo's VI SDK Server).</summary>
        public IReadOnlyCollection<string> Servers => read.Servers;
        /// <summary>VMs of the file, not counting templates, placeholders and invalid rows.</summary>
        public int VMCount => read.VMs.Count;
        public int Templates => read.Templates;
        public int Placeholders => read.Placeholders;
        /// <summary>vNetwork and vDisk rows of VMs that vInfo does not list.</summary>
        public int UnmatchedRows => read.UnmatchedRows;

        /// <summary>Reads the files. A file that is missing, unreadable, not CSV or without a needed column is an error here.</summary>
        public static InventoryImport Read(string vInfoPath, string? networkPath, string? diskPath, CancellationToken cancellation = default) =>
            new InventoryImport(InventoryReader.Read(vInfoPath, networkPath, diskPath, cancellation));

        /// <summary>
        /// The endpoint to import into: the one named, which must be on premises; else the lab's only on-premises
        /// endpoint, or, with several, the one whose vCenter Server the file was exported from.
        /// </summary>
        public static CloudEndpoint ChooseEndpoint(Estate estate, string? requested, IReadOnlyCollection<string> servers)
        {
            if (requested != null)
            {
                var endpoint = estate.GetEndpoint(requested);
                if (endpoint.Provider != CloudProvider.OnPremises) throw EngineErrors.EndpointNotOnPremises(endpoint.Name, endpoint.Provider);
                return endpoint;
            }

            var onPremises = estate.Endpoints.Where(e => e.Provider == CloudProvider.OnPremises).ToList();
            if (onPremises.Count == 0) throw EngineErrors.NoOnPremisesEndpoint();
            if (onPremises.Count == 1) return onPremises[0];
            var exportedFrom = onPremises.Where(e => servers.Contains(e.Server, StringComparer.OrdinalIgnoreCase)).ToList();
            if (exportedFrom.Count == 1) return exportedFrom[0];
            throw EngineErrors.EndpointAmbiguous(string.Join(", ", onPremises.Select(e => e.Name)), servers.Count == 0 ? "the file does not say" : string.Join(", ", servers));
        }

        /// <summary>What the import would add to the endpoint, and every row that cannot be imported; changes nothing.</summary>
        public InventoryImportPlan Plan(Estate estate, string endpoint) => new InventoryImportPlan(read, estate.PlanInventory(endpoint, read.VMs));

        /// <summary>
        /// Adds the plan's clusters, hosts, datastores, networks and VMs to the estate at once. If the lab changed since
        /// the plan was made, the import is planned again. The plan returned says whether it was applied: not when a
        /// row cannot be imported and <paramref name="skipInvalidRows"/> is false.
        /// </summary>
        public InventoryImportPlan Apply(Estate estate, InventoryImportPlan plan, bool skipInvalidRows)
        {
            var final = estate.AddInventory(plan.Planned, skipInvalidRows);
            return new InventoryImportPlan(read, final) { Applied = skipInvalidRows || final.Problems.Count == 0 };
        }
    }

    /// <summary>What an import adds to an endpoint, and the rows it cannot import (with their errors, in file order).</summary>
    public sealed class InventoryImportPlan
    {
        private static readonly string[] TabOrder = { "vInfo", "vNetwork", "vDisk" };

        internal InventoryImportPlan(InventoryRead read, InventoryPlan planned)
        {
            Planned = planned;
            Problems = read.Problems.Concat(planned.Problems)
                .OrderBy(p => p.Error.Target is InventoryRowLocation at ? Array.IndexOf(TabOrder, at.Tab) : int.MaxValue)
                .ThenBy(p => p.Error.Target is InventoryRowLocation at ? at.Line : 0)
                .Select(p => p.Error)
                .ToArray();
            VMsLeftOut = read.Problems.Concat(planned.Problems).Where(p => p.VM != null).Select(p => p.VM!).Distinct(Names.Comparer).Count();
        }

        internal InventoryPlan Planned { get; }

        public string Endpoint => Planned.BasedOn.Name;
        /// <summary>The VMs to import (once applied, as the lab holds them, with their ids).</summary>
        public IReadOnlyList<CloudVM> VMs => Planned.VMs;
        public int NewClusters => Planned.NewClusters;
        public int NewHosts => Planned.NewHosts;
        public int NewDatastores => Planned.NewDatastores;
        public int NewNetworks => Planned.NewNetworks;
        /// <summary>How many VMs of each guessed role: the role their estimated workload profile comes from.</summary>
        public IReadOnlyDictionary<WorkloadRole, int> Roles => Planned.Roles;
        /// <summary>One error per row that cannot be imported, in file order (vInfo, vNetwork, vDisk; by line).</summary>
        public IReadOnlyList<HybridException> Problems { get; }
        /// <summary>VMs not imported because of a problem with their row, or with one of their NIC or disk rows.</summary>
        public int VMsLeftOut { get; }
        /// <summary>Whether the estate now holds what the plan adds.</summary>
        public bool Applied { get; internal set; }
    }
}
