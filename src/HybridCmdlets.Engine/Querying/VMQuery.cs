using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Querying
{
    /// <summary>
    /// Get-CloudVM's filters (a cluster, host, datastore or network among them: <see cref="IVMContainer"/>). Every filter given must match; within one filter any value may match. After the
    /// results have been enumerated, <see cref="UnmatchedNames"/> lists the exact (wildcard-free) names that
    /// found nothing, which PowerCLI reports as errors while a wildcard that matches nothing stays silent.
    /// </summary>
    public sealed class VMQuery
    {
        private readonly NamePattern[] names;
        private readonly HashSet<string>? endpoints;
        private readonly NamePattern[] clusters;
        private readonly HashSet<PowerState>? powerStates;
        private readonly NamePattern[] tags;
        private readonly IVMContainer[]? containers;
        private readonly HashSet<int> matchedNames = new HashSet<int>();
        /// <summary>Tag to its name part: a lab holds few distinct tags, so each is cut once per query, not once per VM.</summary>
        private readonly Dictionary<string, string> tagNames = new Dictionary<string, string>(System.StringComparer.Ordinal);

        public VMQuery(
            IEnumerable<string>? names = null,
            IEnumerable<string>? endpoints = null,
            IEnumerable<string>? clusters = null,
            IEnumerable<PowerState>? powerStates = null,
            IEnumerable<string>? tags = null,
            IEnumerable<IVMContainer>? containers = null)
        {
            this.names = (names ?? Enumerable.Empty<string>()).Select(NamePattern.Parse).ToArray();
            this.endpoints = endpoints == null ? null : new HashSet<string>(endpoints, Names.Comparer);
            this.clusters = (clusters ?? Enumerable.Empty<string>()).Select(NamePattern.Parse).ToArray();
            this.powerStates = powerStates == null ? null : new HashSet<PowerState>(powerStates);
            this.tags = (tags ?? Enumerable.Empty<string>()).Select(NamePattern.Parse).ToArray();
            this.containers = containers?.Where(c => c != null).ToArray();
        }

        /// <summary>The VMs that match, in inventory order, streamed.</summary>
        public IEnumerable<CloudVM> Run(IEnumerable<CloudVM> vms)
        {
            foreach (var vm in vms)
            {
                if (endpoints != null && !endpoints.Contains(vm.Endpoint)) continue;
                if (powerStates != null && !powerStates.Contains(vm.PowerState)) continue;
                if (clusters.Length > 0 && !clusters.Any(c => c.IsMatch(vm.Cluster))) continue;
                if (tags.Length > 0 && !MatchTag(vm)) continue;
                if (containers != null && !containers.Any(c => c.Holds(vm))) continue;
                if (names.Length > 0 && !MatchName(vm.Name)) continue;
                yield return vm;
            }
        }

        public IReadOnlyList<string> UnmatchedNames =>
            names.Where((p, i) => !p.HasWildcard && !matchedNames.Contains(i)).Select(p => p.ToString()).ToArray();

        /// <summary>A tag matches by its whole 'Category/Name' or by its name alone.</summary>
        private bool MatchTag(CloudVM vm)
        {
            foreach (var tag in vm.TagList)
            {
                if (!tagNames.TryGetValue(tag, out var name)) tagNames[tag] = name = CloudVM.TagName(tag);
                foreach (var pattern in tags)
                {
                    if (pattern.IsMatch(tag) || pattern.IsMatch(name)) return true;
                }
            }

            return false;
        }

        private bool MatchName(string name)
        {
            var any = false;
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i].IsMatch(name))
                {
                    matchedNames.Add(i);
                    any = true;
                }
            }

            return any;
        }
    }
}
