using System.Collections.Generic;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// The build number of each ESXi release's general-availability image, as VMware KB 2143832 ("Build numbers and
    /// versions of VMware ESXi/ESX") lists them: what a host of that release reports as its Build before any patch.
    /// </summary>
    public static class EsxiBuilds
    {
        private static readonly Dictionary<string, int> GeneralAvailability = new Dictionary<string, int>
        {
            ["6.5.0"] = 4564106,
            ["6.5.3"] = 13932383,
            ["6.7.0"] = 8169922,
            ["6.7.1"] = 10302608,
            ["6.7.2"] = 13006603,
            ["6.7.3"] = 14320388,
            ["7.0.0"] = 15843807,
            ["7.0.1"] = 16850804,
            ["7.0.2"] = 17630552,
            ["7.0.3"] = 18644231,
            ["8.0.0"] = 20513097,
            ["8.0.1"] = 21495797,
            ["8.0.2"] = 22380479,
            ["8.0.3"] = 24022510,
        };

        /// <summary>The GA build of a release such as <c>8.0.2</c>; 0 for a release the table does not know.</summary>
        public static int Of(string esxiVersion) => GeneralAvailability.TryGetValue(esxiVersion ?? "", out var build) ? build : 0;
    }
}
