using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using HybridCmdlets.Engine.Migration;

namespace HybridCmdlets.Arguments
{
    /// <summary>
    /// Lets -Status take the task states PowerCLI's Get-Task shows, so that scripts written for it keep working:
    /// Success is Succeeded and Error is Failed. Everything else is left to PowerShell's own conversion.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class TaskStatusTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text) return FromPowerCli(text);
            if (!(value is IEnumerable items)) return inputData;
            var result = new List<object>();
            foreach (var item in items)
            {
                var single = item is PSObject element ? element.BaseObject : item;
                result.Add(single is string name ? FromPowerCli(name) : item);
            }

            return result.ToArray();
        }

        private static object FromPowerCli(string state) =>
            string.Equals(state, "Success", StringComparison.OrdinalIgnoreCase) ? MigrationStatus.Succeeded
            : string.Equals(state, "Error", StringComparison.OrdinalIgnoreCase) ? MigrationStatus.Failed
            : (object)state;
    }
}
