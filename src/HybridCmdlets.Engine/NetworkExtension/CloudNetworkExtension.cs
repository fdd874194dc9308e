using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.NetworkExtension
{
    /// <summary>
    /// An HCX Network Extension: a port group stretched at layer 2 from its site to a destination's NSX segment, so that
    /// VMs moved there keep their addresses and broadcast domain. Property names follow PowerCLI's HCXNetworkExtension
    /// (Network, Source, Destination, DestinationNetwork, Appliance).
    /// </summary>
    public sealed class CloudNetworkExtension
    {
        internal CloudNetworkExtension(CloudNetwork segment, string source, string network, CloudNetwork? sourceNetwork, int vmCount)
        {
            Name = segment.Name;
            Network = network;
            Source = source;
            Destination = segment.Endpoint;
            DestinationNetwork = segment.Name;
            VlanId = segment.VlanId;
            SegmentId = segment.SegmentId;
            Appliance = segment.ExtensionAppliance ?? "";
            SourceSwitch = sourceNetwork?.Switch ?? "";
            VMCount = vmCount;
        }

        /// <summary>The destination segment's name, which is how vCenter and NSX show the extension.</summary>
        public string Name { get; }

        /// <summary>The port group that is extended, at <see cref="Source"/>.</summary>
        public string Network { get; }

        public string Source { get; }

        public string Destination { get; }

        /// <summary>The NSX segment at the destination that carries the extended network ('L2E_&lt;network&gt;-&lt;VLAN&gt;').</summary>
        public string DestinationNetwork { get; }

        public int VlanId { get; }

        /// <summary>The segment's NSX overlay id (VNI).</summary>
        public int? SegmentId { get; }

        /// <summary>The NE appliance that bridges it.</summary>
        public string Appliance { get; }

        /// <summary>The distributed switch of the extended port group.</summary>
        public string SourceSwitch { get; }

        /// <summary>VMs at the destination connected to the segment: they lose their layer-2 path home if the extension is removed.</summary>
        public int VMCount { get; }

        public override string ToString() => Source + "/" + Network + " -> " + Destination + "/" + DestinationNetwork;
    }
}
