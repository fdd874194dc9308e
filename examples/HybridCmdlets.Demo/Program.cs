using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HybridCmdlets.Arguments;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Demo
{
    /// <summary>
    /// A short tour of the main job on the embedded lab, each step shown as the pwsh command a user would type
    /// and answered by the command core that cmdlet runs.
    /// </summary>
    internal static class Program
    {
        private static FormatViews views = null!;

        private static int Main()
        {
            views = new FormatViews(FormatViews.Locate());
            var lab = LabSession.CreateDefault();
            Console.WriteLine("HybridCmdlets tour: the embedded default lab, as Import-Module HybridCmdlets loads it.");
            Console.WriteLine("(No pwsh here? These are the command cores the cmdlets run; with pwsh, try ./build.ps1 Demo.)");

            Show("Get-CloudEndpoint", o => new GetCloudEndpointCore(lab).Run(null, null, o));

            Show("Get-CloudVM -Name *-db* -PowerState PoweredOn | Sort-Object MemoryGB -Descending | Select-Object -First 5",
                o => new GetCloudVMCore(lab).ByFilter(new[] { "*-db*" }, null, null, new[] { PowerState.PoweredOn }, null, o),
                items => items.Cast<CloudVM>().OrderByDescending(v => v.MemoryGB).Take(5));

            Show("Get-CloudEndpoint avs* | Get-CloudVM",
                o => new GetCloudVMCore(lab).ByFilter(null, lab.Estate.Endpoints.Where(e => e.Name.StartsWith("avs", StringComparison.OrdinalIgnoreCase)).ToArray(), null, null, null, o));

            Step("foreach ($wave in 'wave1','wave2','wave3','wave4') { Get-CloudVM -Tag $wave | Measure-Object MemoryGB -Sum }");
            foreach (var wave in new[] { "wave1", "wave2", "wave3", "wave4" })
            {
                var output = new ConsoleOutput("Get-CloudVM");
                new GetCloudVMCore(lab).ByFilter(null, null, null, null, new[] { wave }, output);
                var vms = output.Objects.Cast<CloudVM>().ToList();
                Console.WriteLine("  {0}: Count {1,3}  Sum of MemoryGB {2,6:0}", wave, vms.Count, vms.Sum(v => v.MemoryGB));
            }

            Show("Get-CloudLink -Source onprem-lon | Sort-Object RttMs",
                o => new GetCloudLinkCore(lab).Run(new[] { "onprem-lon" }, null, o),
                items => items.Cast<CloudLink>().OrderBy(l => l.RttMs));

            Show("Get-CloudVM -Name crm-web01, ghost01", o => new GetCloudVMCore(lab).ByFilter(new[] { "crm-web01", "ghost01" }, null, null, null, null, o));

            Step("New-CloudVM -Name web99 -Endpoint onprem-lon -Cluster Prod-Cluster-02 -NumCpu 2 -MemoryGB 8 -Role Web -WhatIf");
            var whatIf = new ConsoleOutput("New-CloudVM", whatIf: true);
            new NewCloudVMCore(lab).Run(new NewVMSpec { Name = "web99", Endpoint = "onprem-lon", Cluster = "Prod-Cluster-02", NumCpu = 2, MemoryMB = 8192, Role = WorkloadRole.Web }, whatIf);
            whatIf.PrintErrors();

            Step("Move-CloudVM -VM crm-app01 -Destination avs-westeurope -WhatIf");
            new MoveCloudVMCore(lab).Run(new MoveCloudVMParameters { VM = new[] { new VMIdParameter("crm-app01") }, Destination = "avs-westeurope" },
                new ConsoleOutput("Move-CloudVM", whatIf: true));

            Show("Move-CloudVM -VM crm-app01 -Destination avs-westeurope",
                o => new MoveCloudVMCore(lab).Run(new MoveCloudVMParameters { VM = new[] { new VMIdParameter("crm-app01") }, Destination = "avs-westeurope" }, o));

            Show("Get-CloudVM -Name crm-web0* | Move-CloudVM -Destination avs-westeurope -MigrationType RAV -RunAsync | Wait-CloudTask", o =>
            {
                var wait = new WaitCloudTaskCore(lab);
                foreach (var vm in lab.Estate.VMs.Where(v => v.Name.StartsWith("crm-web0", StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    var submitted = new ConsoleOutput("Move-CloudVM");
                    new MoveCloudVMCore(lab).Run(new MoveCloudVMParameters { VM = new[] { new VMIdParameter(vm) }, Destination = "avs-westeurope", MigrationType = MigrationType.RAV, RunAsync = true }, submitted);
                    wait.Add(submitted.Objects.Cast<CloudTask>());
                }

                wait.WaitAll(o);
            });

            Show("Get-CloudVM -Name crm-* -Endpoint avs-westeurope", o => new GetCloudVMCore(lab).ByFilter(new[] { "crm-*" }, new[] { lab.Estate.GetEndpoint("avs-westeurope") }, null, null, null, o));

            Step("Get-CloudVM -Tag wave2 | Test-MigrationReadiness -Destination avs-westeurope | Group-Object Verdict -NoElement");
            var wave2 = new ConsoleOutput("Test-MigrationReadiness");
            new TestMigrationReadinessCore(lab).Run(new MigrationRequestParameters
            {
                VM = lab.Estate.VMs.Where(v => v.Tags.Contains("Wave/wave2")).Select(v => new VMIdParameter(v)).ToArray(),
                Destination = "avs-westeurope",
            }, wave2);
            foreach (var group in wave2.Objects.Cast<MigrationReadiness>().GroupBy(r => r.Verdict))
            {
                Console.WriteLine("  {0,5} {1}", group.Count(), group.Key);
            }

            Show("Test-MigrationReadiness -VM crm-db01, hr-app01 -Destination avs-westeurope",
                o => new TestMigrationReadinessCore(lab).Run(new MigrationRequestParameters { VM = new[] { new VMIdParameter("crm-db01"), new VMIdParameter("hr-app01") }, Destination = "avs-westeurope" }, o));

            Show("Move-CloudVM -VM crm-db01 -Destination avs-westeurope   # the same rules: refused, nothing moves",
                o => new MoveCloudVMCore(lab).Run(new MoveCloudVMParameters { VM = new[] { new VMIdParameter("crm-db01") }, Destination = "avs-westeurope" }, o));

            // Rehearsing failures: a host that fails under one move, a link that drops under another.
            Show("Add-CloudFault SourceHostFailure -VM hr-web01 -Phase PreCopy",
                o => new AddCloudFaultCore(lab).Run(new FaultSpec { Kind = FaultKind.SourceHostFailure, VM = "hr-web01", Phase = MigrationPhase.PreCopy }, null, o));
            Show("Add-CloudFault LinkDown -VM hr-web02 -Phase PreCopy -Duration 00:00:12",
                o => new AddCloudFaultCore(lab).Run(new FaultSpec { Kind = FaultKind.LinkDown, VM = "hr-web02", Phase = MigrationPhase.PreCopy, Duration = TimeSpan.FromSeconds(12) }, null, o));
            Show("Move-CloudVM -VM hr-web01, hr-web02 -Destination avs-westeurope",
                o => new MoveCloudVMCore(lab).Run(new MoveCloudVMParameters { VM = new[] { new VMIdParameter("hr-web01"), new VMIdParameter("hr-web02") }, Destination = "avs-westeurope" }, o));
            var hr = lab.Timeline.Tasks.Where(t => t.VM.StartsWith("hr-web", StringComparison.Ordinal)).Select(t => t.Result!).ToList();
            foreach (var result in hr)
            {
                Console.WriteLine("  {0}: {1}", result.VM, result.Error != null ? result.Error + " (" + result.Fault + "): " + result.ErrorMessage : string.Join(" ", result.Warnings.Where(w => w.StartsWith("fault-", StringComparison.Ordinal))));
            }

            Show("Get-CloudFault", o => new GetCloudFaultCore(lab).Run(null, null, o));
            var report = Path.Combine(Path.GetTempPath(), "hybridcmdlets-tour.html");
            Step("Get-CloudTask | Export-MigrationReport -Path " + report + " -Force");
            var export = new ExportMigrationReportCore();
            var exportOutput = new ConsoleOutput("Export-MigrationReport");
            foreach (var task in lab.Timeline.Tasks) export.Add(task, exportOutput);
            export.Write(new ExportMigrationReportParameters { Path = report, Force = true, PassThru = true }, exportOutput);
            exportOutput.PrintErrors();
            Console.WriteLine("  {0}: one page, timeline, downtime, throughput per link ({1:0} KB, no network needed to view it)", report, new FileInfo(report).Length / 1024.0);
            File.Delete(report);

            var path = Path.Combine(Path.GetTempPath(), "hybridcmdlets-tour.json");
            Step("Save-HybridLab -Path " + path + "; Open-HybridLab " + path);
            new SaveHybridLabCore(lab).Run(path, passThru: false, new ConsoleOutput("Save-HybridLab"));
            var reopened = LabSession.CreateDefault();
            var open = new ConsoleOutput("Open-HybridLab");
            new OpenHybridLabCore(reopened).FromFile(path, open);
            var described = (HybridLab)open.Objects.Single();
            Console.WriteLine("  Name: {0}\n  Origin: {1}\n  Path: {2}\n  VMCount: {3}  EndpointCount: {4}  LinkCount: {5}  ({6:0} KB on disk)",
                described.Name, described.Origin, described.Path, described.VMCount, described.EndpointCount, described.LinkCount, new FileInfo(path).Length / 1024.0);
            File.Delete(path);

            var rvtools = ExamplesFolder("rvtools");
            var import = new ImportCloudInventoryParameters
            {
                Path = Path.Combine(rvtools, "vInfo.csv"), NetworkPath = Path.Combine(rvtools, "vNetwork.csv"), DiskPath = Path.Combine(rvtools, "vDisk.csv"), PassThru = true,
            };
            const string files = "./examples/rvtools/vInfo.csv -NetworkPath ./examples/rvtools/vNetwork.csv -DiskPath ./examples/rvtools/vDisk.csv";
            Step("Import-CloudInventory " + files + " -WhatIf");
            new ImportCloudInventoryCore(lab).Run(import, new ConsoleOutput("Import-CloudInventory", whatIf: true));
            Show("Import-CloudInventory " + files + " -PassThru -Verbose | Select-Object -First 5",
                o => new ImportCloudInventoryCore(lab).Run(import, o), items => items.Take(5));
            Show("(Get-CloudEndpoint onprem-lon).Clusters | Where-Object Name -like MAN-*",
                o => { foreach (var c in lab.Estate.GetEndpoint("onprem-lon").Clusters.Where(c => c.Name.StartsWith("MAN-", StringComparison.OrdinalIgnoreCase))) o.WriteObject(c); });
            Show("Get-CloudVM -Name ecom-web01, ecom-db01 | Test-MigrationReadiness -Destination avs-westeurope",
                o => new TestMigrationReadinessCore(lab).Run(new MigrationRequestParameters { VM = new[] { new VMIdParameter("ecom-web01"), new VMIdParameter("ecom-db01") }, Destination = "avs-westeurope" }, o));
            return 0;
        }

        /// <summary>A folder of the repository's examples, found from where the tour runs.</summary>
        private static string ExamplesFolder(string name)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "examples", name);
                if (Directory.Exists(candidate)) return candidate;
            }

            throw new DirectoryNotFoundException("examples/" + name + " was not found above " + AppContext.BaseDirectory + ".");
        }

        private static void Step(string command)
        {
            Console.WriteLine();
            Console.ForegroundColor = ConsoleColor.Cyan;
            Console.WriteLine("PS> " + command);
            Console.ResetColor();
        }

        private static void Show(string command, Action<ConsoleOutput> run, Func<IReadOnlyList<object>, IEnumerable<object>>? shape = null)
        {
            Step(command);
            var output = new ConsoleOutput(command.Split(' ')[0], verbose: command.Contains(" -Verbose"));
            run(output);
            var items = (shape == null ? output.Objects : shape(output.Objects)).ToList();
            Console.Write(views.Table(items));
            output.PrintErrors();
        }
    }
}
