using System;
using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// What the moves do when the world fails under them (Add-CloudFault): a link that drops stalls their
    /// transfers; a live transfer waits for it as long as vSphere does (Migrate.NetTimeout), HCX replication much
    /// longer, and replication resumes from its last checkpoint when the link returns. A stalled switchover times
    /// out with the guest resumed at its source. Whatever fails before the guest resumes at the destination leaves
    /// the VM at its source. The fault injector reaches these only through <see cref="IFaultableMigrations"/>.
    /// </summary>
    public sealed partial class MigrationBatch : IFaultableMigrations
    {
        IReadOnlyList<MigrationRun> IFaultableMigrations.Runs => runs;

        event Action<MigrationRun>? IFaultableMigrations.Added
        {
            add => Added += value;
            remove => Added -= value;
        }

        event Action<MigrationRun, MigrationPhase>? IFaultableMigrations.PhaseEntered
        {
            add => PhaseEntered += value;
            remove => PhaseEntered -= value;
        }

        event Action<MigrationRun>? IFaultableMigrations.Finished
        {
            add => Finished += value;
            remove => Finished -= value;
        }

        void IFaultableMigrations.Fail(MigrationRun run, string errorId, string message, string faultId, double? downtimeSeconds) =>
            Abort(run, errorId, message, faultId, downtimeSeconds);

        void IFaultableMigrations.SetLinkCondition(CloudLink link, LinkCondition? condition) => SetLinkCondition(link, condition);

        double IFaultableMigrations.RestartFromCheckpoint(MigrationRun run, double delaySeconds) => RestartFromCheckpoint(run, delaySeconds);

        bool IFaultableMigrations.HangSwitchover(MigrationRun run, string faultId) => HangSwitchover(run, faultId);

        /// <summary>A link's outage: since when, and which fault holds it down.</summary>
        private sealed class Outage
        {
            public Outage(double since, string faultId)
            {
                Since = since;
                FaultId = faultId;
            }

            public double Since { get; }

            public string FaultId { get; }
        }

        /// <summary>Puts a link under what the faults on it do now (null: nothing), and lets the moves on it react.</summary>
        private void SetLinkCondition(CloudLink link, LinkCondition? condition)
        {
            var name = link.Name;
            var wasDown = outages.TryGetValue(name, out var outage);
            if (condition == null) conditions.Remove(name);
            else conditions[name] = condition;
            if (links.TryGetValue(name, out var shared)) shared.Capacity = CapacityOf(link);
            PathChanged(name);
            var isDown = condition?.Down == true;
            if (isDown && !wasDown)
            {
                var started = new Outage(Clock.Now, condition!.DownFault!);
                outages.Add(name, started);
                Clock.After(NetworkRetrySeconds, () => WatchOutage(link, started));
            }
            else if (!isDown && wasDown)
            {
                outages.Remove(name);
                LinkReturned(name, outage!);
            }
        }

        /// <summary>New RTT, loss or bandwidth: the live migrations on the link use them from their next transfer.</summary>
        private void PathChanged(string linkName)
        {
            foreach (var run in runs)
            {
                if (run.Live != null && !run.Done && OnLink(run, linkName)) run.Live.PathChanged(LiveCap(run), RttOf(run));
            }
        }

        /// <summary>
        /// While a link is down: fails each move whose transfer has waited longer than it may, and looks again when
        /// the next one would run out of time. Stops when the link is back or nothing on it is left.
        /// </summary>
        private void WatchOutage(CloudLink link, Outage outage)
        {
            if (!outages.TryGetValue(link.Name, out var current) || current != outage) return;
            links.TryGetValue(link.Name, out var shared);
            var next = Clock.Now + NetworkRetrySeconds;
            var anyLeft = false;
            for (var i = 0; i < runs.Count; i++)
            {
                var run = runs[i];
                if (run.Done || !OnLink(run, link.Name)) continue;
                anyLeft = true;
                var flow = TransferOn(run, shared);
                if (flow == null) continue;
                var replicating = Replicating(run);
                var deadline = Math.Max(outage.Since, flow.Started) + (replicating ? ReplicationRetrySeconds : NetworkRetrySeconds);
                if (Clock.Now < deadline - 1e-6)
                {
                    next = Math.Min(next, deadline);
                    continue;
                }

                var message = string.Format(CultureInfo.InvariantCulture,
                    "The link {0} went down at {1:yyyy-MM-dd HH:mm:ss} ({2}) and was not back within {3} during {4}; the migration failed and the VM keeps running at its source. What was copied to the destination was discarded.",
                    link.Name, epochUtc.AddSeconds(outage.Since), outage.FaultId,
                    replicating ? "the hour HCX retries replication" : "vSphere's 20 s network timeout (Migrate.NetTimeout)", run.Phase);
                Abort(run, replicating ? "ReplicationTimeout" : "NetworkTimeout", message, outage.FaultId);
            }

            if (anyLeft) Clock.At(next, () => WatchOutage(link, outage));
        }

        /// <summary>
        /// The link is back: live transfers simply go on (TCP retransmits what was lost); replication restarts
        /// from its last checkpoint. Each move that waited says so on its result.
        /// </summary>
        private void LinkReturned(string linkName, Outage outage)
        {
            links.TryGetValue(linkName, out var shared);
            var seconds = Clock.Now - outage.Since;
            foreach (var run in runs)
            {
                if (run.Done || !OnLink(run, linkName) || TransferOn(run, shared) == null) continue;
                if (Replicating(run))
                {
                    var kept = RestartFromCheckpoint(run, 0);
                    run.Result.AddRiddenFault(string.Format(CultureInfo.InvariantCulture,
                        "{0}: the link {1} was down for {2:0.#} s during {3}; replication resumed from its last checkpoint ({4:0.##} GB kept).",
                        outage.FaultId, linkName, seconds, run.Phase, kept / GiB));
                }
                else
                {
                    run.Result.AddRiddenFault(string.Format(CultureInfo.InvariantCulture,
                        "{0}: the link {1} was down for {2:0.#} s during {3}; the transfer resumed within vSphere's 20 s network timeout.",
                        outage.FaultId, linkName, seconds, run.Phase));
                }
            }
        }

        /// <summary>
        /// Stops a replication transfer and starts it again from its last checkpoint, after <paramref name="delaySeconds"/>
        /// (a source VM restarting). Returns the bytes of the transfer kept.
        /// </summary>
        private double RestartFromCheckpoint(MigrationRun run, double delaySeconds)
        {
            var flow = run.CurrentFlow;
            if (flow == null || !flow.IsActive) return 0;
            var sent = flow.Bytes - flow.Remaining;
            var kept = Math.Floor(sent / ReplicationCheckpointBytes) * ReplicationCheckpointBytes;
            flow.Link.Cancel(flow);
            run.CurrentFlow = null;
            // What crossed before the interruption counts as sent, even the part after the checkpoint that is sent again.
            run.Result.DiskTransferredGB += sent / GiB;
            Action restart = () =>
            {
                if (!run.Done) run.CurrentFlow = flow.Link.Start(flow.Bytes - kept, ReplicationCap(run), flow.Completed);
            };
            if (delaySeconds > 0) Clock.After(delaySeconds, restart);
            else restart();
            return kept;
        }

        /// <summary>
        /// A fault stalls the switchover of a migration in it: after <see cref="SwitchoverLimitSeconds"/> of stun the
        /// source resumes the guest and the migration fails with SwitchoverTimeout. False when it is not in a switchover.
        /// </summary>
        private bool HangSwitchover(MigrationRun run, string faultId)
        {
            if (run.Done || !MigrationPhases.IsSwitchover(run.Stage)) return false;
            var message = string.Format(CultureInfo.InvariantCulture,
                "The switchover stalled ({0}) and did not finish within {1:0} s; the source resumed the VM, which keeps running there. What was copied to the destination was discarded.",
                faultId, SwitchoverLimitSeconds);
            if (run.Live != null)
            {
                if (!run.Live.InSwitchover) return false;
                run.Result.Fault = faultId;
                run.Live.HangSwitchover(SwitchoverLimitSeconds, "SwitchoverTimeout", message);
                return true;
            }

            // Bulk: the final sync or the power-on at the destination hangs; HCX powers the original on again.
            if (run.SwitchoverHung) return false;
            run.SwitchoverHung = true;
            if (run.CurrentFlow != null) run.CurrentFlow.Link.Cancel(run.CurrentFlow);
            run.CurrentFlow = null;
            Clock.At(run.SwitchoverBegan + SwitchoverLimitSeconds, () => Abort(run, "SwitchoverTimeout", message, faultId));
            return true;
        }

        /// <summary>HCX replication under way: RAV or Bulk replicating disks, or Bulk's final sync.</summary>
        internal static bool Replicating(MigrationRun run) =>
            run.Stage == MigrationPhase.Replication || (run.Plan.Type == MigrationType.Bulk && MigrationPhases.IsSwitchover(run.Stage));

        /// <summary>The transfer a running migration has under way on <paramref name="link"/>, or null.</summary>
        private static Flow? TransferOn(MigrationRun run, SharedLink? link) =>
            run.Status == MigrationStatus.Running && run.ActiveFlow is Flow flow && flow.Link == link ? flow : null;

        internal static bool OnLink(MigrationRun run, string linkName) => run.Plan.Link != null && Names.Equal(run.Plan.Link.Name, linkName);
    }
}
