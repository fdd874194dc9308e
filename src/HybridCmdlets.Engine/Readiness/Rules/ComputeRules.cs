using System;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Readiness.Rules
{
    /// <summary>A running guest cannot change CPU vendor under a live move; a power cycle (Bulk, Cold) can.</summary>
    public sealed class CpuVendorRule : Rule
    {
        public override string Id => "compute.cpuVendor";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.IsLive) return NotApplicable(c, "the VM powers on afresh at the destination.");
            var vendor = EvcModes.VendorOf(c.VM.CpuBaseline);
            if (vendor == null) return Warn(F("VM '{0}' has the unknown CPU baseline '{1}'.", c.VM.Name, c.VM.CpuBaseline), "Check the VM's EVC mode in vCenter.");
            return vendor == c.Cluster.CpuVendor
                ? Pass("VM '{0}' runs on {1} CPUs ({2}); cluster '{3}' has {1}.", c.VM.Name, vendor, c.VM.CpuBaseline, c.Cluster.Name)
                : Fail(F("VM '{0}' runs on {1} CPUs ({2}); cluster '{3}' has {4}: a running guest cannot cross CPU vendors.", c.VM.Name, vendor, c.VM.CpuBaseline, c.Cluster.Name, c.Cluster.CpuVendor),
                    "Move it by Bulk or Cold (the guest powers on afresh), or to a cluster with " + vendor + " CPUs.");
        }
    }

    /// <summary>A live move needs a destination EVC baseline offering every CPU feature the guest started with.</summary>
    public sealed class EvcRule : Rule
    {
        public override string Id => "compute.evc";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.IsLive) return NotApplicable(c, "the VM powers on afresh under the destination's baseline.");
            if (EvcModes.VendorOf(c.VM.CpuBaseline) != EvcModes.VendorOf(c.Cluster.EvcMode)) return NotApplicable(c, "the CPU vendors differ (compute.cpuVendor).");
            return EvcModes.Level(c.Cluster.EvcMode) >= EvcModes.Level(c.VM.CpuBaseline)
                ? Pass("Cluster '{0}' offers {1}, at least the {2} VM '{3}' started under.", c.Cluster.Name, c.Cluster.EvcMode, c.VM.CpuBaseline, c.VM.Name)
                : Fail(F("Cluster '{0}' offers {1}, older than the {2} VM '{3}' started under.", c.Cluster.Name, c.Cluster.EvcMode, c.VM.CpuBaseline, c.VM.Name),
                    "Move it to a cluster with a newer EVC baseline, or by Bulk or Cold.");
        }
    }

    /// <summary>
    /// The destination cluster must have the memory for the VM after its HA failover reserve (admission control's
    /// percentage of cluster resources, which counts powered-on VMs only) and after what the VMs before it in its wave take.
    /// </summary>
    public sealed class MemoryCapacityRule : Rule
    {
        public override string Id => "compute.memory";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.CrossesEndpoints && Names.Equal(c.Cluster.Name, c.VM.Cluster)) return Pass("VM '{0}' stays in cluster '{1}'.", c.VM.Name, c.Cluster.Name);
            if (!c.IsPoweredOn)
            {
                return Pass("VM '{0}' is {1}: it takes no memory on cluster '{2}' until it powers on, and HA admission control does not count it.",
                    c.VM.Name, c.VM.PowerState == PowerState.Suspended ? "suspended" : "powered off", c.Cluster.Name);
            }

            var reserveGB = c.Cluster.HAEnabled ? c.Cluster.MemoryGB * c.Cluster.HAFailoverReservePercent / 100.0 : 0;
            var availableGB = c.Estate.UnallocatedMemoryGB(c.Cluster) - reserveGB;
            var (waveGB, waveVMs) = c.Wave?.MemoryOn(c.Cluster) ?? (0, 0);
            var reserve = c.Cluster.HAEnabled ? F("its {0}% HA reserve", c.Cluster.HAFailoverReservePercent) : "HA (off: no reserve)";
            if (availableGB < c.VM.MemoryGB)
            {
                return Fail(F("Cluster '{0}' has {1:0} GB of memory available for powered-on VMs after {2}; VM '{3}' needs {4:0.#} GB.", c.Cluster.Name, Math.Max(0, availableGB), reserve, c.VM.Name, c.VM.MemoryGB),
                    "Choose another cluster, free memory there, or add hosts.");
            }

            if (availableGB - waveGB < c.VM.MemoryGB)
            {
                return Fail(F("Cluster '{0}' has {1:0} GB of memory available for powered-on VMs after {2}, and the {3} VM(s) before VM '{4}' in this wave take {5:0.#} GB of it; it needs {6:0.#} GB.",
                        c.Cluster.Name, availableGB, reserve, waveVMs, c.VM.Name, waveGB, c.VM.MemoryGB),
                    "Move the wave in parts, send some of its VMs to another cluster, or free memory there.");
            }

            return waveVMs == 0
                ? Pass("Cluster '{0}' has {1:0} GB of memory available for powered-on VMs after {2}; VM '{3}' needs {4:0.#} GB.", c.Cluster.Name, availableGB, reserve, c.VM.Name, c.VM.MemoryGB)
                : Pass("Cluster '{0}' has {1:0} GB of memory available for powered-on VMs after {2}, {3:0.#} GB of it taken by the {4} VM(s) before it in this wave; VM '{5}' needs {6:0.#} GB.",
                    c.Cluster.Name, availableGB, reserve, waveGB, waveVMs, c.VM.Name, c.VM.MemoryGB);
        }
    }

    /// <summary>A VM cannot have more vCPUs than a destination host has cores.</summary>
    public sealed class CpuCapacityRule : Rule
    {
        public override string Id => "compute.cpu";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            var cores = int.MaxValue;
            foreach (var host in c.Cluster.Hosts) cores = Math.Min(cores, host.NumCpuCores);
            if (cores == int.MaxValue) return Fail(F("Cluster '{0}' has no hosts.", c.Cluster.Name), "Choose a cluster with hosts.");
            return c.VM.NumCpu <= cores
                ? Pass("VM '{0}' has {1} vCPUs; the hosts of cluster '{2}' have {3} cores.", c.VM.Name, c.VM.NumCpu, c.Cluster.Name, cores)
                : Fail(F("VM '{0}' has {1} vCPUs, more than the {2} cores of a host of cluster '{3}'.", c.VM.Name, c.VM.NumCpu, cores, c.Cluster.Name),
                    "Reduce its vCPUs, or choose a cluster with larger hosts.");
        }
    }

    /// <summary>
    /// The destination datastore must hold the VM's disks, after what the VMs before it in its wave take. Free space is
    /// the datastore's as vCenter reports it; for vSAN that is raw capacity, and a VM takes its used space there (the
    /// lab does not model storage policies' mirroring), as the message says.
    /// </summary>
    public sealed class DatastoreCapacityRule : Rule
    {
        public override string Id => "compute.datastore";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!c.CrossesEndpoints && Names.Equal(c.Datastore.Name, c.VM.Datastore)) return Pass("VM '{0}' stays on datastore '{1}'.", c.VM.Name, c.Datastore.Name);
            var (waveGB, waveVMs) = c.Wave?.StorageOn(c.Datastore) ?? (0, 0);
            var policy = c.Datastore.Type == DatastoreType.vSAN ? " (vSAN: its used space, without the storage policy's copies)" : "";
            if (c.Datastore.FreeSpaceGB < c.VM.UsedSpaceGB)
            {
                return Fail(F("Datastore '{0}' has {1:0} GB free; VM '{2}' uses {3:0.#} GB{4}.", c.Datastore.Name, c.Datastore.FreeSpaceGB, c.VM.Name, c.VM.UsedSpaceGB, policy),
                    "Choose another datastore with -Datastore, or free space on this one.");
            }

            if (c.Datastore.FreeSpaceGB - waveGB < c.VM.UsedSpaceGB)
            {
                return Fail(F("Datastore '{0}' has {1:0} GB free, and the {2} VM(s) before VM '{3}' in this wave take {4:0.#} GB of it; it uses {5:0.#} GB{6}.",
                        c.Datastore.Name, c.Datastore.FreeSpaceGB, waveVMs, c.VM.Name, waveGB, c.VM.UsedSpaceGB, policy),
                    "Move the wave in parts, or send some of its VMs to another datastore with -Datastore.");
            }

            return waveVMs == 0
                ? Pass("Datastore '{0}' has {1:0} GB free; VM '{2}' uses {3:0.#} GB{4}.", c.Datastore.Name, c.Datastore.FreeSpaceGB, c.VM.Name, c.VM.UsedSpaceGB, policy)
                : Pass("Datastore '{0}' has {1:0} GB free, {2:0.#} GB of it taken by the {3} VM(s) before it in this wave; VM '{4}' uses {5:0.#} GB{6}.",
                    c.Datastore.Name, c.Datastore.FreeSpaceGB, waveGB, waveVMs, c.VM.Name, c.VM.UsedSpaceGB, policy);
        }
    }

    /// <summary>The destination hosts must run the VM's virtual hardware; HCX vMotion, RAV and Cold need vmx-9 or later, Bulk vmx-7.</summary>
    public sealed class HardwareVersionRule : Rule
    {
        public const int HcxMinimum = 9;
        public const int HcxBulkMinimum = 7;

        public override string Id => "compute.hardwareVersion";

        public override ReadinessCheck Evaluate(ReadinessContext c)
        {
            if (!VirtualHardware.TryParse(c.VM.HardwareVersion, out var version))
            {
                return Fail(F("VM '{0}' has the unknown hardware version '{1}'.", c.VM.Name, c.VM.HardwareVersion), "Check the VM's compatibility in vCenter.");
            }

            var max = c.Cluster.MaxHardwareVersionNumber;
            if (version > max)
            {
                return Fail(F("VM '{0}' is {1}; the hosts of cluster '{2}' run at most {3}.", c.VM.Name, c.VM.HardwareVersion, c.Cluster.Name, VirtualHardware.Format(max)),
                    "Choose a cluster on a newer ESXi.");
            }

            var minimum = c.Type == MigrationType.Bulk ? HcxBulkMinimum : HcxMinimum;
            if (c.CrossesEndpoints && version < minimum)
            {
                return Fail(F("VM '{0}' is {1}; HCX {2} needs {3} or later.", c.VM.Name, c.VM.HardwareVersion, c.Type, VirtualHardware.Format(minimum)),
                    c.Type == MigrationType.Bulk ? "Upgrade its virtual hardware (it needs a power cycle) before the move."
                        : "Upgrade its virtual hardware (it needs a power cycle), or move it by Bulk, which takes vmx-7 and later.");
            }

            return Pass("VM '{0}' is {1}; cluster '{2}' runs up to {3}.", c.VM.Name, c.VM.HardwareVersion, c.Cluster.Name, VirtualHardware.Format(max));
        }
    }
}
