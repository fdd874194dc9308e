using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Lab;
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

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process() =>
            new SetHybridLabOptionCore(Lab).Run(MyInvocation.BoundParameters.ContainsKey(nameof(AutoSave)) ? AutoSave : (bool?)null, PassThru, this);
    }
}
