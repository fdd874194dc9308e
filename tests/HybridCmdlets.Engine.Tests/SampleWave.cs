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
        /// vMotion to OVHcloud over a link cut to 2 Mbps (SwitchoverTimeout); crm-app02's move canceled after a minute.
        /// </summary>
        public static IReadOnlyList<MigrationResult> Run()
        {
            var estate = NewEstate();
            estate.SetLink("onprem-lon", "ovh-rbx", 2, null, null);
            var toAvs = estate.GetEndpoint("onprem-lon").Networks.ToDictionary(n => n.Name, _ => "workload-segment-01");
            var batch = new MigrationBatch(estate, MigrationAlgorithm.vSphere, Epoch);
            MigrationRun Add(string vm, string destination, MigrationType type, string? cluster = null) =>
                batch.Add(MigrationPlanner.Plan(estate, new MigrationRequest
                {
                    VMId = estate.FindVM("onprem-lon", vm)!.Id,
                    DestinationEndpoint = destination,
                    DestinationCluster = cluster,
                    Type = type,
                    NetworkMapping = destination == "avs-westeurope" ? toAvs : null,
                }));

            foreach (var web in new[] { "crm-web01", "crm-web02", "crm-web03" }) Add(web, "avs-westeurope", MigrationType.vMotion);
            Add("crm-app01", "avs-westeurope", MigrationType.RAV);
            Add("crm-db01", "avs-westeurope", MigrationType.Bulk);
            Add(PoweredOff(estate).Name, "avs-westeurope", MigrationType.Cold);
            Add("hr-app01", "ovh-rbx", MigrationType.vMotion, "Cluster2");
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

        public static CloudVM PoweredOff(Estate estate) =>
            estate.VMs.First(v => v.Endpoint == "onprem-lon" && v.PowerState == PowerState.PoweredOff && v.Snapshots.Count == 0);
    }
}
