using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Takes the ISO image or device out of CD drives, or disconnects them, as PowerCLI's Set-CDDrive -NoMedia
    /// -Connected:$false: what HCX asks before a live move of a VM whose drive holds a host device or a local ISO.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "CloudCDDrive", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudCDDrive))]
    public sealed class SetCloudCDDriveCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public CloudCDDrive[] CD { get; set; } = new CloudCDDrive[0];

        /// <summary>Takes the ISO image or host device out of the drive.</summary>
        [Parameter]
        public SwitchParameter NoMedia { get; set; }

        /// <summary>Connects ($true) or disconnects ($false) the drive; a powered-off VM's drive cannot be connected.</summary>
        [Parameter]
        public bool Connected { get; set; }

        protected override void Process()
        {
            bool? connected = MyInvocation.BoundParameters.ContainsKey(nameof(Connected)) ? Connected : (bool?)null;
            foreach (var drive in CD.Where(d => d != null))
            {
                var vm = Lab.Estate.FindVMById(drive.VMId);
                if (vm == null)
                {
                    WriteError(EngineErrors.VMIdNotFound(drive.VMId));
                    continue;
                }

                if (VisibleVMs.Hidden(Lab, vm) is HybridException hidden)
                {
                    WriteError(hidden);
                    continue;
                }

                var what = string.Join(", ", new[] { NoMedia ? "no media" : null, connected == null ? null : connected.Value ? "connected" : "disconnected" }.Where(x => x != null));
                if (!ShouldProcess(drive.Name + " of VM '" + vm.Name + "'", "Set " + (what.Length == 0 ? "nothing" : what))) continue;
                try
                {
                    var after = Lab.SetCdDrive(vm, drive.Name, NoMedia, connected);
                    RecordChange();
                    WriteObject(CloudCDDrive.Of(after).First(d => Names.Equal(d.Name, drive.Name)));
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }
        }
    }
}
