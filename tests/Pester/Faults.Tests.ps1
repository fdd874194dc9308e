BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
}

AfterAll {
    Reset-HybridLab
}

Describe 'Fault injection, as a runbook rehearses it' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'adds, lists and clears faults' {
        $fault = Add-CloudFault -Kind LinkDown -VM 'crm-web01' -Phase PreCopy -Duration '00:00:12'
        $fault | Should -BeOfType 'HybridCmdlets.Engine.Faults.CloudFault'
        $fault.Id | Should -Be 'fault-1'
        $fault.State | Should -Be 'Scheduled'
        $fault.Trigger | Should -Be 'when crm-web01 enters PreCopy'

        (Get-CloudFault).Id | Should -Be @('fault-1')
        Get-CloudFault -Id 'fault-1' | Clear-CloudFault -Confirm:$false
        (Get-CloudFault -Id 'fault-1').State | Should -Be 'Cleared'
    }

    It 'changes nothing with -WhatIf' {
        Add-CloudFault LinkDown -Target 'onprem-lon <-> avs-westeurope' -After '00:05:00' -WhatIf
        Get-CloudFault | Should -BeNullOrEmpty
    }

    It 'refuses a bad fault with a stable error id and schedules nothing' {
        { Add-CloudFault LinkDown -Target 'onprem-lon <-> nowhere' -After '00:01:00' -ErrorAction Stop } |
            Should -Throw -ErrorId 'FaultTargetNotFound,HybridCmdlets.Commands.AddCloudFaultCommand'
        { Add-CloudFault LinkDegraded -Target 'onprem-lon <-> avs-westeurope' -After '00:01:00' -ErrorAction Stop } |
            Should -Throw -ErrorId 'FaultSpecificationInvalid,HybridCmdlets.Commands.AddCloudFaultCommand'
        Get-CloudFault | Should -BeNullOrEmpty
    }

    It 'lets a vMotion ride out a link that returns within the retry window' {
        $null = Add-CloudFault LinkDown -VM 'crm-web01' -Phase PreCopy -Duration '00:00:12'
        $result = Move-CloudVM 'crm-web01' -Destination 'avs-westeurope' -MigrationType vMotion

        $result.Status | Should -Be 'Succeeded'
        $result.Warnings | Where-Object { $_ -like 'fault-1: the link*resumed*' } | Should -Not -BeNullOrEmpty
        (Get-CloudVM 'crm-web01').Endpoint | Should -Be 'avs-westeurope'
    }

    It 'fails a vMotion whose link stays down, writes the result and then the error, and leaves the VM at its source' {
        $before = Get-CloudVM 'crm-web01'
        $null = Add-CloudFault LinkDown -VM 'crm-web01' -Phase PreCopy -Duration '00:05:00'

        $result = Move-CloudVM 'crm-web01' -Destination 'avs-westeurope' -MigrationType vMotion -ErrorVariable moveErrors -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Failed'
        $result.Error | Should -Be 'NetworkTimeout'
        $result.Fault | Should -Be 'fault-1'
        $moveErrors.Count | Should -Be 1
        $moveErrors[0].FullyQualifiedErrorId | Should -Be 'NetworkTimeout,HybridCmdlets.Commands.MoveCloudVMCommand'
        $after = Get-CloudVM 'crm-web01'
        $after.Endpoint | Should -Be 'onprem-lon'
        $after.VMHost | Should -Be $before.VMHost
        $after.PowerState | Should -Be 'PoweredOn'
        (Get-CloudFault -Id 'fault-1').MigrationsFailed | Should -Be 1
    }

    It 'restarts the VM at its source when its host fails during pre-copy' {
        $before = Get-CloudVM 'crm-web01'
        $null = Add-CloudFault SourceHostFailure -VM 'crm-web01' -Phase PreCopy

        $result = Move-CloudVM 'crm-web01' -Destination 'avs-westeurope' -MigrationType vMotion -ErrorAction SilentlyContinue

        $result.Error | Should -Be 'SourceHostFailed'
        $after = Get-CloudVM 'crm-web01'
        $after.Endpoint | Should -Be 'onprem-lon'
        $after.Cluster | Should -Be $before.Cluster
        $after.VMHost | Should -Not -Be $before.VMHost
        $after.PowerState | Should -Be 'PoweredOn'
    }

    It 'times out a stalled switchover after 100 s with the VM resumed at its source' {
        $null = Add-CloudFault SwitchoverTimeout -VM 'crm-web02' -Phase PreCopy

        $result = Move-CloudVM 'crm-web02' -Destination 'avs-westeurope' -MigrationType vMotion -ErrorAction SilentlyContinue

        $result.Error | Should -Be 'SwitchoverTimeout'
        $result.Downtime.TotalSeconds | Should -BeGreaterThan 99.999
        $result.Downtime.TotalSeconds | Should -BeLessThan 100.001
        (Get-CloudVM 'crm-web02').Endpoint | Should -Be 'onprem-lon'
    }

    It 'replays random faults the same way with the same seed' {
        # Running VMs only: Bulk refuses a powered-off one (state.power), and that MigrationNotReady error would stop
        # the test under build.ps1's $ErrorActionPreference = 'Stop'.
        $names = 'crm-web01', 'crm-web02', 'hr-web01', 'shop-web04'
        $runs = foreach ($attempt in 1..2) {
            Reset-HybridLab
            $null = Add-CloudFault LinkDown -RatePerHour 120 -Seed 5 -Duration '00:00:40'
            $results = @($names | Move-CloudVM -Destination 'avs-westeurope' -MigrationType Bulk -RunAsync | Wait-CloudTask -ErrorAction SilentlyContinue)
            $results.Count | Should -Be $names.Count
            ($results | ForEach-Object { '{0} {1} {2:o}' -f $_.VM, $_.Status, $_.EndTime }) -join ';'
        }

        $runs[0] | Should -Be $runs[1]
        (Get-CloudFault -Id 'fault-1').TimesFired | Should -BeGreaterThan 0
    }
}
