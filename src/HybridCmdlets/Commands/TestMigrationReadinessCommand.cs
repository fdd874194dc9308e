using System.Collections;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Tells whether VMs can move to a destination, by which type, how long it takes and how much downtime it costs.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "MigrationReadiness")]
    [OutputType(typeof(MigrationReadiness))]
    public sealed class TestMigrationReadinessCommand : HybridCmdlet
    {
        // As Move-CloudVM's: VMs by value, CSV rows (Name, Destination, MigrationType) by property name.
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

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public MigrationType MigrationType { get; set; } = MigrationType.Auto;

        [Parameter]
        public Hashtable? NetworkMapping { get; set; }

        protected override void Process() => new TestMigrationReadinessCore(Lab).Run(new TestMigrationReadinessParameters
        {
            VM = VM,
            Destination = Destination,
            MigrationType = MigrationType,
            NetworkMapping = NetworkMapping,
        }, this);
    }
}
