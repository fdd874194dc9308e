using System;
using System.Collections.Generic;
using System.Linq;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// A virtual machine. Property names follow PowerCLI's VirtualMachine so that pipelines written for
    /// Get-VM keep working. Instances are never changed once published: the lab replaces them.
    /// </summary>
    public sealed class CloudVM
    {
        /// <summary>The prefix of the ids vCenter gives VMs, as PowerCLI shows them: VirtualMachine-vm-1042.</summary>
        internal const string IdPrefix = "VirtualMachine-vm-";

        /// <summary>An empty VM, for the lab file's reader to fill in.</summary>
        internal CloudVM()
        {
        }

        /// <summary>
        /// A new VM placed on a cluster, host and datastore of an endpoint: the one way New-CloudVM, an import and the
        /// generator make a VM, so that what follows from the place (the endpoint's provider, the cluster's EVC
        /// baseline as the CPU features the guest powers on with) is set alike by each. Each then fills in the rest,
        /// and each VM it makes passes the lab's validator (Persistence.LabValidator) before it joins a lab.
        /// </summary>
        internal CloudVM(string name, string endpoint, CloudProvider provider, string cluster, string evcMode, string host, string datastore)
        {
            Name = name;
            Endpoint = endpoint;
            Provider = provider;
            Cluster = cluster;
            CpuBaseline = evcMode;
            VMHost = host;
            Datastore = datastore;
        }

        /// <summary>The id of the VM numbered <paramref name="number"/>: VirtualMachine-vm-1042.</summary>
        internal static string IdOf(int number) => IdPrefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string Name { get; internal set; } = "";
        /// <summary>Unique in the lab, in PowerCLI's form: <c>VirtualMachine-vm-1042</c>.</summary>
        public string Id { get; internal set; } = "";
        public PowerState PowerState { get; internal set; }
        public int NumCpu { get; internal set; }
        public int CoresPerSocket { get; internal set; }
        public int MemoryMB { get; internal set; }
        public string HardwareVersion { get; internal set; } = "";
        public string GuestId { get; internal set; } = "";
        public string GuestOS { get; internal set; } = "";
        public ToolsStatus ToolsStatus { get; internal set; }
        public string Endpoint { get; internal set; } = "";
        public CloudProvider Provider { get; internal set; }
        public string Cluster { get; internal set; } = "";
        public string VMHost { get; internal set; } = "";
        /// <summary>The datastore that holds the VM's configuration files (its home).</summary>
        public string Datastore { get; internal set; } = "";
        public string Folder { get; internal set; } = "";
        /// <summary>The EVC baseline the VM last powered on under: the CPU features its guest may use.</summary>
        public string CpuBaseline { get; internal set; } = "";
        public WorkloadRole Role { get; internal set; }
        public WorkloadProfile Workload { get; internal set; } = new WorkloadProfile();
        // Each list reads as text where PowerShell writes a property's ToString() (Export-Csv, Out-String of a cell):
        // "Application/crm; Wave/wave1", not System.String[]. The VM keeps the plain lists; a read wraps one.
        private IReadOnlyList<string> tags = Array.Empty<string>();
        private IReadOnlyList<HardDisk> hardDisks = Array.Empty<HardDisk>();
        private IReadOnlyList<NetworkAdapter> networkAdapters = Array.Empty<NetworkAdapter>();
        private IReadOnlyList<CdDrive> cdDrives = Array.Empty<CdDrive>();
        private IReadOnlyList<UsbDevice> usbDevices = Array.Empty<UsbDevice>();
        private IReadOnlyList<string> passthroughDevices = Array.Empty<string>();
        private IReadOnlyList<VMSnapshot> snapshots = Array.Empty<VMSnapshot>();

        /// <summary>Tag assignments as 'Category/Name', e.g. <c>Wave/wave1</c>.</summary>
        public IReadOnlyList<string> Tags { get => Readable(tags, t => t); internal set => tags = value ?? Array.Empty<string>(); }
        public IReadOnlyList<HardDisk> HardDisks { get => Readable(hardDisks, DiskText); internal set => hardDisks = value ?? Array.Empty<HardDisk>(); }
        public IReadOnlyList<NetworkAdapter> NetworkAdapters { get => Readable(networkAdapters, n => n.Name + " (" + n.NetworkName + ")"); internal set => networkAdapters = value ?? Array.Empty<NetworkAdapter>(); }
        public IReadOnlyList<CdDrive> CdDrives { get => Readable(cdDrives, CdDriveText); internal set => cdDrives = value ?? Array.Empty<CdDrive>(); }
        public IReadOnlyList<UsbDevice> UsbDevices { get => Readable(usbDevices, u => u.Name); internal set => usbDevices = value ?? Array.Empty<UsbDevice>(); }
        /// <summary>DirectPath I/O (PCI passthrough) devices.</summary>
        public IReadOnlyList<string> PassthroughDevices { get => Readable(passthroughDevices, d => d); internal set => passthroughDevices = value ?? Array.Empty<string>(); }
        /// <summary>NVIDIA vGPU profile, e.g. <c>grid_t4-4q</c>, or null.</summary>
        public string? VGpuProfile { get; internal set; }
        public bool FaultToleranceEnabled { get; internal set; }
        public IReadOnlyList<VMSnapshot> Snapshots { get => Readable(snapshots, v => v.Name); internal set => snapshots = value ?? Array.Empty<VMSnapshot>(); }

        /// <summary>The tags without the wrapper, for queries that look at every VM of a lab.</summary>
        internal IReadOnlyList<string> TagList => tags;

        public double MemoryGB => MemoryMB / 1024.0;
        public double ProvisionedSpaceGB => Math.Round(HardDisks.Sum(d => d.CapacityGB), 2);
        public double UsedSpaceGB => Math.Round(HardDisks.Sum(d => d.UsedGB), 2);
        public IReadOnlyList<string> Networks => Readable(networkAdapters.Select(n => n.NetworkName).Distinct(Names.Comparer).ToArray(), n => n);
        public int HardwareVersionNumber => VirtualHardware.TryParse(HardwareVersion, out var v) ? v : 0;

        /// <summary>The name part of a 'Category/Name' tag (the whole tag when it has no category).</summary>
        internal static string TagName(string tag)
        {
            var slash = tag.IndexOf('/');
            return slash < 0 ? tag : tag.Substring(slash + 1);
        }

        internal CloudVM Copy() => (CloudVM)MemberwiseClone();

        public override string ToString() => Name;

        private static IReadOnlyList<T> Readable<T>(IReadOnlyList<T> items, Func<T, string> text) => new Migration.ReadableList<T>(items, text, "; ");

        private static string DiskText(HardDisk d) =>
            d.Name + " (" + d.CapacityGB.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " GB on " + d.Datastore + ")";

        private static string CdDriveText(CdDrive c) =>
            c.Name + (c.IsoPath != null ? " (" + c.IsoPath + ")" : c.HostDevice != null ? " (host device)" : c.RemoteDevice != null ? " (client device)" : "");
    }
}
