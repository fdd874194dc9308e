using System.Globalization;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class NewCloudVMCore
    {
        private readonly LabSession lab;

        public NewCloudVMCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Creates the VM and writes it. A VM that cannot be made is an error for that item alone, so that one bad
        /// row of a CSV file does not stop the rows after it.
        /// </summary>
        public void Run(NewVMSpec spec, ICommandOutput output)
        {
            if (!AccessChecks.Allow(lab, AccessDemand.CreateVM(spec.Endpoint, spec.Name), output)) return;
            var target = string.Format(CultureInfo.InvariantCulture, "VM '{0}' on endpoint '{1}'{2}", spec.Name, spec.Endpoint,
                spec.Cluster == null ? "" : ", cluster '" + spec.Cluster + "'");
            var size = string.Format(CultureInfo.InvariantCulture, "Create ({0} vCPU, {1:0.##} GB memory)", spec.NumCpu, spec.MemoryMB / 1024.0);
            if (!output.ShouldProcess(target, size)) return;
            CloudVM vm;
            try
            {
                vm = lab.Estate.AddVM(spec);
            }
            catch (HybridException error)
            {
                output.WriteError(error);
                return;
            }

            LabChanges.Record(lab, output);
            output.WriteObject(vm);
        }
    }
}
