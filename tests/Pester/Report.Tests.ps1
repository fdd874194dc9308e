BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
    $errorIdSuffix = ',HybridCmdlets.Commands.ExportMigrationReportCommand'

    # How many timeline bars a report file has: one per migration.
    function Get-ReportBarCount([string] $Path) {
        [regex]::Matches((Get-Content -LiteralPath $Path -Raw), 'class="migration-bar ').Count
    }

    # A type name where a value belongs: 'System.Collections.Generic.List`1[...]', 'HybridCmdlets.Engine...'.
    function Assert-NoTypeName([string] $Text) {
        $Text | Should -Not -Match 'System\.'
        $Text | Should -Not -Match 'HybridCmdlets\.'
    }

    # Writes the objects with Export-Csv, checks the file for type names, and reads the rows back with Import-Csv.
    function Invoke-CsvRoundTrip([object[]] $InputObject, [string] $Name) {
        $csv = Join-Path $TestDrive $Name
        $InputObject | Export-Csv -LiteralPath $csv -NoTypeInformation
        Assert-NoTypeName (Get-Content -LiteralPath $csv -Raw)
        Import-Csv -LiteralPath $csv
    }
}

AfterAll {
    Reset-HybridLab
}

Describe 'MigrationResult through Export-Csv and ConvertTo-Json' {
    BeforeAll {
        Reset-HybridLab
        # A vMotion (pre-copy rounds, warnings) and a Bulk move (no rounds), in this order.
        $results = @(
            Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -MigrationType vMotion
            Move-CloudVM -VM 'crm-web02' -Destination 'avs-westeurope/Cluster-1' -MigrationType Bulk
        )
    }

    It 'has the two results to flatten' {
        $results | Should -HaveCount 2
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        $results[0].Rounds.Count | Should -BeGreaterOrEqual 1
        $results[1].Rounds.Count | Should -Be 0
    }

    It 'writes values, not type names, to a CSV file that Import-Csv reads back' {
        $rows = @(Invoke-CsvRoundTrip $results 'results.csv')
        $rows | Should -HaveCount 2
        $rows[0].VM | Should -Be 'crm-web01'
        $rows[0].MigrationType | Should -Be 'vMotion'
        $rows[0].Status | Should -Be 'Succeeded'
        $rows[0].Rounds | Should -Match '^round 1: \d+\.\d\d GB in \d+\.\d s'
        @($rows[0].Rounds -split '; ') | Should -HaveCount $results[0].Rounds.Count
        $rows[0].Warnings | Should -Match 'performance history'
        $rows[0].SwitchoverTime | Should -Not -BeNullOrEmpty
        [timespan]($rows[0].Duration) | Should -Be $results[0].Duration
        [double]::Parse($rows[0].DowntimeSeconds, [cultureinfo]::CurrentCulture) | Should -Be $results[0].DowntimeSeconds
        [double]::Parse($rows[0].DurationSeconds, [cultureinfo]::CurrentCulture) | Should -Be $results[0].DurationSeconds
        $rows[1].MigrationType | Should -Be 'Bulk'
        $rows[1].Rounds | Should -BeNullOrEmpty
    }

    It 'writes one result to JSON in full at the default depth, with no truncation warning' {
        $json = $results[0] | ConvertTo-Json -EnumsAsStrings -WarningAction Stop
        Assert-NoTypeName $json
        $back = $json | ConvertFrom-Json
        $back.VM | Should -Be 'crm-web01'
        $back.Status | Should -Be 'Succeeded'
        $back.MigrationType | Should -Be 'vMotion'
        $back.DowntimeSeconds | Should -Be $results[0].DowntimeSeconds
        @($back.Rounds) | Should -HaveCount $results[0].Rounds.Count
        $back.Rounds[0].Index | Should -Be 1
        $back.Rounds[0].BytesSent | Should -BeGreaterThan 0
        @($back.Warnings) | Should -Contain $results[0].Warnings[0]
    }

    It 'writes a list of results to JSON with values everywhere, at the default depth and deeper' {
        # At the default -Depth 2 a list's rounds are past the depth: ConvertTo-Json writes them as their text.
        $shallow = $results | ConvertTo-Json -WarningAction SilentlyContinue
        Assert-NoTypeName $shallow
        $rounds = @(($shallow | ConvertFrom-Json)[0].Rounds)
        $rounds[0] | Should -BeLike 'round 1: *'

        $deep = $results | ConvertTo-Json -Depth 3 -EnumsAsStrings -WarningAction Stop
        Assert-NoTypeName $deep
        $back = @($deep | ConvertFrom-Json)
        $back | Should -HaveCount 2
        $back[0].Rounds[0].Index | Should -Be 1
        $back[1].MigrationType | Should -Be 'Bulk'
        $back[1].DurationSeconds | Should -Be $results[1].DurationSeconds
    }
}

