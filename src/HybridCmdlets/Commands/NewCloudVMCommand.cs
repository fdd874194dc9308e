using System.Globalization;
using System.Management.Automation;
using System;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Adds a VM to an endpoint of the emulated lab, with its size and workload profile. Every parameter binds by
    /// property name, so rows of a CSV file (Name, Endpoint, NumCpu, MemoryGB, ...) each make a VM, and a piped
    /// CloudVM lends its size and placement to a new VM named with -Name.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CloudVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudVM))]
    public sealed class NewCloudVMCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [EndpointTransformation(Single = true)]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint? Endpoint { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public string? Cluster { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? VMHost { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Datastore { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, VSphereLimits.MaxVCpusPerVM)]
        public int NumCpu { get; set; } = 1;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, VSphereLimits.MaxVCpusPerVM)]
        public int CoresPerSocket { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0.004, VSphereLimits.MaxMemoryGB)]
        public double MemoryGB { get; set; } = 4;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public double[]? DiskGB { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? NetworkName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GuestId { get; set; } = "otherGuest64";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^vmx-[0-9]+$")]
        public string? HardwareVersion { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public WorkloadRole Role { get; set; } = WorkloadRole.App;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0.0, VSphereLimits.MaxDirtyRateMBps)]
        public double DirtyRateMBps { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0.0, (double)VSphereLimits.MaxMemoryMB)]
        public double WritableWorkingSetMB { get; set; }

        /// <summary>The hot set inside the writable working set: memory rewritten so often that pre-copy resends it every round.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0.0, (double)VSphereLimits.MaxMemoryMB)]
        public double HotSetMB { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0.0, VSphereLimits.MaxTouchedMemoryPercent)]
        public double TouchedMemoryPercent { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0.0, VSphereLimits.MaxDiskWriteRateMBps)]
        public double DiskWriteRateMBps { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Folder { get; set; }

        [Parameter]
        public SwitchParameter PowerOn { get; set; }

        /// <summary>
        /// Creates the VM and writes it. A VM that cannot be made (an unknown endpoint included) is an error for that
        /// item alone, so that one bad row of a CSV file does not stop the rows after it.
        /// </summary>
        protected override void Process()
        {
            if (EndpointQuery.Unknown(Endpoint!) is HybridException unknown)
            {
                WriteError(unknown);
                return;
            }

            // Checked before -WhatIf shows the name: a name with control characters would act on the terminal.
            if (Names.NameProblem(Name) != null)
            {
                WriteError(EngineErrors.InvalidName("VM name", Name));
                return;
            }

            double? Given(string parameter, double value) => MyInvocation.BoundParameters.ContainsKey(parameter) ? value : (double?)null;
            var spec = new NewVMSpec
            {
                Name = Name,
                Endpoint = Endpoint!.Name,
                Cluster = Cluster,
                VMHost = VMHost,
                Datastore = Datastore,
                NumCpu = NumCpu,
                CoresPerSocket = MyInvocation.BoundParameters.ContainsKey(nameof(CoresPerSocket)) ? CoresPerSocket : (int?)null,
                MemoryMB = (int)Math.Round(MemoryGB * 1024),
                DiskGB = DiskGB,
                NetworkNames = NetworkName,
                GuestId = GuestId,
                HardwareVersion = HardwareVersion,
                PowerState = PowerOn ? PowerState.PoweredOn : PowerState.PoweredOff,
                Folder = Folder,
                Tags = Tag,
                Role = Role,
                DirtyRateMBps = Given(nameof(DirtyRateMBps), DirtyRateMBps),
                WritableWorkingSetMB = Given(nameof(WritableWorkingSetMB), WritableWorkingSetMB),
                HotSetMB = Given(nameof(HotSetMB), HotSetMB),
                TouchedMemoryPercent = Given(nameof(TouchedMemoryPercent), TouchedMemoryPercent),
                DiskWriteRateMBps = Given(nameof(DiskWriteRateMBps), DiskWriteRateMBps),
            };
            if (!Allowed(AccessDemand.CreateVM(spec.Endpoint, spec.Name))) return;
            var target = string.Format(CultureInfo.InvariantCulture, "VM '{0}' on endpoint '{1}'{2}", spec.Name, spec.Endpoint,
                spec.Cluster == null ? "" : ", cluster '" + spec.Cluster + "'");
            var size = string.Format(CultureInfo.InvariantCulture, "Create ({0} vCPU, {1:0.##} GB memory)", spec.NumCpu, spec.MemoryMB / 1024.0);
            if (!ShouldProcess(target, size)) return;
            CloudVM vm;
            try
            {
                vm = Lab.Estate.AddVM(spec);
            }
            catch (HybridException error)
            {
                WriteError(error);
                return;
            }

            RecordChange();
            WriteObject(vm);
        }
    }
}
