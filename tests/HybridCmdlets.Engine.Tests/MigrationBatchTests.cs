using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Migrations planned against the default lab and run on one timeline, with the estate updated as they end.</summary>
    public class MigrationBatchTests
    {
        private static readonly DateTime Epoch = new DateTime(2026, 11, 22, 20, 0, 0, DateTimeKind.Utc);

        private static Estate NewEstate()
        {
            var doc = LabGenerator.CreateDefault();
            return new Estate(doc.Endpoints, doc.Links, doc.VMs);
        }

        private static MigrationPlan Plan(Estate estate, string vm, string destination, MigrationType type = MigrationType.Auto, string? cluster = null, Dictionary<string, string>? mapping = null) =>
            MigrationPlanner.Plan(estate, new MigrationRequest
            {
                VMId = estate.FindVM("onprem-lon", vm)!.Id,
                DestinationEndpoint = destination,
                DestinationCluster = cluster,
                Type = type,
                NetworkMapping = mapping,
            });

        private static MigrationResult MoveOne(Estate estate, MigrationPlan plan, MigrationAlgorithm algorithm = MigrationAlgorithm.vSphere)
        {
            var batch = new MigrationBatch(estate, algorithm, Epoch);
            var run = batch.Add(plan);
            batch.RunToEnd();
            return run.Result;
        }

        [Fact]
        public void A_running_vm_moves_live_to_a_cloud_with_its_networks_mapped_to_the_extended_segments()
        {
            var estate = NewEstate();
            var before = estate.FindVM("onprem-lon", "crm-web01")!;
            var result = MoveOne(estate, Plan(estate, "crm-web01", "avs-westeurope"));

            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            Assert.Equal(MigrationType.vMotion, result.MigrationType);
            Assert.Equal("onprem-lon/Prod-Cluster-01", result.Source);
            Assert.Equal("avs-westeurope/Cluster-1", result.Destination);
            Assert.InRange(result.Downtime.TotalSeconds, 0.01, 1);
            Assert.True(result.DiskTransferredGB >= before.UsedSpaceGB, "shared-nothing: the disks move");
            Assert.True(result.MemoryTransferredGB > 0);
            Assert.Equal(Epoch, result.StartTime);
            Assert.True(result.EndTime > result.StartTime);
            Assert.Contains(result.Warnings, w => w.Contains("performance history"));

            Assert.Null(estate.FindVM("onprem-lon", "crm-web01"));
            var after = estate.FindVM("avs-westeurope", "crm-web01")!;
            Assert.Equal(before.Id, after.Id);
            Assert.Equal(CloudProvider.AVS, after.Provider);
            Assert.Equal("Cluster-1", after.Cluster);
            Assert.Equal("vsanDatastore", after.Datastore);
            Assert.All(after.HardDisks, d => Assert.Equal("vsanDatastore", d.Datastore));
            Assert.Equal(new[] { "L2E_Web-VLAN110-110" }, after.Networks);
            Assert.Equal(before.NetworkAdapters.Select(n => n.MacAddress), after.NetworkAdapters.Select(n => n.MacAddress));
            Assert.Equal(before.CpuBaseline, after.CpuBaseline);
            Assert.False(estate.IsMigrating(before.Id));
        }

        [Fact]
        public void The_disk_space_follows_the_vm()
        {
            var estate = NewEstate();
            var vm = estate.FindVM("onprem-lon", "crm-db01")!;
            double Free(string endpoint, string datastore) => estate.GetEndpoint(endpoint).FindDatastore(datastore)!.FreeSpaceGB;
            var sourceFree = Free("onprem-lon", vm.Datastore);
            var destinationFree = Free("gcve-europe-west2", "vsanDatastore");
            MoveOne(estate, Plan(estate, "crm-db01", "gcve-europe-west2", mapping: new Dictionary<string, string> { ["DB-VLAN130"] = "gcve-app-segment", ["Backup-VLAN300"] = "gcve-app-segment" }));
            Assert.Equal(sourceFree + vm.UsedSpaceGB, Free("onprem-lon", vm.Datastore), 1);
            Assert.Equal(destinationFree - vm.UsedSpaceGB, Free("gcve-europe-west2", "vsanDatastore"), 1);
        }

        [Fact]
        public void A_powered_off_vm_moves_cold_with_no_downtime()
        {
            var estate = NewEstate();
            var vm = estate.VMs.First(v => v.PowerState == PowerState.PoweredOff && v.Endpoint == "onprem-lon" && v.Cluster.StartsWith("Prod-"));
            var plan = MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "onprem-lon", DestinationCluster = vm.Cluster == "Prod-Cluster-01" ? "Prod-Cluster-02" : "Prod-Cluster-01" });
            Assert.Equal(MigrationType.Cold, plan.Type);
            var result = MoveOne(estate, plan);
            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            Assert.Equal(TimeSpan.Zero, result.Downtime);
            Assert.Equal(0, result.MemoryTransferredGB);
        }

        [Fact]
        public void Bulk_leaves_the_source_renamed_and_off_and_the_new_vm_with_new_macs_and_no_snapshots()
        {
            var estate = NewEstate();
            var vm = estate.VMs.First(v => v.Endpoint == "onprem-lon" && v.PowerState == PowerState.PoweredOn && v.Snapshots.Count > 0 && v.Networks.All(n => n == "App-VLAN120" || n == "Web-VLAN110"));
            var plan = MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "vmc-eu-west-2", Type = MigrationType.Bulk });
            var result = MoveOne(estate, plan);

            Assert.Equal(MigrationStatus.Succeeded, result.Status);
            var boot = GuestOperatingSystems.IsWindows(vm.GuestId) ? 90 : 45;
            Assert.True(result.Downtime.TotalSeconds > boot, "downtime " + result.Downtime);
            var moved = estate.FindVM("vmc-eu-west-2", vm.Name)!;
            Assert.NotEqual(vm.Id, moved.Id);
            Assert.Empty(moved.Snapshots);
            Assert.DoesNotContain(moved.NetworkAdapters.Select(n => n.MacAddress), vm.NetworkAdapters.Select(n => n.MacAddress).Contains);
            Assert.Equal("intel-icelake", moved.CpuBaseline);
            var original = estate.FindVMById(vm.Id)!;
            Assert.Equal("onprem-lon", original.Endpoint);
            Assert.Equal(PowerState.PoweredOff, original.PowerState);
            Assert.Equal(vm.Name + "-POSTMIGRATION-" + result.EndTime.ToString("yyyyMMdd-HHmmss"), original.Name);
        }

        [Fact]
        public void RAV_replicates_first_then_switches_over_live()
        {
            var estate = NewEstate();
            var rav = MoveOne(estate, Plan(estate, "shop-app01", "avs-westeurope", MigrationType.RAV));
            Assert.Equal(MigrationStatus.Succeeded, rav.Status);
            Assert.InRange(rav.Downtime.TotalSeconds, 0.01, 2);
            Assert.NotEmpty(rav.Rounds);
        }

        [Fact]
        public void The_planner_refuses_what_cannot_be_done_and_the_estate_is_unchanged()
        {
            var estate = NewEstate();
            HybridException Refused(Func<MigrationPlan> plan, string id)
            {
                var error = Assert.Throws<HybridException>(() => plan());
                Assert.Equal(id, error.ErrorId);
                return error;
            }

            Refused(() => Plan(estate, "crm-web01", "onprem-lon", cluster: "Prod-Cluster-01"), "MigrationDestinationIsSource");
            Refused(() => Plan(estate, "crm-web01", "mars"), "EndpointNotFound");
            Refused(() => Plan(estate, "crm-web01", "avs-westeurope", cluster: "Cluster-9"), "ClusterNotFound");
            Refused(() => Plan(estate, "crm-db01", "gcve-europe-west2"), "NetworkNotMapped");
            Refused(() => Plan(estate, "crm-web01", "avs-westeurope", mapping: new Dictionary<string, string> { ["Web-VLAN110"] = "nowhere" }), "NetworkNotFound");
            Refused(() => Plan(estate, "crm-web01", "avs-westeurope", MigrationType.Cold), "MigrationTypeNotPossible");
            var off = estate.VMs.First(v => v.PowerState == PowerState.PoweredOff && v.Endpoint == "onprem-lon");
            Assert.Equal("MigrationTypeNotPossible", Assert.Throws<HybridException>(() => MigrationPlanner.Plan(estate, new MigrationRequest { VMId = off.Id, DestinationEndpoint = "avs-westeurope", Type = MigrationType.vMotion })).ErrorId);

            var estate2 = NewEstate();
            var spec = new NewVMSpec { Name = "crm-web01", Endpoint = "avs-westeurope", MemoryMB = 1024 };
            estate2.AddVM(spec);
            Assert.Equal("VMNameInUse", Assert.Throws<HybridException>(() => Plan(estate2, "crm-web01", "avs-westeurope")).ErrorId);
        }

        [Fact]
        public void A_vm_already_migrating_is_refused()
        {
            var estate = NewEstate();
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            batch.Add(Plan(estate, "crm-web02", "avs-westeurope"));
            var error = Assert.Throws<HybridException>(() => batch.Add(Plan(estate, "crm-web02", "gcve-europe-west2")));
            Assert.Equal("MigrationInProgress", error.ErrorId);
        }

        [Fact]
        public void Work_over_a_limit_is_queued_not_failed()
        {
            // Moves within Prod-Cluster-01 that share storage cost 1 on each host; a host takes 8 at once.
            var estate = NewEstate();
            var vms = estate.VMs.Where(v => v.Cluster == "Prod-Cluster-01" && v.PowerState == PowerState.PoweredOn && v.Networks.All(n => n != "Isolated-Lab")).Take(24).ToList();
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            var running = 0;
            var peak = 0;
            foreach (var vm in vms)
            {
                var plan = MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "onprem-lon", DestinationCluster = "Prod-Cluster-01", Datastore = vm.Datastore == "PROD-VMFS-01" ? "PROD-VMFS-02" : "PROD-VMFS-01" });
                batch.Add(plan);
            }

            batch.Clock.At(0, () => { });
            batch.Finished += _ => running--;
            while (batch.Clock.Step())
            {
                running = batch.Runs.Count(r => r.Status == MigrationStatus.Running);
                peak = Math.Max(peak, running);
            }

            Assert.All(batch.Runs, r => Assert.Equal(MigrationStatus.Succeeded, r.Status));
            Assert.Contains(batch.Runs, r => r.Result.QueuedTime > TimeSpan.Zero);
            // Storage vMotion costs 16 of a datastore's 128: at most 8 per datastore at once.
            Assert.InRange(peak, 2, 16);
        }

        [Fact]
        public void HCXs_serial_vMotion_queue_is_first_in_first_out_while_other_limits_hold_some_back()
        {
            var estate = NewEstate();
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            // Cold moves within the site first: they take source hosts' and datastores' capacity for a long while.
            var off = estate.VMs.Where(v => v.Endpoint == "onprem-lon" && v.PowerState != PowerState.PoweredOn).Take(12).ToList();
            foreach (var vm in off)
            {
                try { batch.Add(MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "onprem-lon", Type = MigrationType.Cold })); }
                catch (HybridException) { }
            }

            var mapping = estate.GetEndpoint("onprem-lon").Networks.ToDictionary(n => n.Name, _ => "workload-segment-01");
            var hcx = new List<MigrationRun>();
            foreach (var vm in estate.VMs.Where(v => v.Endpoint == "onprem-lon" && v.PowerState == PowerState.PoweredOn).Take(40).ToList())
            {
                try { hcx.Add(batch.Add(MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope", Type = MigrationType.vMotion, NetworkMapping = mapping }))); }
                catch (HybridException) { }
            }

            batch.RunToEnd();
            Assert.True(hcx.Count >= 20, hcx.Count + " HCX vMotions planned");
            for (var i = 1; i < hcx.Count; i++)
            {
                Assert.True(hcx[i].Result.StartTime >= hcx[i - 1].Result.EndTime,
                    hcx[i].Result.VM + " (submitted " + (i + 1) + ") started at " + hcx[i].Result.StartTime.ToString("HH:mm:ss") + ", before " + hcx[i - 1].Result.VM + " ended");
            }
        }

        [Fact]
        public void HCX_vMotion_runs_one_at_a_time_per_service_mesh_while_Bulk_runs_in_parallel()
        {
            var estate = NewEstate();
            var names = new[] { "crm-web01", "crm-web02", "crm-web03" };
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            var runs = names.Select(n => batch.Add(Plan(estate, n, "avs-westeurope", MigrationType.vMotion))).ToList();
            batch.RunToEnd();
            var ordered = runs.OrderBy(r => r.Result.StartTime).ToList();
            for (var i = 1; i < ordered.Count; i++) Assert.True(ordered[i].Result.StartTime >= ordered[i - 1].Result.EndTime);

            var estate2 = NewEstate();
            var bulk = new MigrationBatch(estate2, MigrationAlgorithm.vSphere, Epoch);
            var bulkRuns = names.Select(n => bulk.Add(Plan(estate2, n, "avs-westeurope", MigrationType.Bulk))).ToList();
            bulk.RunToEnd();
            Assert.All(bulkRuns, r => Assert.Equal(Epoch, r.Result.StartTime));
        }

        [Fact]
        public void A_failed_migration_leaves_the_vm_running_at_its_source()
        {
            var estate = NewEstate();
            estate.SetLink("onprem-lon", "ovh-rbx", 2, null, null);
            var vm = estate.FindVM("onprem-lon", "crm-app01")!;
            var plan = MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "ovh-rbx", DestinationCluster = "Cluster2", Type = MigrationType.vMotion });
            Assert.Equal("VLAN120", plan.NetworkMapping["App-VLAN120"]);
            var result = MoveOne(estate, plan);
            Assert.Equal(MigrationStatus.Failed, result.Status);
            Assert.Equal("SwitchoverTimeout", result.Error);

            Assert.Same(vm, estate.FindVM("onprem-lon", "crm-app01"));
            Assert.Equal(PowerState.PoweredOn, vm.PowerState);
            Assert.False(estate.IsMigrating(vm.Id));
        }

        [Fact]
        public void A_canceled_migration_leaves_the_vm_where_it_was_and_frees_its_place_in_the_queue()
        {
            var estate = NewEstate();
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            var first = batch.Add(Plan(estate, "crm-web01", "avs-westeurope", MigrationType.vMotion));
            var second = batch.Add(Plan(estate, "crm-web02", "avs-westeurope", MigrationType.vMotion));
            batch.Clock.At(1, () => batch.Cancel(first));
            batch.RunToEnd();
            Assert.Equal(MigrationStatus.Canceled, first.Status);
            Assert.Equal("Canceled", first.Result.Error);
            Assert.NotNull(estate.FindVM("onprem-lon", "crm-web01"));
            Assert.Equal(MigrationStatus.Succeeded, second.Status);
            Assert.Equal(Epoch.AddSeconds(1), second.Result.StartTime);
        }

        [Fact]
        public void Canceling_a_queued_migration_lets_those_queued_behind_it_start()
        {
            var estate = NewEstate();
            var onHost = estate.VMs
                .Where(v => v.Cluster == "Prod-Cluster-01" && v.PowerState == PowerState.PoweredOn && v.Networks.All(n => n == "Web-VLAN110" || n == "App-VLAN120"))
                .GroupBy(v => v.VMHost).First(g => g.Count() >= 2).ToList();
            var elsewhere = estate.VMs.First(v => v.Cluster == "Prod-Cluster-01" && v.VMHost != onHost[0].VMHost && v.PowerState == PowerState.PoweredOn && v.Networks.All(n => n == "Web-VLAN110"));
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            MigrationPlan ToAvs(CloudVM vm) => MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope", Type = MigrationType.vMotion });

            var holdsTheMesh = batch.Add(ToAvs(elsewhere));
            var waitsForTheMesh = batch.Add(ToAvs(onHost[0]));
            var waitsForItsTurn = batch.Add(MigrationPlanner.Plan(estate, new MigrationRequest { VMId = onHost[1].Id, DestinationEndpoint = "onprem-lon", DestinationCluster = "Prod-Cluster-02" }));
            Assert.Equal(MigrationStatus.Running, holdsTheMesh.Status);
            Assert.Equal(MigrationStatus.Queued, waitsForItsTurn.Status);

            batch.Clock.At(1, () => batch.Cancel(waitsForTheMesh));
            batch.RunToEnd();

            Assert.Equal(MigrationStatus.Canceled, waitsForTheMesh.Status);
            Assert.Equal(MigrationStatus.Succeeded, waitsForItsTurn.Status);
            Assert.Equal(Epoch.AddSeconds(1), waitsForItsTurn.Result.StartTime);
        }

        [Fact]
        public void A_live_migration_reports_the_phase_it_is_in()
        {
            var estate = NewEstate();
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            var run = batch.Add(Plan(estate, "crm-web01", "avs-westeurope", MigrationType.vMotion));
            var phases = new List<string> { run.Phase };
            while (batch.Clock.Step())
            {
                if (phases[phases.Count - 1] != run.Phase) phases.Add(run.Phase);
            }

            Assert.Equal("disk copy", phases[0]);
            Assert.Contains("pre-copy round 1", phases);
            Assert.Contains("switchover", phases);
            Assert.Equal("completed", phases[phases.Count - 1]);
        }

        [Fact]
        public void A_bulk_move_goes_through_its_stages_as_values_each_with_the_name_a_task_shows()
        {
            var estate = NewEstate();
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            var run = batch.Add(Plan(estate, "crm-web01", "avs-westeurope", MigrationType.Bulk));
            var seen = new List<(MigrationPhase Stage, string Phase)> { (run.Stage, run.Phase) };
            while (batch.Clock.Step())
            {
                if (seen[seen.Count - 1].Stage != run.Stage) seen.Add((run.Stage, run.Phase));
            }

            Assert.Equal(new[]
            {
                (MigrationPhase.Replication, "replicating disks"),
                (MigrationPhase.Switchover, "final sync (VM powered off)"),
                (MigrationPhase.PowerOn, "powering on at the destination"),
                (MigrationPhase.Completed, "completed"),
            }, seen);
        }

        [Fact]
        public void The_same_lab_and_requests_give_the_same_results()
        {
            string Run()
            {
                var estate = NewEstate();
                var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
                foreach (var name in new[] { "crm-web01", "crm-app01", "hr-web01", "shop-web01", "portal-web01" }) batch.Add(Plan(estate, name, "avs-westeurope", MigrationType.Bulk));
                foreach (var name in new[] { "intranet-web01", "docs-web01" }) batch.Add(Plan(estate, name, "vmc-eu-west-2"));
                batch.RunToEnd();
                return string.Join("\n", batch.Runs.Select(r => string.Join("|", r.Result.VM, r.Result.Status, r.Result.StartTime.Ticks, r.Result.EndTime.Ticks, r.Result.Downtime.Ticks, r.Result.MemoryTransferredGB, r.Result.DiskTransferredGB)));
            }

            Assert.Equal(Run(), Run());
        }
    }
}
