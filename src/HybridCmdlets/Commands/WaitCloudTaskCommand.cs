using System.Management.Automation;
using HybridCmdlets.Cores;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Commands
{
    /// <summary>Waits for migration tasks to end and writes their results.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "CloudTask")]
    [OutputType(typeof(MigrationResult))]
    public sealed class WaitCloudTaskCommand : HybridCmdlet
    {
        private WaitCloudTaskCore? core;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public CloudTask[] Task { get; set; } = new CloudTask[0];

        // Every piped task is collected first and all are waited for together, so that they run concurrently.
        protected override void Process() => (core ??= new WaitCloudTaskCore(Lab)).Add(Task);

        protected override void End() => core?.WaitAll(this);
    }
}
