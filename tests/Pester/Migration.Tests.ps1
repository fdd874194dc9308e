BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
}

AfterAll {
    Reset-HybridLab
}

Describe 'Move-CloudVM' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'moves a VM by vMotion and Get-CloudVM then finds it at the destination' {
        $before = Get-CloudVM -Name 'crm-web01'
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'

        $result | Should -BeOfType 'HybridCmdlets.Engine.Migration.MigrationResult'
        $result.Status | Should -Be 'Succeeded'
        $result.MigrationType | Should -Be 'vMotion'
        $result.Source | Should -Be "onprem-lon/$($before.Cluster)"
        $result.Destination | Should -BeLike 'avs-westeurope/*'
        $result.Downtime.TotalSeconds | Should -BeGreaterThan 0
        $result.Downtime.TotalSeconds | Should -BeLessThan 1
        $result.Duration | Should -BeGreaterThan $result.Downtime
        $result.Rounds.Count | Should -BeGreaterOrEqual 1

        $after = Get-CloudVM -Name 'crm-web01'
        $after.Endpoint | Should -Be 'avs-westeurope'
        $after.Id | Should -Be $before.Id
        Get-CloudVM -Endpoint 'onprem-lon' -Name 'crm-web01' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'takes VM objects from the pipeline' {
        $result = Get-CloudVM -Name 'crm-web02' | Move-CloudVM -Destination 'avs-westeurope/Cluster-1' -MigrationType Bulk
        $result.VM | Should -Be 'crm-web02'
        $result.MigrationType | Should -Be 'Bulk'
        $result.Destination | Should -Be 'avs-westeurope/Cluster-1'
        (Get-CloudVM -Name 'crm-web02' -Endpoint 'avs-westeurope').Cluster | Should -Be 'Cluster-1'
        # Bulk leaves the source behind, powered off and renamed.
        (Get-CloudVM -Name 'crm-web02-POSTMIGRATION-*').PowerState | Should -Be 'PoweredOff'
    }

    It 'moves nothing with -WhatIf' {
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -WhatIf
        $result | Should -BeNullOrEmpty
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
        Get-CloudTask | Should -BeNullOrEmpty
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'returns tasks at once with -RunAsync, and Wait-CloudTask runs them together' {
        $tasks = @(Get-CloudVM -Name 'crm-web0*' | Move-CloudVM -Destination 'avs-westeurope' -MigrationType RAV -RunAsync)
        $tasks.Count | Should -Be 3
        $tasks | ForEach-Object { $_ | Should -BeOfType 'HybridCmdlets.Engine.Migration.CloudTask' }
        @($tasks | Where-Object IsFinished).Count | Should -Be 0
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'

        $results = @($tasks | Wait-CloudTask)
        $results.Count | Should -Be 3
        $results.VM | Should -Be @('crm-web01', 'crm-web02', 'crm-web03')
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        # Concurrent: the last to start started before the first to end had ended.
        $lastStart = @($results.StartTime | Sort-Object)[-1]
        $firstEnd = @($results.EndTime | Sort-Object)[0]
        $lastStart | Should -BeLessThan $firstEnd
        @(Get-CloudVM -Name 'crm-web0*' -Endpoint 'avs-westeurope').Count | Should -Be 3
    }

    It 'moves a wave from a CSV file, binding Name, Destination and MigrationType by property name' {
        $csv = Join-Path $TestDrive 'wave.csv'
        @(
            [pscustomobject]@{ Name = 'crm-web01'; Destination = 'avs-westeurope'; MigrationType = 'vMotion' }
            [pscustomobject]@{ Name = 'crm-web02'; Destination = 'gcve-europe-west2'; MigrationType = 'Bulk' }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $results = @(Import-Csv -Path $csv | Move-CloudVM -RunAsync | Wait-CloudTask)
        $results.Count | Should -Be 2
        $results[0].Destination | Should -BeLike 'avs-westeurope/*'
        $results[0].MigrationType | Should -Be 'vMotion'
        $results[1].Destination | Should -BeLike 'gcve-europe-west2/*'
        $results[1].MigrationType | Should -Be 'Bulk'
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
    }

    It 'reports a VM it cannot find and still moves the others (VMNotFound)' {
        $result = Move-CloudVM -VM 'ghost01', 'crm-web01' -Destination 'avs-westeurope' -ErrorAction SilentlyContinue -ErrorVariable moveErrors
        $moveErrors | Should -HaveCount 1
        $moveErrors[0].FullyQualifiedErrorId | Should -Be 'VMNotFound,HybridCmdlets.Commands.MoveCloudVMCommand'
        $moveErrors[0].TargetObject | Should -Be 'ghost01'
        $result.VM | Should -Be 'crm-web01'
    }

    It 'refuses each VM the readiness rules call NotReady, and moves the rest of the wave (MigrationNotReady)' {
        $wave = @(Get-CloudVM -Tag 'wave1')
        $notReady = @($wave | Test-MigrationReadiness -Destination 'avs-westeurope' | Where-Object Verdict -EQ 'NotReady')
        $results = @($wave | Move-CloudVM -Destination 'avs-westeurope' -RunAsync -ErrorAction SilentlyContinue -ErrorVariable moveErrors | Wait-CloudTask)
        $moveErrors.Count | Should -BeGreaterThan 0
        $moveErrors.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'MigrationNotReady,HybridCmdlets.Commands.MoveCloudVMCommand'
        $moveErrors[0].Exception.Data['FailingChecks'] | Should -Not -BeNullOrEmpty
        # Exactly the VMs Test-MigrationReadiness called NotReady were refused; every other one moved.
        @($moveErrors.TargetObject | Sort-Object) | Should -Be @($notReady.VM | Sort-Object)
        ($results.Count + $moveErrors.Count) | Should -Be $wave.Count
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
    }

    It 'refuses a destination that is the VM''s own place (MigrationDestinationIsSource)' {
        $vm = Get-CloudVM -Name 'crm-web01'
        { Move-CloudVM -VM $vm -Destination "onprem-lon/$($vm.Cluster)" -ErrorAction Stop } |
            Should -Throw -ErrorId 'MigrationDestinationIsSource,HybridCmdlets.Commands.MoveCloudVMCommand'
    }

    It 'refuses an unknown or malformed destination (EndpointNotFound, DestinationInvalid)' {
        { Move-CloudVM -VM 'crm-web01' -Destination 'nowhere' -ErrorAction Stop } |
            Should -Throw -ErrorId 'EndpointNotFound,HybridCmdlets.Commands.MoveCloudVMCommand'
        { Move-CloudVM -VM 'crm-web01' -Destination 'avs*' -ErrorAction Stop } |
            Should -Throw -ErrorId 'DestinationInvalid,HybridCmdlets.Commands.MoveCloudVMCommand'
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
    }

    It 'refuses to move a VM that is already moving (MigrationInProgress)' {
        $task = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -RunAsync
        { Move-CloudVM -VM 'crm-web01' -Destination 'gcve-europe-west2' -ErrorAction Stop } |
            Should -Throw -ErrorId 'MigrationInProgress,HybridCmdlets.Commands.MoveCloudVMCommand'
        ($task | Wait-CloudTask).Status | Should -Be 'Succeeded'
    }

    It 'refuses a network mapping of the wrong shape (NetworkMappingInvalid)' {
        { Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -NetworkMapping @{ 'Web-VLAN110' = @{ nested = 1 } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'NetworkMappingInvalid,HybridCmdlets.Commands.MoveCloudVMCommand'
    }

    It 'maps networks as told with -NetworkMapping' {
        $vm = Get-CloudVM -Name 'crm-web01'
        $target = (Get-CloudEndpoint -Name 'avs-westeurope').Networks | Where-Object { -not $_.ExtendedFrom } | Select-Object -First 1
        $result = Move-CloudVM -VM $vm -Destination 'avs-westeurope' -NetworkMapping @{ $vm.Networks[0] = $target.Name }
        $result.Status | Should -Be 'Succeeded'
        (Get-CloudVM -Name 'crm-web01').Networks[0] | Should -Be $target.Name
    }

    It 'writes a move that fails under way as an error with the failure''s id, and the VM stays at its source (SwitchoverTimeout)' {
        # Ready on the 1 Gbps OVHcloud Connect; the link then drops to 2 Mbps while the vMotion runs.
        $task = Move-CloudVM -VM 'crm-app01' -Destination 'ovh-rbx/Cluster2' -MigrationType vMotion -RunAsync
        Set-CloudLink -Source 'onprem-lon' -Destination 'ovh-rbx' -BandwidthMbps 2
        $result = $task | Wait-CloudTask -ErrorAction SilentlyContinue -ErrorVariable moveErrors
        $moveErrors | Should -HaveCount 1
        $moveErrors[0].FullyQualifiedErrorId | Should -Be 'SwitchoverTimeout,HybridCmdlets.Commands.WaitCloudTaskCommand'
        $result.Status | Should -Be 'Failed'
        $result.Error | Should -Be 'SwitchoverTimeout'
        (Get-CloudVM -Name 'crm-app01').Endpoint | Should -Be 'onprem-lon'
    }

    It 'shows results in a table with the downtime' {
        $text = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' | Out-String
        $text | Should -Match 'VM\s+Type\s+Status\s+Duration\s+Downtime'
        $text | Should -Match 'crm-web01\s+vMotion\s+Succeeded'
    }

    It 'saves a file-backed lab after the move' {
        $path = Join-Path $TestDrive 'lab.json'
        Save-HybridLab -Path $path
        $null = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        # The file names the VM's new host (its endpoint follows from it): reopened, the lab has the VM where it went.
        $null = Open-HybridLab -Path $path
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'avs-westeurope'
    }
}

Describe 'Test-MigrationReadiness' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'judges a whole estate against a destination, as a pipeline' {
        $groups = @(Get-CloudVM | Test-MigrationReadiness -Destination 'avs-westeurope' -ErrorAction SilentlyContinue | Group-Object -Property Verdict)
        @($groups.Name | Sort-Object) | Should -Be @('NotReady', 'Ready', 'ReadyWithWarnings')
        ($groups | Measure-Object -Property Count -Sum).Sum | Should -Be @(Get-CloudVM | Where-Object Endpoint -NE 'avs-westeurope').Count
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'gives the verdict, every check, the recommended type and the predicted move' {
        $readiness = Test-MigrationReadiness -VM 'crm-web01' -Destination 'avs-westeurope'
        $readiness | Should -BeOfType 'HybridCmdlets.Engine.Readiness.MigrationReadiness'
        $readiness.Verdict | Should -Not -Be 'NotReady'
        $readiness.RecommendedType | Should -Be 'vMotion'
        $readiness.Checks.Id | Should -Contain 'path.rtt'
        $readiness.Checks.Id | Should -Contain 'model.simulation'
        $readiness.PredictedDuration.TotalSeconds | Should -BeGreaterThan 0

        $moved = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        $moved.Duration | Should -Be $readiness.PredictedDuration
        $moved.Downtime | Should -Be $readiness.PredictedDowntime
    }

    It 'names the first blocker of a VM that cannot move' {
        $readiness = Test-MigrationReadiness -VM 'crm-db01' -Destination 'avs-westeurope'
        $readiness.Verdict | Should -Be 'NotReady'
        $readiness.Blocker | Should -BeLike 'network.mapping:*Backup-VLAN300*'
        ($readiness | Out-String) | Should -Match 'crm-db01\s+NotReady'
    }

    It 'writes a readiness report that Export-Csv and Import-Csv carry' {
        $csv = Join-Path $TestDrive 'readiness.csv'
        Get-CloudVM -Name 'crm-*' |
            Test-MigrationReadiness -Destination 'avs-westeurope' |
            Select-Object -Property VM, Verdict, RecommendedType, PredictedDuration, Blocker |
            Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv -Path $csv)
        $rows.Count | Should -Be @(Get-CloudVM -Name 'crm-*').Count
        ($rows | Where-Object VM -EQ 'crm-web01').Verdict | Should -Not -Be 'NotReady'
        ($rows | Where-Object VM -EQ 'crm-db01').Blocker | Should -BeLike 'network.mapping:*'
        [TimeSpan]::Parse(($rows | Where-Object VM -EQ 'crm-web01').PredictedDuration).TotalSeconds | Should -BeGreaterThan 0
    }

    It 'takes CSV rows by property name, as Move-CloudVM does' {
        $rows = @(
            [pscustomobject]@{ Name = 'crm-web01'; Destination = 'avs-westeurope'; MigrationType = 'Bulk' }
            [pscustomobject]@{ Name = 'crm-web02'; Destination = 'gcve-europe-west2'; MigrationType = 'vMotion' }
        )
        $results = @($rows | Test-MigrationReadiness)
        $results.EvaluatedType | Should -Be @('Bulk', 'vMotion')
        $results[1].Destination | Should -BeLike 'gcve-europe-west2/*'
    }
}

Describe 'Get-CloudTask, Wait-CloudTask and Stop-CloudTask' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'lists tasks, filters them by status and id, and names a missing id (TaskNotFound)' {
        $tasks = @(Move-CloudVM -VM 'crm-web01', 'crm-web02' -Destination 'avs-westeurope' -RunAsync)
        $null = $tasks[0] | Stop-CloudTask -Confirm:$false
        @(Get-CloudTask).Count | Should -Be 2
        (Get-CloudTask -Id $tasks[1].Id).VM | Should -Be 'crm-web02'
        (Get-CloudTask -Status Canceled).Id | Should -Be $tasks[0].Id
        { Get-CloudTask -Id 'task-999' -ErrorAction Stop } | Should -Throw -ErrorId 'TaskNotFound,HybridCmdlets.Commands.GetCloudTaskCommand'
        $null = $tasks | Wait-CloudTask -WarningAction SilentlyContinue
    }

    It 'stops a task: the VM stays at its source and waiting gives a Canceled result' {
        $task = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -RunAsync
        $stopped = $task | Stop-CloudTask -Confirm:$false -PassThru
        $stopped.State | Should -Be 'Canceled'
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
        ($task | Wait-CloudTask -WarningAction SilentlyContinue).Status | Should -Be 'Canceled'
        { $task | Stop-CloudTask -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'TaskNotRunning,HybridCmdlets.Commands.StopCloudTaskCommand'
    }

    It 'stops nothing with -WhatIf' {
        $task = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -RunAsync
        $task | Stop-CloudTask -WhatIf
        $task.IsFinished | Should -BeFalse
        ($task | Wait-CloudTask).Status | Should -Be 'Succeeded'
    }

    It 'refuses to replace a lab while moves are under way (LabBusy)' {
        $null = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -RunAsync
        { Open-HybridLab -Default -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'LabBusy,HybridCmdlets.Commands.OpenHybridLabCommand'
        $null = Get-CloudTask | Wait-CloudTask
    }
}

Describe 'A PowerCLI-style polling loop' {
    AfterEach {
        Set-HybridLabOption -TimeScale 0
        Reset-HybridLab
    }

    It 'ends at time scale <Scale>, with the move done' -TestCases @(
        @{ Scale = 0 }
        @{ Scale = 100000 }
    ) {
        Reset-HybridLab
        Set-HybridLabOption -TimeScale $Scale
        $t = Move-CloudVM crm-web01 avs-westeurope -RunAsync
        $looks = 0
        $watch = [Diagnostics.Stopwatch]::StartNew()
        while ((Get-CloudTask -Id $t.Id).State -in 'Queued', 'Running') {
            $looks++
            if ($watch.Elapsed.TotalSeconds -gt 60) { throw "The loop still runs after $looks looks." }
            Start-Sleep -Milliseconds 100
        }
        (Get-CloudTask -Id $t.Id).State | Should -Be 'Succeeded'
        (Get-CloudVM -Name crm-web01).Endpoint | Should -Be 'avs-westeurope'
    }

    It 'at time scale 0 shows the task one step further at each look, and leaves queued tasks queued' {
        Reset-HybridLab
        $tasks = Move-CloudVM crm-web01, crm-web02 avs-westeurope -MigrationType vMotion -RunAsync
        $phase = $tasks[0].Phase
        $seen = @(Get-CloudTask)
        $seen[0].Phase | Should -Not -Be $phase
        $seen[1].State | Should -Be 'Queued' -Because 'HCX runs one vMotion at a time'
        $null = Get-CloudTask -Status Queued | Stop-CloudTask -Confirm:$false
        $tasks[1].State | Should -Be 'Canceled'
        $null = $tasks[0] | Wait-CloudTask
    }

    It 'at time scale 0 still runs moves submitted by separate commands together' {
        Reset-HybridLab
        $a = Move-CloudVM crm-web01 avs-westeurope -MigrationType RAV -RunAsync
        $b = Move-CloudVM crm-web02 avs-westeurope -MigrationType RAV -RunAsync
        $null = $a, $b | Wait-CloudTask
        $a.StartTime | Should -Be $b.StartTime
        $b.StartTime | Should -BeLessThan $a.FinishTime
    }
}

Describe 'Set-HybridLabOption for migrations' {
    BeforeEach {
        Reset-HybridLab
    }

    AfterAll {
        Reset-HybridLab
    }

    It 'sets the time scale and the pre-copy algorithm' {
        $lab = Set-HybridLabOption -TimeScale 0 -MigrationAlgorithm Xen -PassThru
        $lab.MigrationAlgorithm | Should -Be 'Xen'
        $lab.TimeScale | Should -Be 0
        (Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope').Status | Should -Be 'Succeeded'
    }

    It 'refuses a negative time scale' {
        { Set-HybridLabOption -TimeScale -1 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,HybridCmdlets.Commands.SetHybridLabOptionCommand'
    }

    It 'plays a move back at the time scale, so a user can watch it' {
        # 600 virtual seconds per wall second: a move of a few minutes of lab time takes under a second.
        Set-HybridLabOption -TimeScale 600
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        $watch.Stop()
        $result.Status | Should -Be 'Succeeded'
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan ($result.Duration.TotalSeconds / 600 * 0.5)
    }
}

Describe 'Pre-copy choices per move and per lab' {
    BeforeEach {
        Reset-HybridLab
    }

    AfterAll {
        Reset-HybridLab
    }

    It 'Move-CloudVM -MaxBandwidthMbps caps the move''s throughput' {
        $capped = Move-CloudVM crm-web01 avs-westeurope -MigrationType vMotion -MaxBandwidthMbps 400 -WarningAction SilentlyContinue
        $capped.Status | Should -Be 'Succeeded'
        $capped.AverageThroughputMbps | Should -BeLessOrEqual 400.5
        Reset-HybridLab
        $free = Move-CloudVM crm-web01 avs-westeurope -MigrationType vMotion -WarningAction SilentlyContinue
        $free.AverageThroughputMbps | Should -BeGreaterThan 1000
        $capped.Duration | Should -BeGreaterThan $free.Duration
    }

    It 'refuses a bandwidth cap out of range with ValueOutOfRange, and moves nothing' {
        { Move-CloudVM crm-web01 avs-westeurope -MaxBandwidthMbps -5 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ValueOutOfRange,HybridCmdlets.Commands.MoveCloudVMCommand'
        { Test-MigrationReadiness crm-web01 avs-westeurope -MaxBandwidthMbps 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ValueOutOfRange,HybridCmdlets.Commands.TestMigrationReadinessCommand'
        (Get-CloudVM crm-web01).Endpoint | Should -Be 'onprem-lon'
        Get-CloudTask | Should -BeNullOrEmpty
    }

    It 'under Xen a live move over a 50 Mb/s path is possible, and readiness says the HCX thresholds were not applied' {
        Set-CloudLink onprem-lon avs-westeurope -BandwidthMbps 50
        $vSphere = Test-MigrationReadiness crm-web01 avs-westeurope -MigrationType vMotion
        ($vSphere.Checks | Where-Object Id -EQ 'path.bandwidth').Status | Should -Be 'Fail'
        $xen = Test-MigrationReadiness crm-web01 avs-westeurope -MigrationType vMotion -MigrationAlgorithm Xen
        $check = $xen.Checks | Where-Object Id -EQ 'path.bandwidth'
        $check.Status | Should -Be 'Pass'
        $check.Message | Should -Match 'Not applied'
    }

    It 'Move-CloudVM -StopAndCopy pauses the guest for the whole memory copy' {
        $live = Move-CloudVM crm-web01 avs-westeurope -MigrationType vMotion -WarningAction SilentlyContinue
        Reset-HybridLab
        $stopped = Move-CloudVM crm-web01 avs-westeurope -MigrationType vMotion -StopAndCopy -WarningAction SilentlyContinue
        $live.Downtime.TotalSeconds | Should -BeLessThan 1
        # Gigabytes of touched memory at the 1.6 Gbps of the HCX Interconnect appliance: 5 s per GB.
        $stopped.Downtime.TotalSeconds | Should -BeGreaterThan 10
        $stopped.Downtime.TotalSeconds | Should -BeGreaterThan (20 * $live.Downtime.TotalSeconds)
    }

    It 'Set-HybridLabOption sets the downtime target and auto-converge, and -DowntimeTargetMs 0 goes back to the algorithm''s own' {
        $lab = Set-HybridLabOption -MigrationAlgorithm Qemu -DowntimeTargetMs 30 -AutoConverge $true -PassThru
        $lab.DowntimeTargetMs | Should -Be 30
        $lab.AutoConverge | Should -BeTrue
        (Set-HybridLabOption -DowntimeTargetMs 0 -PassThru).DowntimeTargetMs | Should -BeNullOrEmpty
        { Set-HybridLabOption -DowntimeTargetMs -1 -ErrorAction Stop } | Should -Throw -ErrorId 'ValueOutOfRange,HybridCmdlets.Commands.SetHybridLabOptionCommand'
        (Get-HybridLab).AutoConverge | Should -BeTrue
    }

    It 'New-CloudVM -HotSetMB sets the hot set, which cannot exceed the writable working set' {
        (New-CloudVM hot01 -Endpoint onprem-lon -MemoryGB 8 -WritableWorkingSetMB 1024 -HotSetMB 64).Workload.HotSetMB | Should -Be 64
        { New-CloudVM hot02 -Endpoint onprem-lon -MemoryGB 8 -WritableWorkingSetMB 1024 -HotSetMB 2048 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ValueOutOfRange,HybridCmdlets.Commands.NewCloudVMCommand'
        Get-CloudVM hot02 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
