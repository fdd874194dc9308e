BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $helpCases = @(
        (Import-PowerShellDataFile -Path (Get-ModuleUnderTestManifestPath)).CmdletsToExport |
            ForEach-Object { @{ CmdletName = $_ } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $manifest = Import-PowerShellDataFile -Path (Get-ModuleUnderTestManifestPath)
    $module = Import-ModuleUnderTest
}

Describe 'The HybridCmdlets module' {
    It 'imports as a binary module named HybridCmdlets' {
        $module | Should -Not -BeNullOrEmpty
        $module.Name | Should -Be 'HybridCmdlets'
        $module.ModuleType | Should -Be 'Binary'
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $manifest.CmdletsToExport | Should -Not -BeNullOrEmpty
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports no functions, aliases or variables' {
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
        $module.ExportedVariables.Count | Should -Be 0
    }

    It 'implements every exported cmdlet as a HybridCmdlets.Commands.<Verb><Noun>Command class' {
        foreach ($cmdlet in $module.ExportedCmdlets.Values) {
            $cmdlet.ImplementingType.FullName | Should -Be ('HybridCmdlets.Commands.' + $cmdlet.Verb + $cmdlet.Noun + 'Command')
        }
    }

    It 'carries the version stamped into the manifest at build' {
        $manifest.ModuleVersion | Should -Match '^\d+\.\d+\.\d+'
        $module.Version | Should -Be ([version] $manifest.ModuleVersion)
    }

    It 'answers Get-CloudVM from the embedded lab right after import, in a fresh session' {
        $modulePath = (Get-ModuleUnderTestManifestPath).Replace("'", "''")
        $script = @"
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$modulePath' -ErrorAction Stop
`$lab = Get-HybridLab
'RESULT|{0}|{1}|{2}' -f `$lab.Origin, `$lab.VMCount, @(Get-CloudVM).Count
"@
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        # `pwsh` on PATH: build.ps1 puts the pwsh that runs the suite there (the dotnet tool's process is `dotnet`).
        $output = & pwsh -NoProfile -NonInteractive -EncodedCommand $encoded

        $LASTEXITCODE | Should -Be 0
        $line = @($output) -match '^RESULT\|' | Select-Object -Last 1
        $line | Should -Not -BeNullOrEmpty
        $null, $origin, $labVMCount, $listedVMCount = $line -split '\|'
        $origin | Should -Be 'Embedded'
        [int] $listedVMCount | Should -BeGreaterThan 0
        [int] $listedVMCount | Should -Be ([int] $labVMCount)
    }
}

Describe 'Help for <CmdletName>' -ForEach $helpCases {
    BeforeAll {
        $help = Get-Help -Name $CmdletName -Full
    }

    It 'has a synopsis of its own, not the generated syntax' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -Match ('^' + [regex]::Escape($CmdletName) + '(\s|$)')
    }

    It 'has at least one example with code' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            ([string] $example.Code).Trim() | Should -Not -BeNullOrEmpty
        }
    }
}
