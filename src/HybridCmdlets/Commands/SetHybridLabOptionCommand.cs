using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Changes the options of the current lab.</summary>
    [Cmdlet(VerbsCommon.Set, "HybridLabOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(HybridLab))]
    public sealed class SetHybridLabOptionCommand : HybridCmdlet
    {
        /// <summary>Save a file-backed lab after every change.</summary>
        [Parameter]
        public bool AutoSave { get; set; }

        /// <summary>Virtual seconds per wall second while a move is watched; 0 (the default) runs as fast as the machine can.</summary>
        [Parameter]
        [ValidateRange(0.0, LabSession.MaxTimeScale)]
        public double TimeScale { get; set; }

        /// <summary>The pre-copy algorithm of live moves: vSphere (the default), Xen, XenAdaptive or Qemu.</summary>
        [Parameter]
        public MigrationAlgorithm MigrationAlgorithm { get; set; }

        /// <summary>
        /// The most downtime pre-copy aims for, in milliseconds: QEMU's downtime-limit (300 by default; 30 in older
        /// QEMU/KVM), vSphere's switchover goal (500). 0 goes back to the algorithm's own.
        /// </summary>
        [Parameter]
        public double DowntimeTargetMs { get; set; }

        /// <summary>QEMU's auto-converge capability: throttle the guest's vCPUs when pre-copy does not converge. Off by default, as in QEMU.</summary>
        [Parameter]
        public bool AutoConverge { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            var changes = new List<string>();
            if (Bound(nameof(AutoSave))) changes.Add("AutoSave to " + AutoSave);
            if (Bound(nameof(TimeScale))) changes.Add("TimeScale to " + TimeScale.ToString(CultureInfo.InvariantCulture));
            if (Bound(nameof(MigrationAlgorithm))) changes.Add("MigrationAlgorithm to " + MigrationAlgorithm);
            if (Bound(nameof(DowntimeTargetMs))) changes.Add(DowntimeTargetMs == 0 ? "DowntimeTargetMs to the algorithm's own" : "DowntimeTargetMs to " + DowntimeTargetMs.ToString(CultureInfo.InvariantCulture));
            if (Bound(nameof(AutoConverge))) changes.Add("AutoConverge to " + AutoConverge);
            if (changes.Count == 0) throw EngineErrors.LabOptionRequired();

            if (!ShouldProcess("lab '" + Lab.Describe().Name + "'", "Set " + string.Join(", ", changes))) return;
            Lab.SetOptions(
                Bound(nameof(AutoSave)) ? AutoSave : (bool?)null,
                Bound(nameof(TimeScale)) ? TimeScale : (double?)null,
                Bound(nameof(MigrationAlgorithm)) ? MigrationAlgorithm : (MigrationAlgorithm?)null,
                Bound(nameof(DowntimeTargetMs)) && DowntimeTargetMs != 0 ? DowntimeTargetMs : (double?)null,
                Bound(nameof(AutoConverge)) ? AutoConverge : (bool?)null,
                clearDowntimeTarget: Bound(nameof(DowntimeTargetMs)) && DowntimeTargetMs == 0);
            RecordChange();
            if (PassThru) WriteObject(Lab.Describe());
        }

        private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
