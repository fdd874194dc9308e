using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using HybridCmdlets.Engine.Import;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Bench
{
    /// <summary>
    /// Import-CloudInventory of a generated RVTools vInfo export into a fresh default lab, engine side: reading the file,
    /// planning the clusters, hosts, datastores, networks and VMs, and adding them. Target (issue 6): 100,000 rows in 2 s.
    /// </summary>
    internal static class ImportBench
    {
        /// <summary>The vInfo header of RVTools 4.x, all 90 columns, so that the file is as wide as a real export.</summary>
        private static readonly string[] Header = (
            "VM,Powerstate,Template,SRM Placeholder,Config status,DNS Name,Connection state,Guest state,Heartbeat,Consolidation Needed,PowerOn," +
            "Suspended To Memory,Suspend time,Suspend Interval,Creation date,Change Version,CPUs,Overall Cpu Readiness,Memory,Active Memory,NICs,Disks," +
            "Total disk capacity MiB,Fixed Passthru HotPlug,min Required EVC Mode Key,Latency Sensitivity,Op Notification Timeout,EnableUUID,CBT," +
            "Primary IP Address,Network #1,Network #2,Network #3,Network #4,Network #5,Network #6,Network #7,Network #8,Num Monitors,Video Ram KiB," +
            "Resource pool,Folder ID,Folder,vApp,DAS protection,FT State,FT Role,FT Latency,FT Bandwidth,FT Sec. Latency,Vm Failover In Progress," +
            "Provisioned MiB,In Use MiB,Unshared MiB,HA Restart Priority,HA Isolation Response,HA VM Monitoring,Cluster rule(s),Cluster rule name(s)," +
            "Boot Required,Boot delay,Boot retry delay,Boot retry enabled,Boot BIOS setup,Reboot PowerOff,EFI Secure boot,Firmware,HW version," +
            "HW upgrade status,HW upgrade policy,HW target,Path,Log directory,Snapshot directory,Suspend directory,Annotation,Datacenter,Cluster,Host," +
            "OS according to the configuration file,OS according to the VMware Tools,Customization Info,Guest Detailed Data,VM ID,SMBIOS UUID,VM UUID," +
            "VI SDK Server type,VI SDK API Version,VI SDK Server,VI SDK UUID").Split(',');

        private static readonly (string Tier, string Network, int Cpu, int MemoryGB, int DiskGB, string OS, string Tools)[] Tiers =
        {
            ("web", "Web-VLAN", 2, 8, 60, "Red Hat Enterprise Linux 8 (64-bit)", "Red Hat Enterprise Linux 8.8 (Ootpa)"),
            ("app", "App-VLAN", 4, 16, 120, "Microsoft Windows Server 2019 (64-bit)", "Microsoft Windows Server 2019 Standard"),
            ("db", "DB-VLAN", 8, 64, 500, "Oracle Linux 8 (64-bit)", "Oracle Linux Server 8.9"),
            ("fs", "File-VLAN", 4, 16, 2048, "Microsoft Windows Server 2016 or later (64-bit)", "Microsoft Windows Server 2016 Standard"),
            ("mon", "Mgmt-VLAN", 2, 8, 100, "Ubuntu Linux (64-bit)", "Ubuntu 22.04.3 LTS"),
        };

        public static void Run(int rows, int iterations)
        {
            Console.WriteLine("HybridCmdlets import benchmark — " + DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            Console.WriteLine("machine: " + Environment.ProcessorCount + " logical processors, " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription
                + (LabBench.IsOptimized() ? ", Release (optimised)" : ", DEBUG BUILD: figures are not meaningful"));
            var folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-import-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "RVTools_tabvInfo.csv");
            try
            {
                Generate(file, rows);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "vInfo export: {0:N0} rows, {1} columns, {2:0.0} MiB; one warm-up, then the median of {3} runs, each into a fresh default lab",
                    rows, Header.Length, new FileInfo(file).Length / (1024.0 * 1024.0), iterations));

                var read = new List<double>();
                var plan = new List<double>();
                var add = new List<double>();
                InventoryImportPlan? last = null;
                var first = 0.0;
                for (var i = 0; i <= iterations; i++)
                {
                    var lab = LabSession.CreateDefault();
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    var watch = Stopwatch.StartNew();
                    var import = InventoryImport.Read(file, null, null);
                    var afterRead = watch.Elapsed.TotalMilliseconds;
                    var planned = import.Plan(lab.Estate, "onprem-lon");
                    var afterPlan = watch.Elapsed.TotalMilliseconds;
                    last = import.Apply(lab.Estate, planned, skipInvalidRows: false);
                    watch.Stop();
                    if (!last.Applied || last.Problems.Count > 0) throw new InvalidOperationException("The generated export did not import: " + last.Problems[0].Message);
                    if (i == 0)
                    {
                        first = watch.Elapsed.TotalMilliseconds;
                        continue;
                    }

                    read.Add(afterRead);
                    plan.Add(afterPlan - afterRead);
                    add.Add(watch.Elapsed.TotalMilliseconds - afterPlan);
                }

                var total = read.Select((r, i) => r + plan[i] + add[i]).ToList();
                Console.WriteLine();
                Console.WriteLine("| rows | read | plan | add | end to end (median) | min | 1st run | target | result |");
                Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|---|");
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0:N0} | {1:N0} ms | {2:N0} ms | {3:N0} ms | {4:N0} ms | {5:N0} ms | {6:N0} ms | ≤ 2,000 ms | {7} |",
                    rows, Median(read), Median(plan), Median(add), Median(total), total.Min(), first, Median(total) <= 2000 ? "PASS" : "MISS"));
                Console.WriteLine();
                Console.WriteLine("1st run: the warm-up, which includes JIT compilation, as the first import of a PowerShell session does.");
                Console.WriteLine();
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "imported {0:N0} VMs: {1:N0} clusters, {2:N0} hosts, {3:N0} datastores, {4:N0} networks created",
                    last!.VMs.Count, last.NewClusters, last.NewHosts, last.NewDatastores, last.NewNetworks));
            }
            finally
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        /// <summary>
        /// A vInfo export of <paramref name="rows"/> VMs as RVTools 4.x writes it: every field quoted, sizes with thousands
        /// separators and decimals, 30 VMs to a host, 16 hosts and 4 datastores to a cluster, and some annotations with
        /// commas, quotes and line breaks. The same file for the same row count.
        /// </summary>
        public static void Generate(string path, int rows)
        {
            var random = new Random(20261201);
            var cells = new string[Header.Length];
            var index = Header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
            WriteRow(writer, Header);
            for (var n = 0; n < rows; n++)
            {
                Array.Clear(cells, 0, cells.Length);
                var tier = Tiers[n % Tiers.Length];
                var app = n / Tiers.Length;
                var hostNumber = n / 30;
                var cluster = hostNumber / 16;
                var on = n % 17 != 0;
                var name = "app" + app.ToString("D5", CultureInfo.InvariantCulture) + "-" + tier.Tier + "01";
                var datastore = "VMFS-C" + cluster.ToString("D4", CultureInfo.InvariantCulture) + "-" + (n % 4 + 1).ToString("D2", CultureInfo.InvariantCulture);
                var diskMiB = tier.DiskGB * 1024.0;
                var inUse = diskMiB * (0.35 + random.NextDouble() * 0.5) + (on ? tier.MemoryGB * 1024 : 0);
                void Set(string column, string value) => cells[index[column]] = value;
                Set("VM", name);
                Set("Powerstate", on ? "poweredOn" : "poweredOff");
                Set("Template", "False");
                Set("SRM Placeholder", "False");
                Set("Config status", "green");
                Set("DNS Name", on ? name + ".corp.example" : "");
                Set("Connection state", "connected");
                Set("Guest state", on ? "running" : "notRunning");
                Set("Heartbeat", on ? "green" : "gray");
                Set("Consolidation Needed", "False");
                Set("PowerOn", on ? "2026/10/14 03:12:45" : "");
                Set("Suspended To Memory", "False");
                Set("Creation date", "2021/03/09 11:40:02");
                Set("Change Version", "2026-11-18T07:31:55.118Z");
                Set("CPUs", tier.Cpu.ToString(CultureInfo.InvariantCulture));
                Set("Overall Cpu Readiness", "0");
                Set("Memory", (tier.MemoryGB * 1024).ToString("N0", CultureInfo.InvariantCulture));
                Set("Active Memory", (tier.MemoryGB * 100).ToString(CultureInfo.InvariantCulture));
                Set("NICs", "1");
                Set("Disks", tier.Tier == "db" || tier.Tier == "fs" ? "2" : "1");
                Set("Total disk capacity MiB", diskMiB.ToString("N0", CultureInfo.InvariantCulture));
                Set("Fixed Passthru HotPlug", "False");
                Set("min Required EVC Mode Key", "intel-cascadelake");
                Set("Latency Sensitivity", "normal");
                Set("EnableUUID", "False");
                Set("CBT", "True");
                Set("Primary IP Address", on ? "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255) : "");
                Set("Network #1", tier.Network + (110 + n % 5 * 10 + cluster % 8).ToString(CultureInfo.InvariantCulture));
                Set("Num Monitors", "1");
                Set("Video Ram KiB", "4096");
                Set("Resource pool", "Resources");
                Set("Folder ID", "group-v" + (1000 + app % 500).ToString(CultureInfo.InvariantCulture));
                Set("Folder", "Production/app" + (app % 500).ToString("D3", CultureInfo.InvariantCulture));
                Set("DAS protection", on ? "True" : "False");
                Set("FT State", "notConfigured");
                Set("Provisioned MiB", (diskMiB + tier.MemoryGB * 1024 + random.NextDouble() * 50).ToString("N2", CultureInfo.InvariantCulture));
                Set("In Use MiB", inUse.ToString("N2", CultureInfo.InvariantCulture));
                Set("Unshared MiB", (inUse * 0.98).ToString("N2", CultureInfo.InvariantCulture));
                Set("HA Restart Priority", "medium");
                Set("HA Isolation Response", "none");
                Set("HA VM Monitoring", "vmMonitoringDisabled");
                Set("Boot Required", "False");
                Set("Boot delay", "0");
                Set("Boot retry delay", "10000");
                Set("Boot retry enabled", "False");
                Set("Boot BIOS setup", "False");
                Set("Reboot PowerOff", "False");
                Set("EFI Secure boot", "False");
                Set("Firmware", "efi");
                Set("HW version", n % 7 == 0 ? "vmx-15" : "vmx-19");
                Set("HW upgrade status", "none");
                Set("HW upgrade policy", "never");
                Set("Path", "[" + datastore + "] " + name + "/" + name + ".vmx");
                Set("Log directory", "[" + datastore + "] " + name + "/");
                Set("Snapshot directory", "[" + datastore + "] " + name + "/");
                Set("Suspend directory", "[" + datastore + "] " + name + "/");
                Set("Annotation", n % 10 == 0 ? "Owner: team " + app % 40 + ", ticket \"CHG-" + n + "\"\nPatch window: Sun 02:00" : "");
                Set("Datacenter", "DC" + (cluster / 50 + 1).ToString(CultureInfo.InvariantCulture));
                Set("Cluster", "Cluster-" + cluster.ToString("D4", CultureInfo.InvariantCulture));
                Set("Host", "esx" + hostNumber.ToString("D5", CultureInfo.InvariantCulture) + ".corp.example");
                Set("OS according to the configuration file", tier.OS);
                Set("OS according to the VMware Tools", on ? tier.Tools : "");
                Set("Guest Detailed Data", on ? "architecture='X86' bitness='64' prettyName='" + tier.Tools + "'" : "");
                Set("VM ID", "vm-" + (100000 + n).ToString(CultureInfo.InvariantCulture));
                Set("SMBIOS UUID", Guid(random));
                Set("VM UUID", Guid(random));
                Set("VI SDK Server type", "VirtualCenter");
                Set("VI SDK API Version", "7.0.3.0");
                Set("VI SDK Server", "vcsa-bench.corp.example");
                Set("VI SDK UUID", "5d8e4c1a-7b92-4f0e-a1c3-2e9f7d6b8a40");
                WriteRow(writer, cells);
            }
        }

        private static string Guid(Random random)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }

        /// <summary>Every field quoted, quotes doubled, as RVTools writes its CSV.</summary>
        private static void WriteRow(TextWriter writer, string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0) writer.Write(',');
                writer.Write('"');
                writer.Write((cells[i] ?? "").Replace("\"", "\"\""));
                writer.Write('"');
            }

            writer.Write("\r\n");
        }
    }
}
