using System.Collections.Generic;
using HybridCmdlets.Engine.Readiness.Rules;

namespace HybridCmdlets.Engine.Readiness
{
    /// <summary>
    /// Every readiness rule, in the order checks are listed: path, compute, devices, state, network, platform.
    /// Test-MigrationReadiness and Move-CloudVM both run exactly these, so the test and the move cannot disagree.
    /// </summary>
    public static class RuleCatalog
    {
        public static IReadOnlyList<IReadinessRule> Rules { get; } = new IReadinessRule[]
        {
            new LinkRule(),
            new RttRule(),
            new BandwidthRule(),
            new CpuVendorRule(),
            new EvcRule(),
            new MemoryCapacityRule(),
            new CpuCapacityRule(),
            new DatastoreCapacityRule(),
            new HardwareVersionRule(),
            new CdDriveRule(),
            new RdmRule(),
            new SharedDiskRule(),
            new VGpuRule(),
            new PassthroughRule(),
            new UsbRule(),
            new FaultToleranceRule(),
            new PowerStateRule(),
            new SnapshotRule(),
            new ToolsRule(),
            new NameInUseRule(),
            new InProgressRule(),
            new NetworkMappingRule(),
            new InternalNetworkRule(),
            new StandardSwitchReturnRule(),
            new SourceVersionRule(),
            new LicenseRule(),
        };

        /// <summary>The id of the check the migration model adds: the move simulated alone on the path as it is now.</summary>
        public const string SimulationCheckId = "model.simulation";
    }
}
