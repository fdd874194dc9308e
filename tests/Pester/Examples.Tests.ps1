# The example scripts under examples/, run as a user would run them (the wave runbook has tests of its own there).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
    $examples = Join-Path $PSScriptRoot '../../examples'
}

AfterAll {
    Reset-HybridLab
}

Describe 'examples' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'Tour.ps1 runs to the end without an error' {
        { & (Join-Path $examples 'Tour.ps1') 6>&1 | Out-Null } | Should -Not -Throw
    }

    It 'Get-ReadinessReport.ps1 writes one CSV row per VM and a summary by verdict' {
        $csv = Join-Path $TestDrive 'wave1.csv'
        $summary = @(& (Join-Path $examples 'Get-ReadinessReport.ps1') -Tag wave1 -Destination avs-westeurope -Path $csv)

        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be @(Get-CloudVM -Tag wave1 | Where-Object Provider -EQ 'OnPremises').Count
        $rows[0].PSObject.Properties.Name | Should -Contain 'Blocker'
        ($summary | Measure-Object -Property Count -Sum).Sum | Should -Be $rows.Count
        $notReady = @($rows | Where-Object Verdict -EQ 'NotReady')
        $notReady | ForEach-Object { $_.Blocker | Should -Not -BeNullOrEmpty }
    }

    It 'wave1.csv moves as it stands: Import-Csv | Move-CloudVM -RunAsync | Wait-CloudTask' {
        $rows = Import-Csv (Join-Path $examples 'wave1.csv')
        $results = @($rows | Move-CloudVM -RunAsync | Wait-CloudTask)

        $results.Count | Should -Be $rows.Count
        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
    }
}
