using System;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// The decisions that distinguish one pre-copy algorithm from another: how fast a round may send, when to stop
    /// iterating and switch over, how to throttle a guest that dirties faster than the link carries.
    /// </summary>
    public abstract class PreCopyPolicy
    {
        protected const double Megabit = 1_000_000 / 8.0;

        public abstract MigrationAlgorithm Algorithm { get; }

        /// <summary>Fixed cost of the handover at switchover: device state transfer setup, resume at the destination.</summary>
        public abstract double HandoverSeconds { get; }

        /// <summary>A switchover predicted to take longer than this fails the migration (vSphere's 100 s); null for none.</summary>
        public virtual double? MaxSwitchoverSeconds => null;

        /// <summary>The most the next round may send per second, whatever the path allows.</summary>
        public virtual double RoundRateLimit(PreCopyState state) => double.PositiveInfinity;

        /// <summary>The most the final stop-and-copy may send per second.</summary>
        public virtual double StopAndCopyRateLimit => double.PositiveInfinity;

        /// <summary>After a round: true to switch over now; otherwise the policy may raise the throttle and go on.</summary>
        public abstract bool ShouldSwitchOver(PreCopyState state);

        public static PreCopyPolicy For(MigrationAlgorithm algorithm) => algorithm switch
        {
            MigrationAlgorithm.vSphere => new VSpherePolicy(),
            MigrationAlgorithm.Xen => new XenPolicy(),
            MigrationAlgorithm.Qemu => new QemuPolicy(),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
        };
    }

    /// <summary>
    /// vMotion: iterate until what is left can be sent within the switchover goal (about 500 ms). When a round
    /// does not shrink the rest, Stun During Page Send slows the vCPUs until the guest dirties at half the
    /// transmit rate, so pre-copy converges. A switchover over 100 s (vmotion.maxSwitchoverSeconds) fails.
    /// </summary>
    public sealed class VSpherePolicy : PreCopyPolicy
    {
        public const double SwitchoverGoalSeconds = 0.5;
        private const int MaxRounds = 64;

        public override MigrationAlgorithm Algorithm => MigrationAlgorithm.vSphere;

        public override double HandoverSeconds => 0.1;

        public override double? MaxSwitchoverSeconds => 100;

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
    /// Xen 3.x (Clark et al. 2005): the first round at 100 Mb/s, each next one at the last round's dirtying rate
    /// plus 50 Mb/s, up to 500 Mb/s; stop after 30 rounds, after sending three times the memory, when fewer than
    /// 256 KB remain, or when the guest dirties faster than the cap; then stop-and-copy at the cap.
    /// </summary>
    public sealed class XenPolicy : PreCopyPolicy
    {
        public const double FirstRoundRate = 100 * Megabit;
        public const double RateStep = 50 * Megabit;
        public const double MaxRate = 500 * Megabit;
        public const int MaxRounds = 30;
        public const double StopBelowBytes = 256 * 1024;

        public override MigrationAlgorithm Algorithm => MigrationAlgorithm.Xen;

        /// <summary>
        /// Clark et al. record "service downtimes as low as 60ms" (abstract), for a Quake 3 server whose last round
        /// was under Xen's 256 KB stop: so a Xen switchover costs about 60 ms however little is left. 55 ms is that,
        /// less the few ms such a last round and a paravirtual guest's device state take at 500 Mb/s.
        /// </summary>
        public override double HandoverSeconds => 0.055;

        public override double StopAndCopyRateLimit => MaxRate;

        public override double RoundRateLimit(PreCopyState state) =>
            state.RoundsDone == 0 ? FirstRoundRate : Math.Min(MaxRate, state.LastDirtyRate + RateStep);

        public override bool ShouldSwitchOver(PreCopyState state) =>
            state.Pending < StopBelowBytes
            || state.RoundsDone >= MaxRounds
            || state.TotalSent >= 3 * state.MemoryBytes
            || (state.RoundsDone > 1 && state.LastDirtyRate >= MaxRate);
    }

    /// <summary>
    /// QEMU's defaults: a 128 MiB/s bandwidth limit; switch over when what is pending fits the 300 ms downtime
    /// limit at the measured bandwidth; auto-converge throttles the guest (20%, then 10% more each time) after
    /// dirtying exceeds half of what was sent in two sync periods.
    /// </summary>
    public sealed class QemuPolicy : PreCopyPolicy
    {
        public const double DowntimeLimitSeconds = 0.3;
        public const double MaxBandwidth = 128 * 1024 * 1024;
        private const int MaxRounds = 1000;

        public override MigrationAlgorithm Algorithm => MigrationAlgorithm.Qemu;

        public override double HandoverSeconds => 0.05;

        public override double RoundRateLimit(PreCopyState state) => MaxBandwidth;

        public override double StopAndCopyRateLimit => MaxBandwidth;

        public override bool ShouldSwitchOver(PreCopyState state)
        {
            if (state.Pending <= state.LastRoundRate * DowntimeLimitSeconds) return true;
            if (state.RoundsDone >= MaxRounds) return true;
            if (state.Pending > 0.5 * state.LastRoundBytes)
            {
                state.NonConvergingRounds++;
                if (state.NonConvergingRounds >= 2)
                {
                    state.Throttle = state.Throttle == 0 ? 0.2 : Math.Min(0.99, state.Throttle + 0.1);
                    state.NonConvergingRounds = 0;
                }
            }

            return false;
        }
    }
}
