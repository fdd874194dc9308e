using System;
using System.Collections.Generic;
using System.Linq;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// A VM's snapshot as Get-CloudSnapshot writes it, with the VM it belongs to, as PowerCLI's Snapshot has its VM:
    /// what Remove-CloudSnapshot takes from the pipeline.
    /// </summary>
    public sealed class CloudSnapshot
    {
        internal CloudSnapshot(CloudVM vm, VMSnapshot snapshot)
        {
            VM = vm.Name;
            VMId = vm.Id;
            Endpoint = vm.Endpoint;
            Name = snapshot.Name;
            Created = snapshot.Created;
            SizeGB = snapshot.SizeGB;
        }

        /// <summary>The VM's snapshots, oldest first, as the vSphere Client lists them.</summary>
        public static IEnumerable<CloudSnapshot> Of(CloudVM vm) => vm.Snapshots.Select(s => new CloudSnapshot(vm, s));

        public string VM { get; }
        public string VMId { get; }
        public string Endpoint { get; }
        public string Name { get; }
        public DateTime Created { get; }
        public double SizeGB { get; }

        public override string ToString() => Name;
    }

    /// <summary>A VM's CD drive as Get-CloudCDDrive writes it, with its VM (PowerCLI's CDDrive.Parent): what Set-CloudCDDrive takes.</summary>
    public sealed class CloudCDDrive
    {
        internal CloudCDDrive(CloudVM vm, CdDrive drive)
        {
            VM = vm.Name;
            VMId = vm.Id;
            Endpoint = vm.Endpoint;
            Name = drive.Name;
            IsoPath = drive.IsoPath;
            HostDevice = drive.HostDevice;
            RemoteDevice = drive.RemoteDevice;
            Connected = drive.Connected;
        }

        public static IEnumerable<CloudCDDrive> Of(CloudVM vm) => vm.CdDrives.Select(d => new CloudCDDrive(vm, d));

        public string VM { get; }
        public string VMId { get; }
        public string Endpoint { get; }
        public string Name { get; }
        public string? IsoPath { get; }
        public string? HostDevice { get; }
        public string? RemoteDevice { get; }
        public bool Connected { get; }

        /// <summary>What the drive holds, as the vSphere Client shows it: an ISO, a device, or nothing.</summary>
        public string Media => IsoPath ?? HostDevice ?? RemoteDevice ?? "";

        public override string ToString() => Name;
    }
}
