using System.Collections.Generic;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the datastores of the lab's endpoints by name, or those that hold VMs, as PowerCLI's Get-Datastore.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudDatastore", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(Datastore))]
    public sealed class GetCloudDatastoreCommand : HybridCmdlet
    {
        public const string NameSet = "Name";
        public const string EndpointPipelineSet = "EndpointPipeline";
        public const string VMSet = "VM";

        /// <summary>What piped VMs share is written once per invocation, as Get-CloudEndpoint -VM does.</summary>
        private readonly HashSet<string> written = new HashSet<string>(Names.Comparer);

        // As Get-CloudVM: -Endpoint in its own set, where -Name takes no pipeline input, so a piped endpoint's Name never binds to -Name.
        [Parameter(ParameterSetName = NameSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = EndpointPipelineSet, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = EndpointPipelineSet, Mandatory = true, ValueFromPipeline = true)]
        [SupportsWildcards]
        [AllowEmptyCollection]
        [EndpointTransformation]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint[]? Endpoint { get; set; }

        // A VM piped in binds here by value, before its own Name could bind to -Name by property name (as Get-CloudEndpoint -VM).
        /// <summary>VMs from Get-CloudVM, as Get-Datastore -RelatedObject: the datastores that hold their files and disks now.</summary>
        [Parameter(ParameterSetName = VMSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public CloudVM[]? VM { get; set; }

        /// <summary>
        /// Writes each matching datastore; an exact name that matches none is a non-terminating DatastoreNotFound error,
        /// a VM that does not exist a VMNotFound error.
        /// </summary>
        protected override void Process()
        {
            if (ParameterSetName == VMSet)
            {
                WriteOnceForVMs(VM!, vm => InventoryQuery.DatastoresOf(Lab.Estate, vm), x => x.Endpoint + "/" + x.Name, written);
                return;
            }

            var endpoints = SearchedEndpoints(Endpoint);
            WriteNamed(InventoryQuery.Datastores(endpoints), x => x.Name, Name, Endpoint == null ? null : endpoints, EngineErrors.DatastoreNotListed);
        }
    }
}
