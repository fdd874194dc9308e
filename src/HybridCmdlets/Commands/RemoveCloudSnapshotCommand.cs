using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Deletes snapshots (consolidating them into the VM's disks), as PowerCLI's Remove-Snapshot: what HCX asks for
    /// before a move, since a VM with snapshots moves slower and Bulk migration does not keep them.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CloudSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(CloudSnapshot))]
    public sealed class RemoveCloudSnapshotCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public CloudSnapshot[] Snapshot { get; set; } = new CloudSnapshot[0];

        /// <summary>Writes each deleted snapshot.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            // One change per VM for the snapshots of that VM given together.
            foreach (var group in Snapshot.Where(s => s != null).GroupBy(s => s.VMId))
            {
                var names = group.Select(s => s.Name).Distinct().ToList();
                var vm = Lab.Estate.FindVMById(group.Key);
                if (vm == null)
                {
                    WriteError(EngineErrors.VMIdNotFound(group.Key));
                    continue;
                }

                if (VisibleVMs.Hidden(Lab, vm) is HybridException hidden)
                {
                    WriteError(hidden);
                    continue;
                }

                if (!ShouldProcess("VM '" + vm.Name + "' on endpoint '" + vm.Endpoint + "'", (names.Count == 1 ? "Remove snapshot " : "Remove snapshots ") + string.Join(", ", names.Select(n => "'" + n + "'")))) continue;
                try
                {
                    Lab.RemoveSnapshots(vm, names);
                    RecordChange();
                    if (PassThru) WriteObject(CloudSnapshot.Of(vm).Where(s => names.Contains(s.Name)), enumerateCollection: true);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }
        }
    }
}
