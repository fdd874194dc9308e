using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>What one Move-CloudVM call (or one piped record) asks for: a move request, where to put the disks, and whether to wait.</summary>
    public sealed class MoveCloudVMParameters : MigrationRequestParameters
    {
        public string? Datastore { get; set; }
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
            if (!MoveArguments.TryParse(parameters.Destination, parameters.NetworkMapping, output, out var destination, out var mapping)) return;

            var tasks = new List<CloudTask>();
            try
            {
                foreach (var vm in VMResolver.Resolve(lab, parameters.VM, output))
                {
                    output.Cancellation.ThrowIfCancellationRequested();
                    output.WriteProgress(new ProgressUpdate(ValidationActivityId, "Move-CloudVM", "validating the move of VM '" + vm.Name + "' to " + parameters.Destination));
                    MigrationPlan plan;
                    try
                    {
                        // Before anything is planned or revealed: the roles at the source and at the destination must allow the move.
                        lab.Access.Demand(AccessDemand.Move(vm, destination.Endpoint));
                        if (lab.Estate.IsMigrating(vm.Id)) throw EngineErrors.MigrationInProgress(vm.Name);
                        // The same rule catalog as Test-MigrationReadiness: NotReady is a MigrationNotReady error and nothing moves.
                        plan = ReadinessEvaluator.PlanMove(lab.Estate, MoveArguments.Request(vm, destination, parameters.Datastore, mapping, parameters.MigrationType),
                            lab.Options.MigrationAlgorithm, lab.Timeline.VirtualNow, out _);
                    }
                    catch (HybridException error)
                    {
                        output.WriteError(error);
                        continue;
                    }

                    foreach (var warning in plan.ReadinessWarnings) output.WriteWarning("VM '" + vm.Name + "': " + warning);

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
    }
}
