using System.Linq;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Readiness.Rules
{
    /// <summary>
    /// A connected CD backed by the client's or the host's drive, or by an ISO on a host's local datastore, pins a
    /// running VM to its host; HCX vMotion and Cold refuse any attached ISO, and RAV and Bulk disconnect it.
    /// </summary>
    public sealed class CdDriveRule : Rule
    {
        public override string Id => "device.cdrom";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            foreach (var cd in c.VM.CdDrives.Where(d => d.Connected))
            {
                var device = cd.RemoteDevice != null ? "the client device " + cd.RemoteDevice : cd.HostDevice != null ? "the host device " + cd.HostDevice : null;
                if (device != null && c.IsLive)
                {
                    return Fail(F("{0} of VM '{1}' is connected to {2}.", cd.Name, c.VM.Name, device), F("Disconnect it before the move: Get-CloudCDDrive '{0}' | Set-CloudCDDrive -NoMedia -Connected:$false.", c.VM.Name));
                }

                if (cd.IsoPath == null) continue;
                var datastore = cd.IsoDatastore == null ? null : c.Source.FindDatastore(cd.IsoDatastore);
                if (datastore != null && !datastore.Shared && c.IsLive)
                {
                    return Fail(F("{0} of VM '{1}' holds {2}, on the host-local datastore '{3}'.", cd.Name, c.VM.Name, cd.IsoPath, datastore.Name),
                        F("Take the ISO out (Get-CloudCDDrive '{0}' | Set-CloudCDDrive -NoMedia), or move it to a shared datastore, before the move.", c.VM.Name));
                }

                if (datastore != null && c.IsLive && !c.CrossesEndpoints && !c.Cluster.Datastores.Contains(datastore.Name, Names.Comparer))
                {
                    return Fail(F("{0} of VM '{1}' holds {2}, on datastore '{3}', which the hosts of cluster '{4}' do not mount.", cd.Name, c.VM.Name, cd.IsoPath, datastore.Name, c.Cluster.Name),
                        F("Take the ISO out (Get-CloudCDDrive '{0}' | Set-CloudCDDrive -NoMedia), or use one from a datastore the destination cluster mounts, before the move.", c.VM.Name));
                }

                if (c.CrossesEndpoints && (c.Type == MigrationType.vMotion || c.Type == MigrationType.Cold))
                {
                    return Fail(F("{0} of VM '{1}' has the ISO {2} attached; HCX {3} refuses attached ISOs.", cd.Name, c.VM.Name, cd.IsoPath, c.Type),
                        F("Take the ISO out before the move: Get-CloudCDDrive '{0}' | Set-CloudCDDrive -NoMedia.", c.VM.Name));
                }

                if (c.CrossesEndpoints)
                {
                    return Warn(F("{0} of VM '{1}' has the ISO {2} attached; {3} disconnects it at the destination.", cd.Name, c.VM.Name, cd.IsoPath, c.Type),
                        "Reattach an ISO from a destination datastore after the move if the guest needs one.");
                }
            }

            return Pass("No CD drive of VM '{0}' ties it to its source.", c.VM.Name);
        }
    }

    /// <summary>A physical-mode RDM is a LUN of the source site: it cannot cross to another endpoint.</summary>
    public sealed class RdmRule : Rule
    {
        public override string Id => "device.rdm";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            var physical = c.VM.HardDisks.FirstOrDefault(d => d.DiskType == DiskType.RawPhysical);
            if (physical != null && c.CrossesEndpoints)
            {
                return Fail(F("{0} of VM '{1}' is a physical-mode RDM, a LUN of {2} that {3} cannot reach.", physical.Name, c.VM.Name, c.Source.Name, c.Destination.Name),
                    "Migrate the LUN's data to a virtual disk (or the application's own replication) first.");
            }

            if (physical != null)
            {
                return Warn(F("{0} of VM '{1}' is a physical-mode RDM; the LUN must be presented to the hosts of cluster '{2}'.", physical.Name, c.VM.Name, c.Cluster.Name),
                    "Present the LUN to the destination hosts before the move.");
            }

            var virtualRdm = c.VM.HardDisks.FirstOrDefault(d => d.DiskType == DiskType.RawVirtual);
            if (virtualRdm != null && c.CrossesEndpoints)
            {
                return Warn(F("{0} of VM '{1}' is a virtual-mode RDM; it becomes a virtual disk at {2}.", virtualRdm.Name, c.VM.Name, c.Destination.Name),
                    "Make sure the datastore has room for the LUN's full size.");
            }

            return Pass("VM '{0}' has no raw device mappings.", c.VM.Name);
        }
    }

    /// <summary>Multi-writer (shared) disks belong to a cluster of VMs; HCX does not move them.</summary>
    public sealed class SharedDiskRule : Rule
    {
        public override string Id => "device.sharedDisk";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            var shared = c.VM.HardDisks.FirstOrDefault(d => d.Sharing == DiskSharing.MultiWriter);
            if (shared == null) return Pass("No disk of VM '{0}' is shared.", c.VM.Name);
            if (c.CrossesEndpoints)
            {
                return Fail(F("{0} of VM '{1}' is shared (multi-writer); HCX does not migrate shared disks.", shared.Name, c.VM.Name),
                    "Move the clustered application by its own means, or unshare the disk first.");
            }

            // vSphere moves a multi-writer VM's compute, never its shared disk (no Storage vMotion of it).
            return Names.Equal(c.Datastore.Name, shared.Datastore)
                ? Warn(F("{0} of VM '{1}' is shared (multi-writer); it stays on '{2}', which the other VMs sharing it see too.", shared.Name, c.VM.Name, shared.Datastore),
                    "Make sure the hosts of cluster '" + c.Cluster.Name + "' mount '" + shared.Datastore + "'.")
                : Fail(F("{0} of VM '{1}' is shared (multi-writer); vSphere cannot move it from '{2}' to '{3}'.", shared.Name, c.VM.Name, shared.Datastore, c.Datastore.Name),
                    "Keep the disk's datastore (choose a cluster that mounts it), or move the whole cluster of VMs by their own means.");
        }
    }

    /// <summary>A vGPU needs GPU hosts at the destination; a live move of its frame buffer wants a fast network.</summary>
    public sealed class VGpuRule : Rule
    {
        public override string Id => "device.vgpu";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (c.VM.VGpuProfile == null) return Pass("VM '{0}' has no vGPU.", c.VM.Name);
            var gpu = c.Cluster.Hosts.Select(h => h.GpuModel).FirstOrDefault(m => m != null);
            if (gpu == null)
            {
                return Fail(F("VM '{0}' has the vGPU profile {1}; the hosts of cluster '{2}' have no GPU.", c.VM.Name, c.VM.VGpuProfile, c.Cluster.Name),
                    "Choose a cluster with GPU hosts, or remove the vGPU first.");
            }

            if (c.IsLive && c.PathMbps < 10000)
            {
                return Warn(F("VM '{0}' has the vGPU profile {1}; its frame buffer crosses a {2} Mbps path, under the 10 GbE a vGPU vMotion wants: expect a longer stun.", c.VM.Name, c.VM.VGpuProfile, c.PathMbps),
                    "Move it in a quiet hour, or over a 10 GbE path.");
            }

            return Pass("VM '{0}' has the vGPU profile {1}; cluster '{2}' has {3} hosts.", c.VM.Name, c.VM.VGpuProfile, c.Cluster.Name, gpu);
        }
    }

    /// <summary>DirectPath I/O ties a VM to its host's device: no live move, and no device at another site.</summary>
    public sealed class PassthroughRule : Rule
    {
        public override string Id => "device.passthrough";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (c.VM.PassthroughDevices.Count == 0) return Pass("VM '{0}' has no DirectPath I/O device.", c.VM.Name);
            var device = c.VM.PassthroughDevices[0];
            if (c.IsLive || c.CrossesEndpoints)
            {
                return Fail(F("VM '{0}' uses the DirectPath I/O device {1}, which {2}.", c.VM.Name, device, c.IsLive ? "a live move cannot take along" : "does not exist at " + c.Destination.Name),
                    "Remove the passthrough device before the move, and add the destination's equivalent after it.");
            }

            return Warn(F("VM '{0}' uses the DirectPath I/O device {1}; the destination host must have the same device.", c.VM.Name, device),
                "Check the device on the destination host before powering the VM on.");
        }
    }

    /// <summary>A USB device not enabled for vMotion stops a live move.</summary>
    public sealed class UsbRule : Rule
    {
        public override string Id => "device.usb";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            var pinned = c.VM.UsbDevices.FirstOrDefault(u => !u.VMotionSupported);
            if (pinned == null) return Pass("No USB device of VM '{0}' pins it to its host.", c.VM.Name);
            return c.IsLive
                ? Fail(F("USB device '{0}' of VM '{1}' is not enabled for vMotion.", pinned.Name, c.VM.Name),
                    "Enable vMotion for the device (Edit Settings > USB device > Support vMotion), or remove it, before the move.")
                : Warn(F("USB device '{0}' of VM '{1}' stays behind at the source host.", pinned.Name, c.VM.Name),
                    "Reconnect an equivalent device at the destination.");
        }
    }

    /// <summary>Fault Tolerance pairs two VMs in one vCenter: turn it off to move across endpoints.</summary>
    public sealed class FaultToleranceRule : Rule
    {
        public override string Id => "device.ft";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.VM.FaultToleranceEnabled) return Pass("VM '{0}' is not protected by Fault Tolerance.", c.VM.Name);
            if (c.CrossesEndpoints)
            {
                return Fail(F("VM '{0}' is protected by Fault Tolerance; HCX does not migrate FT VMs.", c.VM.Name),
                    "Turn Fault Tolerance off before the move, and on again at the destination.");
            }

            // An FT primary and its secondary live in one cluster: vMotion moves the primary between its hosts only.
            return Names.Equal(c.Cluster.Name, c.VM.Cluster)
                ? Pass("VM '{0}' is protected by Fault Tolerance; vCenter moves its primary within cluster '{1}'.", c.VM.Name, c.Cluster.Name)
                : Fail(F("VM '{0}' is protected by Fault Tolerance, whose primary and secondary stay in one cluster; it cannot move to cluster '{1}'.", c.VM.Name, c.Cluster.Name),
                    "Turn Fault Tolerance off before the move, and on again afterwards.");
        }
    }
}
