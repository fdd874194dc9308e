# The module as PowerShell itself sees it: cmdlets through Get-Command, help through Get-Help, the manifest through
# Test-ModuleManifest, format views through Get-FormatData. What a user's tools read is what these tests read.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $cmdletCases = @(
        (Import-PowerShellDataFile -Path (Get-ModuleUnderTestManifestPath)).CmdletsToExport | ForEach-Object { @{ Name = $_ } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # The cmdlet's own parameters (no common ones), with their attributes per parameter set.
    function Get-OwnParameter([string] $Name) {
        (Get-Command -Name $Name).Parameters.Values | Where-Object { $_.Name -notin $common }
    }

    function Get-SetNames([string] $Name) {
        @((Get-Command -Name $Name).ParameterSets.Name)
    }

    # How Get-Help shows a parameter's pipeline input for a set: 'True (ByValue, ByPropertyName)', 'False'.
    function Get-PipelineText($Attribute) {
        $kinds = @()
        if ($Attribute.ValueFromPipeline) { $kinds += 'ByValue' }
        if ($Attribute.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
        if ($kinds) { 'True (' + ($kinds -join ', ') + ')' } else { 'False' }
    }
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest' {
        $manifest = Test-ModuleManifest -Path (Get-ModuleUnderTestManifestPath) -ErrorAction Stop
        $manifest.Name | Should -Be 'HybridCmdlets'
        $manifest.RootModule | Should -Be 'HybridCmdlets.dll'
        @($manifest.CompatiblePSEditions) | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be ([version] '5.1')
    }

    It 'stamps the version of the module assembly' {
        $manifest = Test-ModuleManifest -Path (Get-ModuleUnderTestManifestPath)
        $assembly = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path (Get-ModuleUnderTestPath) 'HybridCmdlets.dll'))
        $manifest.Version | Should -Be ([version] $assembly.Version.ToString(3))
        Get-Content -LiteralPath (Get-ModuleUnderTestManifestPath) -Raw | Should -Not -Match '\{\{'
    }

    It 'lists every cmdlet of the module assembly, and exports nothing else' {
        $data = Import-PowerShellDataFile -Path (Get-ModuleUnderTestManifestPath)
        $classes = [System.Reflection.Assembly]::LoadFrom((Join-Path (Get-ModuleUnderTestPath) 'HybridCmdlets.dll')).GetExportedTypes() |
            Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) -and -not $_.IsAbstract } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; $a.VerbName + '-' + $a.NounName }
        @($data.CmdletsToExport | Sort-Object) | Should -Be @($classes | Sort-Object)
        foreach ($key in 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') { @($data[$key]).Count | Should -Be 0 -Because $key }
    }

    It 'carries its dependencies, the PBKDF2 package included, but not PowerShell' {
        $files = @(Get-ChildItem -LiteralPath (Get-ModuleUnderTestPath) -File).Name
        foreach ($dll in 'HybridCmdlets.dll', 'HybridCmdlets.Engine.dll', 'Newtonsoft.Json.dll', 'CsvHelper.dll',
            'Microsoft.AspNetCore.Cryptography.KeyDerivation.dll', 'Microsoft.AspNetCore.Cryptography.Internal.dll', 'HybridCmdlets.Format.ps1xml') {
            $files | Should -Contain $dll
        }
        $files | Should -Not -Contain 'System.Management.Automation.dll'
    }

    It 'holds only assemblies built with the JIT optimizer on (a Release build)' {
        foreach ($dll in 'HybridCmdlets.dll', 'HybridCmdlets.Engine.dll') {
            $assembly = [System.Reflection.Assembly]::LoadFrom((Join-Path (Get-ModuleUnderTestPath) $dll))
            $debuggable = $assembly.GetCustomAttributes([System.Diagnostics.DebuggableAttribute], $false) | Select-Object -First 1
            ($null -eq $debuggable -or -not $debuggable.IsJITOptimizerDisabled) | Should -BeTrue -Because "$dll must be optimized"
        }
    }
}

