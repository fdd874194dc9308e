using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.NetworkExtension;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Stretches a port group to another site with HCX Network Extension, as PowerCLI's New-HCXNetworkExtension: the
    /// destination gets an NSX segment 'L2E_&lt;network&gt;-&lt;VLAN&gt;', and VMs moved there keep their addresses.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CloudNetworkExtension", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CloudNetworkExtension))]
    public sealed class NewCloudNetworkExtensionCommand : HybridCmdlet
    {
        /// <summary>The port group to extend; Get-CloudNetwork's objects bind by their Name and Endpoint.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string[] Network { get; set; } = new string[0];

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string Destination { get; set; } = "";

        /// <summary>The site of the network; needed only when several endpoints have a network of that name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Endpoint")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string? Source { get; set; }

        /// <summary>The NE appliance to bridge it; by default the first of the site pair's appliances with room.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Appliance { get; set; }

        protected override void Process()
        {
            foreach (var network in Network)
            {
                // Each network is its own item: one refusal does not stop the others.
                try
                {
                    var source = SourceOf(network);
                    var segment = NetworkExtensions.Plan(Lab.Estate, source, network, Destination, Appliance);
                    var what = "Extend to " + segment.Endpoint + " as '" + segment.Name + "' (VLAN " + segment.VlanId + ", appliance " + segment.ExtensionAppliance + ")";
                    if (!ShouldProcess("network '" + network + "' at " + source, what)) continue;
                    var extension = Lab.ExtendNetwork(source, network, Destination, Appliance);
                    RecordChange();
                    WriteObject(extension);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }
        }

        /// <summary>-Source, else the one endpoint (other than the destination) with a network of that name.</summary>
        private string SourceOf(string network)
        {
            if (Source != null) return Lab.Estate.GetEndpoint(Source).Name;
            var holders = Lab.Estate.Endpoints.Where(e => !Names.Equal(e.Name, Destination) && e.FindNetwork(network) != null).Select(e => e.Name).ToList();
            if (holders.Count == 1) return holders[0];
            if (holders.Count == 0) throw EngineErrors.NetworkNotListed(network, null);
            throw EngineErrors.NetworkSourceAmbiguous(network, holders);
        }
    }
}
