# The wave runbook's own tests, run against the emulator: a clean run, and rehearsals with injected faults.
BeforeAll {
    . (Join-Path $PSScriptRoot '../tests/Pester/TestSupport.ps1')
    $null = Import-ModuleUnderTest
    $runbook = Join-Path $PSScriptRoot 'Invoke-WaveMigration.ps1'
    $plan = Join-Path $PSScriptRoot 'waveplan.csv'
}

AfterAll {
    Reset-HybridLab
}

Describe 'Invoke-WaveMigration.ps1' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'moves every wave in order and writes one result per VM with its wave' {
        $rows = Import-Csv $plan
        $results = @(& $runbook -Path $plan)

        $results.Count | Should -Be $rows.Count
        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
        foreach ($row in $rows) {
            (Get-CloudVM -Name $row.Name -Endpoint 'avs-westeurope').Endpoint | Should -Be 'avs-westeurope'
        }

        # A wave starts only once the one before it has ended.
        $byWave = $results | Group-Object Wave | Sort-Object { [int] $_.Name }
        for ($i = 1; $i -lt $byWave.Count; $i++) {
            $previousEnd = ($byWave[$i - 1].Group | Sort-Object EndTime | Select-Object -Last 1).EndTime
            $nextStart = ($byWave[$i].Group | Sort-Object StartTime | Select-Object -First 1).StartTime
            $nextStart | Should -BeGreaterOrEqual $previousEnd
        }
    }

    It 'stops after a wave that a link outage breaks, and leaves the later waves untouched' {
        # The AVS link drops for two hours once hr-web01 starts replicating: HCX gives up after one.
        $null = Add-CloudFault LinkDown -VM 'hr-web01' -Phase Replication -Duration '02:00:00'

        $results = @(& $runbook -Path $plan -ErrorVariable runbookErrors -ErrorAction SilentlyContinue)

        ($results | Select-Object -ExpandProperty Wave -Unique) | Should -Be @(1)
        $hr = $results | Where-Object VM -EQ 'hr-web01'
        $hr.Status | Should -Be 'Failed'
        $hr.Error | Should -Be 'ReplicationTimeout'
        $hr.Fault | Should -Be 'fault-1'
        (Get-CloudVM -Name 'hr-web01').Endpoint | Should -Be 'onprem-lon'
        (Get-CloudVM -Name 'shop-web04').Endpoint | Should -Be 'onprem-lon'
        $runbookErrors | Where-Object { $_.FullyQualifiedErrorId -like 'WaveFailed*' } | Should -Not -BeNullOrEmpty
    }

    It 'rides out a short outage and a source host failure during replication' {
        $null = Add-CloudFault LinkDown -VM 'crm-web01' -Phase PreCopy -Duration '00:00:10'
        $null = Add-CloudFault SourceHostFailure -VM 'hr-web01' -Phase Replication

        $results = @(& $runbook -Path $plan)

        $results | ForEach-Object { $_.Status | Should -Be 'Succeeded' }
        ($results | Where-Object VM -EQ 'crm-web01').Warnings | Where-Object { $_ -like 'fault-1:*resumed*' } | Should -Not -BeNullOrEmpty
        ($results | Where-Object VM -EQ 'hr-web01').Warnings | Where-Object { $_ -like 'fault-2:*HA restarted*' } | Should -Not -BeNullOrEmpty
    }

    It 'refuses a wave with a VM that is not ready before moving any of it' {
        $bad = Join-Path $TestDrive 'bad.csv'
        @'
Wave,Name,Destination,MigrationType
1,crm-web01,avs-westeurope,vMotion
1,crm-db01,avs-westeurope,vMotion
'@ | Set-Content -Path $bad

        $results = @(& $runbook -Path $bad -ErrorVariable runbookErrors -ErrorAction SilentlyContinue)

        $results | Should -BeNullOrEmpty
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
        $runbookErrors | Where-Object { $_.FullyQualifiedErrorId -like 'WaveNotReady*' } | Should -Not -BeNullOrEmpty
    }

    It 'writes an HTML report of the run' {
        $report = Join-Path $TestDrive 'waves.html'
        $null = & $runbook -Path $plan -ReportPath $report
        Test-Path $report | Should -BeTrue
        (Get-Content $report -Raw) | Should -Match '<svg'
    }
}