Describe '<Name>' -ForEach $cmdletCases {
    BeforeAll {
        $command = Get-Command -Name $Name
        $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $help = Get-Help -Name $Name -Full
    }

    It 'uses an approved verb' {
        (Get-Verb).Verb | Should -Contain $command.Verb
    }

    It 'declares what it writes, as HybridCmdlets types' {
        $command.OutputType | Should -Not -BeNullOrEmpty
        foreach ($type in $command.OutputType.Name) { $type | Should -Match '^(HybridCmdlets\.|System\.IO\.FileInfo$)' }
    }

    It 'has parameter sets PowerShell can tell apart, each with at most one parameter taking pipeline input by value' {
        $sets = $command.ParameterSets
        if ($sets.Count -gt 1) { $sets.Name | Should -Contain $command.DefaultParameterSet }
        foreach ($set in $sets) {
            @($set.Parameters | Where-Object ValueFromPipeline).Count | Should -BeLessOrEqual 1 -Because "set $($set.Name)"
            $positions = @($set.Parameters | Where-Object { $_.Position -ge 0 } | ForEach-Object Position)
            $positions.Count | Should -Be @($positions | Sort-Object -Unique).Count -Because "positions in set $($set.Name)"
        }
        $signatures = @($sets | ForEach-Object { (@($_.Parameters | Where-Object IsMandatory | ForEach-Object Name) | Sort-Object) -join ',' })
        $signatures.Count | Should -Be @($signatures | Sort-Object -Unique).Count
    }

    It 'binds its identity parameters (Name, Id, VM) by property name' {
        # Get-CloudTask -Id and Get-CloudFault -Id would take a VM's or a task's Id; Add-CloudFault -VM names a trigger.
        # Get-CloudSnapshot and Get-CloudCDDrive take VMs from the pipeline, whose Name is not a snapshot's or a drive's.
        if ($Name -in 'Get-CloudSnapshot', 'Get-CloudCDDrive') {
            foreach ($parameter in Get-OwnParameter $Name | Where-Object Name -EQ 'Name') {
                $parameter.Attributes.Where({ $_ -is [Parameter] -and $_.ValueFromPipelineByPropertyName }).Count | Should -Be 0
            }
            return
        }
        if ($Name -in 'Get-CloudTask', 'Get-CloudFault', 'Add-CloudFault') {
            @(Get-OwnParameter $Name | Where-Object { $_.Attributes.Where({ $_ -is [Parameter] -and $_.ValueFromPipelineByPropertyName }) }).Count | Should -Be 0
            return
        }
        foreach ($parameter in Get-OwnParameter $Name | Where-Object Name -In 'Name', 'Id', 'VM') {
            $parameter.Attributes.Where({ $_ -is [Parameter] -and $_.ValueFromPipelineByPropertyName }).Count | Should -BeGreaterThan 0 -Because "-$($parameter.Name)"
        }
    }

    It 'supports -WhatIf and -Confirm exactly when it changes the lab, with ConfirmImpact High only to remove' {
        $changes = $command.Verb -notin 'Get', 'Wait', 'Test'
        $attribute.SupportsShouldProcess | Should -Be $changes
        ($attribute.ConfirmImpact -eq 'High') | Should -Be ($command.Verb -eq 'Remove')
    }

    It 'completes endpoint, cluster, source and destination names' {
        foreach ($parameter in Get-OwnParameter $Name | Where-Object Name -In 'Endpoint', 'Cluster', 'Source', 'Destination') {
            $parameter.Attributes.Where({ $_ -is [ArgumentCompleter] }).Count | Should -Be 1 -Because "-$($parameter.Name)"
        }
    }

    It 'has help with a synopsis, a description and examples with code' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))\s+\[" -Because 'a synopsis of its own, not the generated syntax'
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterThan 0
        foreach ($example in $help.examples.example) { $example.code | Should -Not -BeNullOrEmpty }
    }

    It 'documents every parameter it has, and no other, each with a description' {
        $expected = @(Get-OwnParameter $Name | ForEach-Object Name)
        if ($attribute.SupportsShouldProcess) { $expected += 'WhatIf', 'Confirm' }
        $documented = @($help.parameters.parameter | ForEach-Object Name)
        @($documented | Sort-Object) | Should -Be @($expected | Sort-Object)
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name)"
        }
    }

    It 'documents one syntax per parameter set, with the parameters, positions, mandatory flags and pipeline input of that set' {
        $expected = @($command.ParameterSets | ForEach-Object {
                (@($_.Parameters | Where-Object Name -NotIn $common | Sort-Object Name | ForEach-Object {
                            $position = if ($_.Position -ge 0) { [string] $_.Position } else { 'named' }
                            '{0}:{1}:{2}:{3}' -f $_.Name, $_.IsMandatory, $position, (Get-PipelineText $_)
                        }) + @(if ($attribute.SupportsShouldProcess) { 'Confirm:False:named:False'; 'WhatIf:False:named:False' }) | Sort-Object) -join ' '
            } | Sort-Object)
        $documented = @($help.syntax.syntaxItem | ForEach-Object {
                (@($_.parameter | Where-Object { $_ } | ForEach-Object {
                            '{0}:{1}:{2}:{3}' -f $_.name, ($_.required -eq 'true'), $_.position, $_.pipelineInput
                        }) | Sort-Object) -join ' '
            } | Sort-Object)
        $documented | Should -Be $expected
    }

    It 'documents what it writes' {
        $documented = @($help.returnValues.returnValue | ForEach-Object { $_.type.name.Trim() })
        foreach ($type in $command.OutputType.Name) { $documented | Should -Contain $type }
    }
}

