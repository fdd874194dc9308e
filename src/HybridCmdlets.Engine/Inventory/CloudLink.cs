using System.Globalization;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>A network path between two endpoints; full duplex, so one link serves both directions.</summary>
    public sealed class CloudLink
    {
        public string Source { get; internal set; } = "";
        public string Destination { get; internal set; } = "";
        public LinkKind Kind { get; internal set; }
        public double BandwidthMbps { get; internal set; }
        public double RttMs { get; internal set; }
        public double LossPercent { get; internal set; }
        /// <summary>
        /// HCX Network Extension appliances deployed for this site pair (the service mesh's "Network Extension Appliance
        /// Scale Out"); each bridges up to <see cref="NetworkExtension.HcxNetworkExtensionLimits.NetworksPerAppliance"/> networks.
        /// </summary>
        public int NetworkExtensionAppliances { get; internal set; } = 1;

        /// <summary>The name of NE appliance <paramref name="number"/> (from 1), as HCX names a service mesh's appliances: '&lt;mesh&gt;-NE-I&lt;n&gt;'.</summary>
        public string ApplianceName(int number) => NetworkExtension.HcxNetworkExtensionLimits.ApplianceName(Source, Destination, number);

        public string Name => Source + " <-> " + Destination;

        public bool Connects(string a, string b) =>
            (Names.Equal(Source, a) && Names.Equal(Destination, b)) || (Names.Equal(Source, b) && Names.Equal(Destination, a));

        internal CloudLink Copy() => (CloudLink)MemberwiseClone();

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1}, {2} Mbps, {3} ms)", Name, Kind, BandwidthMbps, RttMs);
    }
}
