using System.Management.Automation;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Tells whether VMs can move to a destination, by which type, how long it takes and how much downtime it costs.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "MigrationReadiness")]
    [OutputType(typeof(MigrationReadiness))]
    public sealed class TestMigrationReadinessCommand : MigrationRequestCmdlet
    {
        /// <summary>The VMs of one invocation are one wave: each ready VM's memory and disks count against the VMs after it.</summary>
        private readonly Wave wave = new Wave();

        /// <summary>
        /// Runs the rule catalog Move-CloudVM runs, for each VM, and writes its MigrationReadiness; changes nothing.
        /// What is wrong with the request itself (an unknown VM or destination) is an error for that VM.
        /// </summary>
        protected override void Process()
        {
            MoveTarget target;
            try
            {
                target = MoveTarget.Parse(Destination, NetworkMapping, MigrationType, choices: Choices);
            }
            catch (HybridException error)
            {
                WriteError(error);
                return;
            }

            foreach (var vm in ResolveVMs(VM))
            {
                Cancellation.ThrowIfCancellationRequested();
                try
                {
                    WriteObject(LabMoves.Test(Lab, vm, target, wave));
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }
        }
    }
}
