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
        /// <summary>Tag assignments as 'Category/Name', e.g. <c>Wave/wave1</c>.</summary>
        public IReadOnlyList<string> Tags { get; internal set; } = Array.Empty<string>();
        public IReadOnlyList<HardDisk> HardDisks { get; internal set; } = Array.Empty<HardDisk>();
        public IReadOnlyList<NetworkAdapter> NetworkAdapters { get; internal set; } = Array.Empty<NetworkAdapter>();
        public IReadOnlyList<CdDrive> CdDrives { get; internal set; } = Array.Empty<CdDrive>();
        public IReadOnlyList<UsbDevice> UsbDevices { get; internal set; } = Array.Empty<UsbDevice>();
        /// <summary>DirectPath I/O (PCI passthrough) devices.</summary>
        public IReadOnlyList<string> PassthroughDevices { get; internal set; } = Array.Empty<string>();
        /// <summary>NVIDIA vGPU profile, e.g. <c>grid_t4-4q</c>, or null.</summary>
        public string? VGpuProfile { get; internal set; }
        public bool FaultToleranceEnabled { get; internal set; }
        public IReadOnlyList<VMSnapshot> Snapshots { get; internal set; } = Array.Empty<VMSnapshot>();

        public double MemoryGB => MemoryMB / 1024.0;
        public double ProvisionedSpaceGB => Math.Round(HardDisks.Sum(d => d.CapacityGB), 2);
        public double UsedSpaceGB => Math.Round(HardDisks.Sum(d => d.UsedGB), 2);
        public IReadOnlyList<string> Networks => NetworkAdapters.Select(n => n.NetworkName).Distinct(Names.Comparer).ToArray();
        public int HardwareVersionNumber => VirtualHardware.TryParse(HardwareVersion, out var v) ? v : 0;

        /// <summary>The name part of a 'Category/Name' tag (the whole tag when it has no category).</summary>
        internal static string TagName(string tag)
        {
            var slash = tag.IndexOf('/');
            return slash < 0 ? tag : tag.Substring(slash + 1);
        }

        internal CloudVM Copy() => (CloudVM)MemberwiseClone();

        public override string ToString() => Name;
    }
}
