namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// One progress record, as an engine wait describes it; a cmdlet turns it into a PowerShell ProgressRecord.
    /// Every activity a wait starts ends with a <see cref="Completed"/> update, on success, failure and cancel.
    /// </summary>
    public sealed class ProgressUpdate
    {
        public ProgressUpdate(int activityId, string activity, string status)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
        }

        public int ActivityId { get; }

        /// <summary>The parent's activity id, or -1 for a top-level record.</summary>
        public int ParentActivityId { get; set; } = -1;

        public string Activity { get; }

        public string Status { get; }

        public string? CurrentOperation { get; set; }

        /// <summary>0 to 100, or -1 when unknown.</summary>
        public int PercentComplete { get; set; } = -1;

        /// <summary>Wall seconds left, or -1 when unknown.</summary>
        public int SecondsRemaining { get; set; } = -1;

        public bool Completed { get; set; }

        public override string ToString() => ActivityId + " " + Activity + ": " + Status + (Completed ? " (completed)" : "");
    }
}
