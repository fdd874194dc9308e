using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// What an import adds to one endpoint, worked out against the endpoint as it stood: the endpoint with its new
    /// clusters, hosts, datastores and networks, the VMs, and the rows that cannot be placed.
    /// </summary>
    internal sealed class InventoryPlan
    {
        public InventoryPlan(IReadOnlyList<ImportedVM> input, CloudEndpoint basedOn, long estateVersion)
        {
            Input = input;
            BasedOn = basedOn;
            EstateVersion = estateVersion;
            Endpoint = basedOn;
        }

        /// <summary>The VMs read from the files: a plan made again from them if the lab changed meanwhile.</summary>
        public IReadOnlyList<ImportedVM> Input { get; }
        /// <summary>The endpoint as it was when planned; the plan applies only to that very object.</summary>
        public CloudEndpoint BasedOn { get; }
        public long EstateVersion { get; }
        /// <summary>The endpoint as it will be: <see cref="BasedOn"/> with what the import creates.</summary>
        public CloudEndpoint Endpoint { get; set; }
        /// <summary>The VMs to add; ids and MAC addresses the lab assigns are empty until they are added.</summary>
        public List<CloudVM> VMs { get; } = new List<CloudVM>();
        public List<InventoryProblem> Problems { get; } = new List<InventoryProblem>();
        public int NewClusters { get; set; }
        public int NewHosts { get; set; }
        public int NewDatastores { get; set; }
        public int NewNetworks { get; set; }
        public SortedDictionary<WorkloadRole, int> Roles { get; } = new SortedDictionary<WorkloadRole, int>();
    }
}
