using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// A VM in the lab file: its field names, which are left out when they hold their default or follow from elsewhere,
    /// and how it is written and read. One line of the file per VM.
    /// </summary>
    internal static class VMMapping
    {
        private const string Name = "name";
        private const string Id = "id";
        private const string PowerStateField = "powerState";
        private const string NumCpu = "numCpu";
        private const string CoresPerSocket = "coresPerSocket";
        private const string MemoryMB = "memoryMB";
        private const string HardwareVersion = "hardwareVersion";
        private const string GuestId = "guestId";
        private const string GuestOS = "guestOS";
        private const string ToolsStatusField = "toolsStatus";
        /// <summary>Left out, like <see cref="Cluster"/>, when it is the host's.</summary>
        private const string Endpoint = "endpoint";
        /// <summary>Written by schema 1 only: since schema 2 a VM's provider is its endpoint's.</summary>
        private const string Provider = "provider";
        private const string Cluster = "cluster";
        private const string VMHost = "vmHost";
        private const string Datastore = "datastore";
        private const string Folder = "folder";
        private const string CpuBaseline = "cpuBaseline";
        private const string Role = "role";
        private const string Workload = "workload";
        private const string Tags = "tags";
        private const string HardDisks = "hardDisks";
        private const string NetworkAdapters = "networkAdapters";
        private const string CdDrives = "cdDrives";
        private const string UsbDevices = "usbDevices";
        private const string PassthroughDevices = "passthroughDevices";
        private const string VGpuProfile = "vGpuProfile";
        private const string FaultToleranceEnabled = "faultToleranceEnabled";
        private const string Snapshots = "snapshots";

        public static void Write(LabJsonWriter w, CloudVM vm, LabPlaces places)
        {
            w.WriteStartObject();
            w.Required(Name, vm.Name);
            w.Required(Id, vm.Id);
            w.Enum(PowerStateField, vm.PowerState, PowerState.PoweredOn);
            w.Number(NumCpu, vm.NumCpu);
            if (vm.CoresPerSocket != vm.NumCpu) w.Number(CoresPerSocket, vm.CoresPerSocket);
            w.Number(MemoryMB, vm.MemoryMB);
            w.String(HardwareVersion, vm.HardwareVersion);
            w.String(GuestId, vm.GuestId);
            if (vm.GuestOS != (CatalogGuestOS(vm.GuestId) ?? "")) w.Required(GuestOS, vm.GuestOS);
            w.Enum(ToolsStatusField, vm.ToolsStatus, ToolsStatus.ToolsOk);
            var host = places.Host(vm.VMHost);
            if (host == null || !Names.Equal(host.Value.Endpoint.Name, vm.Endpoint) || !Names.Equal(host.Value.Cluster.Name, vm.Cluster))
            {
                w.Required(Endpoint, vm.Endpoint);
                w.Required(Cluster, vm.Cluster);
            }

            w.String(VMHost, vm.VMHost);
            w.String(Datastore, vm.Datastore);
            w.String(Folder, vm.Folder);
            if (vm.CpuBaseline != (places.Cluster(vm.Endpoint, vm.Cluster)?.EvcMode ?? "")) w.Required(CpuBaseline, vm.CpuBaseline);
            w.Enum(Role, vm.Role);
            w.Name(Workload);
            WorkloadMapping.Write(w, vm.Workload);
            w.Strings(Tags, vm.Tags);
            w.List(HardDisks, vm.HardDisks, (x, disk, i) => DeviceMapping.Write(x, disk, i + 1, vm.Datastore));
            w.List(NetworkAdapters, vm.NetworkAdapters, DeviceMapping.Write);
            w.List(CdDrives, vm.CdDrives, DeviceMapping.Write);
            w.List(UsbDevices, vm.UsbDevices, DeviceMapping.Write);
            w.Strings(PassthroughDevices, vm.PassthroughDevices);
            w.String(VGpuProfile, vm.VGpuProfile, null);
            w.Flag(FaultToleranceEnabled, vm.FaultToleranceEnabled, false);
            w.List(Snapshots, vm.Snapshots, DeviceMapping.Write);
            w.WriteEndObject();
        }

        public static CloudVM Read(LabJsonReader r, LabPlaces places)
        {
            r.StartObject("a VM");
            var vm = new CloudVM();
            bool hasEndpoint = false, hasCluster = false, hasCores = false, hasGuestOS = false, hasProvider = false, hasBaseline = false;
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: vm.Name = r.String(); break;
                    case Id: vm.Id = r.String(); break;
                    case PowerStateField: vm.PowerState = r.Enum<PowerState>(); break;
                    case NumCpu: vm.NumCpu = r.Int(); break;
                    case CoresPerSocket: vm.CoresPerSocket = r.Int(); hasCores = true; break;
                    case MemoryMB: vm.MemoryMB = r.Int(); break;
                    case HardwareVersion: vm.HardwareVersion = r.Pooled(); break;
                    case GuestId: vm.GuestId = r.Pooled(); break;
                    case GuestOS: vm.GuestOS = r.Pooled(); hasGuestOS = true; break;
                    case ToolsStatusField: vm.ToolsStatus = r.Enum<ToolsStatus>(); break;
                    case Endpoint: vm.Endpoint = r.Pooled(); hasEndpoint = true; break;
                    case Provider: vm.Provider = r.Enum<CloudProvider>(); hasProvider = true; break;
                    case Cluster: vm.Cluster = r.Pooled(); hasCluster = true; break;
                    case VMHost: vm.VMHost = r.Pooled(); break;
                    case Datastore: vm.Datastore = r.Pooled(); break;
                    case Folder: vm.Folder = r.Pooled(); break;
                    case CpuBaseline: vm.CpuBaseline = r.Pooled(); hasBaseline = true; break;
                    case Role: vm.Role = r.Enum<WorkloadRole>(); break;
                    case Workload: vm.Workload = WorkloadMapping.Read(r); break;
                    case Tags: vm.Tags = r.Strings(); break;
                    case HardDisks: vm.HardDisks = r.Array(DeviceMapping.ReadDisk); break;
                    case NetworkAdapters: vm.NetworkAdapters = r.Array(DeviceMapping.ReadAdapter); break;
                    case CdDrives: vm.CdDrives = r.Array(DeviceMapping.ReadCdDrive); break;
                    case UsbDevices: vm.UsbDevices = r.Array(DeviceMapping.ReadUsbDevice); break;
                    case PassthroughDevices: vm.PassthroughDevices = r.Strings(); break;
                    case VGpuProfile: vm.VGpuProfile = r.Pooled(); break;
                    case FaultToleranceEnabled: vm.FaultToleranceEnabled = r.Bool(); break;
                    case Snapshots: vm.Snapshots = r.Array(DeviceMapping.ReadSnapshot); break;
                    default: throw r.Unknown(field, "a VM");
                }
            }

            // What the file leaves out because it follows from the rest; a dangling endpoint or cluster is the validator's to report.
            if (!(hasEndpoint && hasCluster) && places.Host(vm.VMHost) is { } host)
            {
                if (!hasEndpoint) vm.Endpoint = host.Endpoint.Name;
                if (!hasCluster) vm.Cluster = host.Cluster.Name;
            }

            if (!hasCores) vm.CoresPerSocket = vm.NumCpu;
            if (!hasGuestOS) vm.GuestOS = CatalogGuestOS(vm.GuestId) ?? "";
            if (!hasProvider) vm.Provider = places.Endpoint(vm.Endpoint)?.Provider ?? vm.Provider;
            if (!hasBaseline) vm.CpuBaseline = places.Cluster(vm.Endpoint, vm.Cluster)?.EvcMode ?? "";
            foreach (var disk in vm.HardDisks)
            {
                if (disk.Datastore.Length == 0) disk.Datastore = vm.Datastore;
            }

            return vm;
        }

        private static string? CatalogGuestOS(string guestId) => GuestOperatingSystems.TryGetFullName(guestId, out var name) ? name : null;
    }

    internal static class WorkloadMapping
    {
        private const string DirtyRateMBps = "dirtyRateMBps";
        private const string WritableWorkingSetMB = "writableWorkingSetMB";
        private const string HotSetMB = "hotSetMB";
        private const string TouchedMemoryPercent = "touchedMemoryPercent";
        private const string DiskWriteRateMBps = "diskWriteRateMBps";
        private const string IsEstimated = "isEstimated";

        public static void Write(LabJsonWriter w, WorkloadProfile workload)
        {
            w.WriteStartObject();
            w.Number(DirtyRateMBps, workload.DirtyRateMBps);
            w.Number(WritableWorkingSetMB, workload.WritableWorkingSetMB);
            // Absent in files from before the hot set: the role's default then applies.
            w.Number(HotSetMB, workload.HotSetMB);
            w.Number(TouchedMemoryPercent, workload.TouchedMemoryPercent);
            w.Number(DiskWriteRateMBps, workload.DiskWriteRateMBps);
            w.Flag(IsEstimated, workload.IsEstimated, false);
            w.WriteEndObject();
        }

        public static WorkloadProfile Read(LabJsonReader r)
        {
            r.StartObject("a workload profile");
            var workload = new WorkloadProfile();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case DirtyRateMBps: workload.DirtyRateMBps = r.Double(); break;
                    case WritableWorkingSetMB: workload.WritableWorkingSetMB = r.Double(); break;
                    case HotSetMB: workload.HotSetMB = r.Double(); break;
                    case TouchedMemoryPercent: workload.TouchedMemoryPercent = r.Double(); break;
                    case DiskWriteRateMBps: workload.DiskWriteRateMBps = r.Double(); break;
                    case IsEstimated: workload.IsEstimated = r.Bool(); break;
                    default: throw r.Unknown(field, "a workload profile");
                }
            }

            return workload;
        }
    }

    /// <summary>A VM's disks, network adapters, drives, devices and snapshots. A device left unnamed gets vSphere's label for its place.</summary>
    internal static class DeviceMapping
    {
        private const string Name = "name";
        private const string CapacityGB = "capacityGB";
        private const string UsedGB = "usedGB";
        /// <summary>Left out when it is the VM's home datastore.</summary>
        private const string Datastore = "datastore";
        private const string StorageFormatField = "storageFormat";
        private const string DiskTypeField = "diskType";
        private const string Sharing = "sharing";
        private const string NetworkName = "networkName";
        private const string MacAddress = "macAddress";
        private const string Type = "type";
        private const string Connected = "connected";
        private const string IsoPath = "isoPath";
        private const string HostDevice = "hostDevice";
        private const string RemoteDevice = "remoteDevice";
        private const string VMotionSupported = "vMotionSupported";
        private const string Created = "created";
        private const string SizeGB = "sizeGB";

        private static readonly NetworkAdapter NewAdapter = new NetworkAdapter();
        private static readonly CdDrive NewCdDrive = new CdDrive();

        public static void Write(LabJsonWriter w, HardDisk disk, int number, string home)
        {
            w.WriteStartObject();
            w.String(Name, disk.Name, DeviceLabels.HardDisk(number));
            w.Number(CapacityGB, disk.CapacityGB);
            w.Number(UsedGB, disk.UsedGB);
            w.String(Datastore, disk.Datastore, home);
            w.Enum(StorageFormatField, disk.StorageFormat, StorageFormat.Thin);
            w.Enum(DiskTypeField, disk.DiskType, DiskType.Flat);
            w.Enum(Sharing, disk.Sharing, DiskSharing.NoSharing);
            w.WriteEndObject();
        }

        public static HardDisk ReadDisk(LabJsonReader r, int index)
        {
            r.StartObject("a hard disk");
            var disk = new HardDisk { Name = DeviceLabels.HardDisk(index + 1) };
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: disk.Name = r.Pooled(); break;
                    case CapacityGB: disk.CapacityGB = r.Double(); break;
                    case UsedGB: disk.UsedGB = r.Double(); break;
                    case Datastore: disk.Datastore = r.Pooled(); break;
                    case StorageFormatField: disk.StorageFormat = r.Enum<StorageFormat>(); break;
                    case DiskTypeField: disk.DiskType = r.Enum<DiskType>(); break;
                    case Sharing: disk.Sharing = r.Enum<DiskSharing>(); break;
                    default: throw r.Unknown(field, "a hard disk");
                }
            }

            return disk;
        }

        public static void Write(LabJsonWriter w, NetworkAdapter adapter, int index)
        {
            w.WriteStartObject();
            w.String(Name, adapter.Name, DeviceLabels.NetworkAdapter(index + 1));
            w.String(NetworkName, adapter.NetworkName);
            w.String(MacAddress, adapter.MacAddress);
            w.Enum(Type, adapter.Type, AdapterType.Vmxnet3);
            w.Flag(Connected, adapter.Connected, NewAdapter.Connected);
            w.WriteEndObject();
        }

        public static NetworkAdapter ReadAdapter(LabJsonReader r, int index)
        {
            r.StartObject("a network adapter");
            var adapter = new NetworkAdapter { Name = DeviceLabels.NetworkAdapter(index + 1) };
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: adapter.Name = r.Pooled(); break;
                    case NetworkName: adapter.NetworkName = r.Pooled(); break;
                    case MacAddress: adapter.MacAddress = r.String(); break;
                    case Type: adapter.Type = r.Enum<AdapterType>(); break;
                    case Connected: adapter.Connected = r.Bool(); break;
                    default: throw r.Unknown(field, "a network adapter");
                }
            }

            return adapter;
        }

        public static void Write(LabJsonWriter w, CdDrive drive, int index)
        {
            w.WriteStartObject();
            w.String(Name, drive.Name, DeviceLabels.CdDrive(index + 1));
            w.String(IsoPath, drive.IsoPath, null);
            w.String(HostDevice, drive.HostDevice, null);
            w.String(RemoteDevice, drive.RemoteDevice, null);
            w.Flag(Connected, drive.Connected, NewCdDrive.Connected);
            w.WriteEndObject();
        }

        public static CdDrive ReadCdDrive(LabJsonReader r, int index)
        {
            r.StartObject("a CD/DVD drive");
            var drive = new CdDrive { Name = DeviceLabels.CdDrive(index + 1) };
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: drive.Name = r.Pooled(); break;
                    case IsoPath: drive.IsoPath = r.Pooled(); break;
                    case HostDevice: drive.HostDevice = r.Pooled(); break;
                    case RemoteDevice: drive.RemoteDevice = r.Pooled(); break;
                    case Connected: drive.Connected = r.Bool(); break;
                    default: throw r.Unknown(field, "a CD/DVD drive");
                }
            }

            return drive;
        }

        public static void Write(LabJsonWriter w, UsbDevice device, int index)
        {
            w.WriteStartObject();
            w.String(Name, device.Name);
            w.Flag(VMotionSupported, device.VMotionSupported, false);
            w.WriteEndObject();
        }

        public static UsbDevice ReadUsbDevice(LabJsonReader r, int index)
        {
            r.StartObject("a USB device");
            var device = new UsbDevice();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: device.Name = r.Pooled(); break;
                    case VMotionSupported: device.VMotionSupported = r.Bool(); break;
                    default: throw r.Unknown(field, "a USB device");
                }
            }

            return device;
        }

        public static void Write(LabJsonWriter w, VMSnapshot snapshot, int index)
        {
            w.WriteStartObject();
            w.String(Name, snapshot.Name);
            w.Time(Created, snapshot.Created);
            w.Number(SizeGB, snapshot.SizeGB);
            w.WriteEndObject();
        }

        public static VMSnapshot ReadSnapshot(LabJsonReader r, int index)
        {
            r.StartObject("a snapshot");
            var snapshot = new VMSnapshot();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: snapshot.Name = r.Pooled(); break;
                    case Created: snapshot.Created = r.Time(); break;
                    case SizeGB: snapshot.SizeGB = r.Double(); break;
                    default: throw r.Unknown(field, "a snapshot");
                }
            }

            return snapshot;
        }
    }
}
