using System;
using System.Collections;
using System.Collections.Generic;
using HybridCmdlets.Arguments;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class TestMigrationReadinessCore
    {
        private readonly LabSession lab;

        public TestMigrationReadinessCore(LabSession lab) => this.lab = lab;

        /// <summary>
        /// Runs the rule catalog Move-CloudVM runs, for each VM, and writes its MigrationReadiness; changes nothing.
        /// What is wrong with the request itself (an unknown VM or destination) is an error for that VM.
        /// </summary>
        public void Run(MigrationRequestParameters parameters, ICommandOutput output)
        {
            if (!MoveArguments.TryParse(parameters.Destination, parameters.NetworkMapping, output, out var destination, out var mapping)) return;
            var algorithm = lab.Options.MigrationAlgorithm;
            var now = lab.Timeline.VirtualNow;
            foreach (var vm in VMResolver.Resolve(lab, parameters.VM, output))
            {
                output.Cancellation.ThrowIfCancellationRequested();
                try
                {
                    lab.Access.Demand(AccessDemand.TestMove(vm, destination.Endpoint));
                    var request = MoveArguments.Request(vm, destination, null, mapping, parameters.MigrationType);
                    output.WriteObject(ReadinessEvaluator.Evaluate(lab.Estate, request, algorithm, now));
                }
                catch (HybridException error)
                {
                    output.WriteError(error);
                }
            }
        }
    }
}
