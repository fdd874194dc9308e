using System.Collections.Generic;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class RemoveCloudVMCore
    {
        private readonly LabSession lab;

        public RemoveCloudVMCore(LabSession lab) => this.lab = lab;

        public void Run(IEnumerable<VMIdParameter> vms, bool passThru, ICommandOutput output)
        {
            foreach (var vm in VMResolver.Resolve(lab, vms, output))
            {
                output.Cancellation.ThrowIfCancellationRequested();
                if (!AccessChecks.Allow(lab, AccessDemand.RemoveVM(vm), output)) continue;
                if (!output.ShouldProcess("VM '" + vm.Name + "' on endpoint '" + vm.Endpoint + "'", "Remove")) continue;
                try
                {
                    lab.Estate.RemoveVM(vm.Id);
                }
                catch (HybridException error)
                {
                    output.WriteError(error);
                    continue;
                }

                output.WriteVerbose("Removed VM '" + vm.Name + "' (" + vm.Id + ") from " + vm.Endpoint + "; its disk space is free again.");
                LabChanges.Record(lab, output);
                if (passThru) output.WriteObject(vm);
            }
        }
    }
}
