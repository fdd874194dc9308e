using System.Collections.Generic;
using System.Linq;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// The two generations of RVTools headers: 4.x names sizes in MiB ("Provisioned MiB"), 3.x in MB ("Provisioned MB").
    /// Both hold mebibytes; only the header changed.
    /// </summary>
    public enum HeaderGeneration { MiB, MB }

    /// <summary>A column the importer reads, by the header RVTools writes for it.</summary>
    internal sealed class RvToolsColumn
    {
        public RvToolsColumn(int ordinal, string name, bool required, string? mbName, string? alternative)
        {
            Ordinal = ordinal;
            Name = name;
            Required = required;
            MBName = mbName;
            Alternative = alternative;
        }

        /// <summary>Position among the columns of its tab, to index the reader's lookups.</summary>
        public int Ordinal { get; }
        /// <summary>The header of RVTools 4.x.</summary>
        public string Name { get; }
        public bool Required { get; }
        /// <summary>The header of RVTools 3.x, for a size column (null when both generations use <see cref="Name"/>).</summary>
        public string? MBName { get; }
        /// <summary>Another header accepted when <see cref="Name"/> is absent: the one an older RVTools used for the same value.</summary>
        public string? Alternative { get; }

        public string NameIn(HeaderGeneration generation) => generation == HeaderGeneration.MB && MBName != null ? MBName : Name;
    }

    /// <summary>An RVTools tab the importer reads, and the columns it reads from it.</summary>
    internal sealed class RvToolsTab
    {
        private readonly List<RvToolsColumn> columns = new List<RvToolsColumn>();

        private RvToolsTab(string name) => Name = name;

        public string Name { get; }
        public IReadOnlyList<RvToolsColumn> Columns => columns;

        private RvToolsColumn Add(string name, bool required = false, string? mbName = null, string? alternative = null)
        {
            var column = new RvToolsColumn(columns.Count, name, required, mbName, alternative);
            columns.Add(column);
            return column;
        }

        /// <summary>"VM, Powerstate, ..., Provisioned MiB": the required headers of a generation, for error messages.</summary>
        public string RequiredHeaders(HeaderGeneration generation) =>
            string.Join(", ", columns.Where(c => c.Required).Select(c => c.NameIn(generation)));

        public static class VInfo
        {
            public static readonly RvToolsTab Tab = new RvToolsTab("vInfo");
            public static readonly RvToolsColumn VM = Tab.Add("VM", required: true);
            public static readonly RvToolsColumn Powerstate = Tab.Add("Powerstate", required: true);
            public static readonly RvToolsColumn Template = Tab.Add("Template");
            public static readonly RvToolsColumn SrmPlaceholder = Tab.Add("SRM Placeholder");
            public static readonly RvToolsColumn GuestState = Tab.Add("Guest state");
            public static readonly RvToolsColumn CPUs = Tab.Add("CPUs", required: true);
            public static readonly RvToolsColumn Memory = Tab.Add("Memory", required: true);
            public static readonly RvToolsColumn NICs = Tab.Add("NICs");
            public static readonly RvToolsColumn Disks = Tab.Add("Disks");
            public static readonly RvToolsColumn TotalDiskCapacity = Tab.Add("Total disk capacity MiB", mbName: "Total disk capacity MB");
            public static readonly RvToolsColumn[] Networks = Enumerable.Range(1, 8).Select(n => Tab.Add("Network #" + n)).ToArray();
            public static readonly RvToolsColumn Folder = Tab.Add("Folder");
            public static readonly RvToolsColumn Provisioned = Tab.Add("Provisioned MiB", required: true, mbName: "Provisioned MB");
            public static readonly RvToolsColumn InUse = Tab.Add("In Use MiB", required: true, mbName: "In Use MB");
            public static readonly RvToolsColumn HWVersion = Tab.Add("HW version");
            public static readonly RvToolsColumn Path = Tab.Add("Path", required: true);
            public static readonly RvToolsColumn Cluster = Tab.Add("Cluster", required: true);
            public static readonly RvToolsColumn Host = Tab.Add("Host", required: true);
            public static readonly RvToolsColumn ConfiguredOS = Tab.Add("OS according to the configuration file");
            public static readonly RvToolsColumn ToolsOS = Tab.Add("OS according to the VMware Tools");
            public static readonly RvToolsColumn VMId = Tab.Add("VM ID");
            public static readonly RvToolsColumn Server = Tab.Add("VI SDK Server");
        }

        public static class VNetwork
        {
            public static readonly RvToolsTab Tab = new RvToolsTab("vNetwork");
            public static readonly RvToolsColumn VM = Tab.Add("VM", required: true);
            public static readonly RvToolsColumn Label = Tab.Add("NIC label");
            public static readonly RvToolsColumn Adapter = Tab.Add("Adapter");
            public static readonly RvToolsColumn Network = Tab.Add("Network", required: true);
            public static readonly RvToolsColumn Switch = Tab.Add("Switch");
            public static readonly RvToolsColumn Connected = Tab.Add("Connected");
            public static readonly RvToolsColumn MacAddress = Tab.Add("Mac Address");
        }

        public static class VDisk
        {
            public static readonly RvToolsTab Tab = new RvToolsTab("vDisk");
            public static readonly RvToolsColumn VM = Tab.Add("VM", required: true);
            public static readonly RvToolsColumn Disk = Tab.Add("Disk", required: true);
            // RVTools 4.x gives the VMDK in "Disk Path" (its "Path" is an RDM's device); 3.x gave it in "Path".
            public static readonly RvToolsColumn DiskPath = Tab.Add("Disk Path", required: true, alternative: "Path");
            public static readonly RvToolsColumn Capacity = Tab.Add("Capacity MiB", required: true, mbName: "Capacity MB");
            public static readonly RvToolsColumn Raw = Tab.Add("Raw");
            public static readonly RvToolsColumn RawMode = Tab.Add("Raw Comp. Mode");
            public static readonly RvToolsColumn Sharing = Tab.Add("Sharing mode");
            public static readonly RvToolsColumn Thin = Tab.Add("Thin");
            public static readonly RvToolsColumn EagerlyScrub = Tab.Add("Eagerly Scrub");
        }
    }
}
