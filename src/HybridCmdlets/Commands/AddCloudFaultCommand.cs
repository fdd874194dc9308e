using System.Globalization;
using System.Management.Automation;
using System;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
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
            try
            {
                Lab.CatchUp();
                if (ParameterSetName == AfterSet)
                {
                    // A delay from the lab's clock: the same as -At at that time.
                    if (After < TimeSpan.Zero || After > FaultSpec.MaxAhead) throw EngineErrors.ValueOutOfRange("After", After, "from 0 to " + FaultSpec.MaxAheadText);
                    spec.At = Lab.Timeline.VirtualNow + After;
                }

                var action = string.Format(CultureInfo.InvariantCulture, "Add fault {0}{1}", spec.Kind,
                    spec.Duration is TimeSpan duration ? " for " + duration.ToString("c", CultureInfo.InvariantCulture) : "");
                if (!ShouldProcess(Describe(spec), action)) return;
                WriteObject(Lab.AddFault(spec));
            }
            catch (HybridException error)
            {
                // A wrong fault is an error, and nothing is scheduled.
                WriteError(error);
            }
        }

        private static string Describe(FaultSpec spec)
        {
            var target = spec.Target ?? "what the migration uses";
            if (spec.At is DateTime at) return string.Format(CultureInfo.InvariantCulture, "{0}, at {1:yyyy-MM-dd HH:mm:ss}", target, at.ToUniversalTime());
            if (spec.VM != null) return string.Format(CultureInfo.InvariantCulture, "{0}, when {1} enters {2}", target, spec.VM, spec.Phase);
            return string.Format(CultureInfo.InvariantCulture, "{0}, at random ({1} per hour, seed {2})", target, spec.RatePerHour, spec.Seed);
        }
    }
}
