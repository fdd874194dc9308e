using System.Collections.Generic;
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
    /// Removes HCX Network Extensions (unextends the networks), as PowerCLI's Remove-HCXNetworkExtension: the segment at
    /// the destination goes. Refused while VMs there use the segment (NetworkExtensionInUse).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "CloudNetworkExtension", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(CloudNetworkExtension))]
    public sealed class RemoveCloudNetworkExtensionCommand : HybridCmdlet
    {
        public const string NameSet = "Name";
        public const string ObjectSet = "Object";

        /// <summary>Extensions from Get-CloudNetworkExtension or New-CloudNetworkExtension.</summary>
        [Parameter(ParameterSetName = ObjectSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public CloudNetworkExtension[] NetworkExtension { get; set; } = new CloudNetworkExtension[0];

        /// <summary>The extended port group's name at its source, or the segment's name at the destination.</summary>
        [Parameter(ParameterSetName = NameSet, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string[] Network { get; set; } = new string[0];

        /// <summary>Needed only when the network is extended to several destinations.</summary>
        [Parameter(ParameterSetName = NameSet, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string? Destination { get; set; }

        /// <summary>Writes each removed extension.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            foreach (var (destination, segment) in Targets())
            {
                if (!ShouldProcess("network extension '" + segment + "' at " + destination, "Remove (unextend)")) continue;
                try
                {
                    var removed = Lab.RemoveNetworkExtension(destination, segment);
                    RecordChange();
                    WriteVerbose("Removed extension '" + removed.DestinationNetwork + "' of '" + removed.Network + "' from " + removed.Destination + "; appliance " + removed.Appliance + " has room for one more network.");
                    if (PassThru) WriteObject(removed);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                }
            }
        }

        /// <summary>The extensions to remove, as (destination, segment); a name that matches none, or several destinations without -Destination, is an error for that name alone.</summary>
        private IEnumerable<(string Destination, string Segment)> Targets()
        {
            if (ParameterSetName == ObjectSet)
            {
                foreach (var extension in NetworkExtension.Where(x => x != null)) yield return (extension.Destination, extension.DestinationNetwork);
                yield break;
            }

            var extensions = NetworkExtensions.List(Lab.Estate);
            foreach (var name in Network)
            {
                var matches = extensions
                    .Where(x => Names.Equal(x.Network, name) || Names.Equal(x.DestinationNetwork, name))
                    .Where(x => Destination == null || Names.Equal(x.Destination, Destination))
                    .ToList();
                if (matches.Count == 0) WriteError(EngineErrors.NetworkExtensionNotFound(Destination == null ? name : Destination + "/" + name));
                else if (matches.Count > 1) WriteError(EngineErrors.NetworkExtensionAmbiguous(name, matches.Select(x => x.Destination)));
                else yield return (matches[0].Destination, matches[0].DestinationNetwork);
            }
        }
    }
}
