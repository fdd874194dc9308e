using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    /// <summary>
    /// Collects every task piped in, then waits for them all at once, so that moves submitted together run
    /// together (DESIGN.md: Time), and writes their results in the order the tasks came.
    /// </summary>
    public sealed class WaitCloudTaskCore
    {
        private readonly LabSession lab;
        private readonly List<CloudTask> tasks = new List<CloudTask>();
        private readonly HashSet<CloudTask> seen = new HashSet<CloudTask>();

        public WaitCloudTaskCore(LabSession lab) => this.lab = lab;

        /// <summary>Called for each pipeline record; a task given twice is waited for once.</summary>
        public void Add(IEnumerable<CloudTask> more)
        {
            foreach (var task in more)
            {
                if (task != null && seen.Add(task)) tasks.Add(task);
            }
        }

        /// <summary>Called once all input has been read.</summary>
        public void WaitAll(ICommandOutput output)
        {
            if (tasks.Count == 0) return;
            var title = string.Format(CultureInfo.InvariantCulture, "Waiting for {0} migration task{1}", tasks.Count, tasks.Count == 1 ? "" : "s");
            new MigrationWatcher(lab, output, tasks, title).WaitAndWriteResults();
        }
    }
}
