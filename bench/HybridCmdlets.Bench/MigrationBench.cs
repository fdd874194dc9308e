using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Bench
{
    /// <summary>
    /// N on-premises VMs moved to Azure VMware Solution at once, over the one ExpressRoute link, with vCenter's and
    /// HCX's concurrency limits: a mix of Bulk, RAV and HCX vMotion for running VMs and Cold for powered-off ones,
    /// planned and simulated end to end on the virtual timeline. Targets (issue 3): 10,000 in 1 s, 100,000 in 10 s.
    /// </summary>
    internal static class MigrationBench
    {
        public static void Run(IReadOnlyList<int> counts)
        {
            Console.WriteLine("| VMs | plan | simulate | end to end | target | events | events/s | succeeded | virtual duration |");
            Console.WriteLine("|---:|---:|---:|---:|---|---:|---:|---:|---:|");
            foreach (var count in counts)
            {
                var doc = LabGenerator.Create(LabGenerator.DefaultSeed, count + 200);
                var estate = new Estate(doc.Endpoints, doc.Links, doc.VMs);
                var mapping = estate.GetEndpoint("onprem-lon").Networks.ToDictionary(n => n.Name, _ => "workload-segment-01");
                var vms = estate.VMs.Where(v => v.Endpoint == SiteCatalog.OnPrem).Take(count).ToList();
                var types = new[] { MigrationType.Bulk, MigrationType.RAV, MigrationType.Bulk, MigrationType.vMotion };

                var clock = Stopwatch.StartNew();
                var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc));
                var i = 0;
                foreach (var vm in vms)
                {
                    var type = vm.PowerState == PowerState.PoweredOn ? types[i++ % types.Length] : MigrationType.Cold;
                    batch.Add(MigrationPlanner.Plan(estate, new MigrationRequest { VMId = vm.Id, DestinationEndpoint = "avs-westeurope", NetworkMapping = mapping, Type = type }));
                }

                var planned = clock.Elapsed;
                clock.Restart();
                batch.RunToEnd();
                var simulated = clock.Elapsed;
                var total = planned + simulated;
                var target = count <= 10_000 ? 1.0 : 10.0 * count / 100_000;
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "| {0:N0} | {1:N0} ms | {2:N0} ms | {3:N0} ms | ≤ {4:0.#} s {5} | {6:N0} | {7:N0} | {8:N0} | {9:%d}d {9:hh}h |",
                    count, planned.TotalMilliseconds, simulated.TotalMilliseconds, total.TotalMilliseconds, target,
                    total.TotalSeconds <= target ? "PASS" : "FAIL", batch.Clock.Processed, batch.Clock.Processed / simulated.TotalSeconds,
                    batch.Runs.Count(r => r.Status == MigrationStatus.Succeeded), TimeSpan.FromSeconds(batch.Clock.Now)));
            }
        }
    }
}
