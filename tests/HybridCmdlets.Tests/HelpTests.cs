using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace HybridCmdlets.Tests
{
    /// <summary>
    /// The help in the built module (out/HybridCmdlets/en-US) against the cmdlets' own metadata: every cmdlet has a
    /// MAML entry with a synopsis, a description and examples, and documents exactly the parameters, parameter sets,
    /// mandatory flags, positions, pipeline binding, wildcards and output types that the compiled cmdlet has.
    /// </summary>
    public class HelpTests
    {
        private const string AllParameterSets = "__AllParameterSets";

        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private static readonly string[] ShouldProcessParameters = { "Confirm", "WhatIf" };

        private static readonly Lazy<XDocument> Help = new Lazy<XDocument>(() => XDocument.Load(ModuleUnderTest.HelpPath));

        public static TheoryData<string> CmdletNames
        {
            get
            {
                var names = new TheoryData<string>();
                foreach (var type in ModuleUnderTest.CmdletTypes) names.Add(ModuleUnderTest.CmdletName(type));
                return names;
            }
        }

        [Fact]
        public void HelpFileIsMamlInTheBuiltModule()
        {
            Assert.True(File.Exists(ModuleUnderTest.HelpPath), "No help file at " + ModuleUnderTest.HelpPath + "; does module/en-US reach out/ on build?");
            var root = Help.Value.Root!;
            Assert.Equal(Msh + "helpItems", root.Name);
            Assert.Equal("maml", (string?)root.Attribute("schema"));
        }

        [Fact]
        public void EveryDocumentedCommandIsACmdletOfTheModule()
        {
            var cmdlets = ModuleUnderTest.CmdletTypes.Select(ModuleUnderTest.CmdletName).ToArray();
            Assert.NotEmpty(cmdlets);
            var documented = Help.Value.Root!.Elements(Command + "command").Select(CommandName).ToArray();
            Assert.Empty(documented.Except(cmdlets, StringComparer.OrdinalIgnoreCase));
            Assert.Equal(documented.Length, documented.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        [Fact]
        public void AboutTopicIsInTheBuiltModule()
        {
            var path = Path.Combine(ModuleUnderTest.ModuleFolder, "en-US", "about_HybridCmdlets.help.txt");
            Assert.True(File.Exists(path), "No about topic at " + path);
            var text = File.ReadAllText(path);
            Assert.StartsWith("TOPIC", text);
            foreach (var heading in new[] { "about_HybridCmdlets", "SHORT DESCRIPTION", "LONG DESCRIPTION", "EXAMPLES", "SEE ALSO" })
            {
                Assert.Contains(heading, text);
            }

            foreach (var type in ModuleUnderTest.CmdletTypes) Assert.Contains(ModuleUnderTest.CmdletName(type), text);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void HasAnEntryWithSynopsisDescriptionAndExamples(string cmdlet)
        {
            var entry = Entry(cmdlet);
            var (verb, noun) = (cmdlet.Substring(0, cmdlet.IndexOf('-')), cmdlet.Substring(cmdlet.IndexOf('-') + 1));
            Assert.Equal(verb, (string?)entry.Element(Command + "details")?.Element(Command + "verb"));
            Assert.Equal(noun, (string?)entry.Element(Command + "details")?.Element(Command + "noun"));
            Assert.False(string.IsNullOrWhiteSpace(Paragraphs(entry.Element(Command + "details")?.Element(Maml + "description"))), cmdlet + " has no synopsis");
            Assert.False(string.IsNullOrWhiteSpace(Paragraphs(entry.Element(Maml + "description"))), cmdlet + " has no description");

            var examples = entry.Element(Command + "examples")?.Elements(Command + "example").ToArray() ?? Array.Empty<XElement>();
            Assert.True(examples.Length > 0, cmdlet + " has no example");
            foreach (var example in examples)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)example.Element(Dev + "code")), cmdlet + ": an example has no code: " + (string?)example.Element(Maml + "title"));
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void DocumentsEveryParameterAndNoOther(string cmdlet)
        {
            var type = CmdletType(cmdlet);
            var expected = Parameters(type).Select(p => p.Name).ToList();
            if (SupportsShouldProcess(type)) expected.AddRange(ShouldProcessParameters);
            var documented = Entry(cmdlet).Element(Command + "parameters")?.Elements(Command + "parameter").Select(ParameterName).ToArray() ?? Array.Empty<string>();

            Assert.True(expected.Except(documented).Count() == 0, cmdlet + " does not document " + string.Join(", ", expected.Except(documented)));
            Assert.True(documented.Except(expected).Count() == 0, cmdlet + " documents parameters it does not have: " + string.Join(", ", documented.Except(expected)));
            Assert.Equal(documented.Length, documented.Distinct().Count());
            foreach (var parameter in Entry(cmdlet).Element(Command + "parameters")!.Elements(Command + "parameter"))
            {
                Assert.False(string.IsNullOrWhiteSpace(Paragraphs(parameter.Element(Maml + "description"))), cmdlet + " -" + ParameterName(parameter) + " has no description");
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void DocumentsWhatIfAndConfirmExactlyWhenItSupportsShouldProcess(string cmdlet)
        {
            var supports = SupportsShouldProcess(CmdletType(cmdlet));
            var entry = Entry(cmdlet);
            var sections = new[] { entry.Element(Command + "parameters")! }.Concat(SyntaxItems(entry));
            foreach (var section in sections)
            {
                var names = section.Elements(Command + "parameter").Select(ParameterName).ToArray();
                foreach (var common in ShouldProcessParameters)
                {
                    Assert.True(supports == names.Contains(common),
                        cmdlet + (supports ? " supports ShouldProcess but a section lacks -" : " does not support ShouldProcess but documents -") + common);
                }
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void HasOneSyntaxItemPerParameterSet(string cmdlet)
        {
            Assert.Equal(ParameterSets(CmdletType(cmdlet)).Count, SyntaxItems(Entry(cmdlet)).Count());
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void SyntaxItemsMatchTheParameterSets(string cmdlet)
        {
            var type = CmdletType(cmdlet);
            var expected = ParameterSets(type).Select(set => Signature(ExpectedSyntax(type, set))).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            var documented = SyntaxItems(Entry(cmdlet))
                .Select(item => Signature(item.Elements(Command + "parameter").Select(p =>
                    (ParameterName(p), Flag(p, "required"), (string?)p.Attribute("position") ?? "", (string?)p.Attribute("pipelineInput") ?? ""))))
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(expected, documented);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void RequiredAgreesWithMandatory(string cmdlet)
        {
            var type = CmdletType(cmdlet);
            var sets = ParameterSets(type);
            foreach (var parameter in Parameters(type))
            {
                // In the parameters section a parameter is required when every set it belongs to makes it mandatory;
                // per set, SyntaxItemsMatchTheParameterSets checks each syntax item.
                var mandatory = sets.Where(parameter.IsIn).All(set => parameter.In(set).Mandatory);
                Assert.True(mandatory == Flag(DocumentedParameter(cmdlet, parameter.Name), "required"),
                    cmdlet + " -" + parameter.Name + ": documented required does not agree with Mandatory = " + mandatory);
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void PositionsAndPipelineInputAgree(string cmdlet)
        {
            var type = CmdletType(cmdlet);
            var sets = ParameterSets(type);
            foreach (var parameter in Parameters(type))
            {
                var documented = DocumentedParameter(cmdlet, parameter.Name);
                var positions = sets.Where(parameter.IsIn).Select(set => Position(parameter.In(set))).Distinct().ToArray();
                if (positions.Length == 1) Assert.Equal(positions[0], (string?)documented.Attribute("position"));
                var binding = sets.Where(parameter.IsIn).Select(parameter.In).ToArray();
                var pipeline = Pipeline(binding.Any(b => b.ByValue), binding.Any(b => b.ByPropertyName));
                Assert.True(pipeline == (string?)documented.Attribute("pipelineInput"), cmdlet + " -" + parameter.Name + ": pipelineInput should be " + pipeline);
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void GlobbingTypesAndAliasesAgree(string cmdlet)
        {
            var entry = Entry(cmdlet);
            foreach (var parameter in Parameters(CmdletType(cmdlet)))
            {
                var documented = entry.Element(Command + "parameters")!.Elements(Command + "parameter")
                    .Concat(SyntaxItems(entry).SelectMany(item => item.Elements(Command + "parameter")))
                    .Where(p => ParameterName(p) == parameter.Name)
                    .ToArray();
                foreach (var element in documented)
                {
                    Assert.True(parameter.SupportsWildcards == Flag(element, "globbing"), cmdlet + " -" + parameter.Name + ": globbing should be " + parameter.SupportsWildcards);
                    Assert.Equal(FriendlyName(parameter.Type), (string?)element.Element(Dev + "type")?.Element(Maml + "name"));
                    var aliases = parameter.Aliases.Length == 0 ? "none" : string.Join(", ", parameter.Aliases);
                    Assert.Equal(aliases, (string?)element.Attribute("aliases"));
                }
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void DocumentsItsOutputTypes(string cmdlet)
        {
            var documented = Entry(cmdlet).Element(Command + "returnValues")?.Elements(Command + "returnValue")
                .Select(r => ((string?)r.Element(Dev + "type")?.Element(Maml + "name"))?.Trim())
                .ToArray() ?? Array.Empty<string?>();
            var outputs = ModuleUnderTest.Attributes(CmdletType(cmdlet), "OutputTypeAttribute").SelectMany(OutputTypeNames).ToArray();
            Assert.NotEmpty(outputs);
            foreach (var output in outputs) Assert.Contains(output, documented);
        }

        private sealed record Binding(bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);

        private sealed record CmdletParameter(string Name, Type Type, bool SupportsWildcards, string[] Aliases, IReadOnlyDictionary<string, Binding> Sets)
        {
            public bool IsIn(string set) => Sets.ContainsKey(set) || Sets.ContainsKey(AllParameterSets);

            public Binding In(string set) => Sets.TryGetValue(set, out var binding) ? binding : Sets[AllParameterSets];
        }

        private static Type CmdletType(string cmdlet) => ModuleUnderTest.CmdletTypes.Single(t => ModuleUnderTest.CmdletName(t) == cmdlet);

        private static XElement Entry(string cmdlet)
        {
            var entries = Help.Value.Root!.Elements(Command + "command").Where(c => CommandName(c) == cmdlet).ToArray();
            Assert.True(entries.Length == 1, "The help has " + entries.Length + " entries for " + cmdlet);
            return entries[0];
        }

        private static XElement DocumentedParameter(string cmdlet, string name)
        {
            var parameter = Entry(cmdlet).Element(Command + "parameters")?.Elements(Command + "parameter").FirstOrDefault(p => ParameterName(p) == name);
            Assert.True(parameter != null, cmdlet + " does not document -" + name);
            return parameter!;
        }

        private static IEnumerable<XElement> SyntaxItems(XElement entry) =>
            entry.Element(Command + "syntax")?.Elements(Command + "syntaxItem") ?? Enumerable.Empty<XElement>();

        private static string CommandName(XElement command) => ((string?)command.Element(Command + "details")?.Element(Command + "name") ?? "").Trim();

        private static string ParameterName(XElement parameter) => ((string?)parameter.Element(Maml + "name") ?? "").Trim();

        private static string Paragraphs(XElement? description) =>
            description == null ? "" : string.Join("\n", description.Elements(Maml + "para").Select(p => p.Value));

        private static bool Flag(XElement element, string attribute) =>
            string.Equals((string?)element.Attribute(attribute), "true", StringComparison.OrdinalIgnoreCase);

        private static bool SupportsShouldProcess(Type type) =>
            ModuleUnderTest.Named<bool>(ModuleUnderTest.Attribute(type, "CmdletAttribute")!, "SupportsShouldProcess");

        private static IReadOnlyList<CmdletParameter> Parameters(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => ModuleUnderTest.Attribute(p, "ParameterAttribute") != null)
                .Select(p => new CmdletParameter(
                    p.Name,
                    p.PropertyType,
                    ModuleUnderTest.Attribute(p, "SupportsWildcardsAttribute") != null,
                    ModuleUnderTest.Attributes(p, "AliasAttribute").SelectMany(a => Strings(a.ConstructorArguments[0].Value)).ToArray(),
                    ModuleUnderTest.Attributes(p, "ParameterAttribute").ToDictionary(
                        a => ModuleUnderTest.Named<string>(a, "ParameterSetName") ?? AllParameterSets,
                        a => new Binding(
                            ModuleUnderTest.Named<bool>(a, "Mandatory"),
                            a.NamedArguments.Any(n => n.MemberName == "Position") ? ModuleUnderTest.Named<int>(a, "Position") : (int?)null,
                            ModuleUnderTest.Named<bool>(a, "ValueFromPipeline"),
                            ModuleUnderTest.Named<bool>(a, "ValueFromPipelineByPropertyName")))))
                .ToArray();

        /// <summary>The named parameter sets; a cmdlet that names none has the one set "__AllParameterSets".</summary>
        private static IReadOnlyList<string> ParameterSets(Type type)
        {
            var named = Parameters(type).SelectMany(p => p.Sets.Keys).Where(s => s != AllParameterSets).Distinct().ToArray();
            return named.Length == 0 ? new[] { AllParameterSets } : named;
        }

        private static IEnumerable<(string Name, bool Required, string Position, string Pipeline)> ExpectedSyntax(Type type, string set)
        {
            foreach (var parameter in Parameters(type).Where(p => p.IsIn(set)))
            {
                var binding = parameter.In(set);
                yield return (parameter.Name, binding.Mandatory, Position(binding), Pipeline(binding.ByValue, binding.ByPropertyName));
            }

            if (!SupportsShouldProcess(type)) yield break;
            foreach (var common in ShouldProcessParameters) yield return (common, false, "named", "False");
        }

        private static string Signature(IEnumerable<(string Name, bool Required, string Position, string Pipeline)> parameters) =>
            string.Join("; ", parameters
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => p.Name + (p.Required ? " required" : " optional") + " position=" + p.Position + " pipeline=" + p.Pipeline));

        private static string Position(Binding binding) => binding.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named";

        /// <summary>As platyPS writes pipelineInput: "False", "True (ByValue)", "True (ByPropertyName)" or both.</summary>
        private static string Pipeline(bool byValue, bool byPropertyName)
        {
            var kinds = new List<string>();
            if (byValue) kinds.Add("ByValue");
            if (byPropertyName) kinds.Add("ByPropertyName");
            return kinds.Count == 0 ? "False" : "True (" + string.Join(", ", kinds) + ")";
        }

        /// <summary>The short type name that help shows: String[], CloudEndpoint, SwitchParameter.</summary>
        private static string FriendlyName(Type type)
        {
            if (type.IsArray) return FriendlyName(type.GetElementType()!) + "[]";
            if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1") return FriendlyName(type.GetGenericArguments()[0]);
            return type.Name;
        }

        private static IEnumerable<string> OutputTypeNames(CustomAttributeData outputType) =>
            outputType.ConstructorArguments.SelectMany(argument => argument.Value switch
            {
                ReadOnlyCollection<CustomAttributeTypedArgument> items => items.Select(i => i.Value is Type t ? t.FullName! : (string)i.Value!),
                Type single => new[] { single.FullName! },
                string name => new[] { name },
                _ => Enumerable.Empty<string>(),
            });

        private static IEnumerable<string> Strings(object? value) => value switch
        {
            ReadOnlyCollection<CustomAttributeTypedArgument> items => items.Select(i => (string)i.Value!),
            string single => new[] { single },
            _ => Enumerable.Empty<string>(),
        };
    }
}
