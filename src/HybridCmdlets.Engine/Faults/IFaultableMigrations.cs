using System;
using System.Collections.Generic;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Faults
{
    /// <summary>
    /// What an injected fault can see of and do to the migrations of a timeline: the moves in flight (their plans,
    /// stages and results), when they are added, enter a stage and end; a link's condition (down, which stalls its
    /// transfers until it returns; degraded figures); a replication restarted from its checkpoint; a switchover stalled;
    /// a move failed with an error and the fault that caused it. How the moves react (wait, resume, fail) stays the
    /// migration model's; the <see cref="FaultInjector"/> decides only what breaks and when.
    /// </summary>
    internal interface IFaultableMigrations
    {
        /// <summary>The virtual clock the moves and the faults share.</summary>
        EventQueue Clock { get; }

        /// <summary>Every move of the timeline, in order of submission.</summary>
        IReadOnlyList<MigrationRun> Runs { get; }

        event Action<MigrationRun>? Added;

        /// <summary>A move entered a stage: where faults aimed at a VM's stage fire.</summary>
        event Action<MigrationRun, MigrationPhase>? PhaseEntered;

        event Action<MigrationRun>? Finished;

        /// <summary>Puts a link under what the faults on it do now (null: nothing); the moves crossing it react.</summary>
        void SetLinkCondition(CloudLink link, LinkCondition? condition);

        /// <summary>
        /// Stops a replicating move's transfer and starts it again from its last checkpoint after
        /// <paramref name="delaySeconds"/> (its source VM restarting). Returns the bytes kept.
        /// </summary>
        double RestartFromCheckpoint(MigrationRun run, double delaySeconds);

        /// <summary>Stalls the switchover of a move in one, which then times out; false when it is not in a switchover.</summary>
        bool HangSwitchover(MigrationRun run, string faultId);

        /// <summary>
        /// Fails a move wherever it stands, leaving its VM at its source; <paramref name="downtimeSeconds"/> replaces the
        /// model's downtime (a guest that crashed with its host and was restarted by HA).
        /// </summary>
        void Fail(MigrationRun run, string errorId, string message, string faultId, double? downtimeSeconds = null);
    }
}
