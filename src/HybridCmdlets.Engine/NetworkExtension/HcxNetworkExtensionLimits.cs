namespace HybridCmdlets.Engine.NetworkExtension
{
    /// <summary>
    /// HCX Network Extension's published limits. Sources: VMware's designlets "HCX Network Extension for Azure VMware
    /// Solution" and "... on Oracle Cloud VMware Solution" (VMware Cloud Tech Zone): "A single HCX NE appliance can extend
    /// up to 8 networks. HCX manager 4.x supports up to 128 HCX NE appliances" and "Networks can be extended to a maximum
    /// of 3 ... private clouds"; the HCX User Guide, "Restrictions and Limitations for Network Extension", for the
    /// networks HCX refuses (vSphere Standard Switch port groups, untagged port groups, VMkernel networks).
    /// </summary>
    public static class HcxNetworkExtensionLimits
    {
        /// <summary>Networks one NE appliance bridges.</summary>
        public const int NetworksPerAppliance = 8;

        /// <summary>NE appliances one HCX Manager runs; the most a site pair's service mesh can scale out to here.</summary>
        public const int MaxAppliances = 128;

        /// <summary>Destinations one network can be extended to at once.</summary>
        public const int MaxDestinationsPerNetwork = 3;

        /// <summary>NE appliance <paramref name="number"/> (from 1) of a site pair's service mesh, named as HCX names them: '&lt;mesh&gt;-NE-I&lt;n&gt;'.</summary>
        public static string ApplianceName(string source, string destination, int number) =>
            source + "-" + destination + "-NE-I" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The segment HCX creates at the destination: 'L2E_&lt;port group&gt;-&lt;VLAN&gt;'.</summary>
        public static string SegmentName(string network, int vlanId) =>
            "L2E_" + network + "-" + vlanId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
