# Every command the README's tour and the help's examples show, run again in a fresh real pwsh, in order: each must
# show what the docs say it shows, error or no error. tools/Update-Docs.ps1 (./build.ps1 Docs) rewrites the outputs.
BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    Import-Module (Join-Path $root 'tools/DocExamples.psm1') -Force
    $documented = @(Get-ReadmeCommand -Path (Join-Path $root 'README.md')) +
        @(Get-HelpExampleCommand -Path (Join-Path $root 'module/en-US/HybridCmdlets.dll-Help.xml'))
    $cases = @($documented | ForEach-Object { @{ Id = $_.Id; Command = $_.Command; Documented = $_.Output } })

    # The replay runs in a pwsh process of its own: started now, at discovery, it overlaps the other test files, and
    # BeforeAll collects it. (A global, since Pester keeps discovery's variables from the run.)
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $global:HybridCmdletsDocsReplay = Start-ThreadJob -ArgumentList $root, (Get-ModuleUnderTestManifestPath), $documented -ScriptBlock {
        param($Root, $ModulePath, $Documented)
        Import-Module (Join-Path $Root 'tools/DocExamples.psm1') -Force
        Invoke-DocCommand -Command $Documented -ModulePath $ModulePath -RepositoryRoot $Root
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    Import-Module (Join-Path $root 'tools/DocExamples.psm1') -Force
    $readme = @(Get-ReadmeCommand -Path (Join-Path $root 'README.md'))
    $help = @(Get-HelpExampleCommand -Path (Join-Path $root 'module/en-US/HybridCmdlets.dll-Help.xml'))
    # The help's example count, from the XML itself, so that a splitting mistake cannot hide examples.
    $helpExampleCount = ([regex]::Matches((Get-Content -LiteralPath (Join-Path $root 'module/en-US/HybridCmdlets.dll-Help.xml') -Raw), '<command:example>')).Count
    $all = $readme + $help
    $ran = @{}
    foreach ($result in Receive-Job -Job $global:HybridCmdletsDocsReplay -Wait -AutoRemoveJob -ErrorAction Stop) {
        $ran[$result.Id] = $result
    }

    # A ConciseView error line, as the console shows one: 'Verb-Noun: message'.
    function Test-ShowsError([string] $Text) { $Text -match '(?m)^[A-Za-z]+-[A-Za-z]+: ' }
}

Describe 'The documented commands' {
    It 'finds the README tour and every help example' {
        $readme.Count | Should -BeGreaterThan 15
        $help.Count | Should -Be $helpExampleCount
        $all.Count | Should -BeGreaterOrEqual ($readme.Count + $helpExampleCount)
    }

    It '<Id> shows what the docs show' -TestCases $cases {
        $result = $ran[$Id]
        $result | Should -Not -BeNullOrEmpty -Because "'$Id' must have run"
        if ($result.HadError -and -not (Test-ShowsError $Documented)) {
            throw "'$Id' ($Command) wrote an error that the docs do not show:`n$($result.Output)"
        }
        if (-not $result.HadError -and (Test-ShowsError $Documented)) {
            throw "The docs show an error for '$Id' ($Command), but it ran without one:`n$($result.Output)"
        }
        $result.Output | Should -BeExactly $Documented -Because 'the docs show the output of a real run (./build.ps1 Docs captures it anew)'
    }
}
