using System;
using System.IO;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Import;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Persistence;
using static HybridCmdlets.Engine.Tests.InventoryReaderTests;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Planning an import into an endpoint and adding it to the estate: what is created, what is refused, all or nothing.</summary>
    public class InventoryImportTests
    {
        private readonly Estate estate = NewEstate();

        private static Estate NewEstate()
        {
            var doc = LabGenerator.CreateDefault();
            return new Estate(doc.Endpoints, doc.Links, doc.VMs);
        }

        private static string VInfo(params string[] rows) => TestFiles.Write(Header + "\r\n" + string.Join("\r\n", rows) + "\r\n", ".csv");

        private static InventoryImport Sample() => InventoryImport.Read(
            TestFiles.Example("rvtools/vInfo.csv"), TestFiles.Example("rvtools/vNetwork.csv"), TestFiles.Example("rvtools/vDisk.csv"));

        [Fact]
        public void The_sample_creates_its_clusters_hosts_datastores_and_networks_and_adds_its_VMs()
        {
            var import = Sample();
            var before = estate.VMCount;
            var plan = import.Plan(estate, "onprem-lon");

            Assert.Empty(plan.Problems);
            Assert.Equal((37, 4, 10, 7, 7), (plan.VMs.Count, plan.NewClusters, plan.NewHosts, plan.NewDatastores, plan.NewNetworks));
            Assert.Equal(before, estate.VMCount);

            var done = import.Apply(estate, plan, skipInvalidRows: false);
            Assert.True(done.Applied);
            Assert.Equal(before + 37, estate.VMCount);
            var endpoint = estate.GetEndpoint("onprem-lon");
            var cluster = endpoint.FindCluster("MAN-Prod-01")!;
            Assert.Equal(4, cluster.NumHosts);
            Assert.All(cluster.Hosts, h => Assert.Equal(InventoryImport.ImportedHostModel, h.Model));
            Assert.All(cluster.Hosts, h => Assert.Equal("7.0.3", h.EsxiVersion));
            Assert.Equal(new[] { "MAN-VMFS-01", "MAN-VMFS-02", "MAN-VMFS-03" }, cluster.Datastores);
            Assert.Equal(endpoint.Clusters[0].EvcMode, cluster.EvcMode);
            Assert.True(cluster.HAEnabled);
            Assert.Equal(25, cluster.HAFailoverReservePercent);
            var standalone = endpoint.FindCluster("esx-man-sa01.man.corp.example")!;
            Assert.False(standalone.HAEnabled || standalone.DrsEnabled);
            Assert.Equal(NetworkKind.DistributedPortGroup, endpoint.FindNetwork("MAN-Web-VLAN210")!.Kind);
            Assert.Equal("dvs-man-prod", endpoint.FindNetwork("MAN-Web-VLAN210")!.Switch);
            var datastore = endpoint.FindDatastore("MAN-VMFS-03")!;
            Assert.True(datastore.FreeSpaceGB > 0 && datastore.FreeSpaceGB < datastore.CapacityGB);

            var db = estate.FindVM("onprem-lon", "ecom-db01")!;
            Assert.Same(db, done.VMs.Single(v => v.Name == "ecom-db01"));
            Assert.Equal("VirtualMachine-vm-2059", db.Id);
            Assert.Equal(("MAN-Prod-01", "esx-m1-03.man.corp.example", "MAN-VMFS-01", "vmx-19"), (db.Cluster, db.VMHost, db.Datastore, db.HardwareVersion));
            Assert.Equal((WorkloadRole.Database, true), (db.Role, db.Workload.IsEstimated));
            Assert.Equal(RoleProfiles.Estimate(WorkloadRole.Database, 128 * 1024).DirtyRateMBps, db.Workload.DirtyRateMBps);
            Assert.Equal(new[] { "MAN-DB-VLAN230", "MAN-Backup-VLAN310" }, db.Networks);
            Assert.Equal("00:50:56:a6:2a:ba", db.NetworkAdapters[0].MacAddress);
            Assert.Empty(db.Tags);
            // The existing network the standalone host's VM uses is not created again.
            Assert.Single(endpoint.Networks, n => n.Name == "VM Network");
            Assert.Equal("VM Network", estate.FindVM("onprem-lon", "man-repo01")!.Networks.Single());
        }

        [Fact]
        public void The_imported_lab_saves_and_opens_again_unchanged()
        {
            var import = Sample();
            import.Apply(estate, import.Plan(estate, "onprem-lon"), skipInvalidRows: false);
            var more = InventoryImport.Read(TestFiles.Example("rvtools/vInfo-rvtools3.csv"), null, null);
            Assert.True(more.Apply(estate, more.Plan(estate, "onprem-lon"), skipInvalidRows: false).Applied);

            var document = new LabDocument { SchemaVersion = LabDocument.CurrentSchemaVersion, Name = "imported", Options = new Lab.LabOptions(), Clock = LabDocument.DefaultClock, Endpoints = estate.Endpoints.ToList(), Links = estate.Links.ToList(), VMs = estate.VMs.ToList() };
            var path = TestFiles.TempPath();
            LabFile.Save(document, path);
            var loaded = LabFile.Load(path);
            File.Delete(path);

            Assert.Equal(161 + 37 + 9, loaded.VMs.Count);
            Assert.Equal(TestFiles.ToJson(document), TestFiles.ToJson(loaded));
            // New VMs and MAC addresses after the import do not collide with the imported ones.
            var added = estate.AddVM(new NewVMSpec { Name = "after-import01", Endpoint = "onprem-lon" });
            Assert.DoesNotContain(estate.VMs.Where(v => v.Id != added.Id), v => v.Id == added.Id || v.NetworkAdapters.Any(n => n.MacAddress == added.NetworkAdapters[0].MacAddress));
        }

        [Fact]
        public void A_bad_row_imports_nothing_unless_invalid_rows_are_skipped()
        {
            var import = InventoryImport.Read(VInfo(Row("web01"), Row("web02", memory: "0"), Row("web03"), Row("crm-web01")), null, null);
            var endpointBefore = estate.GetEndpoint("onprem-lon");
            var count = estate.VMCount;
            var plan = import.Plan(estate, "onprem-lon");

            Assert.Equal(new[] { "InventoryFileInvalid", "VMNameInUse" }, plan.Problems.Select(p => p.ErrorId));
            Assert.Equal(2, plan.VMsLeftOut);
            var refused = import.Apply(estate, plan, skipInvalidRows: false);
            Assert.False(refused.Applied);
            Assert.Equal(count, estate.VMCount);
            Assert.Same(endpointBefore, estate.GetEndpoint("onprem-lon"));

            var skipped = import.Apply(estate, plan, skipInvalidRows: true);
            Assert.True(skipped.Applied);
            Assert.Equal(new[] { "web01", "web03" }, skipped.VMs.Select(v => v.Name));
            Assert.Equal(count + 2, estate.VMCount);
        }

        [Fact]
        public void A_name_in_use_on_the_endpoint_or_twice_in_the_file_is_VMNameInUse_for_that_row()
        {
            var path = VInfo(Row("crm-web01"), Row("web01"), Row("WEB01"));
            var plan = InventoryImport.Read(path, null, null).Plan(estate, "onprem-lon");

            Assert.All(plan.Problems, p => Assert.Equal("VMNameInUse", p.ErrorId));
            Assert.Equal("vInfo file '" + path + "', line 2, column 'VM': a VM named 'crm-web01' already exists on endpoint 'onprem-lon'.", plan.Problems[0].Message);
            Assert.Equal("vInfo file '" + path + "', line 4, column 'VM': VM 'WEB01' appears twice in the file, on line 3 and on line 4.", plan.Problems[1].Message);
            Assert.Equal("web01", Assert.Single(plan.VMs).Name);
            // Another endpoint has no crm-web01.
            Assert.Throws<HybridException>(() => InventoryImport.ChooseEndpoint(estate, "avs-westeurope", Array.Empty<string>()));
        }

        [Fact]
        public void Rows_naming_the_endpoints_own_clusters_hosts_and_datastores_use_them()
        {
            var endpoint = estate.GetEndpoint("onprem-lon");
            var cluster = endpoint.FindCluster("Prod-Cluster-02")!;
            var datastore = endpoint.FindDatastore("PROD2-VMFS-01")!;
            var plan = InventoryImport.Read(VInfo(
                Row("web01", cluster: "Prod-Cluster-02", host: cluster.Hosts[0].Name, path: "[PROD2-VMFS-01] {0}/{0}.vmx"),
                Row("web02", cluster: "Prod-Cluster-02", host: "esx-p2-99.lon.corp.example", path: "[PROD-VMFS-01] {0}/{0}.vmx"),
                Row("web03", cluster: "Prod-Cluster-01", host: cluster.Hosts[1].Name),
                Row("web04", cluster: "Prod-Cluster-02", host: cluster.Hosts[1].Name, hw: "vmx-21"),
                Row("web05", cluster: "Prod-Cluster-02", host: cluster.Hosts[2].Name, path: "[esx-p1-01-local] {0}/{0}.vmx")), null, null).Plan(estate, "onprem-lon");

            Assert.Equal(new[] { "InventoryFileInvalid", "HardwareVersionNotSupported", "DatastoreNotAccessible" }, plan.Problems.Select(p => p.ErrorId));
            Assert.Contains("host '" + cluster.Hosts[1].Name + "' is in cluster 'Prod-Cluster-02' on endpoint 'onprem-lon', not in cluster 'Prod-Cluster-01' as the row says.", plan.Problems[0].Message);
            Assert.Equal((1, 0, 0, 1), (plan.NewHosts, plan.NewClusters, plan.NewDatastores, plan.NewNetworks));
            Assert.True(estate.AddInventoryApplied(plan));

            var changed = estate.GetEndpoint("onprem-lon").FindCluster("Prod-Cluster-02")!;
            var added = changed.Hosts.Last();
            Assert.Equal(("esx-p2-99.lon.corp.example", InventoryImport.ImportedHostModel), (added.Name, added.Model));
            Assert.Equal((cluster.Hosts[0].EsxiVersion, cluster.Hosts[0].CpuGeneration, cluster.Hosts[0].MemoryGB), (added.EsxiVersion, added.CpuGeneration, added.MemoryGB));
            Assert.Contains("PROD-VMFS-01", changed.Datastores);
            Assert.Equal(Math.Round(datastore.FreeSpaceGB - 20480.25 / 1024, 2), estate.GetEndpoint("onprem-lon").FindDatastore("PROD2-VMFS-01")!.FreeSpaceGB, 2);
            Assert.Equal("vmx-19", estate.FindVM("onprem-lon", "web01")!.HardwareVersion);
        }

        [Fact]
        public void A_VM_too_big_for_an_existing_datastore_is_DatastoreFull()
        {
            var free = estate.GetEndpoint("onprem-lon").FindDatastore("DEV-NFS-01")!.FreeSpaceGB;
            var inUse = ((free + 100) * 1024).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            var row = Row("big01", cluster: "DevTest-Cluster", host: "esx-dt-01.lon.corp.example", path: "[DEV-NFS-01] {0}/{0}.vmx").Replace("\"20,480.25\"", inUse).Replace("\"41,024.50\"", inUse);
            var plan = InventoryImport.Read(VInfo(row), null, null).Plan(estate, "onprem-lon");

            var error = Assert.Single(plan.Problems);
            Assert.Equal("DatastoreFull", error.ErrorId);
            Assert.Equal("Path", ((InventoryRowLocation)error.Target!).Column);
        }

        [Fact]
        public void Ids_from_vCenter_are_kept_unless_the_lab_has_them()
        {
            var taken = estate.VMs[0].Id.Substring("VirtualMachine-".Length);
            var plan = InventoryImport.Read(VInfo(Row("web01", id: "vm-90001"), Row("web02", id: taken), Row("web03", id: "vm-90001"), Row("web04", id: "")), null, null).Plan(estate, "onprem-lon");
            Assert.True(estate.AddInventoryApplied(plan));

            Assert.Equal("VirtualMachine-vm-90001", estate.FindVM("onprem-lon", "web01")!.Id);
            var others = new[] { "web02", "web03", "web04" }.Select(n => estate.FindVM("onprem-lon", n)!.Id).ToList();
            Assert.Equal(3, others.Distinct().Count());
            Assert.DoesNotContain("VirtualMachine-vm-90001", others);
            Assert.DoesNotContain(estate.VMs[0].Id, others);
            Assert.True(int.Parse(estate.AddVM(new NewVMSpec { Name = "next01", Endpoint = "onprem-lon" }).Id.Substring("VirtualMachine-vm-".Length)) > 90001);
        }

        [Fact]
        public void A_change_to_the_lab_between_plan_and_apply_is_planned_again()
        {
            var import = InventoryImport.Read(VInfo(Row("web01"), Row("web02")), null, null);
            var plan = import.Plan(estate, "onprem-lon");
            Assert.Empty(plan.Problems);
            estate.AddVM(new NewVMSpec { Name = "web02", Endpoint = "onprem-lon" });

            var refused = import.Apply(estate, plan, skipInvalidRows: false);
            Assert.False(refused.Applied);
            Assert.Equal("VMNameInUse", Assert.Single(refused.Problems).ErrorId);
            Assert.Null(estate.FindVM("onprem-lon", "web01"));
        }

        [Fact]
        public void The_endpoint_is_the_on_premises_one_unless_named()
        {
            Assert.Equal("onprem-lon", InventoryImport.ChooseEndpoint(estate, null, new[] { "vcsa02.man.corp.example" }).Name);
            Assert.Equal("onprem-lon", InventoryImport.ChooseEndpoint(estate, "ONPREM-LON", Array.Empty<string>()).Name);
            var error = Assert.Throws<HybridException>(() => InventoryImport.ChooseEndpoint(estate, "avs-westeurope", Array.Empty<string>()));
            Assert.Equal("EndpointNotOnPremises", error.ErrorId);
            Assert.Equal("Endpoint 'avs-westeurope' is not on premises (its Provider is AVS); an RVTools inventory is imported into an on-premises endpoint.", error.Message);
            Assert.Equal("EndpointNotFound", Assert.Throws<HybridException>(() => InventoryImport.ChooseEndpoint(estate, "nowhere", Array.Empty<string>())).ErrorId);
        }
    }

    internal static class EstateImportExtensions
    {
        /// <summary>Applies a plan without skipping rows; true when it was applied.</summary>
        public static bool AddInventoryApplied(this Estate estate, InventoryImportPlan plan)
        {
            var final = estate.AddInventory(plan.Planned, skipProblems: true);
            return final.VMs.Count > 0;
        }
    }
}