Describe 'MigrationReadiness through Export-Csv and ConvertTo-Json' {
    BeforeAll {
        Reset-HybridLab
        $readiness = @(Get-CloudVM -Name 'crm-web01', 'crm-db01' | Test-MigrationReadiness -Destination 'avs-westeurope')
        $ready = $readiness | Where-Object VM -EQ 'crm-web01'
        $blocked = $readiness | Where-Object VM -EQ 'crm-db01'
    }

    It 'writes the checks as id=status pairs, and the predicted seconds, to CSV' {
        $blocked.Verdict | Should -Be 'NotReady'
        $rows = @(Invoke-CsvRoundTrip $readiness 'readiness.csv')
        $blockedRow = $rows | Where-Object VM -EQ 'crm-db01'
        $blockedRow.Verdict | Should -Be 'NotReady'
        $blockedRow.Checks | Should -Match '(^|; )network\.mapping=Fail(;|$)'
        @($blockedRow.Checks -split '; ') | Should -HaveCount $blocked.Checks.Count
        $blockedRow.PredictedDurationSeconds | Should -BeNullOrEmpty

        $readyRow = $rows | Where-Object VM -EQ 'crm-web01'
        $readyRow.Checks | Should -Match '^path\.link=Pass; '
        [double]::Parse($readyRow.PredictedDurationSeconds, [cultureinfo]::CurrentCulture) | Should -Be $ready.PredictedDurationSeconds
    }

    It 'writes one readiness result to JSON with every check, with no truncation warning' {
        $json = $ready | ConvertTo-Json -EnumsAsStrings -WarningAction Stop
        Assert-NoTypeName $json
        $back = $json | ConvertFrom-Json
        $back.Verdict | Should -Be $ready.Verdict.ToString()
        $back.RecommendedType | Should -Be 'vMotion'
        @($back.Checks) | Should -HaveCount $ready.Checks.Count
        $back.Checks[0].Id | Should -Be 'path.link'
        $back.Checks[0].Status | Should -Be 'Pass'
        $back.PredictedDowntimeSeconds | Should -Be $ready.PredictedDowntimeSeconds
    }
}

