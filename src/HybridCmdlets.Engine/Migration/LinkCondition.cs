namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// What injected faults do to a link now: down (nothing crosses), or degraded (bandwidth, RTT or loss replaced
    /// for as long as the fault lasts). The fault ids say which fault a failure is due to.
    /// </summary>
    internal sealed class LinkCondition
    {
        public string? DownFault { get; set; }

        public bool Down => DownFault != null;

        public string? DegradedFault { get; set; }

        public double? BandwidthMbps { get; set; }

        public double? RttMs { get; set; }

        public double? LossPercent { get; set; }
    }
}
