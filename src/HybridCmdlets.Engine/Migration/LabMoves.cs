using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Readiness;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// The moves a session asks of its lab, as Move-CloudVM and Test-MigrationReadiness ask them: checked against the
    /// session's roles first, then against the one rule catalog both share, so that a move the test calls ready does
    /// not fail on a rule and a move is refused whenever the test would say NotReady.
    /// </summary>
    public static class LabMoves
    {
        /// <summary>The readiness of one VM's move; changes nothing. Throws what is wrong with the request itself.</summary>
        public static MigrationReadiness Test(LabSession lab, CloudVM vm, MoveTarget target, Wave? wave = null)
        {
            lab.Access.Demand(AccessDemand.TestMove(vm, target.Endpoint));
            var request = target.RequestFor(lab.Estate, vm);
            return wave == null
                ? ReadinessEvaluator.Evaluate(lab.Estate, request, lab.Options.GetMigrationSettings(), lab.Timeline.VirtualNow)
                : ReadinessEvaluator.Evaluate(lab.Estate, request, lab.Options.GetMigrationSettings(), lab.Timeline.VirtualNow, wave);
        }

        /// <summary>
        /// Plans one VM's move; submits nothing. Before anything is planned or revealed the roles at the source and the
        /// destination must allow it; a VM already moving is MigrationInProgress; NotReady is MigrationNotReady.
        /// </summary>
        public static MigrationPlan Plan(LabSession lab, CloudVM vm, MoveTarget target)
        {
            lab.Access.Demand(AccessDemand.Move(vm, target.Endpoint));
            if (lab.Estate.IsMigrating(vm.Id)) throw EngineErrors.MigrationInProgress(vm.Name);
            return ReadinessEvaluator.PlanMove(lab.Estate, target.RequestFor(lab.Estate, vm), lab.Options.GetMigrationSettings(), lab.Timeline.VirtualNow, out _);
        }

        /// <summary>What -WhatIf names: the VM and where it is now.</summary>
        public static string WhatIfTarget(MigrationPlan plan) => "VM '" + plan.VM.Name + "' at " + plan.Source.Name + "/" + plan.VM.Cluster;

        /// <summary>What -WhatIf says would happen: where to, by which type, onto which host, datastore and networks.</summary>
        public static string WhatIfAction(MigrationPlan plan)
        {
            var networks = string.Join(", ", plan.NetworkMapping.Select(m => "'" + m.Key + "' -> '" + m.Value + "'"));
            return "Migrate to " + plan.DestinationDescription + " by " + plan.Type
                + " (host " + plan.DestinationHost.Name + ", datastore " + plan.DestinationDatastore.Name
                + (plan.SharedStorage ? " (shared: only memory moves)" : "")
                + (networks.Length > 0 ? ", networks " + networks : "") + ")";
        }
    }
}
