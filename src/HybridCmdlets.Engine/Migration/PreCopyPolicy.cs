using System;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// The decisions that distinguish one pre-copy algorithm from another, each as its hypervisor's code or vendor's
    /// documentation has it (the source is named beside each): how fast a round may send, which pages it sends, when
    /// to stop iterating and switch over, how to throttle a guest that dirties faster than the link carries, and
    /// what the switchover costs besides the memory left (device state, the handshake's round trips).
    /// Nothing here is fitted to a published measurement.
    /// </summary>
    public abstract class PreCopyPolicy
    {
        protected const double Megabit = 1_000_000 / 8.0;
        protected const double KiB = 1024;
        protected const double MiB = 1024 * KiB;
        public const double PageBytes = 4096;

        protected PreCopyPolicy(MigrationSettings settings)
        {
            Settings = settings;
        }

        public MigrationSettings Settings { get; }

        public MigrationAlgorithm Algorithm => Settings.Algorithm;

        /// <summary>False for a non-live move: the guest is paused and its memory sent once (MigrationSettings.StopAndCopy).</summary>
        public bool PreCopies => !Settings.StopAndCopy;

        /// <summary>
        /// Round trips from the switchover's last byte leaving the source to the guest running at the destination:
        /// the handover's handshake, from each hypervisor's protocol. There is no other fixed handover cost.
        /// </summary>
        public abstract double HandoverRoundTrips { get; }

        /// <summary>A switchover predicted to take longer than this fails the migration (vSphere's 100 s); null for none.</summary>
        public virtual double? MaxSwitchoverSeconds => null;

        /// <summary>True when a never-touched (zero) page costs a header only; false when every page is sent whole.</summary>
        public virtual bool ElidesZeroPages => true;

        /// <summary>True when a round skips the pages dirtied again before it reaches them (Xen's to_skip).</summary>
        public virtual bool SkipsRedirtiedPages => false;

        /// <summary>True when the disk blocks written since the last pass are sent while the guest is stopped (QEMU block migration).</summary>
        public virtual bool FlushesDirtyDiskAtSwitchover => false;

        /// <summary>The most the next round may send per second, whatever the path allows.</summary>
        public virtual double RoundRateLimit(PreCopyState state) => double.PositiveInfinity;

        /// <summary>The most the final stop-and-copy may send per second.</summary>
        public virtual double StopAndCopyRateLimit => double.PositiveInfinity;

        /// <summary>After a round: true to switch over now; otherwise the policy may raise the throttle and go on.</summary>
        public abstract bool ShouldSwitchOver(PreCopyState state);

        /// <summary>
        /// After a round that did not switch over: true when the algorithm would iterate for ever (QEMU without
        /// auto-converge never gives up on its own), so that the emulator stops and fails the move.
        /// </summary>
        public virtual bool NeverConverges(PreCopyState state) => false;

        /// <summary>What the switchover sends besides memory: the hypervisor's record of the vCPUs and devices.</summary>
        protected abstract DeviceStateSize DeviceState { get; }

        /// <summary>Device and vCPU state sent once, at the switchover, for a VM with these vCPUs and devices (NICs and disks).</summary>
        public double DeviceStateBytes(int numCpu, int devices) => DeviceState.Bytes(numCpu, devices);

        public static PreCopyPolicy For(MigrationAlgorithm algorithm) => For(MigrationSettings.For(algorithm));

        public static PreCopyPolicy For(MigrationSettings settings) => settings.Algorithm switch
        {
            MigrationAlgorithm.vSphere => new VSpherePolicy(settings),
            MigrationAlgorithm.Xen => new XenPolicy(settings),
            MigrationAlgorithm.Qemu => new QemuPolicy(settings),
            MigrationAlgorithm.XenAdaptive => new XenAdaptivePolicy(settings),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Algorithm, null),
        };

        /// <summary>
        /// The size of a hypervisor's device state: a fixed part for the machine, one per vCPU, one per device. These
        /// are sizes of the records the code writes, rounded up, never a fit to a measured downtime.
        /// </summary>
        protected readonly struct DeviceStateSize
        {
            public DeviceStateSize(double machineBytes, double perVcpuBytes, double perDeviceBytes)
            {
                MachineBytes = machineBytes;
                PerVcpuBytes = perVcpuBytes;
                PerDeviceBytes = perDeviceBytes;
            }

            public double MachineBytes { get; }
            public double PerVcpuBytes { get; }
            public double PerDeviceBytes { get; }

            public double Bytes(int numCpu, int devices) => MachineBytes + PerVcpuBytes * Math.Max(1, numCpu) + PerDeviceBytes * Math.Max(0, devices);
        }
    }

    /// <summary>
    /// vMotion, from VMware's documentation (KB 436882, "How to identify vMotion stun time"): iterate until the
    /// remaining dirty pages can be sent within the 500 ms switchover goal, then stun the guest, send them, and
    /// resume it at the destination once the destination acknowledges. When rounds stop converging, Stun During Page
    /// Send (vSphere 5.0 and later) slows the vCPUs so that pre-copy converges; a switchover over 100 s
    /// (vmotion.maxSwitchoverSeconds) fails and the VM keeps running at its source.
    /// </summary>
    public sealed class VSpherePolicy : PreCopyPolicy
    {
        public const double DefaultSwitchoverGoalSeconds = 0.5;
        public const double MaxSwitchoverLimitSeconds = 100;
        private const int MaxRounds = 64;

        public VSpherePolicy(MigrationSettings? settings = null)
            : base(settings ?? MigrationSettings.Default)
        {
        }

        /// <summary>The switchover goal: 500 ms unless the lab sets a downtime target.</summary>
        public double SwitchoverGoalSeconds => Settings.DowntimeTargetMs / 1000 ?? DefaultSwitchoverGoalSeconds;

        /// <summary>The last pages reach the destination (half a round trip) and its acknowledgement comes back (half).</summary>
        public override double HandoverRoundTrips => 1;

        public override double? MaxSwitchoverSeconds => MaxSwitchoverLimitSeconds;

        /// <summary>
        /// VMware publishes no size for a vMotion checkpoint; these are the sizes of what it holds (VMware's
        /// description: "all devices and their status, CPU registers"): the VMX's device checkpoint (1 MiB, an
        /// estimate), each vCPU's registers with its XSAVE area and APIC (64 KiB, an estimate), each device's
        /// emulation state (16 KiB, an estimate).
        /// </summary>
        protected override DeviceStateSize DeviceState => new DeviceStateSize(1 * MiB, 64 * KiB, 16 * KiB);

        public override bool ShouldSwitchOver(PreCopyState state)
        {
            var rate = state.LastRoundRate;
            if (state.Pending <= rate * SwitchoverGoalSeconds) return true;
            if (state.RoundsDone >= MaxRounds) return true;
            if (state.RoundsDone >= 2 && state.Pending >= 0.8 * state.LastRoundBytes && state.DirtyBytesPerSecond > 0)
            {
                // SDPS: slow the guest to half the rate the link achieves.
                var needed = 1 - 0.5 * rate / state.DirtyBytesPerSecond;
                state.Throttle = Math.Min(0.99, Math.Max(state.Throttle + 0.05, needed));
            }

            return false;
        }
    }

    /// <summary>
    /// Xen as shipped in 3.1 to 4.x: tools/libxc/xc_domain_save.c, function xc_domain_save (read at RELEASE-4.0.0
    /// and RELEASE-4.4.0). The adaptive rate limiter is compiled out (ADAPTIVE_SAVE is never defined, so ratewrite is
    /// a plain write and RATE_IS_MAX() is 0): every round goes at link rate. Each round sends the pages dirtied during
    /// the last one, but skips those the guest dirtied again since the round began (the to_skip bitmap, peeked before
    /// each batch): they would be stale, and the next round sends them anyway. After a round it stops iterating when
    /// iter ≥ max_iters (DEF_MAX_ITERS 29), when sent_this_iter + skip_this_iter &lt; 50 pages, or when total_sent &gt;
    /// max_factor (DEF_MAX_FACTOR 3) × p2m_size; then it suspends the guest and sends everything still dirty. The
    /// legacy save sends every page whole (no zero-page elision).
    /// </summary>
    public class XenPolicy : PreCopyPolicy
    {
        /// <summary>DEF_MAX_ITERS: at most 29 live rounds, the 30th is the last (stop-and-copy).</summary>
        public const int MaxIterations = 29;

        /// <summary>DEF_MAX_FACTOR: stop once more than 3 × memory has been sent.</summary>
        public const double MaxFactor = 3;

        /// <summary>Stop when the round just sent had fewer than 50 pages due (sent_this_iter + skip_this_iter &lt; 50).</summary>
        public const int FewPages = 50;

        public XenPolicy(MigrationSettings? settings = null)
            : base(settings ?? MigrationSettings.For(MigrationAlgorithm.Xen))
        {
        }

        public override bool ElidesZeroPages => false;

        public override bool SkipsRedirtiedPages => true;

        /// <summary>
        /// xl's migration protocol (tools/libxl/xl_cmdimpl.c, migrate_domain and migrate_receive): after the stream the
        /// receiver reports "domain received, ready to unpause", the sender answers "you are cleared to unpause", and
        /// only then does the receiver unpause: the last bytes' half round trip and one round trip more.
        /// </summary>
        public override double HandoverRoundTrips => 1.5;

        /// <summary>
        /// After the last iteration xc_domain_save writes the vCPU contexts (vcpu_guest_context and its XSAVE area,
        /// XC_SAVE_ID_VCPU_INFO / VCPU_EXTSTATE: 8 KiB per vCPU), the shared-info page and the HVM context record
        /// (xc_domain_hvm_getcontext), and the toolstack adds the device model's state: 128 KiB for the machine and
        /// 4 KiB per device are estimates of those records' sizes.
        /// </summary>
        protected override DeviceStateSize DeviceState => new DeviceStateSize(128 * KiB, 8 * KiB, 4 * KiB);

        public override bool ShouldSwitchOver(PreCopyState state) =>
            state.RoundsDone >= MaxIterations
            || state.LastRoundDue < FewPages * PageBytes
            || state.TotalSent > MaxFactor * state.MemoryBytes;
    }

    /// <summary>
    /// The research prototype of Clark et al., "Live Migration of Virtual Machines" (NSDI 2005, section 5.2), whose
    /// code survives under #ifdef ADAPTIVE_SAVE in xc_domain_save.c (START_MBIT_RATE 100, MAX_MBIT_RATE 500, and
    /// print_stats raising mbit_rate to the dirtying rate + 50): the first round at 100 Mb/s, each next one at the
    /// last round's dirtying rate plus 50 Mb/s, at most 500 Mb/s (as the paper describes it; the code only ever
    /// raises the rate); the stop rules of shipped Xen plus RATE_IS_MAX's (a round sent more than the one before at
    /// the maximum rate); then stop-and-copy at the maximum rate.
    /// </summary>
    public sealed class XenAdaptivePolicy : XenPolicy
    {
        public const double FirstRoundRate = 100 * Megabit;
        public const double RateStep = 50 * Megabit;
        public const double MaxRate = 500 * Megabit;

        public XenAdaptivePolicy(MigrationSettings? settings = null)
            : base(settings ?? MigrationSettings.For(MigrationAlgorithm.XenAdaptive))
        {
        }

        public override double StopAndCopyRateLimit => MaxRate;

        public override double RoundRateLimit(PreCopyState state) =>
            state.RoundsDone == 0 ? FirstRoundRate : Math.Min(MaxRate, state.LastDirtyRate + RateStep);

        public override bool ShouldSwitchOver(PreCopyState state) =>
            base.ShouldSwitchOver(state)
            || (state.RoundsDone > 1 && state.LastRoundBytes > state.PreviousRoundBytes && state.LastRoundLimit >= MaxRate);
    }

    /// <summary>
    /// QEMU (migration/migration.c, migration_iteration_run and the threshold_size that migration_update_counters
    /// sets; defaults in migration/options.c): switch over when what is pending fits bandwidth × downtime-limit, the
    /// bandwidth being the rate measured over the last period; downtime-limit DEFAULT_MIGRATE_SET_DOWNTIME 300 ms,
    /// max-bandwidth MAX_THROTTLE 128 MiB/s (older QEMU/KVM: 30 ms and 32 MiB/s, which the lab's downtime target and
    /// a move's bandwidth cap express). Auto-converge is a capability, off unless set (migration/ram.c,
    /// migration_trigger_throttle): when the bytes dirtied in a sync period exceed throttle-trigger-threshold (50%)
    /// of the bytes sent in it for the second time, throttle the vCPUs at cpu-throttle-initial (20%), then by
    /// cpu-throttle-increment (10%) more, up to max-cpu-throttle (99%). Zero pages cost a header (save_zero_page).
    /// Block migration (migration/block.c) sends the blocks written since its last pass while the guest is stopped.
    /// </summary>
    public sealed class QemuPolicy : PreCopyPolicy
    {
        public const double DefaultDowntimeLimitSeconds = 0.3;
        public const double DefaultMaxBandwidth = 128 * MiB;
        public const double ThrottleTriggerThreshold = 0.5;
        public const double CpuThrottleInitial = 0.2;
        public const double CpuThrottleIncrement = 0.1;
        public const double MaxCpuThrottle = 0.99;

        /// <summary>
        /// QEMU itself iterates for ever when pre-copy does not converge; the emulator gives up after this many rounds
        /// and fails the move with MigrationNotConverging, where a user would have canceled it.
        /// </summary>
        public const int GiveUpRounds = 1000;

        public QemuPolicy(MigrationSettings? settings = null)
            : base(settings ?? MigrationSettings.For(MigrationAlgorithm.Qemu))
        {
        }

        public double DowntimeLimitSeconds => Settings.DowntimeTargetMs / 1000 ?? DefaultDowntimeLimitSeconds;

        /// <summary>max-bandwidth: the move's cap when it has one, else QEMU's default.</summary>
        public double MaxBandwidth => Settings.MaxBandwidthMbps * Megabit ?? DefaultMaxBandwidth;

        /// <summary>The destination starts the guest as soon as it has read the end of the stream: half a round trip.</summary>
        public override double HandoverRoundTrips => 0.5;

        public override bool FlushesDirtyDiskAtSwitchover => true;

        /// <summary>
        /// The non-iterable vmstate sections: per vCPU the X86CPU record with its XSAVE area (16 KiB, rounded up), the
        /// machine's chipset, APIC, timers and VGA registers (256 KiB; video memory is RAM and pre-copied), each virtio
        /// device's queues (8 KiB); the sizes are estimates of those records.
        /// </summary>
        protected override DeviceStateSize DeviceState => new DeviceStateSize(256 * KiB, 16 * KiB, 8 * KiB);

        public override double RoundRateLimit(PreCopyState state) => MaxBandwidth;

        public override double StopAndCopyRateLimit => MaxBandwidth;

        public override bool ShouldSwitchOver(PreCopyState state)
        {
            if (state.Pending <= state.LastRoundRate * DowntimeLimitSeconds) return true;
            if (Settings.AutoConverge && state.Pending > ThrottleTriggerThreshold * state.LastRoundBytes && ++state.NonConvergingRounds >= 2)
            {
                state.Throttle = state.Throttle == 0 ? CpuThrottleInitial : Math.Min(MaxCpuThrottle, state.Throttle + CpuThrottleIncrement);
                state.NonConvergingRounds = 0;
            }

            return false;
        }

        public override bool NeverConverges(PreCopyState state) => state.RoundsDone >= GiveUpRounds;
    }
}
