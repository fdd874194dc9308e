using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Completion;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Lists the emulated endpoints (vCenters): on premises and the partner clouds; or those VMs live on.</summary>
    [Cmdlet(VerbsCommon.Get, "CloudEndpoint", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(CloudEndpoint))]
    public sealed class GetCloudEndpointCommand : HybridCmdlet
    {
        public const string NameSet = "Name";
        public const string VMSet = "VM";

        /// <summary>The endpoints of piped VMs are written once per invocation.</summary>
        private readonly HashSet<string> written = new HashSet<string>(Names.Comparer);

        [Parameter(ParameterSetName = NameSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        public CloudProvider[]? Provider { get; set; }

        // A VM piped in binds here by value, before its own Name could bind to -Name (as PowerCLI's Get-VMHost -VM).
        [Parameter(ParameterSetName = VMSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public CloudVM[]? VM { get; set; }

        protected override void Process()
        {
            if (ParameterSetName == VMSet) ForVMs();
            else ByName();
        }

        /// <summary>The endpoints the VMs live on now (a VM may have moved since it was read), each once.</summary>
        private void ForVMs()
        {
            foreach (var vm in VM!)
            {
                if (vm == null) continue;
                var current = Lab.Estate.FindVMById(vm.Id);
                if (current == null)
                {
                    WriteError(EngineErrors.VMNotFound(vm.Name));
                    continue;
                }

                var endpoint = Lab.Estate.FindEndpoint(current.Endpoint);
                if (endpoint != null && written.Add(endpoint.Name)) WriteObject(endpoint);
            }
        }

        /// <summary>The endpoints whose names match and whose provider is one given; an exact name that matches none is EndpointNotFound.</summary>
        private void ByName()
        {
            var patterns = (Name ?? new[] { "*" }).Select(NamePattern.Parse).ToArray();
            var listed = Lab.Estate.Endpoints.Where(e => Provider == null || Provider.Length == 0 || Provider.Contains(e.Provider)).ToList();
            foreach (var endpoint in listed)
            {
                if (patterns.Any(p => p.IsMatch(endpoint.Name))) WriteObject(endpoint);
            }

            foreach (var missing in ExactNames.Misses(patterns, listed.Select(e => e.Name).ToList())) WriteError(EngineErrors.EndpointNotFound(missing));
        }
    }
}