Describe 'Parameters that users bind in a particular way' {
    It 'Get-CloudVM takes endpoints from the pipeline in a set where -Name takes no pipeline input' {
        $command = Get-Command Get-CloudVM
        $command.DefaultParameterSet | Should -Be 'Filter'
        $endpointSet = $command.ParameterSets | Where-Object { $_.Parameters.Where({ $_.Name -eq 'Endpoint' -and $_.ValueFromPipeline }) }
        @($endpointSet).Count | Should -Be 1
        ($endpointSet.Parameters | Where-Object Name -EQ 'Endpoint').IsMandatory | Should -BeTrue
        ($endpointSet.Parameters | Where-Object Name -EQ 'Name').ValueFromPipelineByPropertyName | Should -BeFalse
        $command.Parameters['Endpoint'].ParameterType | Should -Be ([HybridCmdlets.Engine.Inventory.CloudEndpoint[]])
    }

    It 'Import-CloudInventory takes files from Get-ChildItem by FullName' {
        $path = (Get-Command Import-CloudInventory).Parameters['Path']
        $path.Aliases | Should -Contain 'FullName'
        $path.Attributes.Where({ $_ -is [Parameter] -and $_.ValueFromPipelineByPropertyName -and $_.Mandatory }).Count | Should -Be 1
    }

    It 'Export-MigrationReport takes any object from the pipeline and -NoClobber as -NoOverwrite, as Export-Csv' {
        $command = Get-Command Export-MigrationReport
        $command.Parameters['InputObject'].ParameterType | Should -Be ([psobject[]])
        $command.Parameters['NoClobber'].Aliases | Should -Contain 'NoOverwrite'
        $command.OutputType.Name | Should -Be 'System.IO.FileInfo'
    }

    It 'Remove-CloudVM -VM takes VM objects, names and CSV rows (alias Name)' {
        $vm = (Get-Command Remove-CloudVM).Parameters['VM']
        $vm.Aliases | Should -Contain 'Name'
        $vm.Attributes.Where({ $_ -is [Parameter] -and $_.ValueFromPipeline -and $_.ValueFromPipelineByPropertyName }).Count | Should -Be 1
    }

    It '<_> takes a PSCredential that prompts, and no password as text' -ForEach 'Connect-CloudEndpoint', 'New-CloudUser' {
        $command = Get-Command $_
        $command.Parameters['Credential'].ParameterType | Should -Be ([pscredential])
        $command.Parameters['Credential'].Attributes.Where({ $_ -is [System.Management.Automation.CredentialAttribute] }).Count | Should -Be 1
        $command.Parameters.Keys | Where-Object { $_ -match 'Password' } | Should -BeNullOrEmpty
    }

    It 'New-CloudPermission takes -Role as the AccessRole enum' {
        (Get-Command New-CloudPermission).Parameters['Role'].ParameterType.FullName | Should -Be 'HybridCmdlets.Engine.Access.AccessRole'
    }
}

Describe 'The about topic' {
    It 'is found by Get-Help and names every cmdlet' {
        $text = Get-Help about_HybridCmdlets | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        foreach ($name in (Get-Command -Module HybridCmdlets).Name) { $text | Should -Match ([regex]::Escape($name)) }
    }
}

Describe 'The format views' {
    It 'name real types and properties' {
        $file = Join-Path (Get-ModuleUnderTestPath) 'HybridCmdlets.Format.ps1xml'
        $engine = [System.Reflection.Assembly]::LoadFrom((Join-Path (Get-ModuleUnderTestPath) 'HybridCmdlets.Engine.dll'))
        foreach ($view in ([xml] (Get-Content -LiteralPath $file -Raw)).SelectNodes('//View')) {
            $type = $engine.GetType($view.ViewSelectedBy.TypeName)
            $type | Should -Not -BeNullOrEmpty -Because "view $($view.Name) names $($view.ViewSelectedBy.TypeName)"
            foreach ($property in $view.SelectNodes('.//PropertyName').InnerText) {
                $type.GetProperty($property) | Should -Not -BeNullOrEmpty -Because "$($type.Name).$property"
            }
            (Get-FormatData -TypeName $type.FullName) | Should -Not -BeNullOrEmpty
        }
    }
}
