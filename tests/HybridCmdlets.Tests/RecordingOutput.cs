using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Infrastructure;

namespace HybridCmdlets.Tests
{
    /// <summary>A stand-in for the cmdlet: records what a command core writes and answers ShouldProcess as told.</summary>
    internal sealed class RecordingOutput : ICommandOutput
    {
        private readonly bool confirm;
        private readonly System.Action<ProgressUpdate>? onProgress;

        /// <param name="onProgress">Called with each progress record, for example to press Ctrl+C in a given phase.</param>
        public RecordingOutput(bool confirm = true, CancellationToken cancellation = default, System.Action<ProgressUpdate>? onProgress = null)
        {
            this.confirm = confirm;
            Cancellation = cancellation;
            this.onProgress = onProgress;
        }

        public List<object> Objects { get; } = new List<object>();
        public List<HybridException> Errors { get; } = new List<HybridException>();
        public List<string> Warnings { get; } = new List<string>();
        public List<string> Verbose { get; } = new List<string>();
        public List<ProgressUpdate> Progress { get; } = new List<ProgressUpdate>();
        public List<(string Target, string Action)> ShouldProcessCalls { get; } = new List<(string, string)>();
        public CancellationToken Cancellation { get; }

        public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

        public void WriteObject(object item) => Objects.Add(item);
        public void WriteError(HybridException error) => Errors.Add(error);
        public void WriteWarning(string text) => Warnings.Add(text);
        public void WriteVerbose(string text) => Verbose.Add(text);
        public void WriteProgress(ProgressUpdate update)
        {
            Progress.Add(update);
            onProgress?.Invoke(update);
        }

        /// <summary>Activity ids whose last record is not a Completed one: a progress bar left on the screen.</summary>
        public IEnumerable<int> OpenActivities() =>
            Progress.GroupBy(p => p.ActivityId).Where(g => !g.Last().Completed).Select(g => g.Key);

        public bool ShouldProcess(string target, string action)
        {
            ShouldProcessCalls.Add((target, action));
            return confirm;
        }
    }
}
