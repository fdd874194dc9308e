using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Faults
{
    /// <summary>
    /// The faults scheduled on a lab's timeline, and what each does when it fires. Everything happens on the
    /// virtual clock, and random faults draw from their own seeded generator, so the same lab, moves and faults
    /// always give the same results. What the moves do about a fault (wait, resume, fail) is the migration
    /// model's, reached through <see cref="IFaultableMigrations"/>; this class decides what breaks and when.
    /// </summary>
    internal sealed class FaultInjector
    {
        /// <summary>How long a random fault's link, host or datastore stays broken when no duration is given.</summary>
        public static readonly TimeSpan RandomFaultDuration = TimeSpan.FromSeconds(60);

        private readonly IFaultableMigrations batch;
        private readonly Estate estate;
        private readonly DateTime epochUtc;
        private readonly List<CloudFault> faults = new List<CloudFault>();
        private readonly List<FaultEffect> active = new List<FaultEffect>();
        /// <summary>SwitchoverTimeout faults waiting for a VM's next switchover, by VM name.</summary>
        private readonly Dictionary<string, CloudFault> armed = new Dictionary<string, CloudFault>(Names.Comparer);
        private int unfinished;

        public FaultInjector(IFaultableMigrations batch, Estate estate, DateTime epochUtc)
        {
            this.batch = batch;
            this.estate = estate;
            this.epochUtc = epochUtc;
            batch.Added += _ =>
            {
                unfinished++;
                WakeRandomFaults();
            };
            batch.Finished += run =>
            {
                unfinished--;
                var fault = run.Result.Fault == null ? null : faults.FirstOrDefault(f => f.Id == run.Result.Fault);
                if (fault != null) fault.MigrationsFailed++;
            };
            batch.PhaseEntered += Entered;
        }

        public IReadOnlyList<CloudFault> Faults => faults;

        public Estate Estate => estate;

        /// <summary>Hosts and VMs that HA restarted so far: changes to the estate the lab file must record.</summary>
        public int EstateChanges { get; private set; }

        /// <summary>Names of the VMs HA could not restart after a host failure: they are powered off where they were.</summary>
        public ISet<string> PoweredOffByHA { get; } = new HashSet<string>(Names.Comparer);

        private double Now => batch.Clock.Now;

        private DateTime Time(double seconds) => epochUtc.AddSeconds(seconds);

        /// <summary>Checks a fault, resolves its target and schedules it. Throws a HybridException and changes nothing when it is wrong.</summary>
        public CloudFault Add(FaultSpec spec)
        {
            var triggers = (spec.At.HasValue ? 1 : 0) + (spec.Phase.HasValue || spec.VM != null ? 1 : 0) + (spec.RatePerHour.HasValue ? 1 : 0);
            if (triggers != 1)
            {
                throw EngineErrors.FaultTriggerInvalid("A fault needs exactly one trigger: a time (-At), a VM's stage (-VM with -Phase), or a random rate (-RatePerHour).",
                    triggers, "Give one of -At, -VM and -Phase, or -RatePerHour.");
            }

            Check(spec);
            var fault = new CloudFault("fault-" + (faults.Count + 1).ToString(CultureInfo.InvariantCulture), spec, ResolveTarget(spec), Describe(spec));
            if (spec.Target != null && spec.Kind != FaultKind.SwitchoverTimeout)
            {
                if (IsLinkKind(spec.Kind)) fault.Link = FaultTargets.Link(estate, spec.Target);
                else fault.Place = spec.Kind == FaultKind.DatastoreFull ? FaultTargets.Datastore(estate, spec.Target) : FaultTargets.Host(estate, spec.Target);
            }

            faults.Add(fault);
            if (spec.At is DateTime at) batch.Clock.At((at.ToUniversalTime() - epochUtc).TotalSeconds, () => Fire(fault, null));
            else if (spec.RatePerHour.HasValue)
            {
                fault.Random = new DeterministicRandom(spec.Seed);
                fault.State = FaultState.Active;
                ScheduleRandom(fault);
            }

            return fault;
        }

        /// <summary>Ends a fault: what it holds broken recovers now, and it never fires again.</summary>
        public void Clear(CloudFault fault)
        {
            if (fault.State == FaultState.Cleared) return;
            fault.State = FaultState.Cleared;
            foreach (var effect in fault.Effects.ToArray()) EndEffect(effect);
            foreach (var vm in armed.Where(a => a.Value == fault).Select(a => a.Key).ToArray()) armed.Remove(vm);
        }

        private void Check(FaultSpec spec)
        {
            if (spec.At is DateTime at && at.ToUniversalTime() < Time(Now))
            {
                throw EngineErrors.FaultTriggerInvalid(string.Format(CultureInfo.InvariantCulture,
                    "-At {0:yyyy-MM-dd HH:mm:ss} is before the lab's clock ({1:yyyy-MM-dd HH:mm:ss}).", at.ToUniversalTime(), Time(Now)),
                    at, "Give a time at or after (Get-HybridLab).Clock, for example (Get-HybridLab).Clock.AddMinutes(5).");
            }

            if (spec.At is DateTime late && late.ToUniversalTime() - Time(Now) > FaultSpec.MaxAhead)
            {
                throw EngineErrors.ValueOutOfRange("At", late, "from the lab's clock to " + FaultSpec.MaxAheadText + " after it");
            }

            if ((spec.VM == null) != !spec.Phase.HasValue)
            {
                throw EngineErrors.FaultTriggerInvalid("A stage trigger needs both the VM and the stage.", spec.VM ?? (object?)spec.Phase ?? "",
                    "Give -VM <name> and -Phase DiskCopy, Replication, PreCopy or Switchover.");
            }

            if (spec.Phase is MigrationPhase phase && !MigrationPhases.CanBeAimedAt(phase))
            {
                throw EngineErrors.FaultTriggerInvalid("A fault can be aimed at a stage a migration works through, not at " + phase + ".", phase,
                    "Give -Phase DiskCopy, Replication, PreCopy or Switchover.");
            }

            if (spec.VM != null && !estate.VMs.Any(v => Names.Equal(v.Name, spec.VM)))
            {
                throw EngineErrors.VMNotFound(spec.VM);
            }

            if (spec.RatePerHour is double rate && (double.IsNaN(rate) || rate <= 0 || rate > 3600))
            {
                throw EngineErrors.ValueOutOfRange("RatePerHour", rate, "over 0 and at most 3600 (faults per hour of lab time)");
            }

            if (spec.Duration is TimeSpan duration && (duration <= TimeSpan.Zero || duration > FaultSpec.MaxAhead))
            {
                throw EngineErrors.ValueOutOfRange("Duration", duration, "longer than 0 and at most " + FaultSpec.MaxAheadText);
            }

            var degraded = spec.BandwidthMbps.HasValue || spec.RttMs.HasValue || spec.LossPercent.HasValue;
            if (spec.Kind == FaultKind.LinkDegraded && !degraded)
            {
                throw EngineErrors.FaultSpecificationInvalid("A LinkDegraded fault needs what changes.", spec.Kind,
                    "Give -BandwidthMbps, -RttMs or -LossPercent (or several).");
            }

            if (spec.Kind != FaultKind.LinkDegraded && degraded)
            {
                throw EngineErrors.FaultSpecificationInvalid(spec.Kind + " takes no -BandwidthMbps, -RttMs or -LossPercent; only LinkDegraded does.",
                    spec.Kind, "Use -Kind LinkDegraded to change a link's figures.");
            }

            // A degraded link's figures are a link's figures: the same ranges as Set-CloudLink's.
            Estate.CheckLinkFigures(spec.BandwidthMbps, spec.RttMs, spec.LossPercent);
            if (spec.Kind == FaultKind.SwitchoverTimeout && spec.Duration.HasValue)
            {
                throw EngineErrors.FaultSpecificationInvalid("A SwitchoverTimeout fault has no duration: the switchover it stalls times out after 100 s.",
                    spec.Duration, "Leave out -Duration.");
            }

            if (spec.At.HasValue && spec.Target == null)
            {
                throw EngineErrors.FaultSpecificationInvalid("A fault at a time needs a -Target: no migration triggers it to say what it hits.",
                    spec.Kind, "Give -Target (a link, host, datastore, or for SwitchoverTimeout a VM name), or trigger it with -VM and -Phase.");
            }

            if (spec.Kind == FaultKind.SwitchoverTimeout && spec.Target != null && !estate.VMs.Any(v => Names.Equal(v.Name, spec.Target)))
            {
                throw EngineErrors.VMNotFound(spec.Target);
            }
        }

        private static bool IsLinkKind(FaultKind kind) => kind == FaultKind.LinkDown || kind == FaultKind.LinkDegraded;

        private string ResolveTarget(FaultSpec spec)
        {
            if (spec.Target == null) return spec.RatePerHour.HasValue ? "(what a running migration uses)" : "(what the migration uses)";
            if (spec.Kind == FaultKind.SwitchoverTimeout) return spec.Target;
            if (IsLinkKind(spec.Kind)) return FaultTargets.Link(estate, spec.Target).Name;
            var place = spec.Kind == FaultKind.DatastoreFull ? FaultTargets.Datastore(estate, spec.Target) : FaultTargets.Host(estate, spec.Target);
            return place.Endpoint + "/" + place.Name;
        }

        private static string Describe(FaultSpec spec)
        {
            if (spec.At is DateTime at) return string.Format(CultureInfo.InvariantCulture, "at {0:yyyy-MM-dd HH:mm:ss}", at.ToUniversalTime());
            if (spec.VM != null) return "when " + spec.VM + " enters " + spec.Phase;
            return string.Format(CultureInfo.InvariantCulture, "random, {0:0.###} per hour (seed {1})", spec.RatePerHour, spec.Seed);
        }

        // ---- Triggers ------------------------------------------------------------------------------------------

        private void Entered(MigrationRun run, MigrationPhase phase)
        {
            // Effects run as events of their own, never inside the model's step that raised this.
            foreach (var fault in faults)
            {
                if (fault.State == FaultState.Scheduled && fault.Spec.Phase == phase && Names.Equal(fault.Spec.VM, run.Result.VM))
                {
                    fault.State = FaultState.Active;
                    batch.Clock.After(0, () => Fire(fault, run));
                }
            }

            if (phase == MigrationPhase.Switchover && armed.TryGetValue(run.Result.VM, out var stalled))
            {
                armed.Remove(run.Result.VM);
                batch.Clock.After(0, () => Stall(stalled, run));
            }

            foreach (var effect in active)
            {
                if (effect.Place is not (string endpoint, string name)) continue;
                if (effect.Kind == FaultKind.DatastoreFull && WritesTo(run, endpoint, name))
                {
                    batch.Clock.After(0, () => FailForDatastore(effect.Fault, run, endpoint, name));
                }
                else if (effect.Kind != FaultKind.DatastoreFull && GoesTo(run, endpoint, name))
                {
                    batch.Clock.After(0, () => FailForDestinationHost(effect.Fault, run, endpoint, name));
                }
            }
        }

        private void ScheduleRandom(CloudFault fault)
        {
            if (fault.State == FaultState.Cleared) return;
            if (unfinished == 0)
            {
                fault.Dormant = true;
                return;
            }

            // Exponential gaps: a Poisson process of RatePerHour faults per hour of lab time.
            var gap = -Math.Log(1 - fault.Random!.NextDouble()) * 3600 / fault.Spec.RatePerHour!.Value;
            batch.Clock.After(gap, () =>
            {
                if (fault.State == FaultState.Cleared) return;
                var running = fault.Spec.Target != null ? null : PickRunning(fault.Random);
                if (fault.Spec.Target != null || running != null) Fire(fault, running);
                ScheduleRandom(fault);
            });
        }

        private void WakeRandomFaults()
        {
            foreach (var fault in faults)
            {
                if (!fault.Dormant || fault.State == FaultState.Cleared) continue;
                fault.Dormant = false;
                ScheduleRandom(fault);
            }
        }

        private MigrationRun? PickRunning(DeterministicRandom random)
        {
            var running = batch.Runs.Where(r => !r.Done && r.Status == MigrationStatus.Running).ToList();
            return running.Count == 0 ? null : running[random.Between(0, running.Count - 1)];
        }

        // ---- Effects -------------------------------------------------------------------------------------------

        /// <summary>The fault fires, at its target or at what <paramref name="run"/> uses.</summary>
        private void Fire(CloudFault fault, MigrationRun? run)
        {
            if (fault.State == FaultState.Cleared) return;
            fault.TimesFired++;
            fault.FiredAt = Time(Now);
            if (fault.Spec.RatePerHour == null) fault.State = FaultState.Active;
            var duration = fault.Spec.Duration ?? (fault.Spec.RatePerHour.HasValue ? RandomFaultDuration : (TimeSpan?)null);
            switch (fault.Kind)
            {
                case FaultKind.LinkDown:
                case FaultKind.LinkDegraded:
                    var link = fault.Link ?? (run?.Plan.Link == null ? null : estate.FindLink(run.Plan.Link.Source, run.Plan.Link.Destination));
                    if (link != null) Begin(new FaultEffect(fault, link, null), duration);
                    Hit(fault, link?.Name ?? "(nothing: " + run?.Result.VM + " crosses no link)");
                    break;
                case FaultKind.DatastoreFull:
                    var datastore = fault.Place ?? (run == null ? ((string, string)?)null : (run.Plan.Destination.Name, run.Plan.DestinationDatastore.Name));
                    if (datastore != null) Begin(new FaultEffect(fault, null, datastore), duration);
                    if (datastore is (string dsEndpoint, string dsName)) Hit(fault, dsEndpoint + "/" + dsName);
                    break;
                case FaultKind.DestinationHostFailure:
                case FaultKind.SourceHostFailure:
                    var host = fault.Place ?? HostOf(fault.Kind, run);
                    if (host != null) Begin(new FaultEffect(fault, null, host), duration);
                    if (host is (string hostEndpoint, string hostName)) Hit(fault, hostEndpoint + "/" + hostName);
                    break;
                case FaultKind.SwitchoverTimeout:
                    var target = run ?? (fault.Spec.Target == null ? null : batch.Runs.LastOrDefault(r => !r.Done && Names.Equal(r.Result.VM, fault.Spec.Target)));
                    if (target != null) Stall(fault, target);
                    else if (fault.Spec.Target != null) armed[fault.Spec.Target] = fault;
                    if (target != null) Hit(fault, target.Result.VM);
                    break;
            }

            Settle(fault);
        }

        /// <summary>A fault that its migration aimed names what it hit; a random one hits something new each time.</summary>
        private static void Hit(CloudFault fault, string target)
        {
            if (fault.Spec.Target == null && !fault.Spec.RatePerHour.HasValue) fault.Target = target;
        }

        private (string, string)? HostOf(FaultKind kind, MigrationRun? run)
        {
            if (run == null) return null;
            if (kind == FaultKind.DestinationHostFailure) return (run.Plan.Destination.Name, run.Plan.DestinationHost.Name);
            var vm = estate.FindVMById(run.Plan.VM.Id);
            return vm == null ? null : (vm.Endpoint, vm.VMHost);
        }

        /// <summary>Stalls the switchover of a run in it, or waits for the run's switchover.</summary>
        private void Stall(CloudFault fault, MigrationRun run)
        {
            if (fault.State == FaultState.Cleared || run.Done) return;
            if (!batch.HangSwitchover(run, fault.Id)) armed[run.Result.VM] = fault;
        }

        private void Begin(FaultEffect effect, TimeSpan? duration)
        {
            effect.Fault.Effects.Add(effect);
            active.Add(effect);
            if (effect.Link != null) ApplyLink(effect.Link);
            else if (effect.Place is (string endpoint, string name))
            {
                if (effect.Kind == FaultKind.DatastoreFull) DatastoreFilled(effect.Fault, endpoint, name);
                else HostFailed(effect.Fault, endpoint, name);
            }

            if (duration is TimeSpan lasts) batch.Clock.After(lasts.TotalSeconds, () => EndEffect(effect));
        }

        private void EndEffect(FaultEffect effect)
        {
            if (effect.Ended) return;
            effect.Ended = true;
            active.Remove(effect);
            effect.Fault.Effects.Remove(effect);
            if (effect.Link != null) ApplyLink(effect.Link);
            Settle(effect.Fault);
        }

        /// <summary>A fault that fired is over once nothing of it is in force (a random one runs until cleared).</summary>
        private void Settle(CloudFault fault)
        {
            if (fault.State == FaultState.Cleared || fault.Spec.RatePerHour.HasValue) return;
            var waiting = armed.ContainsValue(fault);
            fault.State = fault.Effects.Count > 0 || waiting ? FaultState.Active : FaultState.Ended;
        }

        /// <summary>Puts the link under every fault in force on it: down if any holds it down, else the latest degradation.</summary>
        private void ApplyLink(CloudLink link)
        {
            LinkCondition? condition = null;
            foreach (var effect in active)
            {
                if (effect.Link == null || effect.Link.Name != link.Name) continue;
                condition ??= new LinkCondition();
                if (effect.Kind == FaultKind.LinkDown)
                {
                    condition.DownFault ??= effect.Fault.Id;
                    continue;
                }

                condition.DegradedFault = effect.Fault.Id;
                condition.BandwidthMbps = effect.Fault.Spec.BandwidthMbps ?? condition.BandwidthMbps;
                condition.RttMs = effect.Fault.Spec.RttMs ?? condition.RttMs;
                condition.LossPercent = effect.Fault.Spec.LossPercent ?? condition.LossPercent;
            }

            batch.SetLinkCondition(link, condition);
        }

        /// <summary>
        /// A host fails: moves to it fail before the guest resumes there; a move of a VM that ran on it fails and
        /// vSphere HA restarts the VM at the source, except that replication (RAV, Bulk) waits for the restart and
        /// resumes from its last checkpoint. Every VM that ran on the host restarts on another host of its cluster.
        /// </summary>
        private void HostFailed(CloudFault fault, string endpoint, string host)
        {
            var fromHost = new List<MigrationRun>();
            foreach (var run in batch.Runs)
            {
                if (run.Done || run.Status != MigrationStatus.Running) continue;
                var vm = estate.FindVMById(run.Plan.VM.Id);
                if (vm != null && Names.Equal(vm.Endpoint, endpoint) && Names.Equal(vm.VMHost, host)) fromHost.Add(run);
            }

            var restarted = estate.RestartAfterHostFailure(endpoint, host);
            if (restarted.Count > 0) EstateChanges++;
            foreach (var (vm, on) in restarted)
            {
                if (on == null) PoweredOffByHA.Add(vm);
            }

            var restartedOn = restarted.ToDictionary(r => r.VM, r => r.RestartedOn, Names.Comparer);
            foreach (var run in batch.Runs.Where(r => !r.Done && r.Status == MigrationStatus.Running && GoesTo(r, endpoint, host)).ToList())
            {
                FailForDestinationHost(fault, run, endpoint, host);
            }

            foreach (var run in fromHost)
            {
                if (run.Done) continue;
                var poweredOn = run.Plan.VM.PowerState == PowerState.PoweredOn;
                var boot = GuestOperatingSystems.BootSeconds(run.Plan.VM.GuestId);
                restartedOn.TryGetValue(run.Result.VM, out var newHost);
                var where = !poweredOn ? "the VM was powered off and stays registered at the source"
                    : newHost != null ? string.Format(CultureInfo.InvariantCulture, "vSphere HA restarted the VM on {0} at the source (about {1:0} s of downtime)", newHost, boot)
                    : "vSphere HA could not restart the VM (no other host can reach its disks), so it is powered off at the source";
                // Replicating disks (not a Bulk final sync, whose source is gone with the guest): wait for the restart.
                if (run.Stage == MigrationPhase.Replication && newHost != null)
                {
                    batch.RestartFromCheckpoint(run, boot);
                    run.Result.AddRiddenFault(string.Format(CultureInfo.InvariantCulture,
                        "{0}: source host {1} failed during {2}; {3}, and replication resumed from its last checkpoint.", fault.Id, host, run.Phase, where));
                    continue;
                }

                batch.Fail(run, "SourceHostFailed", string.Format(CultureInfo.InvariantCulture,
                    "Source host {0} on {1} failed ({2}) during {3}: {4}. The migration failed and what was copied to the destination was discarded.",
                    host, endpoint, fault.Id, run.Phase, where), fault.Id, poweredOn && newHost != null ? boot : (double?)null);
            }
        }

        private void FailForDestinationHost(CloudFault fault, MigrationRun run, string endpoint, string host)
        {
            if (run.Done || fault.State == FaultState.Cleared) return;
            var resumed = MigrationPhases.IsSwitchover(run.Stage) ? "the source resumed the VM, which keeps running there" : "the VM keeps running at its source";
            batch.Fail(run, "DestinationHostFailed", string.Format(CultureInfo.InvariantCulture,
                "Destination host {0} on {1} failed ({2}) during {3}; {4}. What was copied to the destination was discarded.",
                host, endpoint, fault.Id, run.Phase, resumed), fault.Id);
        }

        /// <summary>The datastore fills: every move still writing to it fails, and its partial copy is deleted.</summary>
        private void DatastoreFilled(CloudFault fault, string endpoint, string datastore)
        {
            foreach (var run in batch.Runs.Where(r => !r.Done && r.Status == MigrationStatus.Running && WritesTo(r, endpoint, datastore)).ToList())
            {
                FailForDatastore(fault, run, endpoint, datastore);
            }
        }

        private void FailForDatastore(CloudFault fault, MigrationRun run, string endpoint, string datastore)
        {
            if (run.Done || fault.State == FaultState.Cleared) return;
            batch.Fail(run, "DatastoreFull", string.Format(CultureInfo.InvariantCulture,
                "Datastore {0} on {1} ran out of space ({2}) during {3}; the migration failed, the VM keeps running at its source and the partial copy was deleted.",
                datastore, endpoint, fault.Id, run.Phase), fault.Id);
        }

        private static bool GoesTo(MigrationRun run, string endpoint, string host) =>
            Names.Equal(run.Plan.Destination.Name, endpoint) && Names.Equal(run.Plan.DestinationHost.Name, host);

        /// <summary>Copies disks onto the datastore: a move without shared storage, until it completes.</summary>
        private static bool WritesTo(MigrationRun run, string endpoint, string datastore) =>
            !run.Plan.SharedStorage && Names.Equal(run.Plan.Destination.Name, endpoint) && Names.Equal(run.Plan.DestinationDatastore.Name, datastore);
    }
}
