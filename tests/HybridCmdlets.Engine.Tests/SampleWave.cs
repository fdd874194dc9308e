using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// A wave of real moves from the default lab on one timeline, for the tests of what results look like outside
    /// the engine (flattening, reports): every type, a move that fails under way and one that is canceled.
    /// </summary>
    internal static class SampleWave
    {
        public static readonly DateTime Epoch = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

        public static Estate NewEstate()
        {
            var doc = LabGenerator.CreateDefault();
            return new Estate(doc.Endpoints, doc.Links, doc.VMs);
        }

        /// <summary>
        /// crm-web01..03 by vMotion, crm-app01 by RAV and crm-db01 by Bulk to AVS; a powered-off VM Cold; hr-app01 by
        /// vMotion to OVHcloud, whose link drops to 2 Mbps during its last pre-copy round (SwitchoverTimeout);
        /// crm-app02's move canceled after a minute.
        /// </summary>
        public static IReadOnlyList<MigrationResult> Run()
        {
            var estate = NewEstate();
            var toAvs = estate.GetEndpoint("onprem-lon").Networks.ToDictionary(n => n.Name, _ => "workload-segment-01");
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            MigrationPlan Plan(string vm, string destination, MigrationType type, string? cluster = null) =>
                MigrationPlanner.Plan(estate, new MigrationRequest
                {
                    VMId = estate.FindVM("onprem-lon", vm)!.Id,
                    DestinationEndpoint = destination,
                    DestinationCluster = cluster,
                    Type = type,
                    NetworkMapping = destination == "avs-westeurope" ? toAvs : null,
                });
            MigrationRun Add(string vm, string destination, MigrationType type) => batch.Add(Plan(vm, destination, type));

            foreach (var web in new[] { "crm-web01", "crm-web02", "crm-web03" }) Add(web, "avs-westeurope", MigrationType.vMotion);
            Add("crm-app01", "avs-westeurope", MigrationType.RAV);
            Add("crm-db01", "avs-westeurope", MigrationType.Bulk);
            Add(PoweredOff(estate).Name, "avs-westeurope", MigrationType.Cold);
            var toOvh = Plan("hr-app01", "ovh-rbx", MigrationType.vMotion, "Cluster2");
            var alone = MigrationBatch.Predict(toOvh, MigrationAlgorithm.vSphere, Epoch);
            var cut = (alone.SwitchoverTime!.Value - Epoch).TotalSeconds - alone.Rounds[alone.Rounds.Count - 1].Seconds / 2;
            batch.Add(toOvh);
            batch.Clock.At(cut, () => batch.LinkChanged(estate.SetLink("onprem-lon", "ovh-rbx", 2, null, null)));
            var canceled = Add("crm-app02", "avs-westeurope", MigrationType.Bulk);
            batch.Clock.At(60, () => batch.Cancel(canceled));
            batch.RunToEnd();
            return batch.Runs.Select(r => r.Result).ToList();
        }

        /// <summary>Readiness of the first <paramref name="count"/> on-premises VMs for AVS: Ready, with warnings and NotReady ones.</summary>
        public static IReadOnlyList<MigrationReadiness> Readiness(int count = 40)
        {
            var estate = NewEstate();
            return estate.VMs.Where(v => v.Endpoint == "onprem-lon").Take(count)
                .Select(v => ReadinessEvaluator.Evaluate(estate, new MigrationRequest { VMId = v.Id, DestinationEndpoint = "avs-westeurope" }, MigrationAlgorithm.vSphere, Epoch))
                .ToList();
        }

        /// <summary>
        /// <paramref name="count"/> results made up rather than simulated, for sizes the simulation would make slow to
        /// test: moves of 10 minutes to 3 hours over two links, queued in turn, with rounds, a switchover, and one in
        /// twenty failed or canceled.
        /// </summary>
        public static IReadOnlyList<MigrationResult> Synthetic(int count, int seed = 6)
        {
            var random = new Random(seed);
            var results = new List<MigrationResult>(count);
            for (var i = 0; i < count; i++)
            {
                var queued = TimeSpan.FromSeconds(random.Next(0, 4 * 3600));
                var start = Epoch.AddSeconds(i * 20) + queued;
                var seconds = random.Next(600, 3 * 3600);
                var rounds = Enumerable.Range(1, random.Next(1, 8)).Select(r => new PreCopyRound(r, 8e9 / (r * r), 60.0 / r, 1e9 / (r * r), 0)).ToArray();
                var status = i % 20 == 7 ? MigrationStatus.Failed : i % 20 == 13 ? MigrationStatus.Canceled : MigrationStatus.Succeeded;
                var downtime = status == MigrationStatus.Succeeded ? TimeSpan.FromMilliseconds(random.Next(100, 900)) : TimeSpan.Zero;
                var end = start.AddSeconds(seconds);
                results.Add(new MigrationResult
                {
                    VM = "vm-" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture),
                    VMId = "VirtualMachine-vm-" + (5000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Source = "onprem-lon/Prod-Cluster-0" + (1 + i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Destination = i % 3 == 0 ? "gcve-europe-west2/cluster-1" : "avs-westeurope/Cluster-1",
                    MigrationType = MigrationType.vMotion,
                    Status = status,
                    StartTime = start,
                    EndTime = end,
                    QueuedTime = queued,
                    SwitchoverTime = status == MigrationStatus.Succeeded ? end - downtime : (DateTime?)null,
                    Downtime = downtime,
                    Rounds = rounds,
                    MemoryTransferredGB = rounds.Sum(r => r.BytesSent) / (1024.0 * 1024 * 1024),
                    DiskTransferredGB = random.Next(20, 400),
                    AverageThroughputMbps = random.Next(200, 1600),
                    Warnings = new[] { "The VM's performance history stays with onprem-lon; avs-westeurope starts a new one." },
                    Error = status == MigrationStatus.Failed ? "SwitchoverTimeout" : status == MigrationStatus.Canceled ? "Canceled" : null,
                    ErrorMessage = status == MigrationStatus.Succeeded ? null : "The switchover would take 312.5 s, over the 100 s limit.",
                });
            }

            return results;
        }

        public static CloudVM PoweredOff(Estate estate) =>
            estate.VMs.First(v => v.Endpoint == "onprem-lon" && v.PowerState == PowerState.PoweredOff && v.Snapshots.Count == 0);
    }
}
