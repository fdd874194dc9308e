using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Property-based tests of -NetworkMapping (issue 5): any hashtable a user could write, with keys and values of
    /// any type, is read as a mapping of network names, or is NetworkMappingInvalid; and a refused mapping moves nothing.
    /// </summary>
    public class NetworkMappingProperties
    {
        private const string VMName = "crm-web01";
        private const string Destination = "avs-westeurope";

        private static readonly LabSession Reference = LabSession.CreateDefault();
        private static readonly string[] SourceNetworks = Reference.Estate.GetEndpoint("onprem-lon").Networks.Select(n => n.Name).ToArray();
        private static readonly string[] DestinationNetworks = Reference.Estate.GetEndpoint(Destination).Networks.Select(n => n.Name).ToArray();

        /// <summary>A table as a user writes it at the prompt or a CSV import builds it; shown as its entries in a counterexample.</summary>
        public sealed class Table
        {
            public Table(IDictionary? entries) => Entries = entries;

            public IDictionary? Entries { get; }

            public override string ToString() => Entries == null ? "null" : "@{ " + string.Join("; ", Entries.Cast<DictionaryEntry>().Select(e => Show(e.Key) + " = " + Show(e.Value))) + " }";

            private static string Show(object? value) => value switch
            {
                null => "$null",
                string s => Inputs.Show(s),
                IDictionary d => new Table(d).ToString(),
                IEnumerable e => "@(" + string.Join(", ", e.Cast<object?>().Select(Show)) + ")",
                _ => value.GetType().Name + " " + Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        private static readonly Gen<object> Scalar = Gen.OneOf(
            Inputs.Int.Select(i => (object)i),
            Inputs.Double.Select(d => (object)d),
            Gen.Elements<object>(true, false, 'x', ' ', 0m, -1.5m, long.MaxValue, new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc), Guid.Empty));

        /// <summary>What a user might put on either side of '=': a network name (in any case, with blanks), any text, a number, a table, a list.</summary>
        private static Gen<object?> Side(string[] networks) => Gen.Frequency(
            (8, Gen.Elements(networks).SelectMany(Inputs.AnyCase).Select(n => (object?)n)),
            (1, Gen.Elements(networks).Select(n => (object?)(" " + n + "\t"))),
            (3, Inputs.Text.Select(t => (object?)t)),
            (1, Gen.Constant<object?>(null)),
            (1, Scalar.Select(o => (object?)o)),
            (1, Gen.Elements<Func<object?>>(
                () => new Hashtable { ["x"] = "y" }, () => new Hashtable(), () => new[] { "a", "b" }, () => new object?[] { null }, () => Array.Empty<object>(),
                () => new List<string> { DestinationNetworks[0] }, () => new[] { 1, 2 }).Select(make => make())));

        private static readonly Gen<Table> Tables =
            from count in Gen.Choose(0, 4)
            from keys in Gen.ArrayOf(Side(SourceNetworks), count)
            from values in Gen.ArrayOf(Side(DestinationNetworks), count)
            from ordered in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            from none in Gen.Frequency((15, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new Table(none ? null : Build(keys, values, ordered));

        private static IDictionary Build(object?[] keys, object?[] values, bool ordered)
        {
            IDictionary table = ordered ? new OrderedDictionary() : new Hashtable();
            for (var i = 0; i < keys.Length; i++)
            {
                // A hashtable has no null key (PowerShell refuses @{ $null = ... }); its later entry of a key replaces the earlier.
                if (keys[i] != null) table[keys[i]!] = values[i];
            }

            return table;
        }

        private static readonly string[] VMNetworks = Reference.Estate.FindVM("onprem-lon", VMName)!.Networks.ToArray();

        private static string Name(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim();

        private static bool IsName(object? value) => value != null && !(value is IDictionary) && !(value is IEnumerable && !(value is string))
            && (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim().Length > 0;

        [Fact]
        public void ToNetworkMapping_reads_every_entry_as_trimmed_names_or_is_NetworkMappingInvalid()
        {
            PropertyCheck.Run("ToNetworkMapping", 500, Prop.ForAll(Tables.ToArbitrary(), table =>
            {
                IReadOnlyDictionary<string, string>? mapping;
                try
                {
                    mapping = MoveTarget.ToNetworkMapping(table.Entries);
                }
                catch (HybridException error)
                {
                    DocumentedErrors.Check(error, "NetworkMappingInvalid");
                    Assert.Contains((string)error.Target!, error.Message, StringComparison.Ordinal);
                    // Refused only for a reason: an entry that is not a pair of names, or a network mapped twice.
                    var entries = table.Entries!.Cast<DictionaryEntry>().ToList();
                    var names = entries.Where(e => IsName(e.Key)).Select(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture)!.Trim()).ToList();
                    Assert.True(entries.Any(e => !IsName(e.Key) || !IsName(e.Value)) || names.Distinct(StringComparer.OrdinalIgnoreCase).Count() < names.Count,
                        "refused a table of distinct names: " + error.Message);
                    return;
                }

                if (table.Entries == null)
                {
                    Assert.Null(mapping);
                    return;
                }

                Assert.NotNull(mapping);
                Assert.Equal(table.Entries.Count, mapping!.Count);
                foreach (DictionaryEntry entry in table.Entries)
                {
                    Assert.True(IsName(entry.Key) && IsName(entry.Value));
                    var source = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!.Trim();
                    Assert.True(mapping.TryGetValue(source, out var target), "no entry for " + Inputs.Show(source));
                    Assert.Equal(Convert.ToString(entry.Value, CultureInfo.InvariantCulture)!.Trim(), target);
                }
            }));
        }

        [Fact]
        public void A_refused_mapping_moves_nothing_and_an_accepted_one_fails_only_as_documented()
        {
            PropertyCheck.Run("Move-CloudVM -NetworkMapping", 200, Prop.ForAll(Tables.ToArbitrary(), table =>
            {
                var lab = LabSession.CreateDefault();
                var vms = lab.Estate.VMs;
                var refused = Record.Exception(() => MoveTarget.ToNetworkMapping(table.Entries)) != null;
                var errors = new List<HybridException>();
                var moved = new List<CloudTask>();
                try
                {
                    // What Move-CloudVM does with the row: read the target, then plan and submit the VM's move.
                    var target = MoveTarget.Parse(Destination, table.Entries, MigrationType.Auto);
                    moved.Add(lab.Submit(LabMoves.Plan(lab, lab.Estate.FindVM("onprem-lon", VMName)!, target)));
                }
                catch (HybridException error)
                {
                    errors.Add(error);
                }

                foreach (var error in errors) DocumentedErrors.Check(error, DocumentedErrors.Categories.Keys.ToArray());
                if (refused)
                {
                    Assert.Equal("NetworkMappingInvalid", Assert.Single(errors).ErrorId);
                    Assert.Empty(moved);
                    Assert.Empty(lab.Timeline.Tasks);
                    Assert.Equal(vms, lab.Estate.VMs);
                    Assert.False(lab.Describe().IsModified);
                }
                else
                {
                    // Names the VM's NICs are not on, or the destination does not have, are refused for that VM; nothing else is.
                    var names = table.Entries?.Cast<DictionaryEntry>().Select(e => (Key: Name(e.Key), Value: Name(e.Value))).ToList() ?? new List<(string, string)>();
                    var strays = names.Any(e => !VMNetworks.Contains(e.Key, StringComparer.OrdinalIgnoreCase) || !DestinationNetworks.Contains(e.Value, StringComparer.OrdinalIgnoreCase));
                    Assert.Equal(strays, errors.Any(e => e.ErrorId == "NetworkMappingInvalid"));
                    if (strays) Assert.Empty(lab.Timeline.Tasks);
                }
            }));
        }
    }
}
