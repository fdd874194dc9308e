using System.Collections.Generic;
using System.Management.Automation;
using HybridCmdlets.Arguments;
using HybridCmdlets.Completion;
using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists VMs by name, endpoint, cluster, power state or tag; in a cluster, host, datastore or network; or by id.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudVM", DefaultParameterSetName = FilterSet)]
    [OutputType(typeof(CloudVM))]
    public sealed class GetCloudVMCommand : HybridCmdlet
    {
        public const string FilterSet = "Filter";
        public const string EndpointPipelineSet = "EndpointPipeline";
        public const string LocationSet = "Location";
        public const string DatastoreSet = "Datastore";
        public const string NetworkSet = "Network";
        public const string IdSet = "Id";

        // -Endpoint is in the EndpointPipeline set alone, and there -Name takes no pipeline input: a piped endpoint
        // then binds by value and narrows the call to that set, so its own Name cannot also bind to -Name by
        // property name (with -Endpoint in both sets PowerShell bound both, and looked for a VM named after the endpoint).
        [Parameter(ParameterSetName = FilterSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = EndpointPipelineSet, Position = 0)]
        [Parameter(ParameterSetName = LocationSet, Position = 0)]
        [Parameter(ParameterSetName = DatastoreSet, Position = 0)]
        [Parameter(ParameterSetName = NetworkSet, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VMNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = EndpointPipelineSet, Mandatory = true, ValueFromPipeline = true)]
        [SupportsWildcards]
        [AllowEmptyCollection]
        [EndpointTransformation]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public CloudEndpoint[]? Endpoint { get; set; }

        // The places below come from Get-CloudCluster, Get-CloudVMHost, Get-CloudDatastore and Get-CloudNetwork by value,
        // each in a set of its own where -Name takes no pipeline input, as -Endpoint does.

        /// <summary>Clusters or hosts (PowerCLI's Get-VM -Location): the VMs placed in them.</summary>
        [Parameter(ParameterSetName = LocationSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public VMLocation[]? Location { get; set; }

        /// <summary>Datastores (PowerCLI's Get-VM -Datastore): the VMs whose files or disks they hold.</summary>
        [Parameter(ParameterSetName = DatastoreSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public Datastore[]? Datastore { get; set; }

        /// <summary>Port groups or segments: the VMs with a network adapter on them.</summary>
        [Parameter(ParameterSetName = NetworkSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public CloudNetwork[]? Network { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [Parameter(ParameterSetName = EndpointPipelineSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ClusterNameCompleter))]
        public string[]? Cluster { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [Parameter(ParameterSetName = EndpointPipelineSet)]
        [Parameter(ParameterSetName = LocationSet)]
        [Parameter(ParameterSetName = DatastoreSet)]
        [Parameter(ParameterSetName = NetworkSet)]
        [ValidateNotNullOrEmpty]
        public PowerState[]? PowerState { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        [Parameter(ParameterSetName = EndpointPipelineSet)]
        [Parameter(ParameterSetName = LocationSet)]
        [Parameter(ParameterSetName = DatastoreSet)]
        [Parameter(ParameterSetName = NetworkSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        [Parameter(ParameterSetName = IdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>
        /// Writes each matching VM as it is found. An exact name that matches nothing is a VMNotFound error, and an
        /// endpoint name that matches none an EndpointNotFound error; a wildcard that matches nothing is silent, as with
        /// PowerCLI's Get-VM. Only the VMs this session may see are searched (<see cref="VisibleVMs"/>).
        /// </summary>
        protected override void Process()
        {
            if (ParameterSetName == IdSet)
            {
                ById();
                return;
            }

            var endpoints = Endpoint == null ? null : KnownEndpoints(Endpoint).Select(e => e.Name).ToList();
            var scope = VisibleVMs.Scope(Lab, endpoints);
            foreach (var error in scope.Errors) WriteError(error);
            if (scope.Note != null) WriteVerbose(scope.Note);
            if (!scope.MaySearch) return;

            var query = new VMQuery(names: Name?.Where(n => n != null), endpoints: endpoints, clusters: Cluster, powerStates: PowerState, tags: Tag, containers: Places());
            foreach (var vm in query.Run(VisibleVMs.Of(Lab, Lab.Estate.VMs)))
            {
                Cancellation.ThrowIfCancellationRequested();
                WriteObject(vm);
            }

            foreach (var name in query.UnmatchedNames) WriteError(VisibleVMs.Missing(Lab, name));
        }

        /// <summary>The cluster, host, datastore or network objects given, or null when none was.</summary>
        private IEnumerable<IVMContainer>? Places() =>
            Location ?? (IEnumerable<IVMContainer>?)Datastore ?? Network;

        private void ById()
        {
            foreach (var id in Id!)
            {
                var vm = id == null ? null : Lab.Estate.FindVMById(id);
                if (vm == null) WriteError(EngineErrors.VMIdNotFound(id ?? ""));
                else if (VisibleVMs.Hidden(Lab, vm) is HybridException hidden) WriteError(hidden);
                else WriteObject(vm);
            }
        }
    }
}
