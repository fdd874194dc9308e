using System;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Import;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Reading RVTools exports: both header generations, separators, decimal marks, quoting, empty cells, and errors that say where.</summary>
    public class InventoryReaderTests
    {
        internal const string Header = "VM,Powerstate,Template,CPUs,Memory,NICs,Disks,Network #1,Network #2,Provisioned MiB,In Use MiB,HW version,Path,Cluster,Host,OS according to the configuration file,VM ID";

        private static string VInfo(params string[] rows) => TestFiles.Write(Header + "\r\n" + string.Join("\r\n", rows) + "\r\n", ".csv");

        internal static string Row(string name, string memory = "8192", string cluster = "Lab-Cluster", string host = "esx-lab-01", string path = "[LAB-DS-01] {0}/{0}.vmx", string hw = "vmx-19", string id = "") =>
            string.Join(",", name, "poweredOn", "False", "2", memory, "1", "1", "Lab-Web", "", "\"41,024.50\"", "\"20,480.25\"", hw, string.Format(path, name), cluster, host, "Ubuntu Linux (64-bit)", id);

        private static InventoryRead Read(string path, string? network = null, string? disk = null) => InventoryReader.Read(path, network, disk, default);

        private static HybridException Fails(Action act, string errorId)
        {
            var error = Assert.Throws<HybridException>(act);
            Assert.Equal(errorId, error.ErrorId);
            Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
            return error;
        }

        [Fact]
        public void Reads_the_sample_export_with_its_NICs_and_disks()
        {
            var read = Read(TestFiles.Example("rvtools/vInfo.csv"), TestFiles.Example("rvtools/vNetwork.csv"), TestFiles.Example("rvtools/vDisk.csv"));

            Assert.Empty(read.Problems);
            Assert.Equal(37, read.VMs.Count);
            Assert.Equal(2, read.Templates);
            Assert.Equal(1, read.Placeholders);
            Assert.Equal(0, read.UnmatchedRows);
            Assert.Equal(new[] { "vcsa02.man.corp.example" }, read.Servers);
            Assert.All(read.Files, f => Assert.Equal(',', f.Separator));
            Assert.Equal(new HeaderGeneration?[] { HeaderGeneration.MiB, null, HeaderGeneration.MiB }, read.Files.Select(f => f.Generation));
            Assert.Equal(new DecimalMark?[] { DecimalMark.Point, null, DecimalMark.Point }, read.Files.Select(f => f.DecimalMark));

            var db = read.VMs.Single(v => v.Name == "ecom-db01");
            Assert.Equal((16, 128 * 1024, PowerState.PoweredOn), (db.NumCpu, db.MemoryMB, db.PowerState));
            Assert.Equal(("MAN-Prod-01", "esx-m1-03.man.corp.example", "MAN-VMFS-01"), (db.Cluster, db.Host, db.HomeDatastore));
            Assert.Equal(("oracleLinux8_64Guest", "Oracle Linux 8 (64-bit)", WorkloadRole.Database), (db.GuestId, db.GuestOS, db.Role));
            Assert.Equal("vm-2059", db.SourceId);
            Assert.Equal(new[] { "MAN-DB-VLAN230", "MAN-Backup-VLAN310" }, db.Nics.Select(n => n.Network));
            Assert.Equal(new[] { "00:50:56:a6:2a:ba", "00:50:56:a6:2b:bd" }, db.Nics.Select(n => n.MacAddress));
            Assert.Equal(new[] { 100.0, 1024, 500 }, db.Disks.Select(d => d.CapacityGB));
            Assert.Equal(new[] { "MAN-VMFS-01", "MAN-VMFS-03", "MAN-VMFS-03" }, db.Disks.Select(d => d.Datastore));
            Assert.Equal(DiskSharing.MultiWriter, db.Disks[2].Sharing);
            Assert.Equal(StorageFormat.EagerZeroedThick, db.Disks[2].Format);

            var fci = read.VMs.Single(v => v.Name == "pay-sqlfci01");
            Assert.Equal(DiskType.RawPhysical, fci.Disks[1].Type);
            Assert.Equal(0.1, fci.Disks[1].UsedGB);

            // A quoted name with a comma, and the row after a multi-line annotation.
            Assert.Contains(read.VMs, v => v.Name == "ecom-app03 (decom, 2024-06)");
            var afterMultiLine = read.VMs.Single(v => v.Name == "ecom-app02");
            Assert.Equal(7, afterMultiLine.Line);
            Assert.Equal(AdapterType.E1000e, read.VMs.Single(v => v.Name == "hr-reports01").Nics[0].Type);
            Assert.Equal(ToolsStatus.ToolsNotRunning, read.VMs.Single(v => v.Name == "man-print01").ToolsStatus);
            Assert.Equal(16, read.VMs.Single(v => v.Name == "vcsa02").Disks.Count);
            // A standalone host is its own compute resource.
            Assert.Equal("esx-man-sa01.man.corp.example", read.VMs.Single(v => v.Name == "man-repo01").Cluster);
        }

        [Fact]
        public void Reads_the_RVTools_3_generation_with_semicolons_and_decimal_commas()
        {
            var read = Read(TestFiles.Example("rvtools/vInfo-rvtools3.csv"));

            Assert.Empty(read.Problems);
            var file = Assert.Single(read.Files);
            Assert.Equal((';', HeaderGeneration.MB, DecimalMark.Comma, true), (file.Separator, file.Generation, file.DecimalMark, file.DecimalMarkFromNumbers));
            Assert.Equal(9, read.VMs.Count);
            Assert.Equal(1, read.Templates);
            var fs = read.VMs.Single(v => v.Name == "dus-fs01");
            Assert.Equal(16384, fs.MemoryMB);
            // "Provisioned MB" 2.197.523,84 shared by vInfo's 2 disks, no vDisk file.
            Assert.Equal(2, fs.Disks.Count);
            Assert.Equal(2197523.84 / 1024 / 2, fs.Disks[0].CapacityGB, 9);
            Assert.Equal(Math.Round(1313197.58 / 1024, 2), Math.Round(fs.InUseGB, 2));
            Assert.Equal(("windows9Server64Guest", WorkloadRole.File), (fs.GuestId, fs.Role));
            Assert.Equal(8, read.VMs.Single(v => v.Name == "dus-print01").HardwareVersion);
            Assert.Equal(new[] { "DUS-DMZ-VLAN30", "DUS-Server-VLAN10" }, read.VMs.Single(v => v.Name == "dus-mail01").Nics.Select(n => n.Network));
        }

        [Fact]
        public void Both_generations_hold_mebibytes()
        {
            var mib = Read(VInfo(Row("web01")));
            var mb = Read(TestFiles.Write(Header.Replace(" MiB", " MB") + "\r\n" + Row("web01") + "\r\n", ".csv"));

            Assert.Equal(HeaderGeneration.MiB, mib.Files[0].Generation);
            Assert.Equal(HeaderGeneration.MB, mb.Files[0].Generation);
            Assert.Equal(41024.5 / 1024, mb.VMs[0].DiskCapacityGB);
            Assert.Equal(mib.VMs[0].DiskCapacityGB, mb.VMs[0].DiskCapacityGB);
            Assert.Equal(mib.VMs[0].InUseGB, mb.VMs[0].InUseGB);
        }

        [Theory]
        [InlineData("1,024.50", DecimalMark.Point)]
        [InlineData("1.024,50", DecimalMark.Comma)]
        [InlineData("2.097.152", DecimalMark.Comma)]
        [InlineData("2,097,152", DecimalMark.Point)]
        [InlineData("45,5", DecimalMark.Comma)]
        [InlineData("1024.25", DecimalMark.Point)]
        [InlineData("0,500", DecimalMark.Comma)]
        [InlineData("1,024", null)]
        [InlineData("8.192", null)]
        [InlineData("8192", null)]
        public void A_number_tells_its_decimal_mark_when_it_can(string text, DecimalMark? mark)
        {
            Assert.Equal(mark, LocalizedNumber.Evidence(text));
        }

        [Theory]
        [InlineData("1,024.50", DecimalMark.Point, 1024.5)]
        [InlineData("1.024,50", DecimalMark.Comma, 1024.5)]
        [InlineData("1,024", DecimalMark.Point, 1024)]
        [InlineData("1,024", DecimalMark.Comma, 1.024)]
        [InlineData(" 8192 ", DecimalMark.Comma, 8192)]
        [InlineData("1 024,5", DecimalMark.Comma, 1024.5)]
        [InlineData("1\u00A0024,5", DecimalMark.Comma, 1024.5)]
        [InlineData("2.097.152", DecimalMark.Comma, 2097152)]
        [InlineData("-1,5", DecimalMark.Comma, -1.5)]
        public void Numbers_read_in_either_decimal_mark(string text, DecimalMark mark, double expected)
        {
            Assert.True(LocalizedNumber.TryParse(text, mark, out var value));
            Assert.Equal(expected, value, 6);
        }

        [Theory]
        [InlineData("1,024.50", DecimalMark.Comma)]
        [InlineData("1.024,50", DecimalMark.Point)]
        [InlineData("10,24,5", DecimalMark.Point)]
        [InlineData("8 GB", DecimalMark.Point)]
        [InlineData("", DecimalMark.Point)]
        [InlineData("1.", DecimalMark.Point)]
        [InlineData("12,34", DecimalMark.Point)]
        public void Numbers_in_the_other_mark_or_not_numbers_at_all_do_not_read(string text, DecimalMark mark)
        {
            Assert.False(LocalizedNumber.TryParse(text, mark, out _));
        }

        [Fact]
        public void The_separator_is_detected_and_quoted_fields_keep_separators_quotes_and_line_breaks()
        {
            var header = Header.Replace(",", ";");
            var path = TestFiles.Write(header + "\r\n"
                + "\"web;01\";poweredOn;False;2;8192;1;1;\"Lab \"\"Web\"\"\";;41024;20480;vmx-19;[LAB-DS-01] web01/web01.vmx;Lab-Cluster;esx-lab-01;\"Ubuntu\r\nLinux (64-bit)\";vm-17\r\n"
                + "app01;poweredOn;False;2;8192;1;1;Lab-App;;41024;20480;vmx-19;[LAB-DS-01] app01/app01.vmx;Lab-Cluster;esx-lab-01;;vm-18\r\n", ".csv");
            var read = Read(path);

            Assert.Empty(read.Problems);
            Assert.Equal(';', read.Files[0].Separator);
            Assert.Equal(new[] { "web;01", "app01" }, read.VMs.Select(v => v.Name));
            Assert.Equal("Lab \"Web\"", read.VMs[0].Nics[0].Network);
            Assert.Equal(new[] { 2, 4 }, read.VMs.Select(v => v.Line));
        }

        [Fact]
        public void Empty_cells_take_what_vCenter_would_have()
        {
            var read = Read(VInfo("web01,poweredOn,,2,8192,,,Lab-Web,,41024,20480,,[LAB-DS-01] web01/web01.vmx,,esx-lab-01,,"));

            Assert.Empty(read.Problems);
            var vm = Assert.Single(read.VMs);
            Assert.Null(vm.HardwareVersion);
            Assert.Null(vm.SourceId);
            Assert.Equal("esx-lab-01", vm.Cluster);
            Assert.Equal(("otherGuest64", "Other (64-bit)"), (vm.GuestId, vm.GuestOS));
            Assert.Equal("Lab-Web", Assert.Single(vm.Nics).Network);
            // No Disks count: one disk of the provisioned size, thin since In Use is below it.
            var disk = Assert.Single(vm.Disks);
            Assert.Equal((41024 / 1024.0, StorageFormat.Thin), (disk.CapacityGB, disk.Format));
        }

        [Fact]
        public void A_bad_cell_is_an_error_that_names_the_file_line_column_and_value()
        {
            var path = VInfo(Row("web01"), Row("web02", memory: "8 GB"), Row("web03"));
            var read = Read(path);

            Assert.Equal(new[] { "web01", "web03" }, read.VMs.Select(v => v.Name));
            var error = Assert.Single(read.Problems).Error;
            Assert.Equal("InventoryFileInvalid", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidData, error.Kind);
            var at = Assert.IsType<InventoryRowLocation>(error.Target);
            Assert.Equal(("vInfo", path, 3, "Memory", "8 GB", "web02"), (at.Tab, at.File, at.Line, at.Column, at.Value, at.VM));
            Assert.Equal("vInfo file '" + path + "', line 3, column 'Memory': '8 GB' is not valid; expected memory in MiB, such as 8192, written as this file writes numbers (decimal point, as in 1,024.5).", error.Message);
        }

        [Theory]
        [InlineData("poweredOn", "CPUs", "0", "a number of vCPUs from 1 to 768")]
        [InlineData("poweredOn", "CPUs", "2.5", "a number of vCPUs, a whole number")]
        [InlineData("running", "Powerstate", "running", "poweredOn, poweredOff or suspended")]
        [InlineData("poweredOn", "HW version", "vmx-99", "a virtual hardware version from vmx-4 to vmx-21, such as vmx-19")]
        [InlineData("poweredOn", "Path", "LAB-DS-01/web01.vmx", "a datastore path such as '[PROD-VMFS-01] web01/web01.vmx'")]
        [InlineData("poweredOn", "Host", "", "a host name. A name is 1 to 80 characters, with no wildcard characters (* ? [ ]), no slashes (/ \\), no control characters or unpaired surrogates, and no leading or trailing spaces")]
        public void Each_column_says_what_it_expected(string power, string column, string value, string expected)
        {
            var fields = new[] { "web01", power, "False", "2", "8192", "1", "1", "Lab-Web", "", "41024", "20480", "vmx-19", "[LAB-DS-01] web01/web01.vmx", "Lab-Cluster", "esx-lab-01", "", "" };
            var index = Array.IndexOf(Header.Split(','), column);
            fields[index] = value;
            var read = Read(VInfo(string.Join(",", fields)));

            var error = Assert.Single(read.Problems).Error;
            Assert.Equal(column, ((InventoryRowLocation)error.Target!).Column);
            Assert.EndsWith("expected " + expected + ".", error.Message);
        }

        [Fact]
        public void A_row_with_more_fields_than_the_header_is_an_error_for_that_row()
        {
            var read = Read(VInfo(Row("web01"), Row("web02").Replace("Lab-Web", "Lab,Web")));

            var error = Assert.Single(read.Problems).Error;
            Assert.Equal("InventoryFileInvalid", error.ErrorId);
            Assert.Contains("line 3 has 18 fields where the header has 17 columns; a value that holds the separator ',' must be quoted.", error.Message);
            Assert.Equal("web01", Assert.Single(read.VMs).Name);
        }

        [Fact]
        public void A_foreign_csv_names_the_missing_column_and_the_headers_expected()
        {
            var powercli = TestFiles.Write("Name,PowerState,NumCpu,MemoryGB\r\nweb01,PoweredOn,2,8\r\n", ".csv");
            var error = Fails(() => Read(powercli), "InventoryColumnMissing");
            Assert.Equal(powercli, error.Target);
            Assert.Contains("is not an RVTools vInfo export: it has no 'VM' column. Expected the columns of RVTools 4.x (VM, Powerstate, CPUs, Memory, Provisioned MiB, In Use MiB, Path, Cluster, Host) or of RVTools 3.x (VM, Powerstate, CPUs, Memory, Provisioned MB, In Use MB, Path, Cluster, Host).", error.Message);

            var noHost = TestFiles.Write(Header.Replace(",Host,", ",ESX host,") + "\r\n", ".csv");
            error = Fails(() => Read(noHost), "InventoryColumnMissing");
            Assert.Contains("it has no 'Host' column. Expected the columns of RVTools 4.x, as the file's size columns suggest:", error.Message);

            // The vNetwork export given as vInfo.
            Fails(() => Read(TestFiles.Example("rvtools/vNetwork.csv")), "InventoryColumnMissing");
        }

        [Fact]
        public void Files_that_are_not_csv_text_say_so()
        {
            Fails(() => Read("/no/such/vInfo.csv"), "InventoryFileNotFound");
            Assert.Contains("it is empty.", Fails(() => Read(TestFiles.Write("", ".csv")), "InventoryFileInvalid").Message);
            var workbook = TestFiles.TempPath(".xlsx");
            System.IO.File.WriteAllBytes(workbook, new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0 });
            Assert.Contains("it is an Excel workbook (xlsx), not CSV text.", Fails(() => Read(workbook), "InventoryFileInvalid").Message);
            Assert.Contains("is a folder, not a regular file", Fails(() => Read(System.IO.Path.GetTempPath()), "PathNotFile").Message);
        }

        [Fact]
        public void A_UTF16_export_reads_like_a_UTF8_one()
        {
            var path = TestFiles.TempPath(".csv");
            System.IO.File.WriteAllText(path, Header + "\r\n" + Row("web01") + "\r\n" + Row("web02", memory: "lots") + "\r\n", System.Text.Encoding.Unicode);
            var read = Read(path);
            Assert.Equal("web01", Assert.Single(read.VMs).Name);
            Assert.Equal(3, ((InventoryRowLocation)Assert.Single(read.Problems).Error.Target!).Line);
        }

        [Fact]
        public void A_bad_NIC_or_disk_row_is_reported_and_leaves_its_VM_out()
        {
            var info = VInfo(Row("web01"), Row("web02"), Row("tpl01").Replace("False", "True"));
            var network = TestFiles.Write("VM,NIC label,Adapter,Network,Connected,Mac Address\r\n"
                + "web01,Network adapter 1,vmxnet3,Lab-Web,True,00:50:56:aa:bb:cc\r\n"
                + "web02,Network adapter 1,vmxnet3,Lab-Web,True,00-50-56-AA-BB-CD\r\n"
                + "tpl01,Network adapter 1,vmxnet3,Lab-Web,True,\r\n"
                + "ghost01,Network adapter 1,vmxnet3,Lab-Web,True,\r\n", ".csv");
            var disk = TestFiles.Write("VM,Disk,Disk Path,Capacity MiB,Thin\r\n"
                + "web01,Hard disk 1,[LAB-DS-01] web01/web01.vmdk,40960,True\r\n"
                + "web02,Hard disk 1,LAB-DS-01 web02.vmdk,40960,True\r\n", ".csv");
            var read = Read(info, network, disk);

            var web01 = Assert.Single(read.VMs);
            Assert.Equal("web01", web01.Name);
            Assert.Equal("00:50:56:aa:bb:cc", web01.Nics[0].MacAddress);
            Assert.Equal(40, Assert.Single(web01.Disks).CapacityGB);
            var error = Assert.Single(read.Problems).Error;
            var at = (InventoryRowLocation)error.Target!;
            Assert.Equal(("vDisk", 3, "Disk Path", "web02"), (at.Tab, at.Line, at.Column, at.VM));
            // The ghost's row is counted, the template's is passed over.
            Assert.Equal(1, read.UnmatchedRows);
        }

        [Theory]
        [InlineData("crm-db01", "rhel8_64Guest", WorkloadRole.Database)]
        [InlineData("SQLPROD01", "windows2019srv_64Guest", WorkloadRole.Database)]
        [InlineData("erp-oracle02", "oracleLinux8_64Guest", WorkloadRole.Database)]
        [InlineData("shop-web01", "rhel8_64Guest", WorkloadRole.Web)]
        [InlineData("iis-intranet", "windows2019srv_64Guest", WorkloadRole.Web)]
        [InlineData("dmz-proxy01", "rhel9_64Guest", WorkloadRole.Web)]
        [InlineData("crm-app01", "rhel8_64Guest", WorkloadRole.App)]
        [InlineData("dev-crm-web01", "rhel8_64Guest", WorkloadRole.DevTest)]
        [InlineData("fs01", "windows9Server64Guest", WorkloadRole.File)]
        [InlineData("corp-dc01", "windows2019srvNext_64Guest", WorkloadRole.Infrastructure)]
        [InlineData("vdi-gpu01", "windows9_64Guest", WorkloadRole.Desktop)]
        [InlineData("reception", "windows11_64Guest", WorkloadRole.Desktop)]
        [InlineData("storage01", "rhel8_64Guest", WorkloadRole.App)]
        [InlineData("road-runner", "otherGuest64", WorkloadRole.App)]
        public void A_role_is_guessed_from_the_name_and_guest(string name, string guestId, WorkloadRole role)
        {
            Assert.Equal(role, WorkloadRoleGuess.Guess(name, guestId));
        }

        [Theory]
        [InlineData("Microsoft Windows Server 2019 (64-bit)", "", "windows2019srv_64Guest", "Microsoft Windows Server 2019 (64-bit)")]
        [InlineData("Microsoft Windows Server 2016 or later (64-bit)", "Microsoft Windows Server 2022 Datacenter", "windows9Server64Guest", "Microsoft Windows Server 2016 or later (64-bit)")]
        [InlineData("", "Microsoft Windows Server 2022 Datacenter", "windows2019srvNext_64Guest", "Microsoft Windows Server 2022 (64-bit)")]
        [InlineData("Red Hat Enterprise Linux 8 (64-bit)", "", "rhel8_64Guest", "Red Hat Enterprise Linux 8 (64-bit)")]
        [InlineData("Other 4.x or later Linux (64-bit)", "", "otherLinux64Guest", "Other 4.x or later Linux (64-bit)")]
        [InlineData("FreeBSD 13 (64-bit)", "", "otherGuest64", "FreeBSD 13 (64-bit)")]
        [InlineData("", "", "otherGuest64", "Other (64-bit)")]
        public void The_guest_id_comes_from_the_OS_names(string configured, string tools, string guestId, string guestOS)
        {
            Assert.Equal((guestId, guestOS), GuestOSNames.Resolve(configured, tools));
        }
    }
}
