using System;
using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// One live migration on the virtual timeline (MODEL.md): disks first when no datastore is shared, with the
    /// guest's writes mirrored; then pre-copy rounds over the shared link, the first sending all touched memory
    /// (zero pages cost a header), each next one what was dirtied during the last; then the switchover, during
    /// which the guest is stopped while the rest and its device state cross and it resumes at the destination.
    /// </summary>
    public sealed class LiveMigration
    {
        private const double ZeroPageHeaderBytes = 8;
        private const double MirrorSettledBytes = 1024 * 1024;

        private readonly EventQueue clock;
        private readonly SharedLink link;
        /// <summary>The hosts' vMotion networks every transfer also crosses, shared with the other moves on them.</summary>
        private readonly SharedPort[] ports;
        private readonly LiveMigrationInputs inputs;
        private readonly PreCopyPolicy policy;
        private readonly Action<LiveMigrationResult> finished;
        /// <summary>Told when a stage begins, so that faults aimed at it can fire.</summary>
        private readonly Action<MigrationPhase>? entered;
        private readonly PreCopyState state;
        private readonly List<PreCopyRound> rounds = new List<PreCopyRound>();
        private readonly LiveMigrationResult result = new LiveMigrationResult();
        // A migration sends many rounds: one callback each for disk and memory rounds, and the round's start in
        // fields, rather than a closure and a delegate per round.
        private readonly Action<Flow> disksCopied;
        private readonly Action<Flow> roundSent;
        private double roundBegan;
        private double roundThrottle;
        private double roundDue;
        private double roundLimit;
        /// <summary>What the next round has due, split as the dirty model dirtied it: hot set, and the wider set.</summary>
        private double dueHot;
        private double dueWider;
        private Flow? current;
        private bool done;
        /// <summary>A fault stalled the switchover: the guest stays stopped until the switchover times out.</summary>
        private bool hung;
        private double stoppedAt;
        private MigrationPhase phase = MigrationPhase.Queued;

        public LiveMigration(EventQueue clock, SharedLink link, LiveMigrationInputs inputs, PreCopyPolicy policy, Action<LiveMigrationResult> finished,
            Action<MigrationPhase>? entered = null, SharedPort[]? ports = null)
        {
            this.ports = ports ?? new SharedPort[0];
            this.entered = entered;
            this.clock = clock;
            this.link = link;
            this.inputs = inputs;
            this.policy = policy;
            this.finished = finished;
            state = new PreCopyState(inputs.MemoryBytes, inputs.DirtyBytesPerSecond);
            disksCopied = DisksCopied;
            roundSent = RoundSent;
        }

        /// <summary>What the migration is doing now: a disk copy, pre-copy (<see cref="Round"/> says which round), the switchover.</summary>
        public MigrationPhase Phase => phase;

        /// <summary>The pre-copy round under way, from 1.</summary>
        public int Round => state.RoundsDone + 1;

        /// <summary>Bytes sent so far, including the part of the current transfer already on the wire.</summary>
        public double BytesSent =>
            result.DiskBytesSent + result.MemoryBytesSent + (current != null && current.IsActive ? current.Bytes - current.Remaining : 0);

        /// <summary>The transfer under way (a disk copy, a round, the switchover), or null between them.</summary>
        internal Flow? CurrentTransfer => current != null && current.IsActive ? current : null;

        public void Start()
        {
            result.StartSeconds = clock.Now;
            if (inputs.DiskBytes > 0) CopyDisks(inputs.DiskBytes);
            else PreCopy();
        }

        /// <summary>Stops wherever it is; the guest never stopped at the source, so it simply runs on there.</summary>
        public void Cancel() => Abort("Canceled", "The migration was canceled; the VM keeps running at its source.");

        /// <summary>The guest is stopped for the switchover (its downtime runs).</summary>
        internal bool InSwitchover => !done && phase == MigrationPhase.Switchover;

        /// <summary>
        /// Ends it as failed wherever it is (a fault, a cancel). Before the switchover the guest never stopped; during
        /// it, the source still holds the guest and resumes it, so the downtime so far is all the guest saw.
        /// </summary>
        internal void Abort(string errorId, string message)
        {
            if (done) return;
            if (current != null) link.Cancel(current);
            if (InSwitchover) result.DowntimeSeconds = clock.Now - stoppedAt;
            Fail(errorId, message);
        }

        /// <summary>
        /// A fault stalls the switchover: nothing more crosses, and after <paramref name="limitSeconds"/> of stun the
        /// source gives up and resumes the guest (vmotion.maxSwitchoverSeconds).
        /// </summary>
        internal void HangSwitchover(double limitSeconds, string errorId, string message)
        {
            if (!InSwitchover || hung) return;
            hung = true;
            if (current != null) link.Cancel(current);
            clock.At(stoppedAt + limitSeconds, () => Abort(errorId, message));
        }

        /// <summary>The per-migration cap and RTT of transfers still to start (a degraded link changes them).</summary>
        internal void PathChanged(double capBytesPerSecond, double rttMs)
        {
            inputs.FlowCapBytesPerSecond = capBytesPerSecond;
            inputs.RttMs = rttMs;
        }

        private void CopyDisks(double bytes)
        {
            if (phase != MigrationPhase.DiskCopy) entered?.Invoke(MigrationPhase.DiskCopy);
            phase = MigrationPhase.DiskCopy;
            roundBegan = clock.Now;
            current = link.Start(bytes, inputs.FlowCapBytesPerSecond, disksCopied, ports);
        }

        private void DisksCopied(Flow flow)
        {
            result.DiskBytesSent += flow.Bytes;
            // The mirror is synchronous: a guest writing faster than the copy can carry is slowed to it, so
            // what was written meanwhile never exceeds half of what was just copied.
            var mirrored = Math.Min(inputs.DiskWriteBytesPerSecond * (clock.Now - roundBegan), flow.Bytes / 2);
            if (mirrored > MirrorSettledBytes) CopyDisks(mirrored);
            else PreCopy();
        }

        private void PreCopy()
        {
            var dirty = inputs.Dirty;
            var touched = Math.Max(0, Math.Min(1, inputs.TouchedFraction));
            var zeroPages = inputs.MemoryBytes * (1 - touched) / PreCopyPolicy.PageBytes;
            var everything = policy.ElidesZeroPages ? inputs.MemoryBytes * touched + zeroPages * ZeroPageHeaderBytes : inputs.MemoryBytes;
            // The first round has the whole working set due, hot set and all.
            dueHot = dirty.HotSetBytes;
            dueWider = dirty.WiderBytes;
            if (!policy.PreCopies)
            {
                // Stop-and-copy: the guest is paused and every page crosses once.
                state.Pending = everything;
                SwitchOver();
                return;
            }

            phase = MigrationPhase.PreCopy;
            entered?.Invoke(MigrationPhase.PreCopy);
            SendRound(everything);
        }

        private void SendRound(double due)
        {
            roundBegan = clock.Now;
            roundThrottle = state.Throttle;
            roundDue = due;
            roundLimit = policy.RoundRateLimit(state);
            var cap = Math.Min(inputs.FlowCapBytesPerSecond, roundLimit);
            var bytes = policy.SkipsRedirtiedPages ? due - Skipped(due, cap) : due;
            current = link.Start(bytes, cap, roundSent, ports);
        }

        /// <summary>
        /// Xen's to_skip: of the pages due, those the guest dirties again before the round reaches them. The hot set's
        /// are rewritten at once; of the wider set's, the share <see cref="DirtyMemory.WiderRedirtiedShare"/> gives for
        /// the round's length, which depends on what is skipped: solved by bisection, at the rate the round would get
        /// on the link as it is now (its fair share, within its cap).
        /// </summary>
        private double Skipped(double due, double cap)
        {
            var dirty = inputs.Dirty;
            var hot = Math.Min(dueHot, due);
            var wider = Math.Min(dueWider, due - hot);
            var rate = Math.Min(cap, link.Capacity / (link.ActiveFlows + 1));
            foreach (var port in ports) rate = Math.Min(rate, port.Capacity / (port.ActiveFlows + 1));
            if (!(rate > 0) || double.IsInfinity(rate) || wider <= 0) return hot;
            double low = 0, high = (due - hot) / rate;
            for (var i = 0; i < 60; i++)
            {
                var seconds = (low + high) / 2;
                if (seconds * rate < due - hot - wider * dirty.WiderRedirtiedShare(seconds)) low = seconds;
                else high = seconds;
            }

            return hot + wider * dirty.WiderRedirtiedShare(high);
        }

        private void RoundSent(Flow flow)
        {
            var seconds = clock.Now - roundBegan;
            var throttle = roundThrottle;
            var dirty = inputs.Dirty;
            dueHot = dirty.HotDirtied(1 - throttle);
            dueWider = dirty.WiderDirtied(seconds, 1 - throttle);
            var dirtied = dueHot + dueWider;
            // Before the second round Xen's sent_last_iter is the memory size.
            state.PreviousRoundBytes = state.RoundsDone == 0 ? inputs.MemoryBytes : state.LastRoundBytes;
            state.RoundsDone++;
            state.LastRoundBytes = flow.Bytes;
            state.LastRoundDue = roundDue;
            state.LastRoundLimit = roundLimit;
            state.LastRoundSeconds = seconds;
            state.Pending = dirtied;
            state.TotalSent += flow.Bytes;
            result.MemoryBytesSent += flow.Bytes;
            rounds.Add(new PreCopyRound(state.RoundsDone, flow.Bytes, seconds, dirtied, throttle * 100));
            result.ThrottlePercent = Math.Max(result.ThrottlePercent, throttle * 100);
            if (policy.ShouldSwitchOver(state)) SwitchOver();
            else if (policy.NeverConverges(state))
            {
                Fail("MigrationNotConverging", string.Format(CultureInfo.InvariantCulture,
                    "Pre-copy did not converge in {0} rounds: the guest dirties {1:0.#} MB per round, more than {2:0.#} ms of the {3:0.#} Mbps achieved; {4} would iterate for ever. The VM keeps running at its source.",
                    state.RoundsDone, dirtied / (1024 * 1024), policy is QemuPolicy q ? q.DowntimeLimitSeconds * 1000 : 0, state.LastRoundRate * 8 / 1e6, policy.Algorithm));
            }
            else SendRound(state.Pending);
        }

        private void SwitchOver()
        {
            phase = MigrationPhase.Switchover;
            var deviceState = inputs.DeviceStateBytes ?? policy.DeviceStateBytes(inputs.NumCpu, inputs.Devices);
            // QEMU's block migration sends the blocks written since its last pass with the guest stopped; vSphere's
            // mirror is synchronous and leaves none.
            var dirtyDisk = policy.FlushesDirtyDiskAtSwitchover && inputs.DiskBytes > 0 ? inputs.DiskWriteBytesPerSecond * state.LastRoundSeconds : 0;
            var bytes = state.Pending + deviceState + inputs.SwitchoverDiskBytes + dirtyDisk;
            var cap = Math.Min(inputs.FlowCapBytesPerSecond, policy.StopAndCopyRateLimit);
            var rate = Math.Min(cap, Math.Min(state.LastRoundRate, link.Capacity));
            foreach (var port in ports) rate = Math.Min(rate, port.Capacity);
            var handshake = policy.HandoverRoundTrips * inputs.RttMs / 1000.0;
            var predicted = bytes / rate + handshake;
            if (policy.MaxSwitchoverSeconds is double limit && predicted > limit)
            {
                Fail("SwitchoverTimeout", string.Format(CultureInfo.InvariantCulture,
                    "The switchover would take {0:0.#} s, over the {1:0} s limit (vmotion.maxSwitchoverSeconds); the VM keeps running at its source.",
                    predicted, limit));
                return;
            }

            stoppedAt = clock.Now;
            result.SwitchoverSeconds = stoppedAt;
            current = link.Start(bytes, cap, flow =>
            {
                result.MemoryBytesSent += flow.Bytes;
                clock.After(handshake, () =>
                {
                    if (done || hung) return;
                    result.DowntimeSeconds = clock.Now - stoppedAt;
                    result.Succeeded = true;
                    Finish();
                });
            }, ports);
            entered?.Invoke(MigrationPhase.Switchover);
        }

        private void Fail(string errorId, string message)
        {
            result.ErrorId = errorId;
            result.ErrorMessage = message;
            result.Succeeded = false;
            Finish();
        }

        private void Finish()
        {
            if (done) return;
            done = true;
            phase = result.Succeeded ? MigrationPhase.Completed : MigrationPhase.Failed;
            result.EndSeconds = clock.Now;
            result.Rounds = rounds.ToArray();
            finished(result);
        }
    }
}
