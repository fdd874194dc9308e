using System;
using System.Globalization;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class AddCloudFaultCore
    {
        private readonly LabSession lab;

        public AddCloudFaultCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Schedules a fault on the lab's timeline; <paramref name="after"/> is a delay from the lab's clock, the
        /// same as -At at that time. A wrong fault is an error, and nothing is scheduled.
        /// </summary>
        public void Run(FaultSpec spec, TimeSpan? after, ICommandOutput output)
        {
            try
            {
                lab.CatchUp();
                if (after is TimeSpan delay)
                {
                    if (delay < TimeSpan.Zero) throw EngineErrors.ValueOutOfRange("After", delay, "0 or more");
                    spec.At = lab.Timeline.VirtualNow + delay;
                }

                var action = string.Format(CultureInfo.InvariantCulture, "Add fault {0}{1}", spec.Kind,
                    spec.Duration is TimeSpan duration ? " for " + duration.ToString("c", CultureInfo.InvariantCulture) : "");
                if (!output.ShouldProcess(Describe(spec), action)) return;
                output.WriteObject(lab.Timeline.AddFault(spec));
            }
            catch (HybridException error)
            {
                output.WriteError(error);
            }
        }

        private static string Describe(FaultSpec spec)
        {
            var target = spec.Target ?? "what the migration uses";
            if (spec.At is DateTime at) return string.Format(CultureInfo.InvariantCulture, "{0}, at {1:yyyy-MM-dd HH:mm:ss}", target, at.ToUniversalTime());
            if (spec.VM != null) return string.Format(CultureInfo.InvariantCulture, "{0}, when {1} enters {2}", target, spec.VM, spec.Phase);
            return string.Format(CultureInfo.InvariantCulture, "{0}, at random ({1} per hour, seed {2})", target, spec.RatePerHour, spec.Seed);
        }
    }
}
