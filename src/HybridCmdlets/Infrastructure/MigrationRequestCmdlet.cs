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

        /// <summary>'endpoint', 'endpoint/cluster' or 'endpoint/cluster/host'; an endpoint, cluster or host object also works.</summary>
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

        /// <summary>This move's pre-copy algorithm, over the lab's (Set-HybridLabOption -MigrationAlgorithm).</summary>
        [Parameter]
        public MigrationAlgorithm MigrationAlgorithm { get; set; }

        /// <summary>The most this move may send, in Mbps: QEMU's max-bandwidth, xl migrate over a rate-limited link, HCX's per-migration cap.</summary>
        [Parameter]
        public double MaxBandwidthMbps { get; set; }

        /// <summary>Non-live: pause the guest and copy its memory once, the literature's stop-and-copy baseline.</summary>
        [Parameter]
        public SwitchParameter StopAndCopy { get; set; }

        /// <summary>The pre-copy choices bound on this call (or piped record), checked: a bad one is one error for the call, before any VM is looked at.</summary>
        protected MoveOptions Choices => MoveOptions.Of(
            MyInvocation.BoundParameters.ContainsKey(nameof(MigrationAlgorithm)) ? MigrationAlgorithm : (MigrationAlgorithm?)null,
            MyInvocation.BoundParameters.ContainsKey(nameof(MaxBandwidthMbps)) ? MaxBandwidthMbps : (double?)null,
            StopAndCopy);
    }
}
