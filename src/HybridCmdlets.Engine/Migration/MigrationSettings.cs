using System;
using System.Globalization;
using HybridCmdlets.Engine.Errors;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// How a live migration's pre-copy is to run: the algorithm and the knobs the hypervisors and the published
    /// experiments set. The lab's options give the defaults (Set-HybridLabOption); a move may override the algorithm
    /// and add a bandwidth cap (MigrationRequest). Immutable; <see cref="With"/> checks every value it is given.
    /// </summary>
    public sealed class MigrationSettings : IEquatable<MigrationSettings>
    {
        /// <summary>QEMU's largest downtime-limit (migration/options.c, MAX_MIGRATE_DOWNTIME_SECONDS 2000).</summary>
        public const double MaxDowntimeTargetMs = 2_000_000;

        /// <summary>The highest per-migration cap accepted: the fastest link a lab may have (Set-CloudLink's 400 Gbps).</summary>
        public const double MaxBandwidthCapMbps = Inventory.VSphereLimits.MaxLinkBandwidthMbps;

        public static readonly MigrationSettings Default = new MigrationSettings(MigrationAlgorithm.vSphere, null, false, null, false);

        private MigrationSettings(MigrationAlgorithm algorithm, double? downtimeTargetMs, bool autoConverge, double? maxBandwidthMbps, bool stopAndCopy)
        {
            Algorithm = algorithm;
            DowntimeTargetMs = downtimeTargetMs;
            AutoConverge = autoConverge;
            MaxBandwidthMbps = maxBandwidthMbps;
            StopAndCopy = stopAndCopy;
        }

        public MigrationAlgorithm Algorithm { get; }

        /// <summary>
        /// The switchover target in ms: vSphere's switchover goal (500 ms when null) or QEMU's downtime-limit (300 ms
        /// when null). Xen has none (xc_domain_save stops on its own rules), so it is not used there.
        /// </summary>
        public double? DowntimeTargetMs { get; }

        /// <summary>QEMU's auto-converge capability (off by default, as in QEMU). vSphere always has Stun During Page Send; Xen never throttles.</summary>
        public bool AutoConverge { get; }

        /// <summary>
        /// The most one migration may send, in Mbps (Move-CloudVM -MaxBandwidthMbps): under QEMU it is max-bandwidth
        /// (128 MiB/s when null); under every algorithm it caps each transfer of the move, disks and replication included.
        /// </summary>
        public double? MaxBandwidthMbps { get; }

        /// <summary>Non-live: the guest is paused and its memory copied once (the literature's stop-and-copy baseline).</summary>
        public bool StopAndCopy { get; }

        /// <summary>Xen, QEMU and the research prototype are not HCX: VMware's path thresholds do not bind them.</summary>
        public bool AppliesHcxPathRules => Algorithm == MigrationAlgorithm.vSphere;

        public static MigrationSettings For(MigrationAlgorithm algorithm) => Default.With(algorithm: algorithm);

        /// <summary>
        /// A copy with the given values changed (null leaves one as it is; <paramref name="clearDowntimeTarget"/> and
        /// <paramref name="clearMaxBandwidth"/> go back to the algorithm's default). Bad values are ValueOutOfRange.
        /// </summary>
        public MigrationSettings With(MigrationAlgorithm? algorithm = null, double? downtimeTargetMs = null, bool? autoConverge = null,
            double? maxBandwidthMbps = null, bool? stopAndCopy = null, bool clearDowntimeTarget = false, bool clearMaxBandwidth = false)
        {
            if (algorithm is MigrationAlgorithm a && !Enum.IsDefined(typeof(MigrationAlgorithm), a))
            {
                throw EngineErrors.ValueOutOfRange("MigrationAlgorithm", a, "one of " + string.Join(", ", Enum.GetNames(typeof(MigrationAlgorithm))));
            }

            if (downtimeTargetMs is double ms) CheckDowntimeTarget(ms);
            if (maxBandwidthMbps is double mbps) CheckMaxBandwidth(mbps);
            return new MigrationSettings(
                algorithm ?? Algorithm,
                clearDowntimeTarget ? null : downtimeTargetMs ?? DowntimeTargetMs,
                autoConverge ?? AutoConverge,
                clearMaxBandwidth ? null : maxBandwidthMbps ?? MaxBandwidthMbps,
                stopAndCopy ?? StopAndCopy);
        }

        /// <summary>Over 0 and at most QEMU's 2000 s.</summary>
        public static void CheckDowntimeTarget(double ms)
        {
            if (double.IsNaN(ms) || ms <= 0 || ms > MaxDowntimeTargetMs)
            {
                throw EngineErrors.ValueOutOfRange("DowntimeTargetMs", ms, "over 0 and at most 2000000 (QEMU's largest downtime-limit, 2000 s)");
            }
        }

        /// <summary>Over 0 and at most 400,000 Mbps.</summary>
        public static void CheckMaxBandwidth(double mbps)
        {
            if (double.IsNaN(mbps) || mbps <= 0 || mbps > MaxBandwidthCapMbps)
            {
                throw EngineErrors.ValueOutOfRange("MaxBandwidthMbps", mbps, "over 0 and at most 400000 (400 Gbps)");
            }
        }

        public bool Equals(MigrationSettings? other) =>
            other != null && Algorithm == other.Algorithm && Nullable.Equals(DowntimeTargetMs, other.DowntimeTargetMs) && AutoConverge == other.AutoConverge
            && Nullable.Equals(MaxBandwidthMbps, other.MaxBandwidthMbps) && StopAndCopy == other.StopAndCopy;

        public override bool Equals(object? obj) => Equals(obj as MigrationSettings);

        public override int GetHashCode() => ((int)Algorithm * 397) ^ DowntimeTargetMs.GetHashCode() ^ (AutoConverge ? 1 : 0) ^ (MaxBandwidthMbps.GetHashCode() * 7) ^ (StopAndCopy ? 2 : 0);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}{1}{2}{3}{4}", Algorithm,
            DowntimeTargetMs is double ms ? ", downtime target " + ms.ToString("0.###", CultureInfo.InvariantCulture) + " ms" : "",
            AutoConverge ? ", auto-converge" : "",
            MaxBandwidthMbps is double mbps ? ", at most " + mbps.ToString("0.###", CultureInfo.InvariantCulture) + " Mbps" : "",
            StopAndCopy ? ", stop-and-copy" : "");
    }
}
