namespace HybridCmdlets.Engine.Faults
{
    /// <summary>What an injected fault breaks (Add-CloudFault -Kind).</summary>
    public enum FaultKind
    {
        /// <summary>Nothing crosses the link until it returns.</summary>
        LinkDown,
        /// <summary>The link's bandwidth, RTT or loss change for a while.</summary>
        LinkDegraded,
        /// <summary>The host a migration goes to fails; HA restarts what ran on it.</summary>
        DestinationHostFailure,
        /// <summary>The datastore a migration writes to runs out of space.</summary>
        DatastoreFull,
        /// <summary>A switchover stalls until it times out.</summary>
        SwitchoverTimeout,
        /// <summary>The host a migrating VM runs on fails; HA restarts the VM at the source.</summary>
        SourceHostFailure,
    }

    /// <summary>Where a fault stands: waiting for its trigger, in effect, over, or cleared by the user.</summary>
    public enum FaultState { Scheduled, Active, Ended, Cleared }
}
