using System.Collections;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Infrastructure
{
    /// <summary>
    /// The parameters of a move request, shared by Move-CloudVM and Test-MigrationReadiness so that the test is asked
    /// exactly what the move would be: VMs by value, CSV rows (Name, Destination, MigrationType) by property name.
    /// </summary>
    public abstract class MigrationRequestCmdlet : HybridCmdlet
    {
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

        /// <summary>Source network name to destination network name, for NICs the automatic mapping would not place as wanted.</summary>
        [Parameter]
        public Hashtable? NetworkMapping { get; set; }
    }
}
