using System.Linq;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>A port group (standard or distributed) or an NSX segment.</summary>
    public sealed class CloudNetwork : IVMContainer
    {
        public string Name { get; internal set; } = "";
        public string Endpoint { get; internal set; } = "";
        public NetworkKind Kind { get; internal set; }
        /// <summary>The switch that carries it: a vSwitch, a distributed switch, or the NSX overlay.</summary>
        public string Switch { get; internal set; } = "";
        /// <summary>802.1Q VLAN id; 0 when untagged. An extended segment keeps the VLAN it bridges.</summary>
        public int VlanId { get; internal set; }
        /// <summary>NSX overlay segment id (VNI), or null for a VLAN-backed port group.</summary>
        public int? SegmentId { get; internal set; }
        /// <summary>For an HCX Network Extension segment: the network it extends, as 'endpoint/network'.</summary>
        public string? ExtendedFrom { get; internal set; }
        /// <summary>False for a standard switch with no physical uplinks (an internal-only network).</summary>
        public bool HasUplinks { get; internal set; } = true;
        /// <summary>
        /// True when ESXi VMkernel adapters (management, vMotion, vSAN) use this port group: HCX does not extend such
        /// infrastructure networks.
        /// </summary>
        public bool VMkernel { get; internal set; }
        /// <summary>For an HCX Network Extension segment: the NE appliance that bridges it (for example 'onprem-lon-avs-westeurope-NE-I1').</summary>
        public string? ExtensionAppliance { get; internal set; }

        /// <summary>PowerCLI's VirtualPortGroup.VirtualSwitch: the switch that carries it.</summary>
        public string VirtualSwitch => Switch;

        /// <summary>True when one of the VM's network adapters is connected to this network.</summary>
        public bool Holds(CloudVM vm) => Names.Equal(vm.Endpoint, Endpoint) && vm.Networks.Any(n => Names.Equal(n, Name));

        public override string ToString() => Name;
    }
}
