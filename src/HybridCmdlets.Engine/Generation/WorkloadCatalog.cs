using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Generation
{
    /// <summary>
    /// The VMs of the default lab: multi-tier applications planned in migration waves, infrastructure, file
    /// servers, dev/test copies, GPU desktops, a legacy corner, the VMs that block a move, and a few pilots
    /// already running in the clouds.
    /// </summary>
    internal static class WorkloadCatalog
    {
        private sealed class Application
        {
            public Application(string name, string wave, int web, int app, int db, bool windows)
            {
                Name = name; Wave = wave; Web = web; App = app; Db = db; Windows = windows;
            }

            public string Name { get; }
            public string Wave { get; }
            public int Web { get; }
            public int App { get; }
            public int Db { get; }
            public bool Windows { get; }
        }

        private static readonly Application[] Applications =
        {
            new Application("crm", "wave1", 3, 2, 2, false),
            new Application("hr", "wave1", 2, 1, 1, true),
            new Application("intranet", "wave1", 2, 1, 1, true),
            new Application("docs", "wave1", 1, 1, 1, false),
            new Application("ci", "wave1", 0, 2, 0, false),
            new Application("shop", "wave2", 4, 3, 2, false),
            new Application("billing", "wave2", 2, 2, 2, true),
            new Application("portal", "wave2", 3, 2, 1, false),
            new Application("inventory", "wave2", 2, 2, 1, false),
            new Application("erp", "wave3", 2, 4, 2, true),
            new Application("payments", "wave3", 2, 3, 2, false),
            new Application("analytics", "wave3", 0, 3, 2, false),
            new Application("mail", "wave4", 0, 3, 0, true),
            new Application("monitoring", "wave4", 0, 2, 1, false),
        };

        public static List<VMBlueprint> DefaultEstate()
        {
            var list = new List<VMBlueprint>();
            for (var i = 0; i < Applications.Length; i++)
            {
                AddApplication(list, Applications[i], "", SiteCatalog.ProductionClusterName(i % 2 + 1));
            }

            AddInfrastructure(list);
            AddDevTest(list);
            AddDesktops(list);
            AddLegacy(list);
            AddComplications(list);
            AddPilots(list);

            // The largest database in the estate: 32 vCPU and 512 GB, the top of the range planners must handle.
            var erpDb = list.Find(b => b.Name == "erp-db01")!;
            erpDb.NumCpu = 32;
            erpDb.MemoryGB = 512;
            erpDb.DataDisksGB = new[] { 2048.0, 2048.0, 1024.0, 512.0 };
            return list;
        }

        /// <summary>More production applications for a larger lab, spread over extra production clusters.</summary>
        public static IEnumerable<VMBlueprint> Scaled(int copy, string cluster)
        {
            var list = new List<VMBlueprint>();
            foreach (var app in Applications)
            {
                AddApplication(list, app, copy.ToString("000", CultureInfo.InvariantCulture), cluster);
            }

            return list;
        }

        public static int ScaledCopySize
        {
            get
            {
                var n = 0;
                foreach (var a in Applications) n += a.Web + a.App + a.Db;
                return n;
            }
        }

        private static void AddApplication(List<VMBlueprint> list, Application app, string copy, string cluster)
        {
            var prefix = app.Name + copy;
            void Tier(WorkloadRole role, string tier, int count, string network, string? second)
            {
                for (var n = 1; n <= count; n++)
                {
                    list.Add(new VMBlueprint
                    {
                        Name = prefix + "-" + tier + n.ToString("00", CultureInfo.InvariantCulture), Role = role, Application = app.Name,
                        Wave = app.Wave, Folder = "Production/" + app.Name, Cluster = cluster, Network = network, SecondNetwork = second,
                        GuestId = app.Windows ? (role == WorkloadRole.Database ? "windows2019srv_64Guest" : "windows2019srvNext_64Guest") : (role == WorkloadRole.Database ? "rhel8_64Guest" : "rhel9_64Guest"),
                    });
                }
            }

            Tier(WorkloadRole.Web, "web", app.Web, "Web-VLAN110", null);
            Tier(WorkloadRole.App, "app", app.App, "App-VLAN120", null);
            Tier(WorkloadRole.Database, "db", app.Db, "DB-VLAN130", "Backup-VLAN300");
        }

        private static void AddInfrastructure(List<VMBlueprint> list)
        {
            void Infra(string name, string guest, string network = "Mgmt-VLAN10", int? cpu = null, int? memory = null, WorkloadRole role = WorkloadRole.Infrastructure, double[]? data = null)
            {
                list.Add(new VMBlueprint
                {
                    Name = name, Role = role, Application = role == WorkloadRole.File ? "fileservices" : "infrastructure",
                    Folder = role == WorkloadRole.File ? "Production/fileservices" : "Infrastructure", Cluster = SiteCatalog.ProductionClusterName(2),
                    Network = network, GuestId = guest, NumCpu = cpu, MemoryGB = memory, DataDisksGB = data,
                });
            }

            for (var i = 1; i <= 4; i++) Infra("dc0" + i, "windows2019srv_64Guest", cpu: 2, memory: 8);
            Infra("dns01", "rhel8_64Guest", cpu: 2, memory: 4);
            Infra("dns02", "rhel8_64Guest", cpu: 2, memory: 4);
            Infra("ntp01", "rhel7_64Guest", cpu: 1, memory: 1);
            Infra("pki01", "windows2019srv_64Guest", cpu: 2, memory: 8);
            Infra("wsus01", "windows9Server64Guest", cpu: 4, memory: 8, data: new[] { 500.0 });
            Infra("sccm01", "windows2019srv_64Guest", cpu: 8, memory: 32, data: new[] { 400.0 });
            Infra("sccm02", "windows2019srv_64Guest", cpu: 4, memory: 16, data: new[] { 200.0 });
            Infra("backup01", "windows2019srv_64Guest", "Backup-VLAN300", 8, 32, data: new[] { 2048.0 });
            Infra("backup02", "windows2019srv_64Guest", "Backup-VLAN300", 8, 32, data: new[] { 2048.0 });
            Infra("jump01", "windows2019srvNext_64Guest", cpu: 2, memory: 8);
            Infra("jump02", "windows2019srvNext_64Guest", cpu: 2, memory: 8);
            Infra("syslog01", "rhel8_64Guest", cpu: 4, memory: 8, data: new[] { 1024.0 });
            Infra("proxy01", "rhel9_64Guest", "DMZ-VLAN200", 2, 4);
            Infra("proxy02", "rhel9_64Guest", "DMZ-VLAN200", 2, 4);
            for (var i = 1; i <= 4; i++) Infra("fs0" + i, "windows2019srv_64Guest", "File-VLAN140", 4, 16, WorkloadRole.File, new[] { 2048.0, i % 2 == 0 ? 4096.0 : 1024.0 });
        }

        private static void AddDevTest(List<VMBlueprint> list)
        {
            foreach (var app in new[] { "crm", "shop", "erp", "portal", "payments", "billing", "inventory", "analytics" })
            {
                foreach (var (stage, tier, network) in new[] { ("dev", "web01", "Dev-VLAN400"), ("dev", "app01", "Dev-VLAN400"), ("test", "app01", "Dev-VLAN400"), ("test", "db01", "Dev-VLAN400") })
                {
                    list.Add(new VMBlueprint
                    {
                        Name = stage + "-" + app + "-" + tier, Role = WorkloadRole.DevTest, Application = app, Environment = stage == "dev" ? "Development" : "Test",
                        Folder = "DevTest/" + app, Cluster = "DevTest-Cluster", Network = network,
                        GuestId = app == "erp" || app == "billing" ? "windows2019srvNext_64Guest" : "ubuntu64Guest",
                    });
                }
            }

            for (var i = 1; i <= 4; i++)
            {
                list.Add(new VMBlueprint
                {
                    Name = "build0" + i, Role = WorkloadRole.DevTest, Application = "ci", Environment = "Development", Folder = "DevTest/ci",
                    Cluster = "DevTest-Cluster", Network = "Dev-VLAN400", GuestId = "ubuntu64Guest", NumCpu = 8, MemoryGB = 16,
                });
            }
        }

        private static void AddDesktops(List<VMBlueprint> list)
        {
            for (var i = 1; i <= 5; i++)
            {
                list.Add(new VMBlueprint
                {
                    Name = "vdi-gpu0" + i, Role = WorkloadRole.Desktop, Application = "vdi", Folder = "VDI", Cluster = "GPU-Cluster",
                    Network = "VDI-VLAN500", GuestId = "windows9_64Guest", NumCpu = 4, MemoryGB = 16, Complications = Complication.VGpu,
                });
            }

            list.Add(new VMBlueprint
            {
                Name = "cad-ws01", Role = WorkloadRole.Desktop, Application = "vdi", Folder = "VDI", Cluster = "GPU-Cluster", Network = "VDI-VLAN500",
                GuestId = "windows11_64Guest", NumCpu = 8, MemoryGB = 32, Complications = Complication.LargeVGpu,
            });
        }

        private static void AddLegacy(List<VMBlueprint> list)
        {
            void Legacy(string name, string guest, int hardware, WorkloadRole role, PowerState? power = null, Complication complications = Complication.None, string network = "VM Network")
            {
                list.Add(new VMBlueprint
                {
                    Name = name, Role = role, Application = "legacy", Folder = "Legacy", Cluster = "Legacy-Cluster", Network = network,
                    GuestId = guest, HardwareVersion = hardware, Power = power, Complications = complications,
                });
            }

            Legacy("legacy-nt01", "winNetEnterpriseGuest", 8, WorkloadRole.App);
            Legacy("legacy-w2k8-01", "windows7Server64Guest", 8, WorkloadRole.App, PowerState.PoweredOff);
            Legacy("lotus01", "windows7Server64Guest", 9, WorkloadRole.App);
            Legacy("as400-gw01", "rhel6_64Guest", 10, WorkloadRole.Infrastructure);
            Legacy("fax01", "windows8Server64Guest", 11, WorkloadRole.Infrastructure);
            Legacy("old-erp-app01", "windows8Server64Guest", 13, WorkloadRole.App);
            Legacy("old-erp-db01", "windows8Server64Guest", 13, WorkloadRole.Database);
            Legacy("license01", "windows9Server64Guest", 13, WorkloadRole.Infrastructure, complications: Complication.UsbWithoutVMotion);
            Legacy("lab-isolated01", "ubuntu64Guest", 14, WorkloadRole.DevTest, complications: Complication.IsolatedNetwork, network: "Isolated-Lab");
            Legacy("lab-isolated02", "ubuntu64Guest", 14, WorkloadRole.DevTest, PowerState.PoweredOff, Complication.IsolatedNetwork, "Isolated-Lab");
            Legacy("kiosk01", "windows9_64Guest", 11, WorkloadRole.Desktop, complications: Complication.ClientCdrom);
        }

        private static void AddComplications(List<VMBlueprint> list)
        {
            VMBlueprint Special(string name, WorkloadRole role, string cluster, string network, string guest, Complication complications, string app = "infrastructure")
            {
                var b = new VMBlueprint
                {
                    Name = name, Role = role, Application = app, Folder = "Production/" + app, Cluster = cluster, Network = network,
                    GuestId = guest, Complications = complications,
                };
                list.Add(b);
                return b;
            }

            Special("build-iso01", WorkloadRole.Infrastructure, SiteCatalog.ProductionClusterName(1), "Mgmt-VLAN10", "rhel8_64Guest", Complication.IsoOnLocalDatastore)
                .PinnedHost = "esx-p1-03.lon.corp.example";
            Special("sql-fci01", WorkloadRole.Database, SiteCatalog.ProductionClusterName(2), "DB-VLAN130", "windows2019srv_64Guest", Complication.PhysicalRdm, "sqlcluster");
            Special("sql-fci02", WorkloadRole.Database, SiteCatalog.ProductionClusterName(2), "DB-VLAN130", "windows2019srv_64Guest", Complication.PhysicalRdm, "sqlcluster");
            Special("oracle-rac01", WorkloadRole.Database, SiteCatalog.ProductionClusterName(1), "DB-VLAN130", "rhel8_64Guest", Complication.MultiWriterDisk, "oracle");
            Special("oracle-rac02", WorkloadRole.Database, SiteCatalog.ProductionClusterName(1), "DB-VLAN130", "rhel8_64Guest", Complication.MultiWriterDisk, "oracle");
            Special("trading-ft01", WorkloadRole.App, SiteCatalog.ProductionClusterName(1), "App-VLAN120", "rhel8_64Guest", Complication.FaultTolerance, "trading").NumCpu = 4;
            Special("nfv-fw01", WorkloadRole.Infrastructure, SiteCatalog.ProductionClusterName(1), "DMZ-VLAN200", "otherLinux64Guest", Complication.DirectPathIO);
        }

        private static void AddPilots(List<VMBlueprint> list)
        {
            void Pilot(string name, string endpoint, string cluster, string network, WorkloadRole role, string app)
            {
                list.Add(new VMBlueprint
                {
                    Name = name, Role = role, Application = app, Wave = "pilot", Folder = "Workloads", Endpoint = endpoint, Cluster = cluster,
                    Network = network, GuestId = "rhel9_64Guest",
                });
            }

            Pilot("pilot-web01", "avs-westeurope", "Cluster-1", "L2E_Web-VLAN110-110", WorkloadRole.Web, "pilot");
            Pilot("pilot-web02", "avs-westeurope", "Cluster-1", "L2E_Web-VLAN110-110", WorkloadRole.Web, "pilot");
            Pilot("pilot-app01", "avs-westeurope", "Cluster-1", "L2E_App-VLAN120-120", WorkloadRole.App, "pilot");
            Pilot("vmc-bastion01", "vmc-eu-west-2", "Cluster-1", "sddc-cgw-network-1", WorkloadRole.Infrastructure, "infrastructure");
            Pilot("gcve-poc01", "gcve-europe-west2", "cluster-1", "gcve-app-segment", WorkloadRole.App, "pilot");
            Pilot("ovh-backup01", "ovh-rbx", "Cluster1", "VLAN120", WorkloadRole.File, "backup");
            Pilot("ibm-dr-db01", "ibm-dal10", "cluster1", "L2E_DB-VLAN130-130", WorkloadRole.Database, "dr");
        }
    }
}
