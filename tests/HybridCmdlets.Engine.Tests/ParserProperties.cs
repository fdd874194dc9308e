using System;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Querying;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Property-based tests of the engine's parameter parsers (issue 5): -Destination and name patterns. Any text
    /// gives a result that keeps the parser's promises, or the documented error naming the text; never anything else.
    /// </summary>
    public class ParserProperties
    {
        /// <summary>A part ParseDestination may return: not empty, no edge blanks, no slash, no (unescaped) wildcard.</summary>
        private static bool IsPlainPart(string? part) =>
            part != null && part.Length > 0 && part == part.Trim() && part.IndexOf('/') < 0 && !NamePattern.ContainsWildcard(part);

        [Fact]
        public void ParseDestination_gives_an_endpoint_cluster_and_host_from_the_text_or_DestinationInvalid_naming_it()
        {
            PropertyCheck.Run("ParseDestination", 500, Prop.ForAll(Inputs.Shown(Inputs.TextOrNull).ToArbitrary(), input =>
            {
                var text = input.Value;
                (string Endpoint, string? Cluster, string? Host) parsed;
                try
                {
                    parsed = MigrationRequest.ParseDestination(text);
                }
                catch (HybridException error)
                {
                    DocumentedErrors.Check(error, "DestinationInvalid");
                    Assert.Equal(text, error.Target);
                    Assert.Contains(ShownValue.Of(text), error.Message, StringComparison.Ordinal);
                    return;
                }

                // What came back is what the text said, trimmed, and each part names one thing.
                Assert.NotNull(text);
                var parts = text!.Split('/');
                Assert.InRange(parts.Length, 1, 3);
                Assert.Equal(parts[0].Trim(), parsed.Endpoint);
                Assert.Equal(parts.Length >= 2 ? parts[1].Trim() : null, parsed.Cluster);
                Assert.Equal(parts.Length == 3 ? parts[2].Trim() : null, parsed.Host);
                Assert.True(parsed.Host == null || IsPlainPart(parsed.Host), "host " + Inputs.Show(parsed.Host));
                Assert.True(IsPlainPart(parsed.Endpoint), "endpoint " + Inputs.Show(parsed.Endpoint));
                Assert.True(parsed.Cluster == null || IsPlainPart(parsed.Cluster), "cluster " + Inputs.Show(parsed.Cluster));
            }));
        }

        /// <summary>Plain names: random text with the separator and wildcards taken out, never blank.</summary>
        private static readonly Gen<string> PlainName = Inputs.Text.Select(t =>
        {
            var plain = new string(t.Where(c => c != '/' && c != '*' && c != '?' && c != '[' && c != '`').ToArray()).Trim();
            return plain.Length == 0 ? "x" : plain;
        });

        private static readonly Gen<string> Blanks = Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Elements(' ', '\t', '\u00a0', '\u2003'), n)).Select(cs => new string(cs));

        [Fact]
        public void ParseDestination_reads_any_plain_endpoint_and_cluster_with_blanks_around_them()
        {
            var destinations =
                from endpoint in PlainName
                from cluster in Inputs.OrNull(PlainName)
                from pads in Gen.ArrayOf(Blanks, 4)
                select (Endpoint: endpoint, Cluster: cluster, Text: pads[0] + endpoint + pads[1] + (cluster == null ? "" : "/" + pads[2] + cluster + pads[3]));
            PropertyCheck.Run("ParseDestination of plain names", 300, Prop.ForAll(destinations.ToArbitrary(), d =>
            {
                var parsed = MigrationRequest.ParseDestination(d.Text);
                Assert.Equal(d.Endpoint, parsed.Endpoint);
                Assert.Equal(d.Cluster, parsed.Cluster);
            }));
        }

        [Fact]
        public void NamePattern_parses_any_text_or_is_InvalidWildcardPattern_naming_it_and_IsMatch_never_throws()
        {
            var cases =
                from pattern in Gen.Frequency((3, Inputs.Text), (2, WildcardText))
                from names in Gen.ArrayOf(Inputs.TextOrNull, 3)
                select (Pattern: new Inputs.Displayed<string>(pattern), Names: names.Select(n => new Inputs.Displayed<string?>(n)).ToArray());
            PropertyCheck.Run("NamePattern", 500, Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var text = c.Pattern.Value;
                NamePattern pattern;
                try
                {
                    pattern = NamePattern.Parse(text);
                }
                catch (HybridException error)
                {
                    DocumentedErrors.Check(error, "InvalidWildcardPattern");
                    Assert.Equal(text, error.Target);
                    Assert.Contains(ShownValue.Of(text), error.Message, StringComparison.Ordinal);
                    Assert.True(NamePattern.ContainsWildcard(text), "only a wildcard can be malformed");
                    return;
                }

                Assert.Equal(text, pattern.ToString());
                Assert.Equal(NamePattern.ContainsWildcard(text), pattern.HasWildcard);
                Assert.False(pattern.IsMatch(null));
                foreach (var name in c.Names) pattern.IsMatch(name.Value);
            }));
        }

        /// <summary>Text made mostly of wildcard syntax: brackets, ranges, escapes, and the characters a regex treats specially.</summary>
        private static readonly Gen<string> WildcardText =
            Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Frequency(
                (4, Gen.Elements('[', ']', '-', '`', '*', '?', '^', '!')),
                (3, Gen.Elements('a', 'b', 'm', 'z', 'A', 'Z', '0', '9')),
                (2, Gen.Elements('\\', '.', '$', '(', ')', '|', '+', '{', '}', ' ')),
                (1, Inputs.Char)), n)).Select(cs => new string(cs));

        /// <summary>A name made literal: each wildcard character and backtick preceded by a backtick.</summary>
        private static string Escape(string name)
        {
            var sb = new StringBuilder();
            foreach (var c in name)
            {
                if (c == '*' || c == '?' || c == '[' || c == ']' || c == '`') sb.Append('`');
                sb.Append(c);
            }

            return sb.ToString();
        }

        [Fact]
        public void An_escaped_name_matches_itself_alone_and_between_stars_with_any_text_around_it()
        {
            var cases =
                from name in Inputs.Text
                from before in Inputs.Text
                from after in Inputs.Text
                select (Name: new Inputs.Displayed<string>(name), Before: new Inputs.Displayed<string>(before), After: new Inputs.Displayed<string>(after));
            PropertyCheck.Run("escaped NamePattern", 300, Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var name = c.Name.Value;
                var literal = NamePattern.Parse(Escape(name));
                Assert.False(literal.HasWildcard);
                Assert.True(literal.IsMatch(name));
                Assert.Equal(string.Equals(name, c.After.Value, StringComparison.OrdinalIgnoreCase), literal.IsMatch(c.After.Value));

                var contains = NamePattern.Parse("*" + Escape(name) + "*");
                Assert.True(contains.HasWildcard);
                Assert.True(contains.IsMatch(c.Before.Value + name + c.After.Value));
            }));
        }
    }
}
