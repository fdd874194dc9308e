using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;

namespace HybridCmdlets.Cores
{
    /// <summary>
    /// The VMs this session may see: those of open endpoints and of endpoints it is connected to, as PowerCLI's Get-VM
    /// sees the VMs of the vCenters it is connected to. In a lab without users, all of them.
    /// </summary>
    internal static class VisibleVMs
    {
        public static IEnumerable<CloudVM> Of(LabSession lab, IEnumerable<CloudVM> vms)
        {
            var hidden = lab.Access.Unreadable();
            return hidden.Count == 0 ? vms : vms.Where(v => !hidden.Contains(v.Endpoint));
        }

        /// <summary>The error for a VM (by object) on an endpoint this session cannot read, or null when it can.</summary>
        public static HybridException? Hidden(LabSession lab, CloudVM vm) =>
            lab.Access.CanRead(vm.Endpoint) ? null : NotConnected(vm, vm.Name);

        /// <summary>
        /// The error for an exact name that matched no visible VM: NotConnected when a VM of that name lives on an endpoint
        /// this session is not connected to (so that the user knows what to do), else VMNotFound.
        /// </summary>
        public static HybridException Missing(LabSession lab, string name)
        {
            var hidden = lab.Access.Unreadable();
            if (hidden.Count > 0)
            {
                var pattern = NamePattern.Parse(name);
                var vm = lab.Estate.VMs.FirstOrDefault(v => hidden.Contains(v.Endpoint) && pattern.IsMatch(v.Name));
                if (vm != null) return NotConnected(vm, name);
            }

            return EngineErrors.VMNotFound(name);
        }

        private static HybridException NotConnected(CloudVM vm, string asked) =>
            EngineErrors.NotConnected(vm.Endpoint, AccessDemand.ReadVM(vm.Endpoint, vm.Name).Operation, asked);
    }
}
