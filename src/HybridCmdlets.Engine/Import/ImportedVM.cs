using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>A VM as the RVTools files describe it, checked cell by cell but not yet placed in the lab.</summary>
    internal sealed class ImportedVM
    {
        public ImportedVM(RowSource source, int line, string name)
        {
            Source = source;
            Line = line;
            Name = name;
        }

        public RowSource Source { get; }
        /// <summary>Its line in the vInfo file.</summary>
        public int Line { get; }
        public string Name { get; }
        public PowerState PowerState { get; set; }
        public ToolsStatus ToolsStatus { get; set; }
        public int NumCpu { get; set; }
        public int MemoryMB { get; set; }
        /// <summary>The cluster; for a standalone host (an empty Cluster cell) the host's own compute resource, named after it.</summary>
        public string Cluster { get; set; } = "";
        public string Host { get; set; } = "";
        /// <summary>The datastore of its configuration file, from vInfo's Path; null when the cell is empty.</summary>
        public string? HomeDatastore { get; set; }
        public string? Folder { get; set; }
        /// <summary>vmx-N as a number, or null when the file does not say.</summary>
        public int? HardwareVersion { get; set; }
        public string GuestId { get; set; } = "";
        public string GuestOS { get; set; } = "";
        public WorkloadRole Role { get; set; }
        /// <summary>vCenter's managed object id (vm-1042), kept as the VM's Id when the lab has no VM with it.</summary>
        public string? SourceId { get; set; }
        /// <summary>The vCenter Server it was exported from (VI SDK Server).</summary>
        public string? Server { get; set; }
        /// <summary>In Use MiB in GB: what its files take on the datastores.</summary>
        public double InUseGB { get; set; }
        /// <summary>vInfo's Disks: how many disks to make when there is no vDisk file (null when the cell is empty).</summary>
        public int? DiskCount { get; set; }
        /// <summary>vInfo's Total disk capacity (else Provisioned) in GB: what those disks hold together.</summary>
        public double DiskCapacityGB { get; set; }
        /// <summary>vInfo's Network #1 to #8, as many as it has NICs: its NICs when there is no vNetwork file.</summary>
        public List<string> Networks { get; } = new List<string>(2);
        public List<ImportedDisk> Disks { get; } = new List<ImportedDisk>();
        public List<ImportedNic> Nics { get; } = new List<ImportedNic>();

        public InventoryRowLocation At(RvToolsColumn column, string value) => Source.At(Line, column, value, Name);
    }

    internal sealed class ImportedDisk
    {
        public string Name { get; set; } = "";
        public double CapacityGB { get; set; }
        /// <summary>What the disk takes on its datastore: its capacity when thick, its share of the VM's In Use when thin.</summary>
        public double UsedGB { get; set; }
        public string Datastore { get; set; } = "";
        public StorageFormat Format { get; set; }
        public DiskType Type { get; set; }
        public DiskSharing Sharing { get; set; }
    }

    internal sealed class ImportedNic
    {
        public string Name { get; set; } = "";
        public string Network { get; set; } = "";
        /// <summary>The switch vNetwork names, used for a network the lab does not have yet.</summary>
        public string? Switch { get; set; }
        public AdapterType Type { get; set; }
        public bool Connected { get; set; } = true;
        /// <summary>The MAC address from vNetwork, lower case; null to let the lab assign one.</summary>
        public string? MacAddress { get; set; }
    }
}
