using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>What one Move-CloudVM call (or one piped record) asks for.</summary>
    public sealed class MoveCloudVMParameters
    {
        public IReadOnlyList<VMIdParameter> VM { get; set; } = Array.Empty<VMIdParameter>();
        public string Destination { get; set; } = "";
        public string? Datastore { get; set; }
        /// <summary>The -NetworkMapping hashtable as the user gave it: source network name to destination network name.</summary>
        public IDictionary? NetworkMapping { get; set; }
        public MigrationType MigrationType { get; set; } = MigrationType.Auto;
        public bool RunAsync { get; set; }
    }

    public sealed class MoveCloudVMCore
    {
        private const int ValidationActivityId = 1;

        private readonly LabSession lab;

        public MoveCloudVMCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Plans each VM's move (an impossible one is an error for that VM alone), asks ShouldProcess with exactly
        /// what would move where and how, and submits the moves together so that they share the path. Without
        /// -RunAsync it waits for them and writes their results; with it, it writes their tasks at once.
        /// </summary>
        public void Run(MoveCloudVMParameters parameters, ICommandOutput output)
        {
            (string Endpoint, string? Cluster) destination;
            IReadOnlyDictionary<string, string>? mapping;
            try
            {
                destination = MigrationRequest.ParseDestination(parameters.Destination);
                mapping = ToNetworkMapping(parameters.NetworkMapping);
            }
            catch (HybridException error)
            {
                // Destination and mapping may come from a CSV row: a bad one fails that row, not the pipeline.
                output.WriteError(error);
                return;
            }

            var tasks = new List<CloudTask>();
            try
            {
                foreach (var vm in VMResolver.Resolve(lab.Estate, parameters.VM, output))
                {
                    output.Cancellation.ThrowIfCancellationRequested();
                    output.WriteProgress(new ProgressUpdate(ValidationActivityId, "Move-CloudVM", "validating the move of VM '" + vm.Name + "' to " + parameters.Destination));
                    MigrationPlan plan;
                    try
                    {
                        plan = MigrationPlanner.Plan(lab.Estate, new MigrationRequest
                        {
                            VMId = vm.Id,
                            DestinationEndpoint = destination.Endpoint,
                            DestinationCluster = destination.Cluster,
                            Datastore = parameters.Datastore,
                            NetworkMapping = mapping,
                            Type = parameters.MigrationType,
                        });
                        if (lab.Estate.IsMigrating(vm.Id)) throw EngineErrors.MigrationInProgress(vm.Name);
                    }
                    catch (HybridException error)
                    {
                        output.WriteError(error);
                        continue;
                    }

                    if (!output.ShouldProcess(Target(plan), Action(plan))) continue;
                    try
                    {
                        tasks.Add(lab.Submit(plan));
                    }
                    catch (HybridException error)
                    {
                        output.WriteError(error);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C while validating: what was submitted is canceled too, so every VM stays at its source.
                foreach (var task in tasks) lab.Timeline.Cancel(task);
                throw;
            }
            finally
            {
                output.WriteProgress(new ProgressUpdate(ValidationActivityId, "Move-CloudVM", "validated") { Completed = true });
            }

            if (tasks.Count == 0) return;
            if (parameters.RunAsync)
            {
                foreach (var task in tasks) output.WriteObject(task);
                return;
            }

            var title = string.Format(CultureInfo.InvariantCulture, "Moving {0} VMs to {1}", tasks.Count, parameters.Destination);
            new MigrationWatcher(lab, output, tasks, title).WaitAndWriteResults();
        }

        /// <summary>What -WhatIf names: the VM and where it is now.</summary>
        internal static string Target(MigrationPlan plan) => "VM '" + plan.VM.Name + "' at " + plan.Source.Name + "/" + plan.VM.Cluster;

        /// <summary>What -WhatIf says would happen: where to, by which type, onto which host, datastore and networks.</summary>
        internal static string Action(MigrationPlan plan)
        {
            var networks = string.Join(", ", plan.NetworkMapping.Select(m => "'" + m.Key + "' -> '" + m.Value + "'"));
            return "Migrate to " + plan.DestinationDescription + " by " + plan.Type
                + " (host " + plan.DestinationHost.Name + ", datastore " + plan.DestinationDatastore.Name
                + (plan.SharedStorage ? " (shared: only memory moves)" : "")
                + (networks.Length > 0 ? ", networks " + networks : "") + ")";
        }

        /// <summary>
        /// A -NetworkMapping hashtable as names: each key a source network and each value a destination network,
        /// both plain non-empty text. Anything else (a nested table, a list, an empty name) is NetworkMappingInvalid.
        /// </summary>
        internal static IReadOnlyDictionary<string, string>? ToNetworkMapping(IDictionary? table)
        {
            if (table == null) return null;
            var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
            {
                var source = AsName(entry.Key, "a key");
                var target = AsName(entry.Value, "the value for '" + source + "'");
                if (mapping.ContainsKey(source)) throw EngineErrors.NetworkMappingInvalid("the network '" + source + "' is mapped twice.");
                mapping.Add(source, target);
            }

            return mapping;
        }

        private static string AsName(object? value, string what)
        {
            // A PSObject wrapping a string prints as that string; a table or a list is not a name.
            if (value == null || value is IDictionary || (value is IEnumerable && !(value is string)))
            {
                throw EngineErrors.NetworkMappingInvalid(what + " is " + (value == null ? "null" : "a " + value.GetType().Name) + ", not a network name.");
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(text)) throw EngineErrors.NetworkMappingInvalid(what + " is empty, not a network name.");
            return text!;
        }
    }
}
