using System;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// Enhanced vMotion Compatibility baselines, oldest first within each vendor. A VM can run on a cluster
    /// whose baseline offers at least the features of the baseline it powered on under, and never across vendors.
    /// </summary>
    public static class EvcModes
    {
        public static readonly string[] Intel =
        {
            "intel-merom", "intel-penryn", "intel-nehalem", "intel-westmere", "intel-sandybridge", "intel-ivybridge",
            "intel-haswell", "intel-broadwell", "intel-skylake", "intel-cascadelake", "intel-icelake", "intel-sapphirerapids",
        };

        public static readonly string[] Amd =
        {
            "amd-rev-e", "amd-rev-f", "amd-greyhound", "amd-bulldozer", "amd-piledriver", "amd-steamroller",
            "amd-zen", "amd-zen2", "amd-zen3", "amd-zen4",
        };

        public static CpuVendor? VendorOf(string mode) =>
            Array.IndexOf(Intel, mode) >= 0 ? CpuVendor.Intel : Array.IndexOf(Amd, mode) >= 0 ? CpuVendor.AMD : (CpuVendor?)null;

        /// <summary>Position of the mode within its vendor's list, or -1 for an unknown mode.</summary>
        public static int Level(string mode)
        {
            var i = Array.IndexOf(Intel, mode);
            return i >= 0 ? i : Array.IndexOf(Amd, mode);
        }
    }
}
