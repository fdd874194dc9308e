using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Adds the VMs of an RVTools export (vInfo, and optionally vNetwork and vDisk) to an on-premises endpoint, with the
    /// clusters, hosts, datastores and networks they name. All or nothing, unless -SkipInvalidRows.
    /// </summary>
    [Cmdlet(VerbsData.Import, "CloudInventory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudVM))]
    public sealed class ImportCloudInventoryCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter]
        [EndpointTransformation(Single = true)]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint? Endpoint { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NetworkPath { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DiskPath { get; set; }

        [Parameter]
        public SwitchParameter SkipInvalidRows { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process() => new ImportCloudInventoryCore(Lab).Run(new ImportCloudInventoryParameters
        {
            Path = ResolvePath(Path),
            NetworkPath = NetworkPath == null ? null : ResolvePath(NetworkPath),
            DiskPath = DiskPath == null ? null : ResolvePath(DiskPath),
            Endpoint = Endpoint?.Name,
            SkipInvalidRows = SkipInvalidRows,
            PassThru = PassThru,
        }, this);
    }
}
