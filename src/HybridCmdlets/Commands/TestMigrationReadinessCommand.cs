using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Tells whether VMs can move to a destination, by which type, how long it takes and how much downtime it costs.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "MigrationReadiness")]
    [OutputType(typeof(MigrationReadiness))]
    public sealed class TestMigrationReadinessCommand : MigrationRequestCmdlet
    {
        protected override void Process() => new TestMigrationReadinessCore(Lab).Run(new MigrationRequestParameters
        {
            VM = VM,
            Destination = Destination,
            MigrationType = MigrationType,
            NetworkMapping = NetworkMapping,
        }, this);
    }
}
