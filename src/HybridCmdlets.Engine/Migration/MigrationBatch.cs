using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// Migrations that share one virtual timeline: the links they cross are shared max-min fairly, and vCenter's
    /// and HCX's concurrency limits queue what does not fit yet. Each migration that succeeds is applied to the
    /// estate as it ends; one that fails or is canceled leaves its VM where it was.
    /// </summary>
    public sealed partial class MigrationBatch
    {
        public const double HcxPerMigrationBytesPerSecond = 1e9 / 8;
        /// <summary>An HCX Interconnect (IX) appliance carries about 1.6 Gbps of migration traffic in all (MODEL.md).</summary>
        public const double HcxInterconnectBytesPerSecond = 1.6e9 / 8;
        public const int VMotionStreams = 4;
        public const double VMotionWindowBytes = 4 * 1024 * 1024;
        /// <summary>Changes since the last replication cycle: what a Bulk final sync or a RAV switchover still sends.</summary>
        public const double ReplicationCycleSeconds = 300;
        private const double MiB = 1024.0 * 1024;
        private const double GiB = 1024 * MiB;
        private const double MirrorSettledBytes = 1024 * 1024;
        /// <summary>The fabric between hosts of one site, over which moves within an endpoint travel.</summary>
        private const double SiteFabricBytesPerSecond = 100e9 / 8;
        /// <summary>How long a vMotion or a cold copy waits for a dropped link before it fails (vSphere's Migrate.NetTimeout).</summary>
        public const double NetworkRetrySeconds = 20;
        /// <summary>How long HCX replication (RAV, Bulk) keeps retrying a dropped link before it fails the migration.</summary>
        public const double ReplicationRetrySeconds = 3600;
        /// <summary>Replication keeps what it sent in checkpoints of this size: after an interruption it sends the rest.</summary>
        public const double ReplicationCheckpointBytes = 256.0 * 1024 * 1024;
        /// <summary>A switchover that a fault stalls ends after this long, with the guest resumed at its source.</summary>
        public const double SwitchoverLimitSeconds = 100;

        /// <summary>The lab the moves change; null for a prediction, which changes nothing.</summary>
        private readonly Estate? estate;
        /// <summary>The lab's pre-copy settings: a move's own choices (its plan's Options) go over them.</summary>
        private readonly MigrationSettings defaultSettings;
        private readonly DateTime epochUtc;
        private readonly ConcurrencyLimits limits = new ConcurrencyLimits();
        private readonly Dictionary<string, SharedLink> links = new Dictionary<string, SharedLink>(Names.Comparer);
        /// <summary>Each host's vMotion network, by endpoint and host name: what the live moves from and to it share.</summary>
        private readonly Dictionary<string, SharedPort> vmotionPorts = new Dictionary<string, SharedPort>(Names.Comparer);
        private readonly Dictionary<string, CloudLink> changedLinks = new Dictionary<string, CloudLink>(Names.Comparer);
        /// <summary>Links that injected faults hold down or degraded now, by name.</summary>
        private readonly Dictionary<string, LinkCondition> conditions = new Dictionary<string, LinkCondition>(Names.Comparer);
        /// <summary>Links down now, and since when: what the moves on them wait for.</summary>
        private readonly Dictionary<string, Outage> outages = new Dictionary<string, Outage>(Names.Comparer);
        private readonly List<MigrationRun> runs = new List<MigrationRun>();
        /// <summary>
        /// Strings that many results share (a source cluster, a warning): each kept once per batch. A batch of
        /// 100,000 keeps its results until it ends, and the GC copied each result's own copies as it aged.
        /// </summary>
        private readonly Dictionary<string, string> shared = new Dictionary<string, string>(StringComparer.Ordinal);
        /// <summary>The policies are stateless (a migration's state is its PreCopyState): one per distinct settings.</summary>
        private readonly Dictionary<MigrationSettings, PreCopyPolicy> policies = new Dictionary<MigrationSettings, PreCopyPolicy>();

        public MigrationBatch(Estate? estate, MigrationAlgorithm algorithm, DateTime epochUtc)
            : this(estate, MigrationSettings.For(algorithm), epochUtc)
        {
        }

        public MigrationBatch(Estate? estate, MigrationSettings settings, DateTime epochUtc)
        {
            this.estate = estate;
            defaultSettings = settings;
            this.epochUtc = epochUtc;
        }

        /// <summary>
        /// What a move would do alone on an idle path, without changing the lab: the same simulation as a real move,
        /// so a prediction and a lone move agree to the byte (Test-MigrationReadiness).
        /// </summary>
        public static MigrationResult Predict(MigrationPlan plan, MigrationAlgorithm algorithm, DateTime epochUtc) =>
            Predict(plan, MigrationSettings.For(algorithm), epochUtc);

        /// <summary>As <see cref="Predict(MigrationPlan, MigrationAlgorithm, DateTime)"/>, under the lab's settings (the plan's own choices over them).</summary>
        public static MigrationResult Predict(MigrationPlan plan, MigrationSettings settings, DateTime epochUtc)
        {
            var batch = new MigrationBatch(null, settings, epochUtc);
            var run = batch.Add(plan);
            batch.RunToEnd();
            return run.Result;
        }

        public EventQueue Clock { get; } = new EventQueue();

        public IReadOnlyList<MigrationRun> Runs => runs;

        /// <summary>Raised on the simulation thread when a migration ends, after the estate has been updated.</summary>
        public event Action<MigrationRun>? Finished;

        /// <summary>Raised when a migration is added, and when it enters a stage: where injected faults take aim.</summary>
        private event Action<MigrationRun>? Added;

        private event Action<MigrationRun, MigrationPhase>? PhaseEntered;

        /// <summary>The lab the moves change; null for a prediction.</summary>
        internal Estate? Estate => estate;

        /// <summary>
        /// Queues a planned migration; it starts as soon as the limits allow. Its pre-copy follows
        /// <paramref name="algorithm"/>, or the batch's when null. Throws MigrationInProgress.
        /// </summary>
        public MigrationRun Add(MigrationPlan plan, MigrationAlgorithm? algorithm = null) =>
            Add(plan, algorithm is MigrationAlgorithm a ? defaultSettings.With(algorithm: a) : defaultSettings);

        /// <summary>
        /// Queues a planned migration under <paramref name="settings"/> (the lab's), with the plan's own choices
        /// (algorithm, bandwidth cap, stop-and-copy) over them. Throws MigrationInProgress.
        /// </summary>
        public MigrationRun Add(MigrationPlan plan, MigrationSettings settings)
        {
            if (estate != null && !estate.TryBeginMigration(plan)) throw Errors.EngineErrors.MigrationInProgress(plan.VM.Name);
            var result = new MigrationResult
            {
                VM = plan.VM.Name,
                VMId = plan.VM.Id,
                Source = Shared(plan.Source.Name + "/" + plan.VM.Cluster),
                Destination = Shared(plan.DestinationDescription),
                MigrationType = plan.Type,
                Status = MigrationStatus.Queued,
                Warnings = Warnings(plan),
            };
            var run = new MigrationRun(runs.Count + 1, plan, limits.Resolve(ConcurrencyLimits.Claims(plan)), result)
            {
                QueuedAt = Clock.Now,
                Policy = PolicyFor(plan.Options.Over(settings)),
            };
            runs.Add(run);
            Added?.Invoke(run);
            // First come, first served: it starts now only if nothing added before it waits for the same resources.
            if (run.Claims.All(c => FirstWaiting(c.Resource) == null) && ConcurrencyLimits.TryAcquire(run.Claims)) Begin(run);
            else Enqueue(run);
            return run;
        }

        /// <summary>Runs the timeline until every migration has ended.</summary>
        public void RunToEnd()
        {
            do
            {
                Clock.RunToEnd();
            }
            while (AdmitAnyWaiting());
        }

        /// <summary>Cancels a migration: a queued one never starts, a running one stops and its VM runs on at its source.</summary>
        public void Cancel(MigrationRun run)
        {
            if (run.Done) return;
            Abort(run, "Canceled", run.Status == MigrationStatus.Queued
                ? "The migration was canceled before it started; the VM is where it was."
                : "The migration was canceled; the VM keeps running at its source.", faultId: null);
        }

        /// <summary>
        /// Ends a migration as failed wherever it stands (a fault, a cancel): the VM stays at its source, and what
        /// was copied to the destination is discarded. <paramref name="downtimeSeconds"/> overrides the downtime
        /// (a guest that crashed with its host and was restarted by HA).
        /// </summary>
        private void Abort(MigrationRun run, string errorId, string message, string? faultId, double? downtimeSeconds = null)
        {
            if (run.Done) return;
            run.Result.Fault = faultId;
            run.DowntimeOverride = downtimeSeconds;
            if (run.Status == MigrationStatus.Queued)
            {
                End(run, null, errorId, message, neverStarted: true);
                // Those queued behind it may have been waiting only for their turn.
                Clock.After(0, () => Admit(run));
                return;
            }

            if (run.Live != null)
            {
                run.Live.Abort(errorId, message);
                return;
            }

            if (run.CurrentFlow != null) run.CurrentFlow.Link.Cancel(run.CurrentFlow);
            // A Bulk final sync had powered the guest off: it was down until the source powered it on again.
            var stopped = run.Plan.Type == MigrationType.Bulk && MigrationPhases.IsSwitchover(run.Stage) ? Clock.Now - run.SwitchoverBegan : (double?)null;
            End(run, downtimeSeconds ?? stopped, errorId, message, neverStarted: false);
        }

        private string Shared(string value)
        {
            if (shared.TryGetValue(value, out var existing)) return existing;
            shared.Add(value, value);
            return value;
        }

        private PreCopyPolicy PolicyFor(MigrationSettings settings)
        {
            if (!policies.TryGetValue(settings, out var policy)) policies.Add(settings, policy = PreCopyPolicy.For(settings));
            return policy;
        }

        private IReadOnlyList<string> Warnings(MigrationPlan plan)
        {
            // The readiness rules' warnings first (a slow path, snapshots, another broadcast domain), then the move's own.
            var warnings = new List<string>();
            foreach (var warning in plan.ReadinessWarnings) warnings.Add(Shared(warning));

            if (plan.CrossesEndpoints) warnings.Add(Shared("The VM's performance history stays with " + plan.Source.Name + "; " + plan.Destination.Name + " starts a new one."));
            if (plan.Type == MigrationType.Bulk)
            {
                warnings.Add("Bulk: the source VM stays behind, powered off and renamed with a timestamp; the new VM has new MAC addresses and no snapshots.");
            }

            return warnings;
        }

        /// <summary>
        /// The safety net behind per-resource admission: when nothing is left to happen but migrations still wait,
        /// try each of them, oldest first. True when one started.
        /// </summary>
        private bool AdmitAnyWaiting()
        {
            var started = false;
            foreach (var run in runs)
            {
                if (!IsWaiting(run) || !IsFirstEverywhere(run) || !ConcurrencyLimits.TryAcquire(run.Claims)) continue;
                Begin(run);
                started = true;
            }

            return started;
        }

        private static void Enqueue(MigrationRun run)
        {
            foreach (var claim in run.Claims) (claim.Resource.Waiting ??= new Queue<MigrationRun>()).Enqueue(run);
        }

        private static bool IsWaiting(MigrationRun run) => run.Status == MigrationStatus.Queued && !run.Done;

        /// <summary>
        /// First in, first out on every resource: a waiting migration starts only when none added before it waits for
        /// any resource it claims (HCX's serial vMotion queue: the third never starts before the second). The oldest
        /// waiting migration is first everywhere, so this never deadlocks.
        /// </summary>
        private static bool IsFirstEverywhere(MigrationRun run)
        {
            foreach (var claim in run.Claims)
            {
                if (FirstWaiting(claim.Resource) != run) return false;
            }

            return true;
        }

        /// <summary>
        /// The oldest migration still waiting for the resource, or null. A migration leaves every waiting list when it
        /// starts or is canceled; rather than search each list for it then, the lists drop it when it comes first.
        /// </summary>
        private static MigrationRun? FirstWaiting(ConcurrencyLimits.Resource resource)
        {
            var queue = resource.Waiting;
            if (queue == null) return null;
            while (queue.Count > 0 && !IsWaiting(queue.Peek())) queue.Dequeue();
            return queue.Count > 0 ? queue.Peek() : null;
        }

        /// <summary>
        /// After <paramref name="freed"/> released its claims: starts the migrations waiting for a freed resource, oldest
        /// first. Each resource's queue is first in, first out: a migration that still cannot start holds back those
        /// behind it there (it is tried again when what it waits for frees), which keeps admission in order and cheap.
        /// </summary>
        private void Admit(MigrationRun freed)
        {
            foreach (var claim in freed.Claims)
            {
                while (FirstWaiting(claim.Resource) is MigrationRun run && IsFirstEverywhere(run) && ConcurrencyLimits.TryAcquire(run.Claims))
                {
                    claim.Resource.Waiting!.Dequeue();
                    Begin(run);
                }
            }
        }

        private void Begin(MigrationRun run)
        {
            run.StartedAt = Clock.Now;
            run.Result.Status = MigrationStatus.Running;
            var plan = run.Plan;
            var vm = plan.VM;
            var diskBytes = vm.UsedSpaceGB * GiB;
            // A guest that is not running writes nothing while its disks replicate.
            var writes = vm.PowerState == PowerState.PoweredOn ? vm.Workload.DiskWriteRateMBps * 1024 * 1024 : 0;
            var link = LinkFor(plan);
            switch (plan.Type)
            {
                case MigrationType.vMotion:
                    Live(run, link, plan.SharedStorage ? 0 : diskBytes, extraSwitchoverBytes: 0);
                    break;
                case MigrationType.RAV:
                    Replicate(run, link, diskBytes, writes, () => Live(run, link, writes * ReplicationCycleSeconds, 0));
                    break;
                case MigrationType.Bulk:
                    Replicate(run, link, diskBytes, writes, () => BulkSwitchover(run, link, writes * ReplicationCycleSeconds));
                    break;
                default:
                    Transfer(run, link, diskBytes, ReplicationCap(run), () => End(run, 0, null, null, neverStarted: false));
                    EnterPhase(run, MigrationPhase.DiskCopy);
                    break;
            }
        }

        private void EnterPhase(MigrationRun run, MigrationPhase phase)
        {
            run.Stage = phase;
            PhaseEntered?.Invoke(run, phase);
        }

        private void Live(MigrationRun run, SharedLink link, double diskBytes, double extraSwitchoverBytes)
        {
            var vm = run.Plan.VM;
            var inputs = new LiveMigrationInputs
            {
                MemoryBytes = vm.MemoryMB * MiB,
                TouchedFraction = vm.Workload.TouchedMemoryPercent / 100,
                DirtyBytesPerSecond = vm.Workload.DirtyRateMBps * MiB,
                HotSetBytes = RoleProfiles.HotSetMB(vm) * MiB,
                WorkingSetBytes = vm.Workload.WritableWorkingSetMB * MiB,
                DiskBytes = diskBytes,
                DiskWriteBytesPerSecond = vm.Workload.DiskWriteRateMBps * MiB,
                FlowCapBytesPerSecond = LiveCap(run),
                RttMs = RttOf(run),
                NumCpu = vm.NumCpu,
                Devices = vm.NetworkAdapters.Count + vm.HardDisks.Count,
                SwitchoverDiskBytes = extraSwitchoverBytes,
            };
            var live = new LiveMigration(Clock, link, inputs, run.Policy, result =>
            {
                run.Result.Rounds = result.Rounds;
                run.Result.MemoryTransferredGB += result.MemoryBytesSent / GiB;
                run.Result.DiskTransferredGB += result.DiskBytesSent / GiB;
                run.Result.ThrottlePercent = result.ThrottlePercent;
                if (result.SwitchoverSeconds is double switchover) run.Result.SwitchoverTime = epochUtc.AddSeconds(switchover);
                if (result.Succeeded) End(run, result.DowntimeSeconds, null, null, neverStarted: false);
                else End(run, run.DowntimeOverride ?? result.DowntimeSeconds, result.ErrorId, result.ErrorMessage, neverStarted: false);
            }, phase => EnterPhase(run, phase), VMotionPortsOf(run.Plan));
            run.Live = live;
            live.Start();
        }

        /// <summary>Copies the disks while the VM runs, then the writes made meanwhile, until they settle.</summary>
        /// <remarks>
        /// A replication takes tens of rounds when the link is crowded, so one callback serves them all (a closure
        /// and a delegate per round were most of what a large batch allocated).
        /// </remarks>
        private void Replicate(MigrationRun run, SharedLink link, double bytes, double writeBytesPerSecond, Action then)
        {
            var roundBytes = bytes;
            var began = Clock.Now;
            Action<Flow>? copied = null;
            copied = flow =>
            {
                run.CurrentFlow = null;
                run.Result.DiskTransferredGB += flow.Bytes / GiB;
                var changed = writeBytesPerSecond * (Clock.Now - began);
                if (changed > MirrorSettledBytes && changed < roundBytes)
                {
                    roundBytes = changed;
                    began = Clock.Now;
                    run.CurrentFlow = link.Start(roundBytes, ReplicationCap(run), copied!);
                }
                else
                {
                    then();
                }
            };
            run.CurrentFlow = link.Start(roundBytes, ReplicationCap(run), copied);
            EnterPhase(run, MigrationPhase.Replication);
        }

        /// <summary>Bulk: power off at the source, send the last changes, power on at the destination.</summary>
        private void BulkSwitchover(MigrationRun run, SharedLink link, double finalBytes)
        {
            // A VM that was not running has nothing left to sync, no downtime and is not powered on at the destination.
            if (run.Plan.VM.PowerState != PowerState.PoweredOn)
            {
                End(run, 0, null, null, neverStarted: false);
                return;
            }

            run.SwitchoverBegan = Clock.Now;
            run.Result.SwitchoverTime = epochUtc.AddSeconds(run.SwitchoverBegan);
            Transfer(run, link, finalBytes, ReplicationCap(run), () =>
            {
                run.Stage = MigrationPhase.PowerOn;
                Clock.After(GuestOperatingSystems.BootSeconds(run.Plan.VM.GuestId), () =>
                {
                    if (!run.SwitchoverHung) End(run, Clock.Now - run.SwitchoverBegan, null, null, neverStarted: false);
                });
            });
            EnterPhase(run, MigrationPhase.Switchover);
        }

        private void Transfer(MigrationRun run, SharedLink link, double bytes, double cap, Action then)
        {
            run.CurrentFlow = link.Start(bytes, cap, flow =>
            {
                run.CurrentFlow = null;
                run.Result.DiskTransferredGB += flow.Bytes / GiB;
                then();
            });
        }

        private void End(MigrationRun run, double? downtimeSeconds, string? errorId, string? message, bool neverStarted)
        {
            if (run.Done) return;
            run.Done = true;
            run.Live = null;
            run.CurrentFlow = null;
            var result = run.Result;
            var started = neverStarted ? Clock.Now : run.StartedAt;
            result.StartTime = epochUtc.AddSeconds(started);
            result.EndTime = epochUtc.AddSeconds(Clock.Now);
            result.QueuedTime = TimeSpan.FromSeconds(started - run.QueuedAt);
            var seconds = Clock.Now - started;
            result.Downtime = TimeSpan.FromSeconds(downtimeSeconds ?? 0);
            result.AverageThroughputMbps = seconds > 0 ? Math.Round((result.MemoryTransferredGB + result.DiskTransferredGB) * GiB * 8 / seconds / 1e6, 1) : 0;
            if (errorId == null && estate != null)
            {
                try
                {
                    estate.CompleteMigration(run.Plan, result.EndTime);
                }
                catch (Errors.HybridException refused)
                {
                    // The lab changed under the move (its name taken at the destination, say): it fails, the VM at its source.
                    errorId = refused.ErrorId;
                    message = refused.Message;
                }
            }

            if (errorId == null)
            {
                // A move with no stop-and-copy (Cold, or Bulk of a VM that was off) cuts over as it ends.
                result.SwitchoverTime ??= result.EndTime;
                result.Status = MigrationStatus.Succeeded;
                run.Stage = MigrationPhase.Completed;
            }
            else
            {
                result.Status = errorId == "Canceled" ? MigrationStatus.Canceled : MigrationStatus.Failed;
                result.Error = errorId;
                result.ErrorMessage = message;
                run.Stage = errorId == "Canceled" ? MigrationPhase.Canceled : MigrationPhase.Failed;
            }

            estate?.EndMigration(run.Plan.VM.Id);
            Finished?.Invoke(run);
            if (!neverStarted)
            {
                ConcurrencyLimits.Release(run.Claims);
                Clock.After(0, () => Admit(run));
            }
        }

        /// <summary>
        /// Gives a link's new bandwidth (Set-CloudLink) to the moves crossing it, at once: their transfers speed up or
        /// slow down from now on, as on a real link.
        /// </summary>
        public void LinkChanged(CloudLink changed)
        {
            // Remembered for moves queued now that start on the link later: their plans hold the link as it was.
            changedLinks[changed.Name] = changed;
            if (links.TryGetValue(changed.Name, out var link)) link.Capacity = CapacityOf(changed);
            PathChanged(changed.Name);
        }

        private SharedLink LinkFor(MigrationPlan plan)
        {
            var key = plan.Link?.Name ?? "site:" + plan.Source.Name;
            if (!links.TryGetValue(key, out var link))
            {
                link = new SharedLink(Clock, plan.Link == null ? SiteFabricBytesPerSecond : CapacityOf(plan.Link));
                links.Add(key, link);
            }

            return link;
        }

        /// <summary>
        /// The vMotion networks of the source and destination hosts, which every transfer of a live move crosses besides
        /// the link between them and shares with the other live moves from or to those hosts (vMotion runs over the
        /// hosts' vMotion VMkernel adapters; HCX vMotion too, with the Interconnect appliance in between). A host the
        /// lab does not know (a VM placed on none) adds nothing; one host on both ends is crossed once.
        /// </summary>
        private SharedPort[] VMotionPortsOf(MigrationPlan plan)
        {
            var destination = VMotionPort(plan.Destination.Name, plan.DestinationHost);
            if (plan.SourceHost == null || ReferenceEquals(plan.SourceHost, plan.DestinationHost)) return new[] { destination };
            return new[] { VMotionPort(plan.Source.Name, plan.SourceHost), destination };
        }

        private SharedPort VMotionPort(string endpoint, CloudHost host)
        {
            var key = endpoint + "/" + host.Name;
            if (!vmotionPorts.TryGetValue(key, out var port))
            {
                port = new SharedPort(key, host.VMotionNetworkGbps * 1e9 / 8);
                vmotionPorts.Add(key, port);
            }

            return port;
        }

        /// <summary>
        /// What the moves between two endpoints share: the WAN link, in series with the HCX service mesh's
        /// Interconnect appliance that every HCX migration crosses (about 1.6 Gbps for all of them together).
        /// </summary>
        private static double PathCapacity(CloudLink link) => Math.Min(link.BandwidthMbps * 1e6 / 8, HcxInterconnectBytesPerSecond);

        /// <summary>
        /// The link as it is now: Set-CloudLink's last figures (or the plan's), with what an injected fault replaces.
        /// A link that is down carries nothing.
        /// </summary>
        private double CapacityOf(CloudLink link)
        {
            var current = changedLinks.TryGetValue(link.Name, out var changed) ? changed : link;
            if (!conditions.TryGetValue(link.Name, out var condition)) return PathCapacity(current);
            if (condition.Down) return 0;
            return Math.Min((condition.BandwidthMbps ?? current.BandwidthMbps) * 1e6 / 8, HcxInterconnectBytesPerSecond);
        }

        /// <summary>The path's RTT now: a degraded link's, Set-CloudLink's last, or the plan's.</summary>
        private double RttOf(MigrationRun run)
        {
            var link = run.Plan.Link;
            if (link == null) return run.Plan.RttMs;
            if (conditions.TryGetValue(link.Name, out var condition) && condition.RttMs is double rtt) return rtt;
            return changedLinks.TryGetValue(link.Name, out var changed) ? changed.RttMs : run.Plan.RttMs;
        }

        private double LossOf(MigrationRun run)
        {
            var link = run.Plan.Link;
            if (link == null) return run.Plan.LossPercent;
            if (conditions.TryGetValue(link.Name, out var condition) && condition.LossPercent is double loss) return loss;
            return changedLinks.TryGetValue(link.Name, out var changed) ? changed.LossPercent : run.Plan.LossPercent;
        }

        /// <summary>What the migration's TCP streams sustain at the path's RTT and loss.</summary>
        private double StreamsCap(MigrationRun run) =>
            TransportLimits.StreamsBytesPerSecond(VMotionStreams, VMotionWindowBytes, RttOf(run), LossOf(run));

        private static double HostNetworkCap(MigrationPlan plan) => plan.HostNetworkMbps * 1e6 / 8;

        /// <summary>The move's own cap (-MaxBandwidthMbps), on every transfer it makes; infinite when it has none.</summary>
        private static double UserCap(MigrationRun run) => run.Policy.Settings.MaxBandwidthMbps * 1e6 / 8 ?? double.PositiveInfinity;

        /// <summary>
        /// A vMotion's streams within the move's own cap; RAV's vMotion also within HCX's per-migration limit. The hosts'
        /// vMotion networks are not a cap but shared resources the transfers cross (<see cref="VMotionPortsOf"/>).
        /// </summary>
        private double LiveCap(MigrationRun run)
        {
            var cap = Math.Min(StreamsCap(run), UserCap(run));
            return run.Plan.Type == MigrationType.RAV ? Math.Min(cap, HcxPerMigrationBytesPerSecond) : cap;
        }

        /// <summary>HCX replication: about 1 Gbps per migration; within a site, the hosts' network (NFC).</summary>
        private double ReplicationCap(MigrationRun run) =>
            Math.Min(UserCap(run), run.Plan.CrossesEndpoints ? Math.Min(HcxPerMigrationBytesPerSecond, StreamsCap(run)) : HostNetworkCap(run.Plan));

    }
}
