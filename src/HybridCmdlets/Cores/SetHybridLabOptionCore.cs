using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Cores
{
    public sealed class SetHybridLabOptionCore
    {
        private readonly LabSession lab;

        public SetHybridLabOptionCore(LabSession lab) => this.lab = lab;

        public void Run(bool? autoSave, double? timeScale, MigrationAlgorithm? algorithm, bool passThru, ICommandOutput output)
        {
            var changes = new List<string>();
            if (autoSave.HasValue) changes.Add("AutoSave to " + autoSave.Value);
            if (timeScale.HasValue) changes.Add("TimeScale to " + timeScale.Value.ToString(CultureInfo.InvariantCulture));
            if (algorithm.HasValue) changes.Add("MigrationAlgorithm to " + algorithm.Value);
            if (changes.Count == 0)
            {
                throw new HybridException("LabOptionRequired", ErrorKind.InvalidArgument,
                    "Set-HybridLabOption was given no option to change.", null, "Give an option, for example -AutoSave $false or -TimeScale 60.");
            }

            if (!output.ShouldProcess("lab '" + lab.Describe().Name + "'", "Set " + string.Join(", ", changes))) return;
            lab.SetOptions(autoSave, timeScale, algorithm);
            LabChanges.Record(lab, output);
            if (passThru) output.WriteObject(lab.Describe());
        }
    }
}
