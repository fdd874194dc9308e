using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Testing;
using Newtonsoft.Json;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Property-based tests of the estate's changes from user input (issue 5): Set-CloudLink's figures and
    /// New-CloudVM's specification. Any input makes the change, leaving a lab that still opens, or is refused with
    /// a documented error naming the offending value, and then nothing has changed.
    /// </summary>
    public class EstateProperties
    {
        /// <summary>One default lab for every case: an Estate copies its lists and never changes a published object.</summary>
        private static readonly LabDocument Default = LabGenerator.CreateDefault();

        private static readonly string[] EndpointNames = Default.Endpoints.Select(e => e.Name).ToArray();
        private static readonly string[] ClusterNames = Default.Endpoints.SelectMany(e => e.Clusters).Select(c => c.Name).Distinct().ToArray();
        private static readonly string[] HostNames = Default.Endpoints.SelectMany(e => e.Clusters).SelectMany(c => c.Hosts).Select(h => h.Name).ToArray();
        private static readonly string[] DatastoreNames = Default.Endpoints.SelectMany(e => e.Datastores).Select(d => d.Name).Distinct().ToArray();
        private static readonly string[] NetworkNames = Default.Endpoints.SelectMany(e => e.Networks).Select(n => n.Name).Distinct().ToArray();
        private static readonly string[] VMNames = Default.VMs.Select(v => v.Name).ToArray();

        private static readonly string[] AddVMErrors =
        {
            "InvalidName", "InvalidText", "ValueOutOfRange", "InvalidCoresPerSocket", "InvalidGuestId", "EndpointNotFound", "VMNameInUse", "ClusterNotFound",
            "VMHostNotFound", "InvalidHardwareVersion", "HardwareVersionNotSupported", "DatastoreNotFound", "DatastoreNotAccessible", "DatastoreFull",
            "NetworkNotFound",
        };

        private static Estate NewEstate() => new Estate(Default.Endpoints, Default.Links, Default.VMs);

        /// <summary>A name the lab has, in any case; now and then with a blank before it, or any text instead.</summary>
        private static Gen<string> NameOrText(string[] names) => Gen.Frequency(
            (10, Gen.Elements(names).SelectMany(Inputs.AnyCase)),
            (1, Gen.Elements(names).Select(n => " " + n)),
            (1, Inputs.Text));

        /// <summary>The estate as the validator of a lab file sees it: a change must leave a lab that saves and opens again.</summary>
        private static void StillOpens(Estate estate) =>
            LabValidator.Check(new LabDocument { Endpoints = estate.Endpoints.ToList(), Links = estate.Links.ToList(), VMs = estate.VMs.ToList() }, "(the changed lab)");

        /// <summary>The error names what was wrong: its target, as text, is in its message.</summary>
        private static void NamesItsTarget(HybridException error)
        {
            var target = Convert.ToString(error.Target, CultureInfo.InvariantCulture) ?? "";
            Assert.Contains(ShownValue.Of(target), error.Message, StringComparison.Ordinal);
        }

        private static IReadOnlyDictionary<string, double> FreeSpace(Estate estate) =>
            estate.Endpoints.SelectMany(e => e.Datastores.Select(d => (Key: e.Name + "/" + d.Name, d.FreeSpaceGB))).ToDictionary(x => x.Key, x => x.FreeSpaceGB);

        // ---- Set-CloudLink ----

        public sealed class LinkChange
        {
            public string Source = "";
            public string Destination = "";
            public double? BandwidthMbps;
            public double? RttMs;
            public double? LossPercent;

            public override string ToString() => JsonConvert.SerializeObject(this);
        }

        private static readonly Gen<LinkChange> LinkChanges =
            from link in Gen.Elements(Default.Links.ToArray())
            from swap in ArbMap.Default.GeneratorFor<bool>()
            from source in Gen.Frequency((8, Inputs.AnyCase(swap ? link.Destination : link.Source)), (1, NameOrText(EndpointNames)))
            from destination in Gen.Frequency((8, Inputs.AnyCase(swap ? link.Source : link.Destination)), (1, NameOrText(EndpointNames)))
            from bandwidth in Inputs.OrNone(Gen.Frequency((1, Inputs.Double), (1, Gen.Choose(1, 400_000).Select(i => (double)i))))
            from rtt in Inputs.OrNone(Gen.Frequency((1, Inputs.Double), (1, Gen.Choose(0, 2000).Select(i => (double)i))))
            from loss in Inputs.OrNone(Gen.Frequency((1, Inputs.Double), (1, Gen.Choose(0, 99).Select(i => (double)i))))
            select new LinkChange { Source = source, Destination = destination, BandwidthMbps = bandwidth, RttMs = rtt, LossPercent = loss };

        [Fact]
        public void SetLink_changes_the_figures_given_or_refuses_them_as_documented_and_changes_nothing()
        {
            PropertyCheck.Run("SetLink", 500, Prop.ForAll(LinkChanges.ToArbitrary(), c =>
            {
                var estate = NewEstate();
                var before = estate.Links;
                CloudLink changed;
                try
                {
                    changed = estate.SetLink(c.Source, c.Destination, c.BandwidthMbps, c.RttMs, c.LossPercent);
                }
                catch (HybridException error)
                {
                    DocumentedErrors.Check(error, "ValueOutOfRange", "LinkNotFound");
                    if (error.ErrorId == "ValueOutOfRange")
                    {
                        NamesItsTarget(error);
                        Assert.Contains(error.Target, new object?[] { c.BandwidthMbps, c.RttMs, c.LossPercent });
                    }
                    else
                    {
                        Assert.Contains(ShownValue.Of(c.Source), error.Message, StringComparison.Ordinal);
                        Assert.Contains(ShownValue.Of(c.Destination), error.Message, StringComparison.Ordinal);
                    }

                    Assert.Equal(before, estate.Links);
                    return;
                }

                // The link found is the one between the two endpoints; it alone changed, and only in what was given.
                var index = Array.FindIndex(before.ToArray(), l => l.Connects(c.Source, c.Destination));
                var old = before[index];
                var after = estate.Links;
                Assert.Same(changed, after[index]);
                Assert.Equal(before.Where((_, i) => i != index), after.Where((_, i) => i != index));
                Assert.Equal((old.Source, old.Destination, old.Kind), (changed.Source, changed.Destination, changed.Kind));
                Assert.Equal(c.BandwidthMbps ?? old.BandwidthMbps, changed.BandwidthMbps);
                Assert.Equal(c.RttMs ?? old.RttMs, changed.RttMs);
                Assert.Equal(c.LossPercent ?? old.LossPercent, changed.LossPercent);
                StillOpens(estate);
            }));
        }

        // ---- New-CloudVM ----

        /// <summary>A specification as New-CloudVM could make it: its parameters refuse null and empty items in lists, so none come here.</summary>
        public sealed class VMRequest
        {
            public VMRequest(NewVMSpec spec) => Spec = spec;

            public NewVMSpec Spec { get; }

            public override string ToString() => JsonConvert.SerializeObject(Spec);
        }

        /// <summary>Mostly a value in range, now and then any value at all (NaN, infinities, negatives, extremes).</summary>
        private static Gen<T> MostlyValid<T>(Gen<T> valid, Gen<T> any) => Gen.Frequency((8, valid), (1, any));

        private static readonly Gen<string> NonEmptyText = Inputs.Text.Select(t => t.Length == 0 ? "x" : t);

        /// <summary>A name of one of the lab's objects in any case, or else (one time in six) any name of its kind or any text.</summary>
        private static Gen<string> OwnOrOther(IEnumerable<string> own, string[] others) =>
            Gen.Frequency((5, Gen.Elements(own.ToArray()).SelectMany(Inputs.AnyCase)), (1, NameOrText(others)));

        private static readonly Gen<string> VMName = Gen.Frequency(
            (12, Inputs.Text.Select(t => new string(t.Where(ch => "*?[]/\\".IndexOf(ch) < 0).ToArray()).Trim()).Select(t => t.Length == 0 ? "new-vm" : t.Length > 80 ? t.Substring(0, 80).Trim() : t)),
            (1, Gen.Elements(VMNames)),
            (1, Inputs.Text),
            (1, Gen.Elements("", " ", "web*", "a/b", "[x]", " padded", new string('n', 81))));

        /// <summary>
        /// Specifications aimed at the endpoint they name (its clusters, datastores and networks), each value now and
        /// then out of range or of another endpoint, so that some VMs are made and every check is met.
        /// </summary>
        private static readonly Gen<NewVMSpec> Specs =
            from ep in Gen.Elements(Default.Endpoints.ToArray())
            from name in VMName
            from endpoint in MostlyValid(Inputs.AnyCase(ep.Name), Inputs.Text)
            from cluster in Inputs.OrNull(OwnOrOther(ep.Clusters.Select(c => c.Name), ClusterNames), 3, 3)
            from host in Inputs.OrNull(OwnOrOther(ep.Clusters.SelectMany(c => c.Hosts).Select(h => h.Name), HostNames), 8, 1)
            from datastore in Inputs.OrNull(OwnOrOther(ep.Datastores.Select(d => d.Name), DatastoreNames), 6, 1)
            from numCpu in MostlyValid(Gen.Choose(1, 16), Inputs.Int)
            from cores in Inputs.OrNone(MostlyValid(Gen.Elements(1, 1, 2), Inputs.Int), 3, 1)
            from memory in MostlyValid(Gen.Choose(4, 65_536), Inputs.Int)
            from disks in Inputs.OrNull(Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(MostlyValid(Gen.Frequency((20, Gen.Choose(1, 500)), (1, Gen.Choose(20_000, 63_488))).Select(i => (double)i), Inputs.Double), n)), 1, 3)
            from networks in Inputs.OrNull(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(OwnOrOther(ep.Networks.Select(x => x.Name), NetworkNames), n))
                .Select(a => a.Where(x => x.Length > 0).DefaultIfEmpty("x").ToArray()), 2, 1)
            from guest in MostlyValid(Gen.Elements(GuestOperatingSystems.Ids.ToArray()).SelectMany(Inputs.AnyCase), NonEmptyText)
            from hardware in Inputs.OrNull(MostlyValid(Gen.Choose(4, 21).Select(n => "vmx-" + n.ToString(CultureInfo.InvariantCulture)),
                Gen.Frequency((1, Inputs.Int.Select(n => "vmx-" + n.ToString(CultureInfo.InvariantCulture))), (1, Inputs.Text))), 2, 1)
            from power in Gen.Elements(PowerState.PoweredOff, PowerState.PoweredOn)
            from folder in Inputs.OrNull(NonEmptyText, 3, 1)
            from tags in Inputs.OrNull(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(NonEmptyText, n)), 3, 1)
            from role in Gen.Elements((WorkloadRole[])Enum.GetValues(typeof(WorkloadRole)))
            from workload in Gen.ArrayOf(Inputs.OrNone(MostlyValid(Gen.Choose(0, 100).Select(i => (double)i), Inputs.Double), 3, 1), 4)
            select new NewVMSpec
            {
                Name = name, Endpoint = endpoint, Cluster = cluster, VMHost = host, Datastore = datastore, NumCpu = numCpu, CoresPerSocket = cores, MemoryMB = memory,
                DiskGB = disks, NetworkNames = networks, GuestId = guest, HardwareVersion = hardware, PowerState = power, Folder = folder, Tags = tags, Role = role,
                DirtyRateMBps = workload[0], WritableWorkingSetMB = workload[1], TouchedMemoryPercent = workload[2], DiskWriteRateMBps = workload[3],
            };

        [Fact]
        public void AddVM_makes_the_vm_asked_for_or_refuses_it_as_documented_and_changes_nothing()
        {
            PropertyCheck.Run("AddVM", 500, Prop.ForAll(Specs.Select(s => new VMRequest(s)).ToArbitrary(), request =>
            {
                var spec = request.Spec;
                var estate = NewEstate();
                var vmsBefore = estate.VMs;
                var freeBefore = FreeSpace(estate);
                CloudVM vm;
                try
                {
                    vm = estate.AddVM(spec);
                }
                catch (HybridException error)
                {
                    DocumentedErrors.Check(error, AddVMErrors);
                    NamesItsTarget(error);
                    Assert.Equal(vmsBefore, estate.VMs);
                    Assert.Equal(vmsBefore.Count, estate.VMCount);
                    Assert.Equal(freeBefore, FreeSpace(estate));
                    return;
                }

                Assert.Equal(vmsBefore.Count + 1, estate.VMCount);
                Assert.Equal(vmsBefore, estate.VMs.Take(vmsBefore.Count));
                Assert.Same(vm, estate.FindVMById(vm.Id));
                Assert.Same(vm, estate.FindVM(spec.Endpoint, spec.Name));
                Assert.Equal((spec.Name, spec.NumCpu, spec.MemoryMB), (vm.Name, vm.NumCpu, vm.MemoryMB));
                Assert.Equal(spec.DiskGB ?? new[] { 40.0 }, vm.HardDisks.Select(d => d.CapacityGB));
                Assert.Equal(spec.NetworkNames?.Count ?? 1, vm.NetworkAdapters.Count);
                Assert.True(Names.Equal(spec.Endpoint, vm.Endpoint));
                StillOpens(estate);
            }));
        }
    }
}
