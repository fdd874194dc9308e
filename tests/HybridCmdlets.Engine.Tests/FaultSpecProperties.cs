using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Add-CloudFault's checks as a property (issue 5): any fault specification, however odd, is either scheduled or
    /// refused with a documented error, and a refused one schedules nothing.
    /// </summary>
    public class FaultSpecProperties
    {
        private static readonly DateTime Epoch = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

        private static readonly Gen<string?> Target = Gen.Frequency(
            (3, Inputs.TextOrNull),
            (1, Gen.Elements<string?>("onprem-lon <-> avs-westeurope", "avs-westeurope<->onprem-lon", "onprem-lon", "crm-web01", "avs-westeurope/vsanDatastore", "/", "<->")));

        private static readonly Gen<FaultSpec> Spec =
            from kind in Gen.Elements(Enum.GetValues(typeof(FaultKind)).Cast<FaultKind>().ToArray())
            from target in Target
            from at in Inputs.OrNone(Gen.Choose(-3600, 86400))
            from vm in Inputs.OrNull(Gen.Frequency((1, Inputs.Text), (1, Gen.Constant("crm-web01"))))
            from phase in Inputs.OrNone(Gen.Elements(Enum.GetValues(typeof(MigrationPhase)).Cast<MigrationPhase>().ToArray()))
            from rate in Inputs.OrNone(Inputs.Double)
            from seconds in Inputs.OrNone(Inputs.Double)
            from bandwidth in Inputs.OrNone(Inputs.Double, 3, 1)
            from rtt in Inputs.OrNone(Inputs.Double, 3, 1)
            from loss in Inputs.OrNone(Inputs.Double, 3, 1)
            select new FaultSpec
            {
                Kind = kind,
                Target = target,
                At = at.HasValue ? Epoch.AddSeconds(at.Value) : (DateTime?)null,
                VM = vm,
                Phase = phase,
                RatePerHour = rate,
                Duration = seconds.HasValue && Math.Abs(seconds.Value) < 1e9 ? TimeSpan.FromSeconds(seconds.Value) : (TimeSpan?)null,
                BandwidthMbps = bandwidth,
                RttMs = rtt,
                LossPercent = loss,
            };

        [Fact]
        public void Any_fault_is_scheduled_or_refused_with_a_documented_error_that_schedules_nothing()
        {
            var doc = LabGenerator.CreateDefault();
            var estate = new Estate(doc.Endpoints, doc.Links, doc.VMs);
            var timeline = new MigrationTimeline(estate, Epoch);
            PropertyCheck.Run("AddFault", 400, Prop.ForAll(Inputs.Shown(Spec).ToArbitrary(), input =>
            {
                var before = timeline.Faults.Count;
                try
                {
                    var fault = timeline.AddFault(input.Value);
                    Assert.Equal(before + 1, timeline.Faults.Count);
                    // A random fault is under way at once; any other waits for its trigger.
                    Assert.Equal(input.Value.RatePerHour.HasValue ? FaultState.Active : FaultState.Scheduled, fault.State);
                }
                catch (HybridException error)
                {
                    DocumentedErrors.Check(error, "FaultTriggerInvalid", "FaultSpecificationInvalid", "FaultTargetNotFound", "FaultTargetAmbiguous", "VMNotFound", "ValueOutOfRange");
                    Assert.Equal(before, timeline.Faults.Count);
                }
            }));
        }
    }
}
