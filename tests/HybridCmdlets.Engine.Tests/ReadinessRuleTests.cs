using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Issue 4: each rule of the catalog on a VM built to pass it and one built to fail it (and to warn, where the rule
    /// warns), then the evaluator: the simulated move as a check of its own, the verdict and the recommended type.
    /// Cases start from the default lab, changed where needed before the estate is built; every expected figure
    /// below is read from the lab's catalogs (SiteCatalog, WorkloadCatalog) or worked out by hand, never by the engine.
    /// </summary>
    public class ReadinessRuleTests
    {
        // ---------------------------------------------------------------- path.link

        [Fact]
        public void Link_between_endpoints_passes_naming_its_kind_bandwidth_and_rtt()
        {
            var check = Check(NewLab(), "path.link", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Passes(check, "onprem-lon reaches avs-westeurope over ExpressRoute (10000 Mbps, 6.7 ms)");
        }

        [Fact]
        public void Endpoints_without_a_link_fail_path_link_and_leave_bandwidth_to_it()
        {
            var lab = NewLab();
            lab.Links.RemoveAll(l => l.Connects("onprem-lon", "avs-westeurope"));
            var readiness = Evaluate(lab, "crm-app01", "avs-westeurope", MigrationType.Bulk);

            Fails(Find(readiness, "path.link"), "no link between onprem-lon and avs-westeurope");
            // One cause, one failure: path.bandwidth does not fail a second time for the missing link.
            Passes(Find(readiness, "path.bandwidth"), "Does not apply", "path.link");
        }

        [Fact]
        public void Within_an_endpoint_the_hosts_vMotion_network_is_the_path()
        {
            var check = Check(NewLab(), "path.link", "crm-app01", "onprem-lon/Prod-Cluster-02", MigrationType.vMotion);
            Passes(check, "Within onprem-lon");
        }

        [Theory]
        [InlineData(MigrationType.RAV)]
        [InlineData(MigrationType.Bulk)]
        public void RAV_and_Bulk_within_one_endpoint_fail_path_link(MigrationType type)
        {
            // HCX migrates between the two sites of a service mesh; within one vCenter there is vMotion or Cold.
            var check = Check(NewLab(), "path.link", "crm-app01", "onprem-lon/Prod-Cluster-02", type);
            Fails(check, type + " is an HCX migration between two sites; VM 'crm-app01' would stay within onprem-lon");
            Assert.Contains("vMotion", check.Remediation);
        }

        // ---------------------------------------------------------------- path.rtt

        [Fact]
        public void Rtt_within_150_ms_passes_a_live_move_to_Dallas()
        {
            // London to Dallas is 116.2 ms in the default lab: long-distance vMotion allows 150.
            var check = Check(NewLab(), "path.rtt", "crm-app01", "ibm-dal10", MigrationType.vMotion);
            Passes(check, "onprem-lon <-> ibm-dal10 is 116.2 ms, within 150 ms");
        }

        [Theory]
        [InlineData(MigrationType.vMotion, CheckStatus.Fail)]
        [InlineData(MigrationType.RAV, CheckStatus.Fail)]
        [InlineData(MigrationType.Bulk, CheckStatus.Pass)]
        [InlineData(MigrationType.Cold, CheckStatus.Pass)]
        public void Rtt_over_150_ms_fails_a_live_move_and_does_not_bind_Bulk_or_Cold(MigrationType type, CheckStatus expected)
        {
            var estate = Build(NewLab());
            estate.SetLink("onprem-lon", "ibm-dal10", bandwidthMbps: null, rttMs: 160, lossPercent: null);
            var check = Find(Evaluate(estate, "crm-app01", "ibm-dal10", type), "path.rtt");

            if (expected == CheckStatus.Fail) Fails(check, "onprem-lon <-> ibm-dal10 is 160 ms, over the 150 ms long-distance vMotion allows for " + type);
            else Passes(check, "Does not apply to " + type);
        }

        [Fact]
        public void Rtt_to_VMware_Cloud_on_AWS_is_bound_at_100_ms()
        {
            var estate = Build(NewLab());
            estate.SetLink("onprem-lon", "vmc-eu-west-2", bandwidthMbps: null, rttMs: 120, lossPercent: null);
            estate.SetLink("onprem-lon", "ibm-dal10", bandwidthMbps: null, rttMs: 120, lossPercent: null);

            Fails(Find(Evaluate(estate, "crm-app01", "vmc-eu-west-2", MigrationType.vMotion), "path.rtt"),
                "is 120 ms, over the 100 ms VMware Cloud on AWS allows for vMotion");
            // The same 120 ms to a cloud that is not VMC is within long-distance vMotion's 150 ms.
            Passes(Find(Evaluate(estate, "crm-app01", "ibm-dal10", MigrationType.vMotion), "path.rtt"), "120 ms, within 150 ms");
        }

        // ---------------------------------------------------------------- path.bandwidth

        [Fact]
        public void Bandwidth_of_a_10_Gbps_link_passes_a_live_move()
        {
            var check = Check(NewLab(), "path.bandwidth", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Passes(check, "onprem-lon <-> avs-westeurope carries 10000 Mbps; vMotion needs 100");
        }

        [Fact]
        public void Bandwidth_under_1_Gbps_warns_a_running_VMs_live_move_but_not_its_Bulk()
        {
            var estate = Build(NewLab());
            estate.SetLink("onprem-lon", "ovh-rbx", bandwidthMbps: 500, rttMs: null, lossPercent: null);

            Warns(Find(Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", MigrationType.vMotion), "path.bandwidth"),
                "onprem-lon <-> ovh-rbx carries 500 Mbps, under the 1 Gbps recommended for a running VM's vMotion");
            Passes(Find(Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", MigrationType.Bulk), "path.bandwidth"), "carries 500 Mbps; Bulk needs 100");
        }

        [Theory]
        [InlineData(MigrationType.vMotion)]
        [InlineData(MigrationType.Bulk)]
        [InlineData(MigrationType.Cold)]
        public void Bandwidth_under_100_Mbps_fails_every_HCX_type(MigrationType type)
        {
            var estate = Build(NewLab());
            estate.SetLink("onprem-lon", "ovh-rbx", bandwidthMbps: 80, rttMs: null, lossPercent: null);
            var check = Find(Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", type), "path.bandwidth");
            Fails(check, "onprem-lon <-> ovh-rbx carries 80 Mbps, under the 100 Mbps " + type + " needs");
        }

        [Fact]
        public void RAV_needs_150_Mbps_where_HCX_vMotion_needs_100()
        {
            var estate = Build(NewLab());
            estate.SetLink("onprem-lon", "ovh-rbx", bandwidthMbps: 120, rttMs: null, lossPercent: null);

            Fails(Find(Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", MigrationType.RAV), "path.bandwidth"), "carries 120 Mbps, under the 150 Mbps RAV needs");
            // 120 Mbps is enough for HCX vMotion: slow (a warning), not refused.
            Warns(Find(Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", MigrationType.vMotion), "path.bandwidth"), "carries 120 Mbps");
        }

        [Fact]
        public void Bandwidth_within_an_endpoint_is_the_slower_hosts_vMotion_network_against_250_Mbps()
        {
            // The legacy cluster's hosts have 1 GbE vMotion, Prod-Cluster-01's 25 GbE: the move gets the slower.
            var check = Check(NewLab(), "path.bandwidth", "fax01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion);
            Passes(check, "The hosts' vMotion network carries 1000 Mbps; vMotion needs 250");
        }

        // ---------------------------------------------------------------- compute.cpuVendor

        [Fact]
        public void Cpu_vendor_matching_the_cluster_passes_a_live_move()
        {
            var check = Check(NewLab(), "compute.cpuVendor", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Passes(check, "VM 'crm-app01' runs on Intel CPUs (intel-cascadelake); cluster 'Cluster-1' has Intel");
        }

        [Fact]
        public void An_AMD_VM_fails_a_live_move_to_an_Intel_cluster_but_not_a_Bulk_one()
        {
            // test-inventory-app01 runs on the AMD EPYC dev/test cluster; AVS sells Intel hosts only.
            var lab = NewLab();
            var live = Evaluate(lab, "test-inventory-app01", "avs-westeurope", MigrationType.vMotion, DevToAvs);

            Fails(Find(live, "compute.cpuVendor"), "VM 'test-inventory-app01' runs on AMD CPUs (amd-zen3); cluster 'Cluster-1' has Intel");
            Assert.Contains("Bulk or Cold", Find(live, "compute.cpuVendor").Remediation);
            // EVC levels are not comparable across vendors: that check leaves it to the vendor check.
            Passes(Find(live, "compute.evc"), "Does not apply", "vendors differ");
            Passes(Find(Evaluate(lab, "test-inventory-app01", "avs-westeurope", MigrationType.Bulk, DevToAvs), "compute.cpuVendor"), "Does not apply to Bulk");
        }

        [Fact]
        public void An_unknown_CPU_baseline_warns()
        {
            var lab = NewLab();
            VM(lab, "crm-app01").CpuBaseline = "hygon-dhyana";
            var check = Check(lab, "compute.cpuVendor", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Warns(check, "VM 'crm-app01' has the unknown CPU baseline 'hygon-dhyana'");
        }

        // ---------------------------------------------------------------- compute.evc

        [Fact]
        public void Evc_baseline_newer_than_the_VMs_passes()
        {
            // VMC's i4i hosts offer Ice Lake; crm-app01 started under Prod-Cluster-01's Cascade Lake baseline.
            var check = Check(NewLab(), "compute.evc", "crm-app01", "vmc-eu-west-2", MigrationType.vMotion);
            Passes(check, "Cluster 'Cluster-1' offers intel-icelake, at least the intel-cascadelake VM 'crm-app01' started under");
        }

        [Fact]
        public void Evc_baseline_older_than_the_VMs_fails_a_live_move_but_not_a_cold_one()
        {
            // Prod-Cluster-02 runs at Skylake EVC: a guest that started under Cascade Lake may use what Skylake lacks.
            var lab = NewLab();
            Fails(Check(lab, "compute.evc", "crm-app01", "onprem-lon/Prod-Cluster-02", MigrationType.vMotion),
                "Cluster 'Prod-Cluster-02' offers intel-skylake, older than the intel-cascadelake VM 'crm-app01' started under");
            Passes(Check(lab, "compute.evc", "crm-db02", "onprem-lon/Prod-Cluster-02", MigrationType.Cold), "Does not apply to Cold");
        }

        // ---------------------------------------------------------------- compute.memory

        [Fact]
        public void Memory_available_after_the_HA_reserve_passes()
        {
            // AVS: 3 hosts x 768 GB = 2304 GB; the pilots hold 8 + 4 + 8 GB; HA keeps 25% (576 GB): 1708 GB left.
            var check = Check(NewLab(), "compute.memory", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Passes(check, "Cluster 'Cluster-1' has 1708 GB of memory available for powered-on VMs after its 25% HA reserve; VM 'crm-app01' needs 16 GB");
        }

        [Fact]
        public void Memory_that_only_the_HA_reserve_could_hold_fails()
        {
            // 2000 GB fits AVS's 2284 GB unallocated, but not the 1708 GB left after the 25% failover reserve.
            var lab = NewLab();
            VM(lab, "crm-app01").MemoryMB = 2000 * 1024;
            var check = Check(lab, "compute.memory", "crm-app01", "avs-westeurope", MigrationType.Bulk);
            Fails(check, "Cluster 'Cluster-1' has 1708 GB of memory available for powered-on VMs after its 25% HA reserve; VM 'crm-app01' needs 2000 GB");
        }

        [Fact]
        public void Memory_without_HA_counts_every_unallocated_GB()
        {
            var lab = NewLab();
            VM(lab, "crm-app01").MemoryMB = 2000 * 1024;
            Cluster(lab, "avs-westeurope", "Cluster-1").HAEnabled = false;
            var check = Check(lab, "compute.memory", "crm-app01", "avs-westeurope", MigrationType.Bulk);
            Passes(check, "has 2284 GB of memory available", "needs 2000 GB");
        }

        [Fact]
        public void Memory_and_datastore_of_a_storage_vMotion_within_the_cluster()
        {
            // -Datastore alone within the VM's own cluster: only the disks move, to a datastore with room.
            var check = Evaluate(NewLab(), "crm-app01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion, datastore: "PROD-VMFS-01");
            Passes(Find(check, "compute.memory"), "VM 'crm-app01' stays in cluster 'Prod-Cluster-01'");
            Passes(Find(check, "compute.datastore"), "Datastore 'PROD-VMFS-01' has 4802 GB free; VM 'crm-app01' uses 178.7 GB");
        }

        // ---------------------------------------------------------------- compute.cpu

        [Fact]
        public void Vcpus_within_a_hosts_cores_pass_and_more_fail()
        {
            // 40 vCPUs: IBM's hosts have 2 x 20 cores, AVS's AV36P 2 x 18.
            var lab = NewLab();
            VM(lab, "crm-app01").NumCpu = 40;
            Passes(Check(lab, "compute.cpu", "crm-app01", "ibm-dal10", MigrationType.Bulk), "VM 'crm-app01' has 40 vCPUs; the hosts of cluster 'cluster1' have 40 cores");
            Fails(Check(lab, "compute.cpu", "crm-app01", "avs-westeurope", MigrationType.Bulk), "VM 'crm-app01' has 40 vCPUs, more than the 36 cores of a host of cluster 'Cluster-1'");
        }

        [Fact]
        public void A_cluster_without_hosts_fails_compute_cpu()
        {
            var lab = NewLab();
            var avs = lab.Endpoints.Single(e => e.Name == "avs-westeurope");
            avs.Clusters = avs.Clusters.Concat(new[]
            {
                new CloudCluster { Name = "Cluster-2", Endpoint = avs.Name, CpuVendor = CpuVendor.Intel, EvcMode = "intel-cascadelake", Datastores = new[] { "vsanDatastore" } },
            }).ToArray();
            var check = Check(lab, "compute.cpu", "crm-app01", "avs-westeurope/Cluster-2", MigrationType.Bulk);
            Fails(check, "Cluster 'Cluster-2' has no hosts");
        }

        // ---------------------------------------------------------------- compute.datastore

        [Fact]
        public void Datastore_with_room_passes()
        {
            var check = Check(NewLab(), "compute.datastore", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Passes(check, "Datastore 'vsanDatastore' has 25912 GB free; VM 'crm-app01' uses 178.7 GB");
        }

        [Fact]
        public void Datastore_without_room_fails()
        {
            // OVHcloud's larger NFS datastore has 3010.56 GB free; crm-db01's disks use 3532.84 GB.
            var check = Check(NewLab(), "compute.datastore", "crm-db01", "ovh-rbx/Cluster2", MigrationType.Bulk);
            Fails(check, "Datastore 'ssd-000872' has 3011 GB free; VM 'crm-db01' uses 3532.8 GB");
            Assert.Contains("-Datastore", check.Remediation);
        }

        // ---------------------------------------------------------------- compute.hardwareVersion

        [Fact]
        public void Hardware_the_destination_runs_passes()
        {
            var check = Check(NewLab(), "compute.hardwareVersion", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Passes(check, "VM 'crm-app01' is vmx-19; cluster 'Cluster-1' runs up to vmx-21");
        }

        [Fact]
        public void Hardware_newer_than_the_destination_hosts_fails()
        {
            // vmc-bastion01 was built at vmx-21 on ESXi 8.0 U3; OVHcloud's hosts run ESXi 7.0 U3 (vmx-19 at most).
            var check = Check(NewLab(), "compute.hardwareVersion", "vmc-bastion01", "ovh-rbx/Cluster2", MigrationType.Bulk);
            Fails(check, "VM 'vmc-bastion01' is vmx-21; the hosts of cluster 'Cluster2' run at most vmx-19");
        }

        [Fact]
        public void Hardware_older_than_vmx_9_fails_an_HCX_vMotion_but_not_a_Bulk_move_or_one_within_vCenter()
        {
            var lab = NewLab();
            Fails(Check(lab, "compute.hardwareVersion", "legacy-nt01", "avs-westeurope", MigrationType.vMotion), "VM 'legacy-nt01' is vmx-8; HCX vMotion needs vmx-9 or later");
            // HCX Bulk takes vmx-7 and later.
            Passes(Check(lab, "compute.hardwareVersion", "legacy-nt01", "avs-westeurope", MigrationType.Bulk), "VM 'legacy-nt01' is vmx-8");
            Passes(Check(lab, "compute.hardwareVersion", "legacy-nt01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion), "VM 'legacy-nt01' is vmx-8");
            // vmx-9 itself is enough.
            Passes(Check(lab, "compute.hardwareVersion", "lotus01", "avs-westeurope", MigrationType.vMotion), "VM 'lotus01' is vmx-9");
        }

        [Fact]
        public void An_unknown_hardware_version_fails()
        {
            var lab = NewLab();
            VM(lab, "crm-app01").HardwareVersion = "vmx-99";
            var check = Check(lab, "compute.hardwareVersion", "crm-app01", "avs-westeurope", MigrationType.Bulk);
            Fails(check, "VM 'crm-app01' has the unknown hardware version 'vmx-99'");
        }

        // ---------------------------------------------------------------- device.cdrom

        [Fact]
        public void An_empty_or_disconnected_CD_drive_passes()
        {
            // intranet-web02 keeps the VMware Tools ISO in its drive, disconnected.
            var lab = NewLab();
            Passes(Check(lab, "device.cdrom", "crm-app01", "avs-westeurope", MigrationType.vMotion), "No CD drive of VM 'crm-app01' ties it to its source");
            Passes(Check(lab, "device.cdrom", "intranet-web02", "avs-westeurope", MigrationType.vMotion), "No CD drive of VM 'intranet-web02' ties it to its source");
        }

        [Fact]
        public void A_CD_on_the_clients_drive_fails_a_live_move_but_not_a_cold_one()
        {
            var lab = NewLab();
            var check = Check(lab, "device.cdrom", "kiosk01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion);
            Fails(check, "CD/DVD drive 1 of VM 'kiosk01' is connected to the client device Remote ATAPI");
            Passes(Check(lab, "device.cdrom", "kiosk01", "onprem-lon/Prod-Cluster-01", MigrationType.Cold), "kiosk01");
        }

        [Fact]
        public void An_ISO_on_a_host_local_datastore_fails_a_live_move()
        {
            var check = Check(NewLab(), "device.cdrom", "build-iso01", "onprem-lon/Prod-Cluster-02", MigrationType.vMotion);
            Fails(check, "CD/DVD drive 1 of VM 'build-iso01' holds [esx-p1-03-local] iso/rhel-8.9-x86_64-dvd.iso, on the host-local datastore 'esx-p1-03-local'");
        }

        [Fact]
        public void An_ISO_on_a_shared_datastore_fails_HCX_vMotion_and_Cold_and_warns_for_Bulk_and_RAV()
        {
            var lab = NewLab();
            VM(lab, "crm-app01").CdDrives = new[] { new CdDrive { Name = "CD/DVD drive 1", IsoPath = "[PROD-VMFS-04] iso/rhel-9.4-x86_64-dvd.iso", Connected = true } };

            Fails(Check(lab, "device.cdrom", "crm-app01", "avs-westeurope", MigrationType.vMotion),
                "CD/DVD drive 1 of VM 'crm-app01' has the ISO [PROD-VMFS-04] iso/rhel-9.4-x86_64-dvd.iso attached; HCX vMotion refuses attached ISOs");
            Fails(Check(lab, "device.cdrom", "crm-app01", "avs-westeurope", MigrationType.Cold), "HCX Cold refuses attached ISOs");
            Warns(Check(lab, "device.cdrom", "crm-app01", "avs-westeurope", MigrationType.Bulk), "VM 'crm-app01' has the ISO [PROD-VMFS-04] iso/rhel-9.4-x86_64-dvd.iso attached; Bulk disconnects it");
            Warns(Check(lab, "device.cdrom", "crm-app01", "avs-westeurope", MigrationType.RAV), "RAV disconnects it");
            // Within vCenter, a shared datastore's ISO follows a vMotion (here, a storage vMotion in the same cluster).
            var within = Evaluate(lab, "crm-app01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion, datastore: "PROD-VMFS-01");
            Passes(Find(within, "device.cdrom"), "crm-app01");
        }

        [Fact]
        public void An_ISO_on_a_datastore_the_destination_cluster_does_not_mount_fails_a_vMotion_within_vCenter()
        {
            // Give crm-app01 an ISO on a datastore only its own cluster mounts, and move it to the other production cluster.
            var lab = NewLab();
            var vm = VM(lab, "crm-app01");
            var target = vm.Cluster == "Prod-Cluster-01" ? "Prod-Cluster-02" : "Prod-Cluster-01";
            var onlyOwn = Cluster(lab, "onprem-lon", vm.Cluster).Datastores.First(d => !Cluster(lab, "onprem-lon", target).Datastores.Contains(d));
            vm.CdDrives = new[] { new CdDrive { Name = "CD/DVD drive 1", IsoPath = "[" + onlyOwn + "] iso/tools.iso", Connected = true } };
            Fails(Check(lab, "device.cdrom", "crm-app01", "onprem-lon/" + target, MigrationType.vMotion),
                "CD/DVD drive 1 of VM 'crm-app01' holds [" + onlyOwn + "] iso/tools.iso, on datastore '" + onlyOwn + "', which the hosts of cluster '" + target + "' do not mount");
        }

        // ---------------------------------------------------------------- device.rdm

        [Fact]
        public void No_raw_device_mapping_passes()
        {
            Passes(Check(NewLab(), "device.rdm", "crm-app01", "avs-westeurope", MigrationType.Bulk), "VM 'crm-app01' has no raw device mappings");
        }

        [Fact]
        public void A_physical_mode_RDM_fails_a_move_to_another_endpoint()
        {
            var check = Check(NewLab(), "device.rdm", "sql-fci01", "avs-westeurope", MigrationType.Bulk);
            Fails(check, "Hard disk 5 of VM 'sql-fci01' is a physical-mode RDM, a LUN of onprem-lon that avs-westeurope cannot reach");
        }

        [Fact]
        public void A_physical_mode_RDM_warns_within_the_endpoint()
        {
            var check = Check(NewLab(), "device.rdm", "sql-fci01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion);
            Warns(check, "Hard disk 5 of VM 'sql-fci01' is a physical-mode RDM; the LUN must be presented to the hosts of cluster 'Prod-Cluster-01'");
        }

        [Fact]
        public void A_virtual_mode_RDM_warns_that_it_becomes_a_virtual_disk()
        {
            var lab = NewLab();
            VM(lab, "crm-app01").HardDisks[1].DiskType = DiskType.RawVirtual;
            var check = Check(lab, "device.rdm", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Warns(check, "Hard disk 2 of VM 'crm-app01' is a virtual-mode RDM; it becomes a virtual disk at avs-westeurope");
        }

        // ---------------------------------------------------------------- device.sharedDisk

        [Fact]
        public void Shared_disks_fail_across_endpoints_warn_when_kept_within_fail_when_moved_and_their_absence_passes()
        {
            var lab = NewLab();
            Fails(Check(lab, "device.sharedDisk", "oracle-rac01", "avs-westeurope", MigrationType.Bulk),
                "Hard disk 5 of VM 'oracle-rac01' is shared (multi-writer); HCX does not migrate shared disks");
            // Within vCenter the shared disk can stay where it is (a warning), never move (a failure).
            var rac = VM(lab, "oracle-rac01");
            var shared = rac.HardDisks.Single(d => d.Sharing == DiskSharing.MultiWriter);
            // Another cluster that mounts the shared disk's datastore too: the VM's compute moves, the disk stays.
            var target = rac.Cluster == "Prod-Cluster-01" ? "Prod-Cluster-02" : "Prod-Cluster-01";
            var targetCluster = Cluster(lab, "onprem-lon", target);
            targetCluster.Datastores = targetCluster.Datastores.Append(shared.Datastore).ToArray();
            var keeping = Check(lab, "device.sharedDisk", "oracle-rac01", "onprem-lon/" + target, MigrationType.vMotion, datastore: shared.Datastore);
            Warns(keeping, "Hard disk 5 of VM 'oracle-rac01' is shared (multi-writer); it stays on '" + shared.Datastore + "'");
            var elsewhere = Cluster(lab, "onprem-lon", rac.Cluster).Datastores.First(d => d != shared.Datastore);
            Fails(Check(lab, "device.sharedDisk", "oracle-rac01", "onprem-lon/" + rac.Cluster, MigrationType.vMotion, datastore: elsewhere),
                "Hard disk 5 of VM 'oracle-rac01' is shared (multi-writer); vSphere cannot move it from '" + shared.Datastore + "' to '" + elsewhere + "'");
            Passes(Check(lab, "device.sharedDisk", "crm-app01", "avs-westeurope", MigrationType.Bulk), "No disk of VM 'crm-app01' is shared");
        }

        // ---------------------------------------------------------------- device.vgpu

        [Fact]
        public void No_vGPU_passes()
        {
            Passes(Check(NewLab(), "device.vgpu", "crm-app01", "avs-westeurope", MigrationType.vMotion), "VM 'crm-app01' has no vGPU");
        }

        [Fact]
        public void A_vGPU_fails_where_the_hosts_have_no_GPU()
        {
            var check = Check(NewLab(), "device.vgpu", "vdi-gpu03", "avs-westeurope", MigrationType.Bulk);
            Fails(check, "VM 'vdi-gpu03' has the vGPU profile grid_t4-4q; the hosts of cluster 'Cluster-1' have no GPU");
        }

        [Fact]
        public void A_vGPU_live_move_warns_under_10_GbE_and_passes_over_it()
        {
            // Give GPUs to OVHcloud's Intel cluster (behind a 1 Gbps link) and to AVS (10 Gbps).
            var lab = NewLab();
            foreach (var host in Cluster(lab, "ovh-rbx", "Cluster2").Hosts) host.GpuModel = "NVIDIA T4";
            foreach (var host in Cluster(lab, "avs-westeurope", "Cluster-1").Hosts) host.GpuModel = "NVIDIA T4";

            Warns(Check(lab, "device.vgpu", "vdi-gpu03", "ovh-rbx/Cluster2", MigrationType.vMotion),
                "VM 'vdi-gpu03' has the vGPU profile grid_t4-4q; its frame buffer crosses a 1000 Mbps path, under the 10 GbE");
            Passes(Check(lab, "device.vgpu", "vdi-gpu03", "ovh-rbx/Cluster2", MigrationType.Bulk), "cluster 'Cluster2' has NVIDIA T4 hosts");
            Passes(Check(lab, "device.vgpu", "vdi-gpu03", "avs-westeurope", MigrationType.vMotion), "VM 'vdi-gpu03' has the vGPU profile grid_t4-4q; cluster 'Cluster-1' has NVIDIA T4 hosts");
        }

        // ---------------------------------------------------------------- device.passthrough

        private const string X710 = "PCI device 0 (0000:3b:00.0 Intel Ethernet Controller X710)";

        [Fact]
        public void No_passthrough_device_passes()
        {
            Passes(Check(NewLab(), "device.passthrough", "crm-app01", "avs-westeurope", MigrationType.vMotion), "VM 'crm-app01' has no DirectPath I/O device");
        }

        [Fact]
        public void A_passthrough_device_fails_a_live_move_and_any_move_to_another_endpoint()
        {
            var lab = NewLab();
            Fails(Check(lab, "device.passthrough", "nfv-fw01", "onprem-lon/Prod-Cluster-02", MigrationType.vMotion),
                "VM 'nfv-fw01' uses the DirectPath I/O device " + X710 + ", which a live move cannot take along");
            Fails(Check(lab, "device.passthrough", "nfv-fw01", "avs-westeurope", MigrationType.Bulk),
                "VM 'nfv-fw01' uses the DirectPath I/O device " + X710 + ", which does not exist at avs-westeurope");
        }

        [Fact]
        public void A_passthrough_device_warns_a_cold_move_within_the_endpoint()
        {
            var lab = NewLab();
            VM(lab, "nfv-fw01").PowerState = PowerState.PoweredOff;
            var check = Check(lab, "device.passthrough", "nfv-fw01", "onprem-lon/Prod-Cluster-02", MigrationType.Cold);
            Warns(check, "VM 'nfv-fw01' uses the DirectPath I/O device " + X710 + "; the destination host must have the same device");
        }

        // ---------------------------------------------------------------- device.usb

        private const string Dongle = "USB 1 (SafeNet Sentinel license dongle)";

        [Fact]
        public void A_USB_device_without_vMotion_support_fails_a_live_move_and_warns_a_Bulk_one()
        {
            var lab = NewLab();
            Fails(Check(lab, "device.usb", "license01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion),
                "USB device '" + Dongle + "' of VM 'license01' is not enabled for vMotion");
            Warns(Check(lab, "device.usb", "license01", "ovh-rbx/Cluster2", MigrationType.Bulk),
                "USB device '" + Dongle + "' of VM 'license01' stays behind at the source host");
        }

        [Fact]
        public void A_USB_device_enabled_for_vMotion_passes()
        {
            var lab = NewLab();
            VM(lab, "license01").UsbDevices = new[] { new UsbDevice { Name = Dongle, VMotionSupported = true } };
            var check = Check(lab, "device.usb", "license01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion);
            Passes(check, "No USB device of VM 'license01' pins it to its host");
        }

        // ---------------------------------------------------------------- device.ft

        [Fact]
        public void Fault_Tolerance_fails_across_endpoints_and_clusters_and_passes_within_its_cluster()
        {
            var lab = NewLab();
            Fails(Check(lab, "device.ft", "trading-ft01", "avs-westeurope", MigrationType.vMotion),
                "VM 'trading-ft01' is protected by Fault Tolerance; HCX does not migrate FT VMs");
            // Its primary may move between the hosts of its cluster, never to another cluster.
            var ft = VM(lab, "trading-ft01");
            var own = ft.Cluster;
            var other = own == "Prod-Cluster-01" ? "Prod-Cluster-02" : "Prod-Cluster-01";
            var otherDatastore = Cluster(lab, "onprem-lon", own).Datastores.First(d => d != ft.Datastore);
            Passes(Check(lab, "device.ft", "trading-ft01", "onprem-lon/" + own, MigrationType.vMotion, datastore: otherDatastore),
                "VM 'trading-ft01' is protected by Fault Tolerance; vCenter moves its primary within cluster '" + own + "'");
            Fails(Check(lab, "device.ft", "trading-ft01", "onprem-lon/" + other, MigrationType.vMotion),
                "VM 'trading-ft01' is protected by Fault Tolerance, whose primary and secondary stay in one cluster; it cannot move to cluster '" + other + "'");
            Passes(Check(lab, "device.ft", "crm-app01", "avs-westeurope", MigrationType.vMotion), "VM 'crm-app01' is not protected by Fault Tolerance");
        }

        // ---------------------------------------------------------------- state.power

        [Fact]
        public void A_running_VM_passes_a_live_move_and_fails_a_cold_one()
        {
            var lab = NewLab();
            Passes(Check(lab, "state.power", "crm-app01", "avs-westeurope", MigrationType.vMotion), "VM 'crm-app01' is powered on");
            var cold = Check(lab, "state.power", "crm-app01", "avs-westeurope", MigrationType.Cold);
            Fails(cold, "VM 'crm-app01' is powered on; Cold moves powered-off VMs");
            Assert.Contains("Stop-CloudVMGuest", cold.Remediation);
        }

        [Fact]
        public void A_powered_off_VM_fails_a_live_move_and_passes_a_cold_one()
        {
            var lab = NewLab();
            var live = Check(lab, "state.power", "crm-db02", "avs-westeurope", MigrationType.vMotion);
            Fails(live, "VM 'crm-db02' is powered off; vMotion moves running VMs");
            Assert.Contains("Cold", live.Remediation);
            Passes(Check(lab, "state.power", "crm-db02", "avs-westeurope", MigrationType.Cold), "VM 'crm-db02' is powered off");
            // A suspended VM moves cold, too.
            Passes(Check(lab, "state.power", "dev-inventory-app01", "onprem-lon/Prod-Cluster-01", MigrationType.Cold), "VM 'dev-inventory-app01' is suspended");
        }

        // ---------------------------------------------------------------- state.snapshots (warns; never fails)

        [Fact]
        public void No_snapshots_passes()
        {
            Passes(Check(NewLab(), "state.snapshots", "crm-app01", "avs-westeurope", MigrationType.vMotion), "VM 'crm-app01' has no snapshots");
        }

        [Fact]
        public void Snapshots_warn_that_a_live_move_carries_them_and_Bulk_drops_them()
        {
            // docs-app01 has three snapshots in the default lab.
            var lab = NewLab();
            Warns(Check(lab, "state.snapshots", "docs-app01", "avs-westeurope", MigrationType.vMotion), "VM 'docs-app01' has 3 snapshot(s); they move with it");
            Warns(Check(lab, "state.snapshots", "docs-app01", "avs-westeurope", MigrationType.Bulk), "VM 'docs-app01' has 3 snapshot(s); Bulk removes them");
        }

        // ---------------------------------------------------------------- state.tools (warns; never fails)

        [Fact]
        public void Running_Tools_pass_a_Bulk_move()
        {
            var lab = NewLab();
            Passes(Check(lab, "state.tools", "crm-app01", "avs-westeurope", MigrationType.Bulk), "VMware Tools of VM 'crm-app01' are running (ToolsOk)");
            // Out of date Tools still shut the guest down.
            Passes(Check(lab, "state.tools", "hr-web02", "avs-westeurope", MigrationType.Bulk), "VMware Tools of VM 'hr-web02' are running (ToolsOld)");
        }

        [Fact]
        public void Tools_not_running_warn_a_Bulk_move_and_do_not_matter_to_vMotion()
        {
            var lab = NewLab();
            Warns(Check(lab, "state.tools", "crm-web02", "avs-westeurope", MigrationType.Bulk),
                "VMware Tools of VM 'crm-web02' are ToolsNotRunning: Bulk cannot shut the guest down cleanly");
            Passes(Check(lab, "state.tools", "crm-web02", "avs-westeurope", MigrationType.vMotion), "Does not apply to vMotion");
        }

        // ---------------------------------------------------------------- state.nameInUse

        [Fact]
        public void A_name_free_at_the_destination_passes()
        {
            var lab = NewLab();
            Passes(Check(lab, "state.nameInUse", "crm-app01", "avs-westeurope", MigrationType.vMotion), "No VM of avs-westeurope is named 'crm-app01'");
            Passes(Check(lab, "state.nameInUse", "crm-app01", "onprem-lon/Prod-Cluster-02", MigrationType.vMotion), "VM 'crm-app01' keeps its place in onprem-lon's inventory");
        }

        [Fact]
        public void A_name_taken_at_the_destination_fails()
        {
            // An on-premises VM named like the AVS pilot already running there.
            var estate = Build(NewLab());
            estate.AddVM(new NewVMSpec { Name = "pilot-web01", Endpoint = "onprem-lon", Cluster = "Prod-Cluster-01", NetworkNames = new[] { "Web-VLAN110" }, PowerState = PowerState.PoweredOn });
            var check = Find(Evaluate(estate, "pilot-web01", "avs-westeurope", MigrationType.vMotion, sourceEndpoint: "onprem-lon"), "state.nameInUse");
            Fails(check, "avs-westeurope already has a VM named 'pilot-web01'");
        }

        [Fact]
        public void A_VM_already_being_migrated_fails_state_inProgress()
        {
            var estate = Build(NewLab());
            var vm = estate.VMs.Single(v => v.Name == "crm-app01");
            Passes(Find(Evaluate(estate, "crm-app01", "avs-westeurope", MigrationType.vMotion), "state.inProgress"), "VM 'crm-app01' is not being migrated");
            Assert.True(estate.TryBeginMigration(vm.Id));
            var check = Find(Evaluate(estate, "crm-app01", "avs-westeurope", MigrationType.vMotion), "state.inProgress");
            Fails(check, "VM 'crm-app01' is already being migrated");
            Assert.Contains("Wait-CloudTask", check.Remediation);
        }

        // ---------------------------------------------------------------- network.mapping

        [Fact]
        public void A_network_extended_by_HCX_passes()
        {
            var check = Check(NewLab(), "network.mapping", "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Passes(check, "Every NIC of VM 'crm-app01' has a network at avs-westeurope: 'App-VLAN120' -> 'L2E_App-VLAN120-120'");
        }

        [Fact]
        public void A_network_matched_by_VLAN_or_name_or_mapped_by_hand_elsewhere_warns_of_another_broadcast_domain()
        {
            var lab = NewLab();
            // OVHcloud has no extension of App-VLAN120, but a port group on VLAN 120.
            Warns(Check(lab, "network.mapping", "crm-app01", "ovh-rbx/Cluster2", MigrationType.vMotion),
                "VM 'crm-app01': 'App-VLAN120' maps to 'VLAN120' (by VLAN), not an HCX extension of it");
            // Both sites have a "VM Network"; the names match, the broadcast domains do not.
            Warns(Check(lab, "network.mapping", "fax01", "ovh-rbx/Cluster2", MigrationType.Bulk), "VM 'fax01': 'VM Network' maps to 'VM Network' (by name)");
            // A mapping the user gave lands in another broadcast domain all the same (the README and help promise the warning)...
            Warns(Check(lab, "network.mapping", "crm-app01", "avs-westeurope", MigrationType.vMotion, new Dictionary<string, string> { ["App-VLAN120"] = "workload-segment-01" }),
                "VM 'crm-app01': 'App-VLAN120' maps to 'workload-segment-01' (as mapped), not an HCX extension of it");
            // ...unless it names the network's own HCX extension.
            Passes(Check(lab, "network.mapping", "crm-app01", "avs-westeurope", MigrationType.vMotion, new Dictionary<string, string> { ["App-VLAN120"] = "L2E_App-VLAN120-120" }),
                "'App-VLAN120' -> 'L2E_App-VLAN120-120'");
        }

        [Fact]
        public void A_network_with_no_match_at_the_destination_fails()
        {
            // crm-db01's backup VLAN has no name, extension or VLAN in AVS (the README's own example).
            var check = Check(NewLab(), "network.mapping", "crm-db01", "avs-westeurope", MigrationType.Bulk);
            Fails(check, "VM 'crm-db01' has a NIC on 'Backup-VLAN300', and no network of 'avs-westeurope' has that name, extends it, or carries its VLAN");
            Assert.Contains("-NetworkMapping @{ 'Backup-VLAN300' = '<network on avs-westeurope>' }", check.Remediation);
        }

        // ---------------------------------------------------------------- network.uplinks

        [Fact]
        public void A_network_with_uplinks_passes()
        {
            Passes(Check(NewLab(), "network.uplinks", "crm-app01", "avs-westeurope", MigrationType.vMotion), "Every network of VM 'crm-app01' has uplinks");
        }

        [Fact]
        public void An_internal_only_switch_fails_a_live_move_but_not_a_cold_one()
        {
            var lab = NewLab();
            var isolated = VM(lab, "lab-isolated01");
            isolated.PowerState = PowerState.PoweredOn;
            isolated.ToolsStatus = ToolsStatus.ToolsOk;

            Fails(Check(lab, "network.uplinks", "lab-isolated01", "onprem-lon/Prod-Cluster-01", MigrationType.vMotion),
                "VM 'lab-isolated01' is on 'Isolated-Lab', a switch with no uplinks: vCenter refuses to live-migrate");
            Passes(Check(lab, "network.uplinks", "lab-isolated02", "onprem-lon/Prod-Cluster-01", MigrationType.Cold),
                "VM 'lab-isolated02' is on the internal-only 'Isolated-Lab'; Cold does not need it to stay connected");
        }

        [Fact]
        public void Mapping_a_NIC_onto_an_internal_only_network_fails_a_live_move()
        {
            var lab = NewLab();
            var vm = VM(lab, "crm-web01");
            var check = Check(lab, "network.uplinks", "crm-web01", "onprem-lon/Prod-Cluster-02", MigrationType.vMotion,
                networkMapping: new Dictionary<string, string> { [vm.Networks[0]] = "Isolated-Lab" });
            Fails(check, "VM 'crm-web01' would land on 'Isolated-Lab', a switch with no uplinks");
        }

        // ---------------------------------------------------------------- network.standardSwitch

        [Fact]
        public void A_return_from_VMC_onto_a_standard_switch_fails_and_onto_a_distributed_one_passes()
        {
            var lab = NewLab();
            Fails(Check(lab, "network.standardSwitch", "vmc-bastion01", "onprem-lon/DevTest-Cluster", MigrationType.Bulk, new Dictionary<string, string> { ["sddc-cgw-network-1"] = "VM Network" }),
                "VM 'vmc-bastion01' would land on 'VM Network', a standard switch port group");
            Passes(Check(lab, "network.standardSwitch", "vmc-bastion01", "onprem-lon/DevTest-Cluster", MigrationType.Bulk, new Dictionary<string, string> { ["sddc-cgw-network-1"] = "Mgmt-VLAN10" }),
                "Every NIC of VM 'vmc-bastion01' lands on a distributed port group");
        }

        [Fact]
        public void A_standard_switch_is_no_concern_for_a_return_from_another_cloud()
        {
            // Only VMC's returns are restricted: a pilot coming back from AVS may land on a standard switch.
            var check = Check(NewLab(), "network.standardSwitch", "pilot-web01", "onprem-lon/Prod-Cluster-01", MigrationType.Bulk,
                new Dictionary<string, string> { ["L2E_Web-VLAN110-110"] = "VM Network" });
            Passes(check, "Does not apply to Bulk");
        }

        // ---------------------------------------------------------------- platform.sourceVersion

        [Fact]
        public void A_source_host_at_ESXi_6_7_U2_or_later_passes_a_live_move_into_VMC()
        {
            var lab = NewLab();
            Passes(Check(lab, "platform.sourceVersion", "crm-app01", "vmc-eu-west-2", MigrationType.vMotion), "Host esx-p1-04.lon.corp.example runs ESXi 7.0.3");
            // The legacy cluster's 6.7 U3 is past the minimum.
            Passes(Check(lab, "platform.sourceVersion", "fax01", "vmc-eu-west-2", MigrationType.vMotion), "Host esx-lg-04.lon.corp.example runs ESXi 6.7.3");
        }

        [Fact]
        public void A_source_host_before_ESXi_6_7_U2_fails_a_live_move_into_VMC_but_not_Bulk()
        {
            var lab = NewLab();
            foreach (var host in Cluster(lab, "onprem-lon", "Legacy-Cluster").Hosts) host.EsxiVersion = "6.7.0";
            Fails(Check(lab, "platform.sourceVersion", "fax01", "vmc-eu-west-2", MigrationType.vMotion),
                "Host esx-lg-04.lon.corp.example runs ESXi 6.7.0; live moves into VMware Cloud on AWS need 6.7 U2 or later");
            Passes(Check(lab, "platform.sourceVersion", "fax01", "vmc-eu-west-2", MigrationType.Bulk), "Does not apply to Bulk");
        }

        [Fact]
        public void A_source_host_of_unknown_version_warns()
        {
            var lab = NewLab();
            foreach (var host in Cluster(lab, "onprem-lon", "Legacy-Cluster").Hosts) host.EsxiVersion = "6.7 Update 3";
            var check = Check(lab, "platform.sourceVersion", "fax01", "vmc-eu-west-2", MigrationType.vMotion);
            Warns(check, "fax01", "not known");
        }

        // ---------------------------------------------------------------- platform.license

        [Fact]
        public void An_Enterprise_Plus_source_passes_vMotion_between_vCenters()
        {
            Passes(Check(NewLab(), "platform.license", "crm-app01", "avs-westeurope", MigrationType.vMotion), "onprem-lon is licensed vSphere Enterprise Plus");
        }

        [Fact]
        public void An_Enterprise_source_fails_vMotion_between_vCenters_but_not_RAV()
        {
            var lab = NewLab();
            lab.Endpoints.Single(e => e.Name == "onprem-lon").VSphereEdition = "Enterprise";
            Fails(Check(lab, "platform.license", "crm-app01", "avs-westeurope", MigrationType.vMotion),
                "onprem-lon is licensed vSphere Enterprise; vMotion between vCenters needs Enterprise Plus");
            Passes(Check(lab, "platform.license", "crm-app01", "avs-westeurope", MigrationType.RAV), "Does not apply to RAV");
        }

        // ---------------------------------------------------------------- the evaluator

        [Fact]
        public void The_catalog_runs_its_26_rules_in_order_then_the_simulation()
        {
            var readiness = Evaluate(NewLab(), "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Assert.Equal(new[]
            {
                "path.link", "path.rtt", "path.bandwidth",
                "compute.cpuVendor", "compute.evc", "compute.memory", "compute.cpu", "compute.datastore", "compute.hardwareVersion",
                "device.cdrom", "device.rdm", "device.sharedDisk", "device.vgpu", "device.passthrough", "device.usb", "device.ft",
                "state.power", "state.snapshots", "state.tools", "state.nameInUse", "state.inProgress",
                "network.mapping", "network.uplinks", "network.standardSwitch",
                "platform.sourceVersion", "platform.license",
                "model.simulation",
            }, readiness.Checks.Select(c => c.Id));
        }

        [Fact]
        public void A_move_that_passes_every_rule_is_Ready_with_its_prediction()
        {
            // The README's tour: crm-app01 to AVS by vMotion succeeds.
            var readiness = Evaluate(NewLab(), "crm-app01", "avs-westeurope", MigrationType.vMotion);
            Assert.All(readiness.Checks, c => Assert.True(c.Status == CheckStatus.Pass, c.ToString()));
            Assert.Equal(ReadinessVerdict.Ready, readiness.Verdict);
            Assert.Null(readiness.Blocker);
            Passes(Find(readiness, "model.simulation"), "the vMotion of VM 'crm-app01' takes");
            Assert.NotNull(readiness.PredictedDuration);
            Assert.True(readiness.PredictedDuration > System.TimeSpan.FromMinutes(1), "178 GB of disks cross the link first");
            Assert.True(readiness.PredictedDowntime < System.TimeSpan.FromSeconds(1), "a vMotion stuns the guest for well under a second");
        }

        [Fact]
        public void A_warning_makes_the_verdict_ReadyWithWarnings()
        {
            // To OVHcloud the App VLAN maps by VLAN id, not by an extension: the move works, the guest needs new addresses.
            var readiness = Evaluate(NewLab(), "crm-app01", "ovh-rbx/Cluster2", MigrationType.vMotion);
            Assert.Equal(CheckStatus.Warning, Find(readiness, "network.mapping").Status);
            Assert.DoesNotContain(readiness.Checks, c => c.Status == CheckStatus.Fail);
            Assert.Equal(ReadinessVerdict.ReadyWithWarnings, readiness.Verdict);
            Assert.Equal(MigrationType.vMotion, readiness.RecommendedType);
        }

        [Fact]
        public void A_guest_dirtying_faster_than_a_200_Mbps_path_fails_the_simulated_switchover()
        {
            // 200 Mbps passes path.bandwidth (HCX vMotion needs 100) and only warns. But crm-app01, made to rewrite an
            // 8 GB working set at 4000 MB/s, outruns 25 MB/s even with SDPS at its 99% throttle (40 MB/s left): the
            // memory still dirty at switchover would take minutes to send, over vSphere's 100 s limit.
            var lab = NewLab();
            VM(lab, "crm-app01").Workload = new WorkloadProfile { DirtyRateMBps = 4000, WritableWorkingSetMB = 8192, TouchedMemoryPercent = 100, DiskWriteRateMBps = 1 };
            var estate = Build(lab);
            estate.SetLink("onprem-lon", "ovh-rbx", bandwidthMbps: 200, rttMs: null, lossPercent: null);

            var readiness = Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", MigrationType.vMotion);

            Assert.DoesNotContain(readiness.Checks, c => c.Status == CheckStatus.Fail && c.Id != "model.simulation");
            var simulation = Find(readiness, "model.simulation");
            Fails(simulation, "the vMotion of VM 'crm-app01' fails (SwitchoverTimeout)", "over the 100 s limit");
            Assert.Contains("by Bulk", simulation.Remediation);
            Assert.Equal(ReadinessVerdict.NotReady, readiness.Verdict);
            Assert.StartsWith("model.simulation: ", readiness.Blocker);
            Assert.Null(readiness.PredictedDuration);
            Assert.Null(readiness.PredictedDowntime);
        }

        [Fact]
        public void The_same_VM_at_its_own_dirty_rate_passes_the_simulation_over_the_same_path()
        {
            // crm-app01 as the lab has it: 36.6 MB/s over a 2.4 GB working set, which SDPS brings under the path.
            var estate = Build(NewLab());
            estate.SetLink("onprem-lon", "ovh-rbx", bandwidthMbps: 200, rttMs: null, lossPercent: null);
            var readiness = Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", MigrationType.vMotion);
            Passes(Find(readiness, "model.simulation"), "the vMotion of VM 'crm-app01' takes");
            Assert.Equal(ReadinessVerdict.ReadyWithWarnings, readiness.Verdict);
        }

        [Fact]
        public void A_move_a_rule_refuses_is_not_simulated()
        {
            // At 2 Mbps path.bandwidth refuses every type before the model would: there is no model.simulation check.
            var estate = Build(NewLab());
            estate.SetLink("onprem-lon", "ovh-rbx", bandwidthMbps: 2, rttMs: null, lossPercent: null);
            var readiness = Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", MigrationType.vMotion);
            Fails(Find(readiness, "path.bandwidth"), "carries 2 Mbps, under the 100 Mbps vMotion needs");
            Assert.DoesNotContain(readiness.Checks, c => c.Id == "model.simulation");
            Assert.StartsWith("path.bandwidth: ", readiness.Blocker);
        }

        [Fact]
        public void Auto_recommends_vMotion_when_it_passes()
        {
            var readiness = Evaluate(NewLab(), "crm-app01", "avs-westeurope", MigrationType.Auto);
            Assert.Equal(MigrationType.Auto, readiness.RequestedType);
            Assert.Equal(MigrationType.vMotion, readiness.RecommendedType);
            Assert.Equal(MigrationType.vMotion, readiness.EvaluatedType);
            Assert.Equal(ReadinessVerdict.Ready, readiness.Verdict);
        }

        [Fact]
        public void Auto_sends_an_AMD_VM_to_an_Intel_cloud_by_Bulk_not_vMotion()
        {
            // vMotion and RAV keep the guest running and cannot cross CPU vendors; Bulk powers it on afresh.
            var readiness = Evaluate(NewLab(), "test-inventory-app01", "avs-westeurope", MigrationType.Auto, DevToAvs);
            Assert.Equal(MigrationType.Bulk, readiness.RecommendedType);
            Assert.Equal(MigrationType.Bulk, readiness.EvaluatedType);
            Assert.NotEqual(ReadinessVerdict.NotReady, readiness.Verdict);
            Assert.Null(readiness.Blocker);
            Assert.NotNull(readiness.PredictedDuration);
        }

        [Fact]
        public void Asking_for_vMotion_of_that_AMD_VM_is_NotReady_and_still_recommends_Bulk()
        {
            var readiness = Evaluate(NewLab(), "test-inventory-app01", "avs-westeurope", MigrationType.vMotion, DevToAvs);
            Assert.Equal(MigrationType.vMotion, readiness.EvaluatedType);
            Assert.Equal(ReadinessVerdict.NotReady, readiness.Verdict);
            Assert.Equal(MigrationType.Bulk, readiness.RecommendedType);
            Assert.StartsWith("compute.cpuVendor: VM 'test-inventory-app01' runs on AMD CPUs", readiness.Blocker);
            Assert.Null(readiness.PredictedDuration);
        }

        [Fact]
        public void Auto_with_a_dirty_rate_heavy_guest_recommends_Bulk_over_the_live_types()
        {
            // The simulation's failure counts like a rule's: vMotion and RAV both time out at switchover over 200 Mbps.
            var lab = NewLab();
            VM(lab, "crm-app01").Workload = new WorkloadProfile { DirtyRateMBps = 4000, WritableWorkingSetMB = 8192, TouchedMemoryPercent = 100, DiskWriteRateMBps = 1 };
            var estate = Build(lab);
            estate.SetLink("onprem-lon", "ovh-rbx", bandwidthMbps: 200, rttMs: null, lossPercent: null);

            var readiness = Evaluate(estate, "crm-app01", "ovh-rbx/Cluster2", MigrationType.Auto);
            Assert.Equal(MigrationType.Bulk, readiness.RecommendedType);
            Assert.Equal(MigrationType.Bulk, readiness.EvaluatedType);
            Passes(Find(readiness, "model.simulation"), "the Bulk of VM 'crm-app01' takes");
        }

        [Fact]
        public void Nothing_passing_is_NotReady_with_no_recommendation_judged_by_vMotion_for_a_running_VM()
        {
            // Fault Tolerance refuses every HCX type.
            var readiness = Evaluate(NewLab(), "trading-ft01", "avs-westeurope", MigrationType.Auto);
            Assert.Equal(ReadinessVerdict.NotReady, readiness.Verdict);
            Assert.Null(readiness.RecommendedType);
            Assert.Equal(MigrationType.vMotion, readiness.EvaluatedType);
            Assert.StartsWith("device.ft: VM 'trading-ft01' is protected by Fault Tolerance", readiness.Blocker);
            Assert.Null(readiness.PredictedDuration);
            Assert.Null(readiness.PredictedDowntime);
        }

        [Fact]
        public void Nothing_passing_for_a_powered_off_VM_is_judged_by_Cold()
        {
            // crm-db02 is powered off and its backup VLAN has no network in AVS.
            var readiness = Evaluate(NewLab(), "crm-db02", "avs-westeurope", MigrationType.Auto);
            Assert.Equal(ReadinessVerdict.NotReady, readiness.Verdict);
            Assert.Null(readiness.RecommendedType);
            Assert.Equal(MigrationType.Cold, readiness.EvaluatedType);
            Assert.StartsWith("network.mapping: VM 'crm-db02' has a NIC on 'Backup-VLAN300'", readiness.Blocker);
        }

        [Fact]
        public void Messages_read_after_the_lab_changed_still_describe_it_as_it_was_evaluated()
        {
            // Pass messages are formatted when first read: they must not pick up later changes to the lab.
            var estate = Build(NewLab());
            var readiness = Evaluate(estate, "crm-app01", "avs-westeurope", MigrationType.vMotion);
            estate.SetLink("onprem-lon", "avs-westeurope", bandwidthMbps: 500, rttMs: 40, lossPercent: null);
            estate.AddVM(new NewVMSpec { Name = "crm-app01", Endpoint = "avs-westeurope", MemoryMB = 64 * 1024 });

            Passes(Find(readiness, "path.link"), "over ExpressRoute (10000 Mbps, 6.7 ms)");
            Passes(Find(readiness, "path.bandwidth"), "carries 10000 Mbps");
            Passes(Find(readiness, "compute.memory"), "has 1708 GB of memory available");
            Passes(Find(readiness, "state.nameInUse"), "No VM of avs-westeurope is named 'crm-app01'");
        }

        // ---------------------------------------------------------------- helpers

        /// <summary>The dev/test VLAN has no counterpart in AVS: map it to the SDDC's workload segment.</summary>
        private static readonly IReadOnlyDictionary<string, string> DevToAvs = new Dictionary<string, string> { ["Dev-VLAN400"] = "workload-segment-01" };

        /// <summary>A fresh default lab: its objects are this test's own to change before the estate is built.</summary>
        private static LabDocument NewLab() => LabGenerator.CreateDefault();

        private static Estate Build(LabDocument lab) => new Estate(lab.Endpoints, lab.Links, lab.VMs);

        private static CloudVM VM(LabDocument lab, string name) => lab.VMs.Single(v => v.Name == name);

        private static CloudCluster Cluster(LabDocument lab, string endpoint, string cluster) =>
            lab.Endpoints.Single(e => e.Name == endpoint).Clusters.Single(c => c.Name == cluster);

        private static MigrationReadiness Evaluate(LabDocument lab, string vm, string destination, MigrationType type,
            IReadOnlyDictionary<string, string>? networkMapping = null, string? datastore = null) =>
            Evaluate(Build(lab), vm, destination, type, networkMapping, datastore);

        /// <summary>Test-MigrationReadiness for the VM of that name; destination as "endpoint" or "endpoint/cluster".</summary>
        private static MigrationReadiness Evaluate(Estate estate, string vm, string destination, MigrationType type,
            IReadOnlyDictionary<string, string>? networkMapping = null, string? datastore = null, string? sourceEndpoint = null)
        {
            var parts = destination.Split('/');
            var id = estate.VMs.Single(v => v.Name == vm && (sourceEndpoint == null || v.Endpoint == sourceEndpoint)).Id;
            var request = new MigrationRequest
            {
                VMId = id,
                DestinationEndpoint = parts[0],
                DestinationCluster = parts.Length > 1 ? parts[1] : null,
                Datastore = datastore,
                NetworkMapping = networkMapping,
                Type = type,
            };
            return ReadinessEvaluator.Evaluate(estate, request, MigrationAlgorithm.vSphere, LabDocument.DefaultClock);
        }

        private static ReadinessCheck Check(LabDocument lab, string id, string vm, string destination, MigrationType type,
            IReadOnlyDictionary<string, string>? networkMapping = null, string? datastore = null) =>
            Find(Evaluate(lab, vm, destination, type, networkMapping, datastore), id);

        private static ReadinessCheck Find(MigrationReadiness readiness, string id) => Assert.Single(readiness.Checks, c => c.Id == id);

        private static void Passes(ReadinessCheck check, params string[] said)
        {
            Assert.True(check.Status == CheckStatus.Pass, "expected a pass: " + check);
            Assert.Null(check.Remediation);
            Says(check, said);
        }

        private static void Warns(ReadinessCheck check, params string[] said)
        {
            Assert.True(check.Status == CheckStatus.Warning, "expected a warning: " + check);
            Assert.False(string.IsNullOrWhiteSpace(check.Remediation), "a warning says what to do: " + check);
            Says(check, said);
        }

        private static void Fails(ReadinessCheck check, params string[] said)
        {
            Assert.True(check.Status == CheckStatus.Fail, "expected a failure: " + check);
            Assert.False(string.IsNullOrWhiteSpace(check.Remediation), "a failure says what to do: " + check);
            Says(check, said);
        }

        private static void Says(ReadinessCheck check, string[] said)
        {
            foreach (var words in said) Assert.Contains(words, check.Message);
        }
    }
}
