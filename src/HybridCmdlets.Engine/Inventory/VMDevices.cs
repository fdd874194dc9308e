using System;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>A virtual disk (PowerCLI's HardDisk).</summary>
    public sealed class HardDisk
    {
        public string Name { get; internal set; } = "";
        public double CapacityGB { get; internal set; }
        /// <summary>Bytes actually allocated (thin disks use less than their capacity), in GB.</summary>
        public double UsedGB { get; internal set; }
        public string Datastore { get; internal set; } = "";
        public StorageFormat StorageFormat { get; internal set; }
        public DiskType DiskType { get; internal set; }
        public DiskSharing Sharing { get; internal set; }

        internal HardDisk Copy() => (HardDisk)MemberwiseClone();

        public override string ToString() => Name;
    }

    public sealed class NetworkAdapter
    {
        public string Name { get; internal set; } = "";
        public string NetworkName { get; internal set; } = "";
        public string MacAddress { get; internal set; } = "";
        public AdapterType Type { get; internal set; }
        public bool Connected { get; internal set; } = true;

        internal NetworkAdapter Copy() => (NetworkAdapter)MemberwiseClone();

        public override string ToString() => Name;
    }

    /// <summary>A CD/DVD drive; like PowerCLI's CDDrive, at most one of its backings is set.</summary>
    public sealed class CdDrive
    {
        public string Name { get; internal set; } = "";
        /// <summary>An ISO image as a datastore path, e.g. <c>[esx-p1-03-local] iso/winsrv2019.iso</c>.</summary>
        public string? IsoPath { get; internal set; }
        /// <summary>A physical drive of the host, e.g. <c>/vmfs/devices/cdrom/mpx.vmhba0:C0:T0:L0</c>.</summary>
        public string? HostDevice { get; internal set; }
        /// <summary>A drive on the vSphere Client's machine.</summary>
        public string? RemoteDevice { get; internal set; }
        public bool Connected { get; internal set; }

        /// <summary>The datastore named in the ISO path, or null.</summary>
        public string? IsoDatastore =>
            IsoPath != null && IsoPath.StartsWith("[", StringComparison.Ordinal) && IsoPath.IndexOf(']') > 1
                ? IsoPath.Substring(1, IsoPath.IndexOf(']') - 1)
                : null;

        public override string ToString() => Name;
    }

    public sealed class UsbDevice
    {
        public string Name { get; internal set; } = "";
        /// <summary>Whether the device was attached with vMotion support (host USB passthrough with vMotion enabled).</summary>
        public bool VMotionSupported { get; internal set; }

        public override string ToString() => Name;
    }

    public sealed class VMSnapshot
    {
        public string Name { get; internal set; } = "";
        public DateTime Created { get; internal set; }
        public double SizeGB { get; internal set; }

        public override string ToString() => Name;
    }
}
