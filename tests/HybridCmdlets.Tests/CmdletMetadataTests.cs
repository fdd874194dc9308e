using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace HybridCmdlets.Tests
{
    /// <summary>
    /// The compiled cmdlets' attributes, read with MetadataLoadContext from out/HybridCmdlets: what PowerShell will
    /// see when it imports the module, checked without running PowerShell.
    /// </summary>
    public class CmdletMetadataTests
    {
        public static IEnumerable<object[]> Cmdlets => ModuleUnderTest.CmdletTypes.Select(t => new object[] { t.Name });

        private static Type Cmdlet(string className) => ModuleUnderTest.CmdletTypes.Single(t => t.Name == className);

        private sealed class ParameterInfo
        {
            public string Name = "";
            public string Set = "";
            public bool Mandatory;
            public int Position = int.MinValue;
            public bool ByValue;
            public bool ByPropertyName;
            public string[] Aliases = new string[0];
        }

        private static List<ParameterInfo> Parameters(Type type) =>
            type.GetProperties().SelectMany(p => ModuleUnderTest.Attributes(p, "ParameterAttribute").Select(a => new ParameterInfo
            {
                Name = p.Name,
                Set = ModuleUnderTest.Named<string>(a, "ParameterSetName") ?? "__AllParameterSets",
                Mandatory = ModuleUnderTest.Named<bool>(a, "Mandatory"),
                Position = a.NamedArguments.Any(n => n.MemberName == "Position") ? ModuleUnderTest.Named<int>(a, "Position") : int.MinValue,
                ByValue = ModuleUnderTest.Named<bool>(a, "ValueFromPipeline"),
                ByPropertyName = ModuleUnderTest.Named<bool>(a, "ValueFromPipelineByPropertyName"),
                Aliases = ModuleUnderTest.Attributes(p, "AliasAttribute").SelectMany(al => ((IEnumerable<CustomAttributeTypedArgument>)al.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)).ToArray(),
            })).ToList();

        private static HashSet<string> ApprovedVerbs()
        {
            var assembly = ModuleUnderTest.PowerShellAssembly;
            var verbs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in new[] { "VerbsCommon", "VerbsCommunications", "VerbsData", "VerbsDiagnostic", "VerbsLifecycle", "VerbsOther", "VerbsSecurity" })
            {
                foreach (var field in assembly.GetType("System.Management.Automation." + group, throwOnError: true)!.GetFields())
                {
                    verbs.Add((string)field.GetRawConstantValue()!);
                }
            }

            Assert.Contains("Get", verbs);
            return verbs;
        }

        [Fact]
        public void The_module_holds_the_cmdlets_of_the_foundation_the_migration_engine_the_inventory_import_access_control_and_the_report()
        {
            Assert.Equal(
                new[]
                {
                    "Add-CloudFault", "Clear-CloudFault", "Connect-CloudEndpoint", "Disconnect-CloudEndpoint", "Export-MigrationReport", "Get-CloudEndpoint", "Get-CloudFault",
                    "Get-CloudLink", "Get-CloudPermission", "Get-CloudTask", "Get-CloudVM", "Get-HybridLab", "Import-CloudInventory", "Move-CloudVM", "New-CloudPermission",
                    "New-CloudUser", "New-CloudVM", "Open-HybridLab", "Remove-CloudVM", "Save-HybridLab", "Set-CloudLink", "Set-HybridLabOption",
                    "Stop-CloudTask", "Test-MigrationReadiness", "Wait-CloudTask",
                },
                ModuleUnderTest.CmdletTypes.Select(ModuleUnderTest.CmdletName).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Uses_an_approved_verb_and_is_named_VerbNounCommand(string className)
        {
            var type = Cmdlet(className);
            var attribute = ModuleUnderTest.Attribute(type, "CmdletAttribute")!;
            var verb = (string)attribute.ConstructorArguments[0].Value!;
            var noun = (string)attribute.ConstructorArguments[1].Value!;
            Assert.Contains(verb, ApprovedVerbs());
            Assert.Equal(verb + noun + "Command", className);
            Assert.Equal("HybridCmdlets.Commands", type.Namespace);
            Assert.True(type.IsSealed);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Declares_its_output_type(string className)
        {
            var outputs = ModuleUnderTest.Attributes(Cmdlet(className), "OutputTypeAttribute").ToList();
            Assert.NotEmpty(outputs);
            foreach (var output in outputs)
            {
                var types = (IEnumerable<CustomAttributeTypedArgument>)output.ConstructorArguments[0].Value!;
                // The module's own objects, or the file an Export cmdlet wrote (-PassThru).
                Assert.All(types, t => Assert.True(((Type)t.Value!).FullName!.StartsWith("HybridCmdlets.", StringComparison.Ordinal) || ((Type)t.Value!).FullName == "System.IO.FileInfo",
                    className + " declares " + ((Type)t.Value!).FullName));
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Has_valid_parameter_sets(string className)
        {
            var type = Cmdlet(className);
            var parameters = Parameters(type);
            var sets = parameters.Select(p => p.Set).Where(s => s != "__AllParameterSets").Distinct().ToList();
            var defaultSet = ModuleUnderTest.Named<string>(ModuleUnderTest.Attribute(type, "CmdletAttribute")!, "DefaultParameterSetName");
            if (sets.Count > 1) Assert.Contains(defaultSet, sets);
            if (sets.Count == 0) sets.Add("__AllParameterSets");

            foreach (var set in sets)
            {
                var inSet = parameters.Where(p => p.Set == set || p.Set == "__AllParameterSets").ToList();
                Assert.True(inSet.Count(p => p.ByValue) <= 1, className + ": more than one ValueFromPipeline parameter in set " + set);
                var positions = inSet.Where(p => p.Position != int.MinValue).Select(p => p.Position).ToList();
                Assert.Equal(positions.Count, positions.Distinct().Count());
                Assert.Equal(inSet.Count, inSet.Select(p => p.Name).Distinct().Count());
            }

            // Every set must be reachable: two sets with the same mandatory parameters could not be told apart.
            var signatures = sets.Select(s => string.Join(",", parameters.Where(p => p.Set == s && p.Mandatory).Select(p => p.Name).OrderBy(n => n))).ToList();
            if (sets.Count > 1) Assert.Equal(signatures.Count, signatures.Distinct().Count());
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Binds_identity_parameters_by_property_name(string className)
        {
            // Except Get-CloudTask -Id and Get-CloudFault -Id: other objects have an Id too (VMs, tasks), which would be
            // taken for theirs; and their properties are live, so there is nothing to gain from piping one back in.
            // Add-CloudFault -VM names the VM whose migration triggers the fault; nothing is piped to it.
            if (className == "GetCloudTaskCommand" || className == "GetCloudFaultCommand" || className == "AddCloudFaultCommand")
            {
                Assert.DoesNotContain(Parameters(Cmdlet(className)), p => p.ByPropertyName);
                return;
            }

            foreach (var identity in Parameters(Cmdlet(className)).Where(p => p.Name == "Name" || p.Name == "Id" || p.Name == "VM").GroupBy(p => p.Name))
            {
                Assert.True(identity.Any(p => p.ByPropertyName), className + " -" + identity.Key + " does not bind by property name");
            }
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Cmdlets_that_change_state_support_ShouldProcess(string className)
        {
            var type = Cmdlet(className);
            var attribute = ModuleUnderTest.Attribute(type, "CmdletAttribute")!;
            var verb = (string)attribute.ConstructorArguments[0].Value!;
            var supports = ModuleUnderTest.Named<bool>(attribute, "SupportsShouldProcess");
            // Get, Test and Wait only read (Wait-CloudTask lets time pass; the moves were confirmed when they were asked for).
            var changesState = verb != "Get" && verb != "Wait" && verb != "Test";
            Assert.Equal(changesState, supports);
            var impact = ModuleUnderTest.Named<int>(attribute, "ConfirmImpact");
            // ConfirmImpact.High (3) only for destructive acts.
            Assert.Equal(verb == "Remove", impact == 3);
        }

        [Fact]
        public void Get_CloudVM_takes_endpoints_from_the_pipeline_without_binding_their_name_to_Name()
        {
            var parameters = Parameters(Cmdlet("GetCloudVMCommand"));
            var endpointByValue = parameters.Single(p => p.Name == "Endpoint" && p.ByValue);
            Assert.True(endpointByValue.Mandatory);
            Assert.False(parameters.Single(p => p.Name == "Name" && p.Set == endpointByValue.Set).ByPropertyName);
            Assert.True(parameters.Single(p => p.Name == "Name" && p.Set == "Filter").ByPropertyName);
            Assert.Equal("Filter", ModuleUnderTest.Named<string>(ModuleUnderTest.Attribute(Cmdlet("GetCloudVMCommand"), "CmdletAttribute")!, "DefaultParameterSetName"));
            var endpointType = Cmdlet("GetCloudVMCommand").GetProperty("Endpoint")!;
            Assert.Equal("HybridCmdlets.Engine.Inventory.CloudEndpoint[]", endpointType.PropertyType.FullName);
            Assert.NotNull(ModuleUnderTest.Attribute(endpointType, "EndpointTransformationAttribute"));
        }

        [Fact]
        public void Import_CloudInventory_takes_files_from_Get_ChildItem_and_one_on_premises_endpoint()
        {
            var type = Cmdlet("ImportCloudInventoryCommand");
            var parameters = Parameters(type);
            var path = parameters.Single(p => p.Name == "Path");
            Assert.True(path.Mandatory && path.ByPropertyName && !path.ByValue);
            Assert.Equal(0, path.Position);
            Assert.Contains("FullName", path.Aliases);
            Assert.All(parameters.Where(p => p.Name != "Path"), p => Assert.False(p.Mandatory || p.ByValue || p.ByPropertyName));
            var endpoint = type.GetProperty("Endpoint")!;
            Assert.Equal("HybridCmdlets.Engine.Inventory.CloudEndpoint", endpoint.PropertyType.FullName);
            Assert.True(ModuleUnderTest.Named<bool>(ModuleUnderTest.Attribute(endpoint, "EndpointTransformationAttribute")!, "Single"));
            Assert.Equal(2, ModuleUnderTest.Named<int>(ModuleUnderTest.Attribute(type, "CmdletAttribute")!, "ConfirmImpact"));
        }

        [Fact]
        public void Export_MigrationReport_takes_any_object_from_the_pipeline_and_writes_to_a_path()
        {
            var type = Cmdlet("ExportMigrationReportCommand");
            var parameters = Parameters(type);
            var input = parameters.Single(p => p.Name == "InputObject");
            // Not mandatory: with nothing piped the cmdlet says so itself (ReportInputMissing) instead of prompting.
            Assert.True(input.ByValue && !input.Mandatory && !input.ByPropertyName);
            Assert.Equal("System.Management.Automation.PSObject[]", type.GetProperty("InputObject")!.PropertyType.FullName);
            var path = parameters.Single(p => p.Name == "Path");
            Assert.True(path.Mandatory && !path.ByValue && !path.ByPropertyName);
            Assert.Equal(0, path.Position);
            Assert.Contains("NoOverwrite", parameters.Single(p => p.Name == "NoClobber").Aliases);
            var output = (IEnumerable<CustomAttributeTypedArgument>)ModuleUnderTest.Attribute(type, "OutputTypeAttribute")!.ConstructorArguments[0].Value!;
            Assert.Equal("System.IO.FileInfo", ((Type)Assert.Single(output).Value!).FullName);
            Assert.Equal(2, ModuleUnderTest.Named<int>(ModuleUnderTest.Attribute(type, "CmdletAttribute")!, "ConfirmImpact"));
        }

        [Fact]
        public void Remove_CloudVM_takes_vm_objects_names_and_csv_rows()
        {
            var vm = Parameters(Cmdlet("RemoveCloudVMCommand")).Single(p => p.Name == "VM");
            Assert.True(vm.ByValue);
            Assert.True(vm.ByPropertyName);
            Assert.Contains("Name", vm.Aliases);
            var type = Cmdlet("RemoveCloudVMCommand").GetProperty("VM")!.PropertyType.GetElementType()!;
            var constructors = type.GetConstructors().Select(c => c.GetParameters().Single().ParameterType.FullName).OrderBy(n => n);
            Assert.Equal(new[] { "HybridCmdlets.Engine.Inventory.CloudVM", "System.String" }, constructors);
        }

        [Theory]
        [InlineData("ConnectCloudEndpointCommand")]
        [InlineData("NewCloudUserCommand")]
        public void Credentials_are_PSCredentials_that_prompt_for_the_password_and_are_never_plain_strings(string className)
        {
            var type = Cmdlet(className);
            var credential = type.GetProperty("Credential")!;
            Assert.Equal("System.Management.Automation.PSCredential", credential.PropertyType.FullName);
            Assert.NotNull(ModuleUnderTest.Attribute(credential, "CredentialAttribute"));
            var parameter = Parameters(type).Single(p => p.Name == "Credential");
            Assert.True(parameter.Mandatory && !parameter.ByValue && !parameter.ByPropertyName);
            Assert.DoesNotContain(type.GetProperties(), p => p.Name.Contains("Password") && ModuleUnderTest.Attribute(p, "ParameterAttribute") != null);
        }

        [Fact]
        public void Connect_and_Disconnect_CloudEndpoint_take_endpoint_names_and_objects_by_property_name()
        {
            foreach (var className in new[] { "ConnectCloudEndpointCommand", "DisconnectCloudEndpointCommand" })
            {
                var name = Parameters(Cmdlet(className)).Single(p => p.Name == "Name");
                Assert.True(name.ByPropertyName && !name.ByValue);
                Assert.Equal(0, name.Position);
                Assert.Equal("System.String[]", Cmdlet(className).GetProperty("Name")!.PropertyType.FullName);
                Assert.NotNull(ModuleUnderTest.Attribute(Cmdlet(className).GetProperty("Name")!, "SupportsWildcardsAttribute"));
            }

            Assert.True(Parameters(Cmdlet("ConnectCloudEndpointCommand")).Single(p => p.Name == "Name").Mandatory);
            Assert.False(Parameters(Cmdlet("DisconnectCloudEndpointCommand")).Single(p => p.Name == "Name").Mandatory);
        }

        [Fact]
        public void New_and_Get_CloudPermission_take_endpoints_from_the_pipeline_and_the_role_as_an_enum()
        {
            foreach (var className in new[] { "NewCloudPermissionCommand", "GetCloudPermissionCommand" })
            {
                var endpoint = Cmdlet(className).GetProperty("Endpoint")!;
                Assert.Equal("HybridCmdlets.Engine.Inventory.CloudEndpoint[]", endpoint.PropertyType.FullName);
                Assert.NotNull(ModuleUnderTest.Attribute(endpoint, "EndpointTransformationAttribute"));
                Assert.True(Parameters(Cmdlet(className)).Single(p => p.Name == "Endpoint").ByValue);
            }

            Assert.Equal("HybridCmdlets.Engine.Access.AccessRole", Cmdlet("NewCloudPermissionCommand").GetProperty("Role")!.PropertyType.FullName);
            Assert.All(Parameters(Cmdlet("NewCloudPermissionCommand")), p => Assert.True(p.Mandatory));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Name_parameters_offer_argument_completion(string className)
        {
            foreach (var property in Cmdlet(className).GetProperties())
            {
                if (!new[] { "Endpoint", "Cluster", "Source", "Destination" }.Contains(property.Name)) continue;
                if (ModuleUnderTest.Attribute(property, "ParameterAttribute") == null) continue;
                Assert.NotNull(ModuleUnderTest.Attribute(property, "ArgumentCompleterAttribute"));
            }
        }
    }
}
