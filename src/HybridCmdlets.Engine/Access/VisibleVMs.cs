using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Querying;

namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// The VMs this session may see: those of open endpoints and of endpoints it is connected to, as PowerCLI's Get-VM
    /// sees the VMs of the vCenters it is connected to. In a lab without users, all of them.
    /// </summary>
    public static class VisibleVMs
    {
        /// <summary>
        /// The lab's current VMs that a -VM argument stands for: a VM object (<paramref name="given"/>) is looked up
        /// again by id (it may have moved or gone since it was read); a name or wildcard by name. A miss on an object or
        /// an exact name goes to <paramref name="miss"/> (VMNotFound, or NotConnected for a VM on an endpoint this
        /// session may not read); a wildcard leaves such VMs out silently.
        /// </summary>
        public static IEnumerable<CloudVM> Resolve(LabSession lab, CloudVM? given, string name, Action<HybridException> miss)
        {
            if (given != null)
            {
                var current = lab.Estate.FindVMById(given.Id);
                if (current == null) miss(EngineErrors.VMNotFound(given.Name));
                else if (Hidden(lab, current) is HybridException hidden) miss(hidden);
                else yield return current;
                yield break;
            }

            // An exact name through the estate's index: a wave piped in by name must not scan the lab once per VM.
            var query = new VMQuery(names: new[] { name });
            var candidates = NamePattern.Parse(name).HasWildcard ? lab.Estate.VMs : lab.Estate.FindVMsNamed(name);
            foreach (var vm in query.Run(Of(lab, candidates))) yield return vm;
            foreach (var missing in query.UnmatchedNames) miss(Missing(lab, missing));
        }

        public static IEnumerable<CloudVM> Of(LabSession lab, IEnumerable<CloudVM> vms)
        {
            var hidden = lab.Access.Unreadable();
            return hidden.Count == 0 ? vms : vms.Where(v => !hidden.Contains(v.Endpoint));
        }

        /// <summary>The error for a VM (by object) on an endpoint this session cannot read, or null when it can.</summary>
        public static HybridException? Hidden(LabSession lab, CloudVM vm) =>
            lab.Access.CanRead(vm.Endpoint) ? null : NotConnected(vm, vm.Name);

        /// <summary>
        /// The error for an exact name that matched no visible VM: NotConnected when a VM of that name lives on an endpoint
        /// this session is not connected to (so that the user knows what to do), else VMNotFound.
        /// </summary>
        public static HybridException Missing(LabSession lab, string name)
        {
            var hidden = lab.Access.Unreadable();
            if (hidden.Count > 0)
            {
                var pattern = NamePattern.Parse(name);
                var vm = lab.Estate.VMs.FirstOrDefault(v => hidden.Contains(v.Endpoint) && pattern.IsMatch(v.Name));
                if (vm != null) return NotConnected(vm, name);
            }

            return EngineErrors.VMNotFound(name);
        }

        /// <summary>
        /// What a search of the VMs leaves out because this session is not connected: a NotConnected error for each of
        /// the <paramref name="endpoints"/> named that it may not read; NotConnectedToAny (and no search) when none was
        /// named and it may read none; else a note naming the endpoints left out.
        /// </summary>
        public static SearchScope Scope(LabSession lab, IReadOnlyCollection<string>? endpoints)
        {
            var hidden = lab.Access.Unreadable();
            var scope = new SearchScope();
            if (hidden.Count == 0) return scope;
            if (endpoints != null)
            {
                scope.Errors = endpoints.Where(hidden.Contains)
                    .Select(e => EngineErrors.NotConnected(e, AccessDemand.ReadEndpoint(e).Operation, e)).ToList();
                return scope;
            }

            var names = string.Join(", ", lab.Estate.Endpoints.Where(e => hidden.Contains(e.Name)).Select(e => "'" + e.Name + "'"));
            if (hidden.Count == lab.Estate.Endpoints.Count)
            {
                scope.MaySearch = false;
                scope.Errors = new[] { EngineErrors.NotConnectedToAny(names) };
                return scope;
            }

            scope.Note = "Not searched: " + names + ", which declare users and to which this session is not connected (Connect-CloudEndpoint).";
            return scope;
        }

        private static HybridException NotConnected(CloudVM vm, string asked) =>
            EngineErrors.NotConnected(vm.Endpoint, AccessDemand.ReadVM(vm.Endpoint, vm.Name).Operation, asked);
    }

    /// <summary>What <see cref="VisibleVMs.Scope"/> found: whether to search at all, the errors to report, and a note.</summary>
    public sealed class SearchScope
    {
        public bool MaySearch { get; internal set; } = true;

        public IReadOnlyList<HybridException> Errors { get; internal set; } = Array.Empty<HybridException>();

        public string? Note { get; internal set; }
    }
}
