using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Import;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
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

        /// <summary>
        /// Imports at once (<see cref="LabImport"/>). An unknown endpoint, a file that cannot be used, or any invalid row
        /// without -SkipInvalidRows is terminating and changes nothing; with it, each invalid row is a non-terminating error.
        /// </summary>
        protected override void Process()
        {
            // Nothing can be imported into an endpoint that is not there.
            if (Endpoint != null && EndpointQuery.Unknown(Endpoint) is HybridException unknown) throw unknown;
            var outcome = LabImport.Run(Lab, new LabImportRequest
            {
                Path = FileToRead(Path, "inventory file"),
                NetworkPath = NetworkPath == null ? null : FileToRead(NetworkPath, "inventory file"),
                DiskPath = DiskPath == null ? null : FileToRead(DiskPath, "inventory file"),
                Endpoint = Endpoint?.Name,
                SkipInvalidRows = SkipInvalidRows,
            }, ShouldProcess, Cancellation);
            foreach (var problem in outcome.Problems) WriteError(problem);
            if (outcome.NothingImported != null) WriteWarning(outcome.NothingImported);
            if (outcome.VMs.Count > 0) RecordChange();
            if (outcome.Summary != null) WriteVerbose(outcome.Summary);
            if (!PassThru) return;
            foreach (var vm in outcome.VMs) WriteObject(vm);
        }
    }
}
