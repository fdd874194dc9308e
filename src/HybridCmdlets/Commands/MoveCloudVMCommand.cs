using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Migrates VMs to another endpoint, cluster or datastore: vMotion, Replication Assisted vMotion, Bulk or Cold.</summary>
    [Cmdlet(VerbsCommon.Move, "CloudVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MigrationResult))]
    [OutputType(typeof(CloudTask))]
    public sealed class MoveCloudVMCommand : MigrationRequestCmdlet
    {
        // Not by property name: a piped VM's own Datastore must not become the destination's.
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Datastore { get; set; }

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
