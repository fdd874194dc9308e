namespace HybridCmdlets.Engine.Readiness
{
    public enum CheckStatus { Pass, Warning, Fail }

    /// <summary>What one rule found for one VM, destination and migration type.</summary>
    public sealed class ReadinessCheck
    {
        private string? message;
        private readonly string format;
        private readonly object?[]? args;

        internal ReadinessCheck(string id, CheckStatus status, string message, string? remediation)
            : this(id, status, message, null, remediation)
        {
        }

        /// <summary>A check whose message is <paramref name="format"/> with <paramref name="args"/>, formatted when first read.</summary>
        internal ReadinessCheck(string id, CheckStatus status, string format, object?[]? args, string? remediation)
        {
            Id = id;
            Status = status;
            this.format = format;
            this.args = args;
            if (args == null || args.Length == 0) message = format;
            Remediation = remediation;
        }

        /// <summary>The rule's stable id, "category.name": path.rtt, device.usb, ...</summary>
        public string Id { get; }

        public CheckStatus Status { get; }

        /// <summary>What was checked, naming the object and the value found.</summary>
        public string Message => message ??= string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args!);

        /// <summary>What to do about a warning or a failure; null for a pass.</summary>
        public string? Remediation { get; }

        public override string ToString() => Id + " " + Status + ": " + Message;
    }
}
