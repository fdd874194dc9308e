using System;
using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Schedules a fault on the lab — a link down or degraded, a host failure, a full datastore, a stalled
    /// switchover — at a time, at a stage of a named VM's migration, or at random with a seed, to rehearse failures.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "CloudFault", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AtTimeSet)]
    [OutputType(typeof(CloudFault))]
    public sealed class AddCloudFaultCommand : HybridCmdlet
    {
        private const string AtTimeSet = "AtTime";
        private const string AfterSet = "After";
        private const string AtPhaseSet = "AtPhase";
        private const string RandomSet = "Random";

        [Parameter(Mandatory = true, Position = 0)]
        public FaultKind Kind { get; set; }

        /// <summary>A link ("onprem-lon &lt;-&gt; avs-westeurope"), a host or datastore ("endpoint/name"), or a VM name for SwitchoverTimeout.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Target { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AtTimeSet)]
        public DateTime At { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AfterSet)]
        public TimeSpan After { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AtPhaseSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VMNameCompleter))]
        public string VM { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = AtPhaseSet)]
        public MigrationPhase Phase { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = RandomSet)]
        public double RatePerHour { get; set; }

        [Parameter(ParameterSetName = RandomSet)]
        public int Seed { get; set; }

        [Parameter]
        public TimeSpan Duration { get; set; }

        [Parameter]
        public double BandwidthMbps { get; set; }

        [Parameter]
        public double RttMs { get; set; }

        [Parameter]
        public double LossPercent { get; set; }

        protected override void Process()
        {
            bool Given(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
            var spec = new FaultSpec
            {
                Kind = Kind,
                Target = Target,
                At = ParameterSetName == AtTimeSet ? At : (DateTime?)null,
                VM = ParameterSetName == AtPhaseSet ? VM : null,
                Phase = ParameterSetName == AtPhaseSet ? Phase : (MigrationPhase?)null,
                RatePerHour = ParameterSetName == RandomSet ? RatePerHour : (double?)null,
                Seed = Seed,
                Duration = Given(nameof(Duration)) ? Duration : (TimeSpan?)null,
                BandwidthMbps = Given(nameof(BandwidthMbps)) ? BandwidthMbps : (double?)null,
                RttMs = Given(nameof(RttMs)) ? RttMs : (double?)null,
                LossPercent = Given(nameof(LossPercent)) ? LossPercent : (double?)null,
            };
            new AddCloudFaultCore(Lab).Run(spec, ParameterSetName == AfterSet ? After : (TimeSpan?)null, this);
        }
    }
}
