using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.NetworkExtension;

namespace HybridCmdlets.Engine.Errors
{
    /// <summary>HCX Network Extension's refusals, each with its own id, as the HCX UI refuses each case for its own reason.</summary>
    public static partial class EngineErrors
    {
        public static HybridException NetworkExtensionNeedsHcx(string endpoint) => new HybridException(
            "NetworkExtensionNeedsHcx", ErrorKind.InvalidOperation,
            F("Endpoint '{0}' does not run HCX: Network Extension needs HCX at both sites.", endpoint), endpoint,
            "Extend between endpoints that run HCX: Get-CloudEndpoint | Select-Object Name, HcxEnabled.");

        public static HybridException NetworkSourceAmbiguous(string network, IEnumerable<string> endpoints) => new HybridException(
            "NetworkSourceAmbiguous", ErrorKind.InvalidArgument,
            F("Several endpoints have a network named '{0}' ({1}).", network, string.Join(", ", endpoints)), network,
            "Name the network's site with -Source.");

        public static HybridException NetworkExtensionSameSite(string endpoint, string network) => new HybridException(
            "NetworkExtensionSameSite", ErrorKind.InvalidArgument,
            F("Network '{0}' is already at '{1}': an extension stretches a network to another site.", network, endpoint), network,
            "Give another endpoint as -Destination.");

        public static HybridException NetworkOnStandardSwitch(string endpoint, string network, string vSwitch) => new HybridException(
            "NetworkOnStandardSwitch", ErrorKind.InvalidOperation,
            F("Network '{0}' at '{1}' is a standard switch port group (on '{2}'): HCX extends distributed port groups and NSX segments only.", network, endpoint, vSwitch), network,
            "Move its VMs to a distributed port group with the same VLAN and extend that, or map the network at the destination with Move-CloudVM -NetworkMapping.");

        public static HybridException NetworkUntagged(string endpoint, string network) => new HybridException(
            "NetworkUntagged", ErrorKind.InvalidOperation,
            F("Network '{0}' at '{1}' has no VLAN (VLAN type None or id 0): HCX does not extend untagged port groups.", network, endpoint), network,
            "Tag the port group with its VLAN, or map the network at the destination with Move-CloudVM -NetworkMapping.");

        public static HybridException NetworkCarriesVMkernel(string endpoint, string network) => new HybridException(
            "NetworkCarriesVMkernel", ErrorKind.InvalidOperation,
            F("Network '{0}' at '{1}' carries ESXi VMkernel adapters (management, vMotion or vSAN): HCX does not extend infrastructure networks.", network, endpoint), network,
            "Map the VMs' network to a destination network with Move-CloudVM -NetworkMapping instead.");

        public static HybridException NetworkIsExtension(string endpoint, string network, string extendedFrom) => new HybridException(
            "NetworkIsExtension", ErrorKind.InvalidOperation,
            F("Network '{0}' at '{1}' is itself an extension of '{2}': extend the original network instead.", network, endpoint, extendedFrom), network,
            F("Extend '{0}' to the other destination.", extendedFrom));

        public static HybridException NetworkAlreadyExtended(string source, string network, string destination, string segment) => new HybridException(
            "NetworkAlreadyExtended", ErrorKind.ResourceExists,
            F("Network '{0}' at '{1}' is already extended to '{2}' as '{3}'.", network, source, destination, segment), network,
            "Nothing to do: Get-CloudNetworkExtension lists the extensions.");

        public static HybridException NetworkExtensionDestinationLimit(string source, string network, IEnumerable<string> destinations) => new HybridException(
            "NetworkExtensionDestinationLimit", ErrorKind.LimitsExceeded,
            F("Network '{0}' at '{1}' is already extended to {2} destinations ({3}), the most HCX allows.", network, source, HcxNetworkExtensionLimits.MaxDestinationsPerNetwork, string.Join(", ", destinations)), network,
            "Remove one of its extensions first with Remove-CloudNetworkExtension.");

        public static HybridException NetworkExtensionApplianceFull(string link, int appliances) => new HybridException(
            "NetworkExtensionApplianceFull", ErrorKind.LimitsExceeded,
            F("The {0} Network Extension appliance(s) of {1} each bridge {2} networks already, as many as an appliance can.", appliances, link, HcxNetworkExtensionLimits.NetworksPerAppliance), link,
            F("Deploy another appliance: Set-CloudLink <source> <destination> -NetworkExtensionAppliances {0} (at most {1}).", appliances + 1, HcxNetworkExtensionLimits.MaxAppliances));

        public static HybridException NetworkExtensionApplianceNotFound(string appliance, string link, int appliances) => new HybridException(
            "NetworkExtensionApplianceNotFound", ErrorKind.ObjectNotFound,
            F("'{0}' is not one of the {1} Network Extension appliance(s) of {2}.", appliance, appliances, link), appliance,
            "Leave -Appliance out to use the first with room, or deploy more with Set-CloudLink -NetworkExtensionAppliances.");

        public static HybridException NetworkExtensionApplianceBusy(string appliance) => new HybridException(
            "NetworkExtensionApplianceFull", ErrorKind.LimitsExceeded,
            F("Network Extension appliance '{0}' bridges {1} networks already, as many as it can.", appliance, HcxNetworkExtensionLimits.NetworksPerAppliance), appliance,
            "Choose another appliance with -Appliance, or leave it out to use the first with room.");

        public static HybridException NetworkExtensionApplianceInUse(string appliance, int asked) => new HybridException(
            "NetworkExtensionApplianceInUse", ErrorKind.InvalidOperation,
            F("Appliance '{0}' still bridges networks, so the service mesh cannot shrink to {1} appliance(s).", appliance, asked), asked,
            "Remove the extensions it carries first (Get-CloudNetworkExtension | Where-Object Appliance -EQ '" + appliance + "').");

        public static HybridException NetworkNameInUse(string endpoint, string network) => new HybridException(
            "NetworkNameInUse", ErrorKind.ResourceExists,
            F("Endpoint '{0}' already has a network named '{1}', the name HCX gives the extension's segment.", endpoint, network), network,
            "Rename or remove that network at the destination first.");

        public static HybridException NetworkExtensionNotFound(string name) => new HybridException(
            "NetworkExtensionNotFound", ErrorKind.ObjectNotFound,
            F("No network extension matches '{0}'.", name), name,
            "List the extensions with Get-CloudNetworkExtension.");

        public static HybridException NetworkExtensionAmbiguous(string network, IEnumerable<string> destinations) => new HybridException(
            "NetworkExtensionAmbiguous", ErrorKind.InvalidArgument,
            F("Network '{0}' is extended to several destinations ({1}).", network, string.Join(", ", destinations)), network,
            "Name the one to remove with -Destination.");

        public static HybridException NetworkExtensionInUse(string destination, string segment, IReadOnlyCollection<string> vms) => new HybridException(
            "NetworkExtensionInUse", ErrorKind.InvalidOperation,
            F("{0} VM(s) at '{1}' use segment '{2}' ({3}{4}): without the extension they would lose their layer-2 path to the network they came from.",
                vms.Count, destination, segment, string.Join(", ", vms.Take(5)), vms.Count > 5 ? ", ..." : ""), segment,
            F("Move those VMs back, or connect them to another network, first: Get-CloudNetwork '{0}' -Endpoint {1} | Get-CloudVM.", segment, destination));
    }
}
