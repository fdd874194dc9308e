using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Property-based tests of the lab loader (issue 5): whatever a lab file holds, LabFile.Load returns a lab that
    /// makes sense or throws one of Open-HybridLab's documented errors, and a failed open changes nothing.
    /// </summary>
    public class LabFileProperties
    {
        private static readonly string[] LoadErrors = { "LabFileInvalid", "LabFileVersionUnsupported", "LabFileUnreadable" };

        /// <summary>The default lab, shared by the cases: a session copies its lists and never changes a published object.</summary>
        private static readonly LabDocument DefaultDocument = LabGenerator.CreateDefault();

        private static readonly string DefaultJson = TestFiles.ToJson(DefaultDocument);

        /// <summary>The default lab's file as a tree, parsed once; each case edits a copy.</summary>
        private static readonly JObject DefaultTree = Parse(DefaultJson);

        /// <summary>
        /// The default lab with only the VMs it takes to have every property of a VM and every endpoint at least once,
        /// and only the hosts they need: the same schema in an eighth of the bytes, so that most cases are cheap. The full lab is edited too, less
        /// often: only a file of its size makes the fast reader refill its buffer mid-token.
        /// </summary>
        private static readonly JObject SmallTree = Trimmed(DefaultTree);

        [Fact]
        public void Random_bytes_load_as_a_lab_or_fail_with_a_documented_error()
        {
            PropertyCheck.Run("random content", 300, Prop.ForAll(RandomContent.ToArbitrary(), content => LoadsOrFailsAsDocumented(content.Bytes)));
        }

        [Fact]
        public void The_default_lab_with_random_edits_loads_as_a_sound_lab_or_fails_with_a_documented_error()
        {
            PropertyCheck.Run("edited default lab", 200, Prop.ForAll(EditedLab.ToArbitrary(), lab => LoadsOrFailsAsDocumented(lab.Bytes)));
        }

        [Fact]
        public void A_failed_open_leaves_the_session_as_it_was()
        {
            var content = Gen.Frequency((4, EditedLab), (1, RandomContent));
            PropertyCheck.Run("failed open", 100, Prop.ForAll(content.ToArbitrary(), file =>
            {
                var session = LabSession.FromDocument(DefaultDocument);
                session.Estate.AddVM(new NewVMSpec { Name = "before-the-open", Endpoint = "onprem-lon", MemoryMB = 2048 });
                session.RecordChange();
                var before = session.Describe();
                var estate = session.Estate;
                var timeline = session.Timeline;
                var options = session.Options;
                var path = TestFiles.TempPath();
                File.WriteAllBytes(path, file.Bytes);
                try
                {
                    var opened = session.Open(path);
                    Assert.Equal(Path.GetFullPath(path), opened.Path);
                    Assert.False(opened.IsModified);
                }
                catch (HybridException error)
                {
                    DocumentedErrors.Check(error, LoadErrors);
                    Assert.Same(estate, session.Estate);
                    Assert.Same(timeline, session.Timeline);
                    Assert.Equal(before.VMCount, session.Estate.VMCount);
                    Assert.NotNull(session.Estate.FindVM("onprem-lon", "before-the-open"));
                    Assert.Equivalent(before, session.Describe(), strict: true);
                    Assert.Equivalent(options, session.Options, strict: true);
                }
                finally
                {
                    File.Delete(path);
                }
            }));
        }

        /// <summary>
        /// The property both loader tests check: Load throws a documented error that names the file, or returns a lab
        /// that the session can use, and that saves and loads again to the same file.
        /// </summary>
        private static void LoadsOrFailsAsDocumented(byte[] content)
        {
            var path = TestFiles.TempPath();
            File.WriteAllBytes(path, content);
            try
            {
                LabDocument document;
                try
                {
                    document = LabFile.Load(path);
                }
                catch (HybridException error)
                {
                    DocumentedErrors.Check(error, LoadErrors);
                    Assert.Equal(Path.GetFullPath(path), error.Target);
                    Assert.Contains(Path.GetFullPath(path), error.Message, StringComparison.Ordinal);
                    return;
                }

                var estate = new Estate(document.Endpoints, document.Links, document.VMs);
                Assert.Equal(document.VMs.Count, estate.VMCount);
                var session = LabSession.FromDocument(document);
                Assert.Equal(document.VMs.Count, session.Describe().VMCount);

                var saved = Serialize(session.ToDocument());
                File.WriteAllBytes(path, saved);
                Assert.Equal(saved, Serialize(LabFile.Load(path)));
            }
            finally
            {
                File.Delete(path);
            }
        }

        /// <summary>The bytes <see cref="LabFile.Save"/> writes, made in memory: Save flushes to disk, which is most of a case's time.</summary>
        private static byte[] Serialize(LabDocument document)
        {
            using var stream = new MemoryStream();
            LabFile.Write(document, stream);
            return stream.ToArray();
        }

        // ---- Random content ----

        /// <summary>Bytes to write as a lab file, shown in a failure as their text.</summary>
        public sealed class FileContent
        {
            public FileContent(byte[] bytes, string description)
            {
                Bytes = bytes;
                Description = description;
            }

            public byte[] Bytes { get; }

            public string Description { get; }

            public override string ToString() => Description + " (" + Bytes.Length + " bytes)";

            /// <summary>Content shown in a failure by its first 400 characters.</summary>
            public static FileContent Shown(byte[] bytes, string what) =>
                new FileContent(bytes, what + " " + Inputs.Show(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 400))));
        }

        private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(b => (byte)b);

        /// <summary>Names a lab file uses, so that random JSON gets past the first property now and then.</summary>
        private static readonly string[] LabNames =
        {
            "schemaVersion", "name", "options", "clock", "endpoints", "links", "vms", "timeScale", "autoSave", "migrationAlgorithm", "clusters", "hosts",
            "datastores", "networks", "source", "destination", "bandwidthMbps", "numCpu", "memoryMB", "hardDisks", "networkAdapters", "workload", "SchemaVersion", "VMs",
        };

        private static Gen<JToken> RandomJson(int size)
        {
            if (size <= 1) return Scalar;
            var inner = Gen.Sized(_ => RandomJson(size / 3));
            var key = Gen.Frequency((2, Gen.Elements(LabNames)), (1, Inputs.Text));
            return Gen.Frequency(
                (3, Scalar),
                (2, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(inner, n)).Select(items => (JToken)new JArray(items))),
                (2, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Zip(key, inner), n)).Select(Object)));
        }

        /// <summary>An object with the lab's top-level names and random values: past the first brace, into the schema.</summary>
        private static readonly Gen<JToken> LabShapedJson =
            Gen.SubListOf(new[] { "schemaVersion", "name", "options", "clock", "endpoints", "links", "vms" })
                .SelectMany(names => Gen.ArrayOf(Gen.Sized(size => RandomJson(Math.Min(size, 30))), names.Count).Select(values => Object(names.Zip(values, (n, v) => (n, v)).ToArray())));

        private static JToken Object((string Name, JToken Value)[] properties)
        {
            var o = new JObject();
            foreach (var (name, value) in properties) o[name] = value.DeepClone();
            return o;
        }

        /// <summary>Values of every JSON type, chosen for the mistakes a loader makes: nulls, overflows, NaN, odd strings, deep nesting.</summary>
        private static readonly Gen<JToken> Scalar = Gen.Frequency(
            (6, Gen.Elements<Func<JToken>>(
                () => JValue.CreateNull(), () => new JValue(0), () => new JValue(-1), () => new JValue(1), () => new JValue(2), () => new JValue(2147483648L),
                () => new JValue(-2147483649L), () => new JValue(long.MaxValue), () => new JValue(System.Numerics.BigInteger.Parse("123456789012345678901234567890")),
                () => new JValue(1e308), () => new JValue(-1e308), () => new JValue(1.5), () => new JValue(-0.5), () => new JValue(double.NaN),
                () => new JValue(double.PositiveInfinity), () => new JValue(double.NegativeInfinity), () => new JValue(true), () => new JValue(false),
                () => new JValue(""), () => new JValue(" "), () => new JValue("*"), () => new JValue("web*"), () => new JValue("["), () => new JValue("a/b"),
                () => new JValue("`"), () => new JValue("vmx-99"), () => new JValue("vmx-4"), () => new JValue("2026-11-23T08:00:00Z"),
                () => new JValue("1999-12-31T23:59:59Z"), () => new JValue("9999-12-31T23:59:59.9999999Z"), () => new JValue("2026-11-23T08:00:00+05:00"),
                () => new JValue("PoweredOn"), () => new JValue("AVS"), () => new JValue("Vmxnet3"), () => new JValue("00:50:56:80:00:01"),
                () => new JValue("00:50:56:ff:ffffffffff:00"), () => new JValue("00:50:56:80::"), () => new JValue("VirtualMachine-vm-99999999999"),
                () => new JValue("99.99.99"), () => new JValue("8.0.3"), () => new JValue(new string('n', 100_000)),
                () => new JObject(), () => new JArray(), () => new JArray(JValue.CreateNull()), () => JObject.Parse("{\"a\":[{\"b\":null}]}"), () => Deep(40),
                () => Deep(31)).Select(make => make())),
            (3, Inputs.Text.Select(t => (JToken)new JValue(t))),
            (2, Inputs.Double.Select(d => (JToken)new JValue(d))),
            (2, Inputs.Int.Select(i => (JToken)new JValue(i))));

        /// <summary>Arrays nested <paramref name="depth"/> deep (the reader's limit is 32).</summary>
        private static JToken Deep(int depth)
        {
            JToken token = new JArray();
            for (var i = 1; i < depth; i++) token = new JArray(token);
            return token;
        }

        private static readonly Gen<FileContent> RandomContent = Gen.Frequency(
            (3, AnyByte.ArrayOf().Select(b => FileContent.Shown(b, "random bytes"))),
            (3, Inputs.Text.Select(t => FileContent.Shown(Encoding.UTF8.GetBytes(t), "random text"))),
            (3, Gen.Sized(size => RandomJson(Math.Min(size, 40))).Select(j => FileContent.Shown(Encoding.UTF8.GetBytes(j.ToString(Formatting.None)), "random JSON"))),
            (3, LabShapedJson.Select(j => FileContent.Shown(Encoding.UTF8.GetBytes(j.ToString()), "random lab-shaped JSON"))),
            (1, Gen.Elements(Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.UTF32, new UTF8Encoding(true)).SelectMany(encoding =>
                LabShapedJson.Select(j => FileContent.Shown(encoding.GetPreamble().Concat(encoding.GetBytes(j.ToString())).ToArray(), "lab-shaped JSON in " + encoding.WebName)))));

        // ---- The default lab with random edits ----

        /// <summary>
        /// What an edit does: a value replaced by a random one of any type (null, numbers past int and long, 1e308,
        /// NaN, empty or wildcard strings, nested objects and arrays, nesting past the reader's limit) or by a copy
        /// of another part of the lab; a property removed, written twice or added; a string edited (at random, or with
        /// the characters of its format); a list item removed or duplicated; a byte changed; the file cut short.
        /// </summary>
        private enum EditKind { Replace, ReplaceWithOther, Remove, Duplicate, AddProperty, EditString, EditParsedString, RemoveItem, DuplicateItem, ChangeByte, Truncate }

        /// <summary>
        /// One edit, as random numbers: <see cref="Walk"/> steps down from the root (each number picks a child), and the
        /// other numbers pick a place or a length. Applied to the default lab's tree, then to its text.
        /// </summary>
        private sealed class Edit
        {
            public EditKind Kind;
            public int[] Walk = Array.Empty<int>();
            public int[] OtherWalk = Array.Empty<int>();
            public JToken Value = JValue.CreateNull();
            public int A;
            public int B;
            public string Text = "";
            public string Format = "";
            public byte Byte;
        }

        /// <summary>
        /// Strings the lab parses further once the file is read (a MAC address into a number, an id, a version, a
        /// time, a reference to another object's name): edited with the characters of their formats, not at random.
        /// </summary>
        private static readonly string[] ParsedStrings =
        {
            "macAddress", "id", "hardwareVersion", "esxiVersion", "clock", "created", "guestId", "source", "destination", "endpoint", "cluster", "vmHost",
            "datastore", "networkName", "evcMode", "extendedFrom", "name",
        };

        private static readonly Gen<string> FormatText =
            Gen.Frequency(
                (4, Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789abcdefABCDEF:-.+ xXTZvm".ToCharArray()), n)).Select(cs => new string(cs))),
                (1, Gen.Elements("ffffffffff", "99999999999", "-1", "+1", "0x1f", " 1", "")));

        private static readonly Gen<int[]> AWalk = Gen.Choose(1, 7).SelectMany(depth => Gen.ArrayOf(Gen.Choose(0, 1 << 20), depth));

        private static readonly Gen<Edit> AnEdit =
            from kind in Gen.Frequency(
                (5, Gen.Constant(EditKind.Replace)), (2, Gen.Constant(EditKind.ReplaceWithOther)), (3, Gen.Constant(EditKind.Remove)),
                (2, Gen.Constant(EditKind.Duplicate)), (1, Gen.Constant(EditKind.AddProperty)), (3, Gen.Constant(EditKind.EditString)),
                (5, Gen.Constant(EditKind.EditParsedString)), (1, Gen.Constant(EditKind.RemoveItem)), (1, Gen.Constant(EditKind.DuplicateItem)),
                (2, Gen.Constant(EditKind.ChangeByte)), (2, Gen.Constant(EditKind.Truncate)))
            from walk in AWalk
            from other in AWalk
            from value in Gen.Sized(size => RandomJson(Math.Min(size, 20)))
            from a in Gen.Choose(0, int.MaxValue)
            from b in Gen.Choose(0, 12)
            from text in Gen.Frequency((3, Inputs.Text), (1, Gen.Elements(LabNames)))
            from format in FormatText
            from aByte in AnyByte
            select new Edit { Kind = kind, Walk = walk, OtherWalk = other, Value = value, A = a, B = b, Text = text, Format = format, Byte = aByte };

        private static readonly Gen<FileContent> EditedLab =
            from n in Gen.Frequency((6, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
            from edits in Gen.ArrayOf(AnEdit, n)
            from full in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
            select Apply(edits, full);

        private static JObject Parse(string json)
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            return JObject.Load(reader);
        }

        /// <summary>The token the walk leads to (never the root itself).</summary>
        private static JToken Follow(JObject root, int[] walk)
        {
            JToken current = root;
            foreach (var step in walk)
            {
                var children = current is JObject o ? o.Properties().Select(p => p.Value).ToList() : current is JArray a ? a.ToList() : new List<JToken>();
                if (children.Count == 0) break;
                current = children[step % children.Count];
            }

            return current == root ? root.Properties().First().Value : current;
        }

        private static JObject Trimmed(JObject full)
        {
            static string Feature(JProperty p) => System.Text.RegularExpressions.Regex.Replace(p.Path, @"^vms\[\d+\]\.|\[\d+\]", "");
            var vms = ((JArray)full["vms"]!).Cast<JObject>().ToList();
            var features = vms.Select(vm => new HashSet<string>(vm.Descendants().OfType<JProperty>().Select(Feature)) { "endpoint=" + (string?)vm["endpoint"] }).ToList();
            var missing = new HashSet<string>(features.SelectMany(f => f));
            var chosen = new List<JObject>();
            while (missing.Count > 0)
            {
                var best = Enumerable.Range(0, vms.Count).OrderByDescending(i => features[i].Count(missing.Contains)).First();
                chosen.Add(vms[best]);
                missing.ExceptWith(features[best]);
            }

            var small = (JObject)full.DeepClone();
            small["vms"] = new JArray(chosen.Select(vm => vm.DeepClone()));

            // Each cluster keeps its first host and those the VMs kept run on: hosts are a third of the file.
            var used = new HashSet<string>(chosen.Select(vm => (string)vm["vmHost"]!), StringComparer.OrdinalIgnoreCase);
            foreach (var hosts in small.SelectTokens("endpoints[*].clusters[*].hosts").OfType<JArray>())
            {
                foreach (var host in hosts.Skip(1).Where(h => !used.Contains((string?)h["name"] ?? "")).ToList()) host.Remove();
            }

            return small;
        }

        private static FileContent Apply(Edit[] edits, bool full)
        {
            var root = (JObject)(full ? DefaultTree : SmallTree).DeepClone();
            var done = new List<string>();
            var duplicates = new List<(string Placeholder, string Name)>();
            foreach (var edit in edits.Where(e => e.Kind != EditKind.ChangeByte && e.Kind != EditKind.Truncate))
            {
                var target = Follow(root, edit.Walk);
                var at = target.Path;
                switch (edit.Kind)
                {
                    case EditKind.Replace:
                        done.Add("replace " + at + " with " + edit.Value.ToString(Formatting.None).Substring(0, Math.Min(200, edit.Value.ToString(Formatting.None).Length)));
                        target.Replace(edit.Value.DeepClone());
                        break;
                    case EditKind.ReplaceWithOther:
                        var other = Follow(root, edit.OtherWalk);
                        done.Add("replace " + at + " with a copy of " + other.Path);
                        target.Replace(other.DeepClone());
                        break;
                    case EditKind.Remove:
                        if (target.Parent is JProperty removed)
                        {
                            done.Add("remove " + at);
                            removed.Remove();
                        }
                        else if (target.Parent is JArray)
                        {
                            done.Add("remove item " + at);
                            target.Remove();
                        }

                        break;
                    case EditKind.Duplicate:
                        if (target.Parent is JProperty property && property.Parent is JObject owner)
                        {
                            var placeholder = "__duplicate_" + duplicates.Count + "__";
                            var value = edit.B % 2 == 0 ? property.Value.DeepClone() : edit.Value.DeepClone();
                            done.Add("write " + at + " twice, the second time as " + value.ToString(Formatting.None).Substring(0, Math.Min(200, value.ToString(Formatting.None).Length)));
                            owner.Add(new JProperty(placeholder, value));
                            duplicates.Add((placeholder, property.Name));
                        }

                        break;
                    case EditKind.AddProperty:
                        var container = target as JObject ?? target.Parent as JObject ?? target.Parent?.Parent as JObject ?? root;
                        if (container.Property(edit.Text, StringComparison.Ordinal) == null)
                        {
                            done.Add("add " + Inputs.Show(edit.Text) + " to " + container.Path);
                            container.Add(new JProperty(edit.Text, edit.Value.DeepClone()));
                        }

                        break;
                    case EditKind.EditString:
                        var strings = (target is JContainer c ? c.DescendantsAndSelf() : new[] { target }).OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList();
                        if (strings.Count == 0) break;
                        var s = strings[edit.A % strings.Count];
                        var old = (string)s.Value!;
                        var start = old.Length == 0 ? 0 : edit.A % (old.Length + 1);
                        string changed;
                        switch (edit.B % 4)
                        {
                            case 0: changed = old.Remove(start, Math.Min(old.Length - start, 1 + edit.B)); break;
                            case 1: changed = old.Insert(start, edit.Text); break;
                            case 2: changed = old.ToUpperInvariant(); break;
                            default: changed = old.Substring(0, start); break;
                        }

                        done.Add("change " + s.Path + " from " + Inputs.Show(old) + " to " + Inputs.Show(changed));
                        s.Value = changed;
                        break;
                    case EditKind.EditParsedString:
                        // A field name first, then a field of that name: MAC addresses are few among the names.
                        var parsed = root.Descendants().OfType<JProperty>().Where(p => p.Value.Type == JTokenType.String && ParsedStrings.Contains(p.Name)).ToList();
                        if (parsed.Count == 0) break;
                        var names = parsed.Select(p => p.Name).Distinct().ToList();
                        var named = parsed.Where(p => p.Name == names[edit.A % names.Count]).ToList();
                        var field = named[edit.A / 31 % named.Count];
                        var was = (string)field.Value!;
                        var from = was.Length == 0 ? 0 : edit.A / 7 % (was.Length + 1);
                        string now;
                        switch (edit.B % 6)
                        {
                            case 0: now = was.Remove(from, Math.Min(was.Length - from, 1 + edit.B / 6)); break;
                            case 1: now = was.Insert(from, edit.Format); break;
                            case 2: now = was.Substring(0, from) + edit.Format + was.Substring(Math.Min(was.Length, from + 1 + edit.B / 6)); break;
                            case 3: now = edit.Format; break;
                            default:
                                // One part between separators (":" of a MAC address, "." of a version, "-" of an id) emptied or replaced.
                                var parts = System.Text.RegularExpressions.Regex.Split(was, "([:.\\-/])");
                                var part = edit.A / 13 % parts.Length;
                                parts[part] = edit.B % 6 == 4 ? "" : edit.Format;
                                now = string.Concat(parts);
                                break;
                        }

                        done.Add("change " + field.Path + " from " + Inputs.Show(was) + " to " + Inputs.Show(now));
                        field.Value = now;
                        break;
                    case EditKind.RemoveItem:
                    case EditKind.DuplicateItem:
                        var item = target.AncestorsAndSelf().FirstOrDefault(t => t.Parent is JArray);
                        if (item == null) break;
                        if (edit.Kind == EditKind.RemoveItem)
                        {
                            done.Add("remove item " + item.Path);
                            item.Remove();
                        }
                        else
                        {
                            done.Add("duplicate item " + item.Path);
                            item.AddAfterSelf(item.DeepClone());
                        }

                        break;
                }
            }

            var text = root.ToString(Formatting.Indented);
            foreach (var (placeholder, name) in duplicates) text = text.Replace("\"" + placeholder + "\"", JsonConvert.ToString(name));
            var bytes = Encoding.UTF8.GetBytes(text);
            foreach (var edit in edits.Where(e => e.Kind == EditKind.ChangeByte || e.Kind == EditKind.Truncate))
            {
                if (bytes.Length == 0) break;
                var at = edit.A % bytes.Length;
                if (edit.Kind == EditKind.ChangeByte)
                {
                    done.Add("change byte " + at + " (" + Inputs.Show(Encoding.UTF8.GetString(bytes, Math.Max(0, at - 20), Math.Min(bytes.Length - Math.Max(0, at - 20), 40))) + ") from " + bytes[at] + " to " + edit.Byte);
                    bytes[at] = edit.Byte;
                }
                else
                {
                    done.Add("truncate at byte " + at + " of " + bytes.Length);
                    bytes = bytes.Take(at).ToArray();
                }
            }

            return new FileContent(bytes, (full ? "the default lab" : "the default lab cut to " + ((JArray)SmallTree["vms"]!).Count + " VMs") + " with: " + (done.Count == 0 ? "no change" : string.Join("; ", done)));
        }
    }
}
