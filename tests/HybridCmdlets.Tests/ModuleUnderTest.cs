using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace HybridCmdlets.Tests
{
    /// <summary>
    /// The built module folder (out/HybridCmdlets), read without running PowerShell: its assemblies through a
    /// MetadataLoadContext, which reads attributes from metadata alone, and its manifest and help as text.
    /// </summary>
    public static class ModuleUnderTest
    {
        private static readonly Lazy<MetadataLoadContext> Context = new Lazy<MetadataLoadContext>(CreateContext);

        public static string RepositoryRoot { get; } = FindRoot();

        public static string ModuleFolder => Path.Combine(RepositoryRoot, "out", "HybridCmdlets");

        public static string ManifestPath => Path.Combine(ModuleFolder, "HybridCmdlets.psd1");

        public static string HelpPath => Path.Combine(ModuleFolder, "en-US", "HybridCmdlets.dll-Help.xml");

        public static Assembly CmdletAssembly => Context.Value.LoadFromAssemblyPath(Path.Combine(ModuleFolder, "HybridCmdlets.dll"));

        public static Assembly EngineAssembly => Context.Value.LoadFromAssemblyPath(Path.Combine(ModuleFolder, "HybridCmdlets.Engine.dll"));

        /// <summary>PowerShellStandard's reference assembly: the attributes and verb lists the cmdlets compile against.</summary>
        public static Assembly PowerShellAssembly => Context.Value.LoadFromAssemblyName("System.Management.Automation");

        /// <summary>Every public, non-abstract class deriving from System.Management.Automation.Cmdlet.</summary>
        public static IReadOnlyList<Type> CmdletTypes =>
            CmdletAssembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && IsCmdlet(t)).OrderBy(t => t.Name).ToArray();

        public static CustomAttributeData? Attribute(MemberInfo member, string name) =>
            member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == name);

        public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.Name == name);

        public static T? Named<T>(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();

        /// <summary>The cmdlet name, "Verb-Noun", from its [Cmdlet] attribute.</summary>
        public static string CmdletName(Type type)
        {
            var cmdlet = Attribute(type, "CmdletAttribute")!;
            return cmdlet.ConstructorArguments[0].Value + "-" + cmdlet.ConstructorArguments[1].Value;
        }

        private static bool IsCmdlet(Type type)
        {
            for (var t = type.BaseType; t != null; t = t.BaseType)
            {
                if (t.FullName == "System.Management.Automation.Cmdlet") return true;
            }

            return false;
        }

        private static MetadataLoadContext CreateContext()
        {
            // The runtime's own assemblies win over the module's netstandard copies of the same name.
            var paths = new List<string>(Directory.GetFiles(ModuleFolder, "*.dll"));
            paths.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
            paths.Add(Path.Combine(AppContext.BaseDirectory, "reference", "System.Management.Automation.dll"));
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in paths) byName[Path.GetFileName(path)] = path;
            return new MetadataLoadContext(new PathAssemblyResolver(byName.Values), "System.Runtime");
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HybridCmdlets.sln"))) return dir.FullName;
            }

            throw new InvalidOperationException("HybridCmdlets.sln was not found above " + AppContext.BaseDirectory);
        }
    }
}
