namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// The limits every way into the lab checks against (New-CloudVM, Set-CloudVM, Set-CloudLink, Import-CloudInventory,
    /// the lab file and the generator): vSphere's published configuration maximums, and the module's own ranges.
    /// </summary>
    public static class VSphereLimits
    {
        // ---- vSphere's: VMware Configuration Maximums, vSphere 8.0 (configmax), "Virtual Machine Maximums" ----

        /// <summary>Virtual CPUs per virtual machine (vSphere 8.0, hardware version 20).</summary>
        public const int MaxVCpusPerVM = 768;

        /// <summary>The smallest memory vCenter lets a VM have, in MB.</summary>
        public const int MinMemoryMB = 4;

        /// <summary>RAM per virtual machine: 24 TB (vSphere 8.0), in MB.</summary>
        public const int MaxMemoryMB = 24 * 1024 * 1024;

        /// <summary>The same, in GB, for the cmdlets' parameters.</summary>
        public const double MaxMemoryGB = MaxMemoryMB / 1024.0;

        /// <summary>The smallest memory in GB, for the cmdlets' parameters.</summary>
        public const double MinMemoryGB = MinMemoryMB / 1024.0;

        /// <summary>Virtual disk size: 62 TB (VMFS 6 and vSAN, since vSphere 5.5), in GB.</summary>
        public const double MaxVirtualDiskGB = 62 * 1024;

        /// <summary>The smallest disk the lab holds, in GB (1 MB).</summary>
        public const double MinVirtualDiskGB = 0.001;

        /// <summary>Inventory object names (VMs, clusters, hosts, datastores, port groups): 80 characters, as vCenter truncates a longer one.</summary>
        public const int MaxNameLength = 80;

        // ---- The module's own ranges ----

        /// <summary>The longest free text (a region, a folder, a model, a guest OS) a lab holds: far above any real one, far below what hangs a console.</summary>
        public const int MaxTextLength = 1024;

        /// <summary>A link's bandwidth: over 0 and at most 400 Gbps (the fastest Ethernet an interconnect offers).</summary>
        public const double MinLinkBandwidthMbps = 0.001;
        public const double MaxLinkBandwidthMbps = 400_000;

        /// <summary>A link's round trip: at most 2 s (a geostationary hop is about 600 ms).</summary>
        public const double MaxLinkRttMs = 2000;

        /// <summary>A link's packet loss: below 100% (a link that loses everything is a fault, not a figure).</summary>
        public const double MaxLinkLossPercent = 99.999;

        /// <summary>A workload's memory dirty rate and disk write rate: at most 100 GB/s.</summary>
        public const double MaxDirtyRateMBps = 100_000;
        public const double MaxDiskWriteRateMBps = 100_000;

        /// <summary>Touched memory, as a percentage of the VM's memory.</summary>
        public const double MaxTouchedMemoryPercent = 100;

        /// <summary>A host's cores, clock, memory and vMotion network: ranges any server shipped so far fits.</summary>
        public const int MaxHostCores = 4096;
        public const int MaxHostCpuMhz = 10_000;
        public const int MaxHostSockets = 32;
        public const int MaxHostMemoryGB = 1 << 20;
        public const int MinVMotionNetworkGbps = 1;
        public const int MaxVMotionNetworkGbps = 800;

        /// <summary>A datastore's capacity: at most an exabyte, in GB.</summary>
        public const double MaxDatastoreCapacityGB = 1e9;

        /// <summary>Latitude and longitude of an endpoint's site, in degrees.</summary>
        public const double MaxLatitude = 90;
        public const double MaxLongitude = 180;
    }
}
