using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HybridCmdlets.Tests
{
    /// <summary>The built module folder: manifest, format views and the files that ship with it.</summary>
    public class ManifestTests
    {
        private static readonly string Manifest = File.ReadAllText(ModuleUnderTest.ManifestPath);

        private static string[] ListOf(string key)
        {
            var match = Regex.Match(Manifest, @"^\s*" + key + @"\s*=\s*@\((?<items>[^)]*)\)", RegexOptions.Multiline);
            Assert.True(match.Success, key + " is not a @( ) list in the manifest");
            return Regex.Matches(match.Groups["items"].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
        }

        private static string ValueOf(string key)
        {
            var match = Regex.Match(Manifest, @"^\s*" + key + @"\s*=\s*'(?<value>[^']*)'", RegexOptions.Multiline);
            Assert.True(match.Success, key + " is missing from the manifest");
            return match.Groups["value"].Value;
        }

        [Fact]
        public void CmdletsToExport_lists_exactly_the_cmdlet_classes()
        {
            Assert.Equal(
                ModuleUnderTest.CmdletTypes.Select(ModuleUnderTest.CmdletName).OrderBy(n => n, StringComparer.Ordinal),
                ListOf("CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("FunctionsToExport")]
        [InlineData("AliasesToExport")]
        [InlineData("VariablesToExport")]
        public void Exports_nothing_but_cmdlets(string key)
        {
            Assert.Empty(ListOf(key));
        }

        [Fact]
        public void Runs_on_both_editions_from_the_module_assembly()
        {
            Assert.Equal(new[] { "Core", "Desktop" }, ListOf("CompatiblePSEditions"));
            Assert.Equal("HybridCmdlets.dll", ValueOf("RootModule"));
            Assert.Equal("5.1", ValueOf("PowerShellVersion"));
        }

        [Fact]
        public void ModuleVersion_is_the_assembly_version_stamped_at_build()
        {
            var version = ModuleUnderTest.CmdletAssembly.GetName().Version!;
            Assert.Equal(version.ToString(3), ValueOf("ModuleVersion"));
            Assert.DoesNotContain("{{", Manifest);
        }

        [Fact]
        public void The_module_folder_carries_its_dependencies_but_not_PowerShell()
        {
            var files = Directory.GetFiles(ModuleUnderTest.ModuleFolder).Select(Path.GetFileName).ToArray();
            Assert.Contains("HybridCmdlets.dll", files);
            Assert.Contains("HybridCmdlets.Engine.dll", files);
            Assert.Contains("Newtonsoft.Json.dll", files);
            Assert.Contains("CsvHelper.dll", files);
            Assert.DoesNotContain("System.Management.Automation.dll", files);
            foreach (var format in ListOf("FormatsToProcess")) Assert.Contains(format, files);
        }

        [Fact]
        public void The_module_folder_carries_the_PBKDF2_package_that_hashes_lab_users_passwords()
        {
            var files = Directory.GetFiles(ModuleUnderTest.ModuleFolder).Select(Path.GetFileName).ToArray();
            Assert.Contains("Microsoft.AspNetCore.Cryptography.KeyDerivation.dll", files);
            Assert.Contains("Microsoft.AspNetCore.Cryptography.Internal.dll", files);
        }

        [Fact]
        public void Format_views_name_real_types_and_properties()
        {
            var formatFile = Path.Combine(ModuleUnderTest.ModuleFolder, ListOf("FormatsToProcess").Single());
            var engineAssembly = ModuleUnderTest.EngineAssembly;
            var views = XDocument.Load(formatFile).Descendants("View").ToList();
            Assert.Contains(views, v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == "HybridCmdlets.Engine.Inventory.CloudVM");
            foreach (var view in views)
            {
                var typeName = (string)view.Element("ViewSelectedBy")!.Element("TypeName")!;
                var type = engineAssembly.GetType(typeName);
                Assert.True(type != null, "format view for unknown type " + typeName);
                foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
                {
                    Assert.True(type!.GetProperty(property) != null, typeName + " has no property " + property);
                }

                var headers = view.Descendants("TableColumnHeader").Count();
                if (headers > 0) Assert.Equal(headers, view.Descendants("TableColumnItem").Count());
            }
        }

        [Fact]
        public void The_CloudVM_table_is_the_short_PowerCLI_like_one()
        {
            var formatFile = Path.Combine(ModuleUnderTest.ModuleFolder, "HybridCmdlets.Format.ps1xml");
            var view = XDocument.Load(formatFile).Descendants("View").Single(v => (string?)v.Element("Name") == "CloudVM");
            Assert.Equal(new[] { "Name", "PowerState", "Num CPUs", "MemoryGB", "Endpoint", "Cluster" }, view.Descendants("Label").Select(l => l.Value));
        }
    }
}
