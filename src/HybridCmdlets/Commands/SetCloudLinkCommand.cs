using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Changes a link's bandwidth, round-trip time or loss, to rehearse a move over a worse (or better) path.</summary>
    [Cmdlet(VerbsCommon.Set, "CloudLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudLink))]
    public sealed class SetCloudLinkCommand : HybridCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string Source { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string Destination { get; set; } = "";

        [Parameter]
        [ValidateRange(VSphereLimits.MinLinkBandwidthMbps, VSphereLimits.MaxLinkBandwidthMbps)]
        public double BandwidthMbps { get; set; }

        [Parameter]
        [ValidateRange(0.0, VSphereLimits.MaxLinkRttMs)]
        public double RttMs { get; set; }

        [Parameter]
        [ValidateRange(0.0, VSphereLimits.MaxLinkLossPercent)]
        public double LossPercent { get; set; }

        /// <summary>HCX Network Extension appliances for this site pair (the service mesh's scale-out); each bridges 8 networks.</summary>
        [Parameter]
        [ValidateRange(1, Engine.NetworkExtension.HcxNetworkExtensionLimits.MaxAppliances)]
        public int NetworkExtensionAppliances { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            double? Given(string parameter, double value) => MyInvocation.BoundParameters.ContainsKey(parameter) ? value : (double?)null;
            var bandwidthMbps = Given(nameof(BandwidthMbps), BandwidthMbps);
            var rttMs = Given(nameof(RttMs), RttMs);
            var lossPercent = Given(nameof(LossPercent), LossPercent);
            var appliances = MyInvocation.BoundParameters.ContainsKey(nameof(NetworkExtensionAppliances)) ? NetworkExtensionAppliances : (int?)null;
            // Any problem is an error for that link alone: links may come from the pipeline.
            try
            {
                var changes = Lab.DescribeLinkChange(Source, Destination, bandwidthMbps, rttMs, lossPercent, appliances, out var link);
                if (!ShouldProcess("link " + link.Name, "Set " + changes)) return;
                var updated = link;
                if (bandwidthMbps.HasValue || rttMs.HasValue || lossPercent.HasValue) updated = Lab.SetLink(Source, Destination, bandwidthMbps, rttMs, lossPercent);
                if (appliances.HasValue) updated = Lab.SetNetworkExtensionAppliances(Source, Destination, appliances.Value);
                RecordChange();
                if (PassThru) WriteObject(updated);
            }
            catch (HybridException error)
            {
                WriteError(error);
            }
        }
    }
}
