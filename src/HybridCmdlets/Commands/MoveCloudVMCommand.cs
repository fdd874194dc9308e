using System.Collections;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Migrates VMs to another endpoint, cluster or datastore: vMotion, Replication Assisted vMotion, Bulk or Cold.</summary>
    [Cmdlet(VerbsCommon.Move, "CloudVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MigrationResult))]
    [OutputType(typeof(CloudTask))]
    public sealed class MoveCloudVMCommand : HybridCmdlet
    {
        // By value for piped VMs, by property name (alias Name) for CSV rows: Import-Csv wave.csv | Move-CloudVM.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VMNameCompleter))]
        public VMIdParameter[] VM { get; set; } = new VMIdParameter[0];

        /// <summary>'endpoint' or 'endpoint/cluster'; an endpoint or cluster object also works.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [DestinationTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DestinationCompleter))]
        public string Destination { get; set; } = "";

        // Not by property name: a piped VM's own Datastore must not become the destination's.
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Datastore { get; set; }

        [Parameter]
        public Hashtable? NetworkMapping { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public MigrationType MigrationType { get; set; } = MigrationType.Auto;

        /// <summary>Returns a CloudTask per VM at once instead of waiting for the moves.</summary>
        [Parameter]
        public SwitchParameter RunAsync { get; set; }

        protected override void Process() => new MoveCloudVMCore(Lab).Run(new MoveCloudVMParameters
        {
            VM = VM,
            Destination = Destination,
            Datastore = Datastore,
            NetworkMapping = NetworkMapping,
            MigrationType = MigrationType,
            RunAsync = RunAsync,
        }, this);
    }
}
