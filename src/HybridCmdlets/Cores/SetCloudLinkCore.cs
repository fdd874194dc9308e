using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class SetCloudLinkCore
    {
        private readonly LabSession lab;

        public SetCloudLinkCore(LabSession lab) => this.lab = lab;

        /// <summary>Changes one link; any problem is an error for that link alone (links may come from the pipeline).</summary>
        public void Run(string source, string destination, double? bandwidthMbps, double? rttMs, double? lossPercent, bool passThru, ICommandOutput output)
        {
            try
            {
                Change(source, destination, bandwidthMbps, rttMs, lossPercent, passThru, output);
            }
            catch (HybridException error)
            {
                output.WriteError(error);
            }
        }

        private void Change(string source, string destination, double? bandwidthMbps, double? rttMs, double? lossPercent, bool passThru, ICommandOutput output)
        {
            if (!bandwidthMbps.HasValue && !rttMs.HasValue && !lossPercent.HasValue)
            {
                throw new HybridException("LinkSettingRequired", ErrorKind.InvalidArgument,
                    "Set-CloudLink was given nothing to change for " + source + " <-> " + destination + ".", source + " <-> " + destination,
                    "Give at least one of -BandwidthMbps, -RttMs or -LossPercent.");
            }

            lab.Estate.GetEndpoint(source);
            lab.Estate.GetEndpoint(destination);
            var link = lab.Estate.FindLink(source, destination) ?? throw EngineErrors.LinkNotFound(source, destination);
            var changes = new List<string>();
            if (bandwidthMbps.HasValue) changes.Add(string.Format(CultureInfo.InvariantCulture, "bandwidth {0} -> {1} Mbps", link.BandwidthMbps, bandwidthMbps));
            if (rttMs.HasValue) changes.Add(string.Format(CultureInfo.InvariantCulture, "RTT {0} -> {1} ms", link.RttMs, rttMs));
            if (lossPercent.HasValue) changes.Add(string.Format(CultureInfo.InvariantCulture, "loss {0} -> {1} %", link.LossPercent, lossPercent));
            if (!output.ShouldProcess("link " + link.Name, "Set " + string.Join(", ", changes))) return;

            var updated = lab.SetLink(source, destination, bandwidthMbps, rttMs, lossPercent);
            LabChanges.Record(lab, output);
            if (passThru) output.WriteObject(updated);
        }
    }
}
