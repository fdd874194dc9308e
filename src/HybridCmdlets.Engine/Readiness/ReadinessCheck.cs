namespace HybridCmdlets.Engine.Readiness
{
    public enum CheckStatus { Pass, Warning, Fail }

    /// <summary>What one rule found for one VM, destination and migration type.</summary>
    public sealed class ReadinessCheck
    {
        internal ReadinessCheck(string id, CheckStatus status, string message, string? remediation)
        {
            Id = id;
            Status = status;
            Message = message;
            Remediation = remediation;
        }

        /// <summary>The rule's stable id, "category.name": path.rtt, device.usb, ...</summary>
        public string Id { get; }

        public CheckStatus Status { get; }

        /// <summary>What was checked, naming the object and the value found.</summary>
        public string Message { get; }

        /// <summary>What to do about a warning or a failure; null for a pass.</summary>
        public string? Remediation { get; }

        public override string ToString() => Id + " " + Status + ": " + Message;
    }
}
