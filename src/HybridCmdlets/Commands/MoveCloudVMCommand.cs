using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>
    /// Migrates VMs to another endpoint, cluster or datastore: vMotion, Replication Assisted vMotion, Bulk or Cold.
    /// Every VM, given at once or piped one by one, is planned, confirmed and submitted as it comes; all of them are
    /// waited for together once the input ends, so that they share the path as a wave does.
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "CloudVM", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MigrationResult))]
    [OutputType(typeof(CloudTask))]
    public sealed class MoveCloudVMCommand : MigrationRequestCmdlet
    {
        private const int ValidationActivityId = 1;

        /// <summary>Submitted by this invocation and not yet handed over to a wait; StopProcessing reads it on another thread.</summary>
        private readonly List<CloudTask> submitted = new List<CloudTask>();
        private readonly HashSet<string> destinations = new HashSet<string>();
        private bool validating;

        // Not by property name: a piped VM's own Datastore must not become the destination's.
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Datastore { get; set; }

        /// <summary>Returns a CloudTask per VM at once instead of waiting for the moves.</summary>
        [Parameter]
        public SwitchParameter RunAsync { get; set; }

        /// <summary>
        /// Plans each VM's move (an impossible one is an error for that VM alone), asks ShouldProcess with exactly what
        /// would move where and how, and submits it. With -RunAsync its task is written at once.
        /// </summary>
        protected override void Process()
        {
            MoveTarget target;
            try
            {
                target = MoveTarget.Parse(Destination, NetworkMapping, MigrationType, Datastore, Choices);
            }
            catch (HybridException error)
            {
                WriteError(error);
                return;
            }

            foreach (var vm in ResolveVMs(VM))
            {
                Cancellation.ThrowIfCancellationRequested();
                validating = true;
                WriteProgress(new ProgressUpdate(ValidationActivityId, "Move-CloudVM", "validating the move of VM '" + vm.Name + "' to " + Destination));
                MigrationPlan plan;
                try
                {
                    plan = LabMoves.Plan(Lab, vm, target);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                    continue;
                }

                foreach (var warning in plan.ReadinessWarnings) WriteWarning("VM '" + vm.Name + "': " + warning);
                if (!ShouldProcess(LabMoves.WhatIfTarget(plan), LabMoves.WhatIfAction(plan))) continue;
                CloudTask task;
                try
                {
                    task = Lab.Submit(plan);
                }
                catch (HybridException error)
                {
                    WriteError(error);
                    continue;
                }

                if (RunAsync)
                {
                    WriteObject(task);
                    continue;
                }

                lock (submitted) submitted.Add(task);
                destinations.Add(Destination);
            }
        }

        /// <summary>Waits once for every move submitted, writing each result as its move ends.</summary>
        protected override void End()
        {
            if (validating) WriteProgress(new ProgressUpdate(ValidationActivityId, "Move-CloudVM", "validated") { Completed = true });
            List<CloudTask> tasks;
            lock (submitted) tasks = submitted.ToList();
            if (tasks.Count == 0) return;

            var title = string.Format(CultureInfo.InvariantCulture, "Moving {0} VMs{1}", tasks.Count, destinations.Count == 1 ? " to " + destinations.First() : "");
            try
            {
                new MigrationWatch(Lab, tasks, title, WriteProgress).Wait(Cancellation, WriteMigrationResult);
            }
            catch
            {
                // The command stops here (-ErrorAction Stop on a failed move): the moves it started stop with it.
                CancelUnfinished(tasks);
                throw;
            }
            finally
            {
                lock (submitted) submitted.Clear();
            }

            // Recorded even after Ctrl+C: moves that succeeded before it stand.
            RecordMoves();
            Cancellation.ThrowIfCancellationRequested();
        }

        /// <summary>Ctrl+C cancels every move this invocation submitted, also while it still reads its input: each VM stays at its source.</summary>
        protected override void StopProcessing()
        {
            base.StopProcessing();
            lock (submitted) CancelUnfinished(submitted);
        }

        private static void CancelUnfinished(IEnumerable<CloudTask> tasks)
        {
            foreach (var task in tasks)
            {
                if (!task.IsFinished) Lab.Timeline.Cancel(task);
            }
        }
    }
}
