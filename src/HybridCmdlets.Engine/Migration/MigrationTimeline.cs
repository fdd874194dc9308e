using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// The lab's one migration timeline. Submitting a migration puts it on the timeline at the current virtual time
    /// and returns at once; virtual time moves only while someone waits (Wait-CloudTask, a synchronous move) or
    /// asks where things stand. So migrations submitted together share links and limits, and with a time scale of
    /// 0 (as fast as the machine runs) the same lab and requests always give the same results. With a time scale
    /// of N, waiting plays the timeline back at N virtual seconds per wall second, and asking catches it up to the
    /// wall clock, so tasks seem to run in the background without a thread of their own.
    /// </summary>
    public sealed class MigrationTimeline
    {
        private const double GiB = 1024.0 * 1024 * 1024;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);
        private static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(1);
        private static readonly double MaxVirtualSeconds = TimeSpan.FromDays(36525).TotalSeconds;

        private readonly object gate = new object();
        private readonly MigrationBatch batch;
        private readonly FaultInjector faults;
        private readonly IWallClock wall;
        private readonly List<CloudTask> tasks = new List<CloudTask>();
        private readonly DateTime epochUtc;
        private double timeScale;
        private DateTime anchorWall;
        private double anchorVirtual;
        private int unfinished;
        private int succeeded;

        public MigrationTimeline(Estate estate, DateTime epochUtc, IWallClock? wallClock = null)
        {
            this.epochUtc = epochUtc;
            batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, epochUtc);
            faults = new FaultInjector(batch, estate, epochUtc);
            wall = wallClock ?? SystemWallClock.Instance;
            anchorWall = wall.UtcNow;
            batch.Finished += run =>
            {
                unfinished--;
                if (run.Status == MigrationStatus.Succeeded) succeeded++;
            };
        }

        public DateTime VirtualNow
        {
            get { lock (gate) return epochUtc.AddSeconds(batch.Clock.Now); }
        }

        /// <summary>Virtual seconds per wall second while waiting; 0 runs as fast as the machine can.</summary>
        public double TimeScale
        {
            get { lock (gate) return timeScale; }
            set
            {
                if (double.IsNaN(value) || value < 0) throw Errors.EngineErrors.ValueOutOfRange("TimeScale", value, "0 or more");
                lock (gate)
                {
                    CatchUpLocked();
                    timeScale = value;
                    Anchor();
                }
            }
        }

        /// <summary>Tasks still queued or running.</summary>
        public int UnfinishedCount
        {
            get { lock (gate) return unfinished; }
        }

        /// <summary>Migrations that succeeded so far, each of which changed the estate.</summary>
        public int SucceededCount
        {
            get { lock (gate) return succeeded; }
        }

        /// <summary>Changes the timeline made to the estate: migrations that succeeded, and VMs that HA restarted after a host failure.</summary>
        public int EstateChanges
        {
            get { lock (gate) return succeeded + faults.EstateChanges; }
        }

        /// <summary>The faults scheduled on this timeline, in the order they were added.</summary>
        public IReadOnlyList<CloudFault> Faults
        {
            get { lock (gate) return faults.Faults.ToArray(); }
        }

        /// <summary>
        /// Schedules a fault. Throws a HybridException, and schedules nothing, when it is wrong. Internal: the cmdlets go
        /// through <see cref="Lab.LabSession.AddFault"/>, which checks the session's privilege first.
        /// </summary>
        internal CloudFault AddFault(FaultSpec spec)
        {
            lock (gate)
            {
                CatchUpLocked();
                return faults.Add(spec);
            }
        }

        /// <summary>Ends a fault now: what it holds broken recovers, and it never fires again (through <see cref="Lab.LabSession.ClearFault"/>).</summary>
        internal void ClearFault(CloudFault fault)
        {
            lock (gate)
            {
                CatchUpLocked();
                if (faults.Faults.Contains(fault)) faults.Clear(fault);
            }
        }

        public IReadOnlyList<CloudTask> Tasks
        {
            get { lock (gate) return tasks.ToArray(); }
        }

        /// <summary>Events run so far on the timeline.</summary>
        public long EventsProcessed
        {
            get { lock (gate) return batch.Clock.Processed; }
        }

        public CloudTask Submit(MigrationPlan plan, MigrationAlgorithm algorithm) => Submit(plan, MigrationSettings.For(algorithm));

        /// <summary>Puts a planned move on the timeline under the lab's pre-copy settings, the plan's own choices over them.</summary>
        public CloudTask Submit(MigrationPlan plan, MigrationSettings settings)
        {
            lock (gate)
            {
                CatchUpLocked();
                var run = batch.Add(plan, settings);
                unfinished++;
                var task = new CloudTask("task-" + (tasks.Count + 1).ToString(CultureInfo.InvariantCulture), run, this);
                tasks.Add(task);
                return task;
            }
        }

        /// <summary>Cancels a task of this timeline; a task of a lab since replaced has ended already and is left alone.</summary>
        public void Cancel(CloudTask task)
        {
            if (task.Timeline != this) return;
            lock (gate) batch.Cancel(task.Run);
        }

        /// <summary>A link's figures changed: the moves crossing it go on at its new bandwidth from now.</summary>
        public void LinkChanged(CloudLink link)
        {
            lock (gate)
            {
                CatchUpLocked();
                batch.LinkChanged(link);
            }
        }

        /// <summary>With a time scale, brings the timeline up to what the wall clock says; with none, does nothing.</summary>
        public void CatchUp()
        {
            lock (gate) CatchUpLocked();
        }

        /// <summary>
        /// Brings the lab to where a look at some of its tasks (Get-CloudTask) should find it. At a time scale, that is
        /// the wall clock, as for any command. At time scale 0 the lab runs as fast as the machine and no wall time
        /// passes for it, so each look moves the clock on to the next change that the tasks looked at show (one starts,
        /// enters its next phase or pre-copy round, or ends): a polling loop (while the task is Queued or Running,
        /// sleep) sees its task advance at every look and ends, while moves that have not changed yet, queued ones
        /// included, stay as they are for Stop-CloudTask. Submitting never moves the clock.
        /// </summary>
        public void CatchUpForLook(IReadOnlyCollection<CloudTask> lookedAt, CancellationToken cancellation)
        {
            lock (gate)
            {
                if (timeScale > 0)
                {
                    CatchUpLocked();
                    return;
                }

                var watched = lookedAt.Where(t => t.Timeline == this && !t.IsFinished).Select(t => (Run: t.Run, t.Run.Status, t.Run.Phase)).ToList();
                var untilCheck = 256;
                while (watched.Count > 0 && !watched.Any(w => w.Run.Status != w.Status || w.Run.Phase != w.Phase))
                {
                    if (--untilCheck == 0)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        untilCheck = 256;
                    }

                    if (!batch.Clock.Step())
                    {
                        batch.RunToEnd();
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// Runs the timeline until every one of <paramref name="waitFor"/> has ended, calling
        /// <paramref name="progress"/> now and then. When <paramref name="cancellation"/> fires (Ctrl+C), the tasks
        /// still running are canceled, which leaves their VMs at their sources, and the wait ends at once.
        /// </summary>
        public void WaitFor(IReadOnlyCollection<CloudTask> waitFor, CancellationToken cancellation, Action? progress = null)
        {
            var lastProgress = DateTime.MinValue;
            // Counted down as they end, so that waiting for 10,000 tasks does not look at each after every event.
            HashSet<MigrationRun> pending;
            lock (gate)
            {
                CatchUpLocked();
                pending = new HashSet<MigrationRun>(waitFor.Where(t => t.Timeline == this && !t.IsFinished).Select(t => t.Run));
                batch.Finished += Ended;
            }

            try
            {
                while (true)
                {
                    if (cancellation.IsCancellationRequested)
                    {
                        lock (gate)
                        {
                            foreach (var run in pending.ToArray()) batch.Cancel(run);
                        }

                        break;
                    }

                    TimeSpan sleep;
                    lock (gate)
                    {
                        if (pending.Count == 0) break;
                        sleep = StepLocked(cancellation);
                        // Nothing left to happen (a transfer stalled on a link with no capacity), yet not all ended:
                        // never hang; the tasks say where they stand.
                        if (pending.Count > 0 && double.IsInfinity(batch.Clock.NextTime)) break;
                    }

                    if (progress != null && wall.UtcNow - lastProgress >= ProgressInterval)
                    {
                        progress();
                        lastProgress = wall.UtcNow;
                    }

                    if (sleep > TimeSpan.Zero) wall.Sleep(sleep, cancellation);
                }
            }
            finally
            {
                lock (gate) batch.Finished -= Ended;
            }

            progress?.Invoke();

            void Ended(MigrationRun run) => pending.Remove(run);
        }

        /// <summary>Where a task stands: its phase, an estimate of how far it is, and what the current transfer has left.</summary>
        internal TaskProgress Progress(CloudTask task)
        {
            lock (gate)
            {
                var run = task.Run;
                if (run.Done) return new TaskProgress(run.Phase, run.Status == MigrationStatus.Succeeded ? 100 : 0, 0, 0, 0);
                if (run.Status == MigrationStatus.Queued) return new TaskProgress(run.Phase, 0, 0, double.NaN, double.NaN);
                var vm = run.Plan.VM;
                var expected = (vm.MemoryMB / 1024.0 * vm.Workload.TouchedMemoryPercent / 100 + (run.Plan.SharedStorage ? 0 : vm.UsedSpaceGB)) * GiB;
                var flow = run.ActiveFlow;
                var inFlight = run.Live != null ? run.Live.BytesSent
                    : flow != null ? flow.Bytes - flow.Remaining : 0;
                // A live migration adds its bytes to the result only when it ends, so its own count is added here.
                var sent = (run.Result.MemoryTransferredGB + run.Result.DiskTransferredGB) * GiB + inFlight;
                var percent = expected <= 0 ? 0 : (int)Math.Max(0, Math.Min(99, 100 * sent / Math.Max(expected, sent)));
                var rate = flow?.Rate ?? 0;
                var phaseLeft = flow?.Remaining ?? 0;
                var phaseSeconds = rate > 0 ? phaseLeft / rate : double.NaN;
                var totalSeconds = rate > 0 ? Math.Max(phaseLeft, expected - sent) / rate : double.NaN;
                return new TaskProgress(run.Phase, percent, phaseLeft / GiB, phaseSeconds, totalSeconds);
            }
        }

        /// <summary>A virtual time in seconds since the timeline began, as a date on the lab's clock.</summary>
        internal DateTime ToTime(double seconds) => epochUtc.AddSeconds(seconds);

        /// <summary>
        /// One step of waiting: at time scale 0, run the next event; otherwise move the clock with the wall clock
        /// and run the events that are due, and say how long to sleep before the next is.
        /// </summary>
        private TimeSpan StepLocked(CancellationToken cancellation)
        {
            var clock = batch.Clock;
            if (timeScale <= 0)
            {
                if (!clock.Step()) batch.RunToEnd();
                return TimeSpan.Zero;
            }

            // Events due within the next wall millisecond run now: sleeping less than that is not worth a wake-up.
            var due = Due();
            RunUntil(due + timeScale * MinimumSleep.TotalSeconds, cancellation);
            if (double.IsInfinity(clock.NextTime)) batch.RunToEnd();
            clock.AdvanceTo(due);
            var untilNext = TimeSpan.FromSeconds(Math.Min((clock.NextTime - due) / timeScale, ProgressInterval.TotalSeconds));
            return untilNext < MinimumSleep ? MinimumSleep : untilNext;
        }

        private void CatchUpLocked()
        {
            if (timeScale <= 0) return;
            var due = Due();
            RunUntil(due);
            batch.Clock.AdvanceTo(due);
            Anchor();
        }

        /// <summary>
        /// The virtual time the wall clock says it is, at the current time scale; never more than a century past the
        /// lab's epoch. (A lab left at 1,000,000x for a few days would otherwise run its clock past the year 9999,
        /// which no date can hold.)
        /// </summary>
        private double Due() => Math.Min(anchorVirtual + (wall.UtcNow - anchorWall).TotalSeconds * timeScale, Math.Max(anchorVirtual, MaxVirtualSeconds));

        /// <summary>
        /// Runs the events due by <paramref name="time"/>. A wait at a high time scale can have thousands due at once;
        /// a cancel (Ctrl+C) is looked at every few hundred, so that the wait ends within its 200 ms.
        /// </summary>
        private void RunUntil(double time, CancellationToken cancellation = default)
        {
            var untilCheck = 256;
            while (batch.Clock.NextTime <= time && batch.Clock.Step())
            {
                if (--untilCheck > 0) continue;
                if (cancellation.IsCancellationRequested) return;
                untilCheck = 256;
            }
        }

        private void Anchor()
        {
            anchorWall = wall.UtcNow;
            anchorVirtual = batch.Clock.Now;
        }
    }
}
