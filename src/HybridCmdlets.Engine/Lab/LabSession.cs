using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Faults;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.NetworkExtension;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Lab
{
    /// <summary>
    /// The lab the cmdlets work on: its estate, options, file and migration timeline. Opening a lab replaces it
    /// only once the new one has been read and checked in full; a failed open leaves everything as it was.
    /// </summary>
    public sealed class LabSession
    {
        /// <summary>The fastest playback a user may ask for: a day of lab time in under a tenth of a second.</summary>
        public const double MaxTimeScale = 1_000_000;

        private readonly object gate = new object();
        private readonly IWallClock wall;
        /// <summary>Kept across labs: opening the lab again must not be a way round a lockout.</summary>
        private readonly LoginThrottle throttle;
        /// <summary>How many of the timeline's successful moves have been recorded as changes (and saved).</summary>
        private int recordedMoves;
        private string name = "";
        private string? path;
        /// <summary>What the lab's file held when this session last opened or saved it: a save first checks it still does.</summary>
        private LabFileStamp? fileStamp;
        private LabOrigin origin;
        private LabOptions options = new LabOptions();
        private bool isModified;
        private int schemaVersion;

        private LabSession(LabDocument document, IWallClock? wallClock)
        {
            wall = wallClock ?? SystemWallClock.Instance;
            throttle = new LoginThrottle(wall);
            Replace(document, null, null, LabOrigin.Embedded);
        }

        /// <summary>The embedded default lab, generated the same way at every import.</summary>
        public static LabSession CreateDefault() => new LabSession(LabGenerator.CreateDefault(), null);

        public static LabSession FromDocument(LabDocument document, IWallClock? wallClock = null) => new LabSession(document, wallClock);

        public Estate Estate { get; private set; } = null!;

        /// <summary>The lab's users, their roles, and this session's connections to its endpoints.</summary>
        public AccessControl Access { get; private set; } = null!;

        /// <summary>The lab's one migration timeline: every move, synchronous or not, runs on it.</summary>
        public MigrationTimeline Timeline { get; private set; } = null!;

        public string? Path { get { lock (gate) return path; } }

        public LabOptions Options { get { lock (gate) return options.Copy(); } }

        public HybridLab Describe()
        {
            lock (gate)
            {
                return new HybridLab(name, path, origin, schemaVersion, Estate.Endpoints.Count, Estate.VMCount, Estate.Links.Count, options.AutoSave, isModified,
                    options, Timeline.VirtualNow, Timeline.UnfinishedCount);
            }
        }

        /// <summary>
        /// Replaces the current lab with the one in the file, or throws and changes nothing. Needs Global.Settings on
        /// every secured endpoint of the current lab, as -Default and -Generate do.
        /// </summary>
        public HybridLab Open(string file)
        {
            DemandReplace("'" + file + "'");
            var document = LabFile.Load(file, out var stamp);
            var fullPath = System.IO.Path.GetFullPath(file);
            if (string.IsNullOrWhiteSpace(document.Name)) document.Name = System.IO.Path.GetFileNameWithoutExtension(fullPath);
            lock (gate)
            {
                ThrowIfBusy();
                Replace(document, fullPath, stamp, LabOrigin.File);
            }

            return Describe();
        }

        /// <summary>Goes back to the embedded default lab, as at import.</summary>
        public HybridLab ResetToDefault()
        {
            DemandReplace("the default lab");
            return OpenDefault();
        }

        /// <summary>
        /// The default lab with no check: what a new process starts with. Private; the runner of the documented
        /// examples reaches it by reflection to start each example afresh, as a new process would.
        /// </summary>
        private HybridLab OpenDefault()
        {
            var document = LabGenerator.CreateDefault();
            lock (gate)
            {
                ThrowIfBusy();
                Replace(document, null, null, LabOrigin.Embedded);
            }

            return Describe();
        }

        /// <summary>The most VMs a generated lab may hold: a million VMs take about 2 GB of memory once loaded.</summary>
        public const int MaxGeneratedVMs = 1_000_000;

        /// <summary>
        /// Replaces the current lab with a generated one of about <paramref name="vmCount"/> VMs (never fewer than the
        /// default estate's): the default sites with more clusters of the same workloads, the same for the same seed,
        /// so that runbooks can be rehearsed at scale. Throws ValueOutOfRange, and changes nothing, for a bad count.
        /// </summary>
        public HybridLab Generate(int vmCount, int seed)
        {
            if (vmCount < 1 || vmCount > MaxGeneratedVMs) throw EngineErrors.ValueOutOfRange("VMCount", vmCount, "from 1 to " + MaxGeneratedVMs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            DemandReplace("a generated lab");
            var document = LabGenerator.Create(seed, vmCount);
            document.Name = "Generated lab (" + vmCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " VMs, seed " + seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            lock (gate)
            {
                ThrowIfBusy();
                Replace(document, null, null, LabOrigin.Generated);
            }

            return Describe();
        }

        private void DemandReplace(string replacement) => Access.Demand(AccessDemand.OpenLab(Describe().Name, replacement, Access.SecuredEndpoints));

        /// <summary>A lab with moves under way is not replaced: they would end in a lab that no longer holds their VMs.</summary>
        private void ThrowIfBusy()
        {
            var running = Timeline.UnfinishedCount;
            if (running > 0) throw EngineErrors.LabBusy(running);
        }

        /// <summary>Makes <paramref name="document"/> the lab; callers hold the gate (or are constructing).</summary>
        private void Replace(LabDocument document, string? file, LabFileStamp? stamp, LabOrigin from)
        {
            // Everything that can throw comes first: a lab half replaced could be auto-saved over the file that failed.
            var newOptions = document.Options.Copy();
            var estate = new Estate(document.Endpoints, document.Links, document.VMs);
            var timeline = new MigrationTimeline(estate, document.Clock, wall) { TimeScale = newOptions.TimeScale };
            var access = new AccessControl(document.Access, estate, throttle);
            Access?.DisconnectAll();
            name = document.Name;
            path = file;
            fileStamp = stamp;
            origin = from;
            options = newOptions;
            isModified = false;
            schemaVersion = document.SchemaVersion;
            Estate = estate;
            Timeline = timeline;
            Access = access;
            recordedMoves = 0;
        }

        /// <summary>
        /// Writes the lab to <paramref name="file"/> (or to its own file) and makes that its file (Save-HybridLab). Needs
        /// Global.Settings on every secured endpoint; the saves of AutoSave that follow a change are not checked again.
        /// The file this session opened or last saved is not written if someone changed it since (LabFileChanged), nor
        /// a read-only file (LabFileReadOnly), unless <paramref name="force"/>; see <see cref="LabFile.Save"/>.
        /// </summary>
        public HybridLab Save(string? file, bool force = false)
        {
            var target = file ?? Path ?? throw EngineErrors.LabPathRequired();
            Access.Demand(AccessDemand.SaveLab(Describe().Name, target, Access.SecuredEndpoints));
            return Write(target, force);
        }

        private HybridLab Write(string target, bool force)
        {
            lock (gate)
            {
                var fullPath = System.IO.Path.GetFullPath(target);
                fileStamp = LabFile.Save(ToDocument(), fullPath, fileStamp, force);
                schemaVersion = LabDocument.CurrentSchemaVersion;
                path = fullPath;
                origin = LabOrigin.File;
                isModified = false;
            }

            return Describe();
        }

        public LabDocument ToDocument()
        {
            lock (gate)
            {
                return new LabDocument
                {
                    SchemaVersion = LabDocument.CurrentSchemaVersion,
                    Name = name,
                    Options = options.Copy(),
                    Clock = Timeline.VirtualNow,
                    Endpoints = Estate.Endpoints.ToList(),
                    Links = Estate.Links.ToList(),
                    Access = Access.ToDocument(),
                    VMs = Estate.VMs.ToList(),
                };
            }
        }

        /// <summary>
        /// Changes the options given; like any change, follow it with <see cref="RecordChange"/>. A downtime target is over
        /// 0 and at most 2,000,000 ms (ValueOutOfRange); <paramref name="clearDowntimeTarget"/> goes back to the algorithm's own.
        /// Needs Global.Settings on every secured endpoint.
        /// </summary>
        public HybridLab SetOptions(bool? autoSave = null, double? timeScale = null, MigrationAlgorithm? algorithm = null,
            double? downtimeTargetMs = null, bool? autoConverge = null, bool clearDowntimeTarget = false)
        {
            if (downtimeTargetMs is double target) MigrationSettings.CheckDowntimeTarget(target);
            if (algorithm is MigrationAlgorithm a && !Enum.IsDefined(typeof(MigrationAlgorithm), a))
            {
                throw EngineErrors.ValueOutOfRange("MigrationAlgorithm", a, "one of " + string.Join(", ", Enum.GetNames(typeof(MigrationAlgorithm))));
            }

            if (timeScale is double scale && (double.IsNaN(scale) || scale < 0 || scale > MaxTimeScale))
            {
                throw EngineErrors.ValueOutOfRange("TimeScale", scale, "from 0 (as fast as the machine runs) to " + MaxTimeScale.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }

            Access.Demand(AccessDemand.SetOptions(Describe().Name, Access.SecuredEndpoints));

            lock (gate)
            {
                var updated = options.Copy();
                if (autoSave.HasValue) updated.AutoSave = autoSave.Value;
                if (timeScale.HasValue) updated.TimeScale = timeScale.Value;
                if (algorithm.HasValue) updated.MigrationAlgorithm = algorithm.Value;
                if (downtimeTargetMs.HasValue || clearDowntimeTarget) updated.DowntimeTargetMs = clearDowntimeTarget ? null : downtimeTargetMs;
                if (autoConverge.HasValue) updated.AutoConverge = autoConverge.Value;
                if (timeScale.HasValue) Timeline.TimeScale = timeScale.Value;
                options = updated;
            }

            return Describe();
        }

        /// <summary>
        /// Changes a link's figures (Set-CloudLink), for the moves planned from now and, for its bandwidth, for those
        /// crossing it now. Like any change, follow it with <see cref="RecordChange"/>. Needs Host.Config.Network on both endpoints.
        /// </summary>
        public CloudLink SetLink(string source, string destination, double? bandwidthMbps, double? rttMs, double? lossPercent)
        {
            Access.Demand(AccessDemand.SetLink(source, destination));
            var link = Estate.SetLink(source, destination, bandwidthMbps, rttMs, lossPercent);
            Timeline.LinkChanged(link);
            return link;
        }

        /// <summary>
        /// What <see cref="SetLink"/> would change, for -WhatIf ("bandwidth 10000 -> 100 Mbps, ..."): LinkSettingRequired
        /// when nothing is to change, EndpointNotFound or LinkNotFound when there is no such link.
        /// </summary>
        public string DescribeLinkChange(string source, string destination, double? bandwidthMbps, double? rttMs, double? lossPercent, int? networkExtensionAppliances, out CloudLink link)
        {
            if (!bandwidthMbps.HasValue && !rttMs.HasValue && !lossPercent.HasValue && !networkExtensionAppliances.HasValue) throw EngineErrors.LinkSettingRequired(source + " <-> " + destination);
            Estate.GetEndpoint(source);
            Estate.GetEndpoint(destination);
            link = Estate.FindLink(source, destination) ?? throw EngineErrors.LinkNotFound(source, destination);
            var changes = new List<string>();
            if (bandwidthMbps.HasValue) changes.Add(string.Format(CultureInfo.InvariantCulture, "bandwidth {0} -> {1} Mbps", link.BandwidthMbps, bandwidthMbps));
            if (rttMs.HasValue) changes.Add(string.Format(CultureInfo.InvariantCulture, "RTT {0} -> {1} ms", link.RttMs, rttMs));
            if (lossPercent.HasValue) changes.Add(string.Format(CultureInfo.InvariantCulture, "loss {0} -> {1} %", link.LossPercent, lossPercent));
            if (networkExtensionAppliances.HasValue) changes.Add(string.Format(CultureInfo.InvariantCulture, "Network Extension appliances {0} -> {1}", link.NetworkExtensionAppliances, networkExtensionAppliances));
            return string.Join(", ", changes);
        }

        /// <summary>
        /// Powers a VM on or off, shuts its guest down or suspends it (Start-, Stop-, Stop-CloudVMGuest, Suspend-CloudVM),
        /// with the privilege vCenter asks for it. Like any change, follow it with <see cref="RecordChange"/>.
        /// </summary>
        public CloudVM SetPower(CloudVM vm, PowerAction action)
        {
            Access.Demand(AccessDemand.Power(vm, action));
            return Estate.ChangeVM(vm.Id, v => VMChanges.Power(v, action));
        }

        /// <summary>Deletes snapshots of a VM (Remove-CloudSnapshot); needs VirtualMachine.State.RemoveSnapshot.</summary>
        public CloudVM RemoveSnapshots(CloudVM vm, IReadOnlyCollection<string> names)
        {
            Access.Demand(AccessDemand.RemoveSnapshot(vm));
            return Estate.ChangeVM(vm.Id, v => VMChanges.RemoveSnapshots(v, names));
        }

        /// <summary>Takes media out of a VM's CD drive or (dis)connects it (Set-CloudCDDrive).</summary>
        public CloudVM SetCdDrive(CloudVM vm, string drive, bool noMedia, bool? connected)
        {
            if (!noMedia && connected == null) throw EngineErrors.CdDriveChangeRequired(vm.Name);
            Access.Demand(AccessDemand.SetCdDrive(vm, noMedia, connected != null));
            return Estate.ChangeVM(vm.Id, v => VMChanges.SetCdDrive(v, drive, noMedia, connected));
        }

        /// <summary>
        /// Extends a network to another site with HCX Network Extension (New-CloudNetworkExtension); needs
        /// Host.Config.Network at both sites. Like any change, follow it with <see cref="RecordChange"/>.
        /// </summary>
        public CloudNetworkExtension ExtendNetwork(string source, string network, string destination, string? appliance)
        {
            Access.Demand(AccessDemand.ExtendNetwork(source, network, destination));
            return NetworkExtensions.Extend(Estate, source, network, destination, appliance);
        }

        /// <summary>
        /// Removes an extension's segment (Remove-CloudNetworkExtension); refused while VMs at the destination use it or
        /// moves under way will connect to it. Needs Host.Config.Network at the destination.
        /// </summary>
        public CloudNetworkExtension RemoveNetworkExtension(string destination, string segment)
        {
            var extendedFrom = Estate.GetEndpoint(destination).FindNetwork(segment)?.ExtendedFrom ?? throw EngineErrors.NetworkExtensionNotFound(destination + "/" + segment);
            Access.Demand(AccessDemand.RemoveNetworkExtension(extendedFrom.Substring(0, Math.Max(0, extendedFrom.IndexOf('/'))), destination, segment));
            var inbound = Timeline.Tasks
                .Where(t => !t.IsFinished && Names.Equal(t.Run.Plan.Destination.Name, destination) && t.Run.Plan.NetworkMapping.Values.Any(v => Names.Equal(v, segment)))
                .Select(t => t.Run.Plan.VM.Name)
                .ToList();
            return NetworkExtensions.Remove(Estate, destination, segment, inbound);
        }

        /// <summary>Scales a site pair's Network Extension appliances (Set-CloudLink -NetworkExtensionAppliances); needs Host.Config.Network at both ends.</summary>
        public CloudLink SetNetworkExtensionAppliances(string source, string destination, int appliances)
        {
            Access.Demand(AccessDemand.SetLink(source, destination));
            return Estate.SetNetworkExtensionAppliances(source, destination, appliances);
        }

        /// <summary>Schedules a fault (Add-CloudFault); needs Global.Diagnostics on every secured endpoint.</summary>
        public CloudFault AddFault(FaultSpec spec)
        {
            Access.Demand(AccessDemand.AddFault(spec, Access.SecuredEndpoints));
            return Timeline.AddFault(spec);
        }

        /// <summary>Ends a fault now (Clear-CloudFault); needs Global.Diagnostics on every secured endpoint.</summary>
        public void ClearFault(CloudFault fault)
        {
            Access.Demand(AccessDemand.ClearFault(fault, Access.SecuredEndpoints));
            Timeline.ClearFault(fault);
        }

        /// <summary>Puts a planned move on the timeline with the lab's pre-copy settings (the plan's own over them); it runs while someone waits.</summary>
        public CloudTask Submit(MigrationPlan plan)
        {
            MigrationSettings settings;
            MigrationTimeline timeline;
            lock (gate)
            {
                settings = options.GetMigrationSettings();
                timeline = Timeline;
            }

            return timeline.Submit(plan, settings);
        }

        /// <summary>
        /// Runs the timeline until <paramref name="tasks"/> have ended (see <see cref="MigrationTimeline.WaitFor"/>).
        /// Follow it with <see cref="RecordMoves"/>, which saves what the moves changed.
        /// </summary>
        public void WaitFor(IReadOnlyCollection<CloudTask> tasks, CancellationToken cancellation, Action? progress = null) =>
            Timeline.WaitFor(tasks, cancellation, progress);

        /// <summary>With a time scale, brings the timeline up to the wall clock, so that tasks seem to run in the background.</summary>
        public void CatchUp() => Timeline.CatchUp();

        /// <summary>
        /// Records the moves that succeeded since the last call (and HA restarts after injected host failures) as one
        /// change: one save of a file-backed lab for a whole wave, not one per VM. True when there were any. A failed
        /// save throws, as <see cref="RecordChange"/>.
        /// </summary>
        public bool RecordMoves()
        {
            lock (gate)
            {
                var succeeded = Timeline.EstateChanges;
                if (succeeded == recordedMoves) return false;
                recordedMoves = succeeded;
            }

            RecordChange();
            return true;
        }

        /// <summary>
        /// Called after every change to the estate: marks the lab modified and, for a file-backed lab with
        /// AutoSave on, writes it at once so that the file never lags behind what the user saw happen.
        /// </summary>
        public void RecordChange()
        {
            string? saveTo;
            lock (gate)
            {
                isModified = true;
                saveTo = options.AutoSave ? path : null;
            }

            if (saveTo != null) Write(saveTo, force: false);
        }
    }
}