Describe 'Export-MigrationReport' {
    BeforeEach {
        Reset-HybridLab
        $path = Join-Path $TestDrive ('report-{0}.html' -f [guid]::NewGuid().ToString('N'))
    }

    It 'writes a report with a timeline bar per migration, every section, and its title escaped' {
        $results = @(Get-CloudVM -Name 'crm-web0*' | Move-CloudVM -Destination 'avs-westeurope' -MigrationType RAV -RunAsync | Wait-CloudTask)
        $results | Should -HaveCount 3

        $file = $results | Export-MigrationReport -Path $path -Title 'Wave 1 <rehearsal>' -PassThru
        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be (Get-Item -LiteralPath $path).FullName
        Get-ReportBarCount $path | Should -Be 3
        $html = Get-Content -LiteralPath $path -Raw
        $html | Should -Match '<title>Wave 1 &lt;rehearsal&gt;</title>'
        foreach ($section in 'summary', 'timeline', 'downtime', 'throughput', 'readiness') {
            $html | Should -Match ('<section id="{0}">' -f $section)
        }
        $html | Should -Not -Match '<script'
        $html | Should -Not -Match 'https?:'
    }

    It 'writes nothing to the pipeline without -PassThru' {
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        $output = $result | Export-MigrationReport -Path $path
        $output | Should -BeNullOrEmpty
        $path | Should -Exist
    }

    It 'reports tasks, results and readiness together, each migration once' {
        $tasks = @(Get-CloudVM -Name 'crm-web01', 'crm-web02' | Move-CloudVM -Destination 'avs-westeurope' -RunAsync)
        $results = @($tasks | Wait-CloudTask)
        $readiness = @(Get-CloudVM -Name 'crm-app01', 'crm-db01' | Test-MigrationReadiness -Destination 'avs-westeurope')

        @($tasks) + $results + $readiness | Export-MigrationReport -Path $path
        Get-ReportBarCount $path | Should -Be 2
        $html = Get-Content -LiteralPath $path -Raw
        # crm-db01 cannot move (network.mapping): it is in the table of blockers.
        $html | Should -Match '<tr><td>crm-db01</td><td>avs-westeurope/[^<]+</td><td>network\.mapping: '
    }

    It 'writes a readiness report with no migrations' {
        Get-CloudVM -Name 'crm-web01', 'crm-db01' | Test-MigrationReadiness -Destination 'avs-westeurope' | Export-MigrationReport -Path $path
        Get-ReportBarCount $path | Should -Be 0
        Get-Content -LiteralPath $path -Raw | Should -Match 'No migrations in this report'
    }

    It 'resolves a relative path against the current PowerShell location' {
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        Push-Location -LiteralPath $TestDrive
        try {
            $result | Export-MigrationReport -Path 'relative-report.html'
        }
        finally {
            Pop-Location
        }

        Join-Path $TestDrive 'relative-report.html' | Should -Exist
    }

    It 'writes nothing with -WhatIf' {
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        $output = $result | Export-MigrationReport -Path $path -PassThru -WhatIf
        $output | Should -BeNullOrEmpty
        $path | Should -Not -Exist
    }

    It 'refuses what it cannot report with an error naming the type, and reports the rest (ReportInputNotSupported)' {
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        $row = [pscustomobject]@{ VM = 'crm-web02'; Destination = 'avs-westeurope' }
        'crm-web03', $row, $result | Export-MigrationReport -Path $path -ErrorAction SilentlyContinue -ErrorVariable reportErrors

        $reportErrors | Should -HaveCount 2
        $reportErrors[0].FullyQualifiedErrorId | Should -Be ('ReportInputNotSupported' + $errorIdSuffix)
        $reportErrors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $reportErrors[0].TargetObject | Should -Be 'crm-web03'
        $reportErrors[0].Exception.Message | Should -Match "System\.String \('crm-web03'\)"
        $reportErrors[0].ErrorDetails.RecommendedAction | Should -Match 'Wait-CloudTask'
        $reportErrors[1].FullyQualifiedErrorId | Should -Be ('ReportInputNotSupported' + $errorIdSuffix)
        $reportErrors[1].Exception.Message | Should -Match 'VM=crm-web02'
        Get-ReportBarCount $path | Should -Be 1
    }

    It 'leaves out a migration still under way, with an error (MigrationNotFinished)' {
        $done = Move-CloudVM -VM 'crm-web02' -Destination 'avs-westeurope'
        # At time scale 0 a task submitted with -RunAsync does not move until something waits for it.
        $task = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -RunAsync
        $task, $done | Export-MigrationReport -Path $path -ErrorAction SilentlyContinue -ErrorVariable reportErrors

        $reportErrors | Should -HaveCount 1
        $reportErrors[0].FullyQualifiedErrorId | Should -Be ('MigrationNotFinished' + $errorIdSuffix)
        $reportErrors[0].TargetObject.Id | Should -Be $task.Id
        $reportErrors[0].Exception.Message | Should -Match "VM 'crm-web01' is still (Queued|Running)"
        Get-ReportBarCount $path | Should -Be 1
        $null = $task | Wait-CloudTask
    }

    It 'says so when nothing is piped, and writes no file (ReportInputMissing)' {
        { @() | Export-MigrationReport -Path $path -ErrorAction Stop } |
            Should -Throw -ErrorId ('ReportInputMissing' + $errorIdSuffix)
        { Export-MigrationReport -Path $path -ErrorAction Stop } |
            Should -Throw -ErrorId ('ReportInputMissing' + $errorIdSuffix)
        $path | Should -Not -Exist
    }

    It 'keeps an existing file with -NoClobber, and overwrites a read-only one only with -Force' {
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        Set-Content -LiteralPath $path -Value 'mine'
        { $result | Export-MigrationReport -Path $path -NoClobber -ErrorAction Stop } |
            Should -Throw -ErrorId ('ReportFileExists' + $errorIdSuffix)
        Get-Content -LiteralPath $path -Raw | Should -Match '^mine'

        (Get-Item -LiteralPath $path).IsReadOnly = $true
        try {
            { $result | Export-MigrationReport -Path $path -ErrorAction Stop } |
                Should -Throw -ErrorId ('ReportFileUnwritable' + $errorIdSuffix)
            Get-Content -LiteralPath $path -Raw | Should -Match '^mine'

            $result | Export-MigrationReport -Path $path -Force
            Get-Content -LiteralPath $path -Raw | Should -Match '^<!DOCTYPE html>'
            (Get-Item -LiteralPath $path).IsReadOnly | Should -BeTrue
        }
        finally {
            (Get-Item -LiteralPath $path).IsReadOnly = $false
        }
    }

    It 'overwrites an existing report by default' {
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        Set-Content -LiteralPath $path -Value 'old report'
        $result | Export-MigrationReport -Path $path
        Get-ReportBarCount $path | Should -Be 1
    }
}
