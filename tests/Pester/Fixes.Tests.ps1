# What real PowerShell showed wrong (issue 11), typed as a user types it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
}

AfterAll {
    Reset-HybridLab
}

Describe 'Piped moves move together' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'submits every piped name and waits once, so the moves overlap in lab time' {
        $results = @('crm-web01', 'crm-web02', 'crm-web03' | Move-CloudVM -Destination 'avs-westeurope' -MigrationType RAV)
        $results.Count | Should -Be 3
        @($results.VM | Sort-Object) | Should -Be @('crm-web01', 'crm-web02', 'crm-web03')
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        # Submitted together: they start at the same lab time, and none starts after another has ended.
        @($results.StartTime | Sort-Object -Unique).Count | Should -Be 1
        @($results.StartTime | Sort-Object)[-1] | Should -BeLessThan @($results.EndTime | Sort-Object)[0]
        # Written as each move ended.
        @($results.EndTime) | Should -Be @($results.EndTime | Sort-Object)
    }

    It 'moves piped VM objects together too' {
        $results = @(Get-CloudVM -Name 'crm-web0*' | Move-CloudVM -Destination 'avs-westeurope' -MigrationType RAV)
        $results.Count | Should -Be 3
        @($results.StartTime | Sort-Object -Unique).Count | Should -Be 1
    }

    It 'moves CSV rows with a destination each together' {
        $rows = @(
            [pscustomobject]@{ Name = 'crm-web01'; Destination = 'avs-westeurope'; MigrationType = 'RAV' }
            [pscustomobject]@{ Name = 'crm-web02'; Destination = 'gcve-europe-west2'; MigrationType = 'Bulk' }
        )
        $results = @($rows | Move-CloudVM)
        $results.Count | Should -Be 2
        ($results | Where-Object VM -EQ 'crm-web01').Destination | Should -BeLike 'avs-westeurope/*'
        ($results | Where-Object VM -EQ 'crm-web02').Destination | Should -BeLike 'gcve-europe-west2/*'
        @($results.StartTime | Sort-Object -Unique).Count | Should -Be 1
    }

    It 'writes each task at once with -RunAsync, before the next piped VM is read' {
        $seen = @('crm-web01', 'crm-web02' | Move-CloudVM -Destination 'avs-westeurope' -MigrationType RAV -RunAsync |
            ForEach-Object { $_.State; @(Get-CloudTask).Count })
        # The first task came down the pipeline while only it was submitted.
        $seen[1] | Should -Be 1
        $seen[3] | Should -Be 2
        @(Get-CloudTask -Status Queued, Running).Count | Should -Be 2
    }

    It 'refuses a bad piped VM alone and still moves the others together' {
        $results = @('ghost01', 'crm-web01', 'crm-web02' | Move-CloudVM -Destination 'avs-westeurope' -MigrationType RAV -ErrorAction SilentlyContinue -ErrorVariable moveErrors)
        $moveErrors.Count | Should -Be 1
        $moveErrors[0].FullyQualifiedErrorId | Should -Be 'VMNotFound,HybridCmdlets.Commands.MoveCloudVMCommand'
        $results.Count | Should -Be 2
        @($results.StartTime | Sort-Object -Unique).Count | Should -Be 1
    }

    It 'asks -WhatIf for each piped VM and moves none' {
        'crm-web01', 'crm-web02' | Move-CloudVM -Destination 'avs-westeurope' -WhatIf | Should -BeNullOrEmpty
        Get-CloudTask | Should -BeNullOrEmpty
        @(Get-CloudVM -Name 'crm-web0*' -Endpoint 'onprem-lon').Count | Should -Be 3
    }
}

Describe 'A fault the move rode out is a warning' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'writes it with WriteWarning, so that -WarningVariable catches it' {
        $null = Add-CloudFault LinkDown -VM 'crm-web01' -Phase PreCopy -Duration '00:00:12'
        $result = Move-CloudVM 'crm-web01' -Destination 'avs-westeurope' -MigrationType vMotion -WarningVariable moveWarnings -WarningAction SilentlyContinue
        $result.Status | Should -Be 'Succeeded'
        @($moveWarnings | Where-Object { "$_" -like "VM 'crm-web01': fault-1: the link * was down for *; the transfer resumed*" }).Count | Should -Be 1
    }

    It 'writes it from Wait-CloudTask too' {
        $null = Add-CloudFault LinkDown -VM 'crm-web01' -Phase PreCopy -Duration '00:00:12'
        $null = Move-CloudVM 'crm-web01' -Destination 'avs-westeurope' -MigrationType vMotion -RunAsync | Wait-CloudTask -WarningVariable waitWarnings -WarningAction SilentlyContinue
        @($waitWarnings | Where-Object { "$_" -like '*fault-1: the link*resumed*' }).Count | Should -Be 1
    }
}

Describe 'Get-CloudTask -Status takes PowerCLI''s state names' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'reads Success as Succeeded and Error as Failed' {
        $null = Move-CloudVM 'crm-web01' -Destination 'avs-westeurope'
        $null = Add-CloudFault LinkDown -VM 'crm-web02' -Phase PreCopy -Duration '00:05:00'
        $null = Move-CloudVM 'crm-web02' -Destination 'avs-westeurope' -MigrationType vMotion -ErrorAction SilentlyContinue

        (Get-CloudTask -Status Success).VM | Should -Be 'crm-web01'
        (Get-CloudTask -Status Error).VM | Should -Be 'crm-web02'
        @(Get-CloudTask -Status Success, Error).Count | Should -Be 2
        (Get-CloudTask -Status 'success').State | Should -Be 'Succeeded'
    }

    It 'still refuses a state that is neither' {
        { Get-CloudTask -Status 'Done' } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,HybridCmdlets.Commands.GetCloudTaskCommand'
    }
}

Describe 'An unknown endpoint is EndpointNotFound from every cmdlet' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'is a non-terminating error from Get-CloudVM -Endpoint, and the known endpoints are still searched' {
        $vms = @(Get-CloudVM -Endpoint 'nope', 'ovh-rbx' -ErrorAction SilentlyContinue -ErrorVariable getErrors)
        $getErrors.Count | Should -Be 1
        $getErrors[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,HybridCmdlets.Commands.GetCloudVMCommand'
        $getErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $getErrors[0].TargetObject | Should -Be 'nope'
        $getErrors[0].ErrorDetails.RecommendedAction | Should -Match 'Get-CloudEndpoint'
        $vms.Count | Should -BeGreaterThan 0
        $vms.Endpoint | Sort-Object -Unique | Should -Be 'ovh-rbx'
        @(Get-CloudVM -Endpoint 'nope' -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'is EndpointNotFound, not a binding error, for <Command>' -TestCases @(
        @{ Command = 'Get-CloudVM'; Run = { Get-CloudVM -Endpoint 'nope' -ErrorAction Stop } }
        @{ Command = 'New-CloudVM'; Run = { New-CloudVM -Name 'unknown01' -Endpoint 'nope' -ErrorAction Stop } }
        @{ Command = 'Import-CloudInventory'; Run = { Import-CloudInventory -Path (Join-Path $PSScriptRoot '../../examples/rvtools/vInfo.csv') -Endpoint 'nope' -ErrorAction Stop } }
        @{ Command = 'Get-CloudPermission'; Run = { Get-CloudPermission -Endpoint 'nope' -ErrorAction Stop } }
        @{ Command = 'New-CloudPermission'; Run = { New-CloudPermission -Endpoint 'nope' -Principal 'nobody' -Role ReadOnly -ErrorAction Stop } }
    ) {
        param($Command, $Run)
        $commandName = $Command -replace '-', ''
        $Run | Should -Throw -ErrorId "EndpointNotFound,HybridCmdlets.Commands.$($commandName)Command"
        Get-CloudVM -Name 'unknown01' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'names the endpoint and stops Import-CloudInventory before it reads anything' {
        $before = @(Get-CloudVM).Count
        # Terminating: nothing can be imported into an endpoint that is not there.
        try {
            $imported = Import-CloudInventory -Path (Join-Path $PSScriptRoot '../../examples/rvtools/vInfo.csv') -Endpoint 'nope' -PassThru
        }
        catch {
            $caught = $_
        }

        $imported | Should -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Be 'EndpointNotFound,HybridCmdlets.Commands.ImportCloudInventoryCommand'
        $caught.Exception.Message | Should -Match "'nope'"
        @(Get-CloudVM).Count | Should -Be $before
    }

    It 'is one error per unknown row of New-CloudVM, and the other rows are created' {
        $rows = @(
            [pscustomobject]@{ Name = 'row01'; Endpoint = 'nope' }
            [pscustomobject]@{ Name = 'row02'; Endpoint = 'onprem-lon' }
        )
        $created = @($rows | New-CloudVM -ErrorAction SilentlyContinue -ErrorVariable newErrors)
        $newErrors.Count | Should -Be 1
        $newErrors[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,HybridCmdlets.Commands.NewCloudVMCommand'
        $created.Name | Should -Be 'row02'
    }

    It 'is EndpointAmbiguous for a wildcard that stands for several endpoints where one is needed' {
        { New-CloudVM -Name 'wild01' -Endpoint '*-west*' -ErrorAction Stop } | Should -Throw -ErrorId 'EndpointAmbiguous,HybridCmdlets.Commands.NewCloudVMCommand'
        { New-CloudVM -Name 'wild01' -Endpoint 'nomatch*' -ErrorAction Stop } | Should -Throw -ErrorId 'EndpointNotFound,HybridCmdlets.Commands.NewCloudVMCommand'
        (New-CloudVM -Name 'wild01' -Endpoint 'avs*').Endpoint | Should -Be 'avs-westeurope'
    }
}

Describe '-NetworkMapping names what exists' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'refuses a key that is no network of the VM''s NICs (<Command>), and nothing moves' -TestCases @(
        @{ Command = 'Move-CloudVM' }
        @{ Command = 'Test-MigrationReadiness' }
    ) {
        param($Command)
        $mapping = @{ 'DB-VLAN130' = 'workload-segment-01' }
        $out = & $Command -VM 'crm-web01' -Destination 'avs-westeurope' -NetworkMapping $mapping -ErrorAction SilentlyContinue -ErrorVariable mapErrors
        $out | Should -BeNullOrEmpty
        $mapErrors.Count | Should -Be 1
        $mapErrors[0].FullyQualifiedErrorId | Should -Be "NetworkMappingInvalid,HybridCmdlets.Commands.$($Command -replace '-', '')Command"
        $mapErrors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $mapErrors[0].TargetObject | Should -Be 'crm-web01'
        $mapErrors[0].Exception.Message | Should -Match "'DB-VLAN130'"
        $mapErrors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        Get-CloudTask | Should -BeNullOrEmpty
        (Get-CloudVM 'crm-web01').Endpoint | Should -Be 'onprem-lon'
    }

    It 'refuses a value that is no network at the destination, and nothing moves' {
        { Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -NetworkMapping @{ 'Web-VLAN110' = 'no-such-segment' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'NetworkMappingInvalid,HybridCmdlets.Commands.MoveCloudVMCommand'
        Get-CloudTask | Should -BeNullOrEmpty
    }

    It 'warns (network.mapping) when a NIC is mapped onto a segment that is not its network''s HCX extension' {
        $readiness = Test-MigrationReadiness -VM 'crm-web01' -Destination 'avs-westeurope' -NetworkMapping @{ 'Web-VLAN110' = 'workload-segment-01' }
        $readiness.Verdict | Should -Be 'ReadyWithWarnings'
        ($readiness.Checks | Where-Object Id -EQ 'network.mapping').Status | Should -Be 'Warning'

        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -NetworkMapping @{ 'Web-VLAN110' = 'workload-segment-01' } -WarningVariable moveWarnings -WarningAction SilentlyContinue
        $result.Status | Should -Be 'Succeeded'
        @($moveWarnings | Where-Object { "$_" -like "VM 'crm-web01': network.mapping: *'Web-VLAN110' maps to 'workload-segment-01' (as mapped), not an HCX extension of it*" }).Count | Should -Be 1
    }

    It 'does not warn when the NIC is mapped onto its own network''s extension' {
        $extension = (Get-CloudEndpoint 'avs-westeurope').Networks | Where-Object ExtendedFrom -EQ 'onprem-lon/Web-VLAN110'
        $readiness = Test-MigrationReadiness -VM 'crm-web01' -Destination 'avs-westeurope' -NetworkMapping @{ 'Web-VLAN110' = $extension.Name }
        ($readiness.Checks | Where-Object Id -EQ 'network.mapping').Status | Should -Be 'Pass'
    }
}

Describe 'Objects piped between the cmdlets bind to the intended parameter only' {
    BeforeAll {
        # The parameters each command of a pipeline bound from its input, as Trace-Command -Name ParameterBinding shows them.
        function Get-PipelineBinding {
            param([Parameter(Mandatory)] [scriptblock] $Pipeline)
            $file = Join-Path $TestDrive ("trace-" + [guid]::NewGuid().ToString('N') + '.txt')
            $null = Trace-Command -Name ParameterBinding -Expression $Pipeline -FilePath $file 2>$null 3>$null 6>$null
            $command = $null
            $bound = foreach ($line in Get-Content -LiteralPath $file) {
                if ($line -match 'BIND PIPELINE object to parameters: \[(.*)\]') { $command = $Matches[1] }
                elseif ($command -and $line -match 'BIND arg \[.*\] to param \[(\w+)\] SUCCESSFUL') { "$command -$($Matches[1])" }
                elseif ($line -match 'CALLING EndProcessing') { $command = $null }
            }

            @($bound | Sort-Object -Unique)
        }
    }

    BeforeEach {
        Reset-HybridLab
    }

    It '<Pipeline> binds <Expected>' -TestCases @(
        @{ Pipeline = { Get-CloudEndpoint avs* | Get-CloudVM }; Expected = @('Get-CloudVM -Endpoint') }
        @{ Pipeline = { Get-CloudEndpoint onprem-lon | Get-CloudVM -Cluster Prod-Cluster-01 }; Expected = @('Get-CloudVM -Endpoint') }
        @{ Pipeline = { Get-CloudVM crm-web01 | Get-CloudEndpoint }; Expected = @('Get-CloudEndpoint -VM') }
        @{ Pipeline = { Get-CloudVM crm-web01 | Get-CloudVM }; Expected = @('Get-CloudVM -Name') }
        @{ Pipeline = { Get-CloudVM crm-web01 | Test-MigrationReadiness -Destination avs-westeurope }; Expected = @('Test-MigrationReadiness -VM') }
        @{ Pipeline = { Get-CloudVM crm-web01 | Move-CloudVM -Destination avs-westeurope -RunAsync | Wait-CloudTask }; Expected = @('Move-CloudVM -VM', 'Wait-CloudTask -Task') }
        @{ Pipeline = { Get-CloudVM crm-web01 | Move-CloudVM -Destination avs-westeurope | Export-MigrationReport -Path (Join-Path $TestDrive 'r.html') -WhatIf }; Expected = @('Export-MigrationReport -InputObject', 'Move-CloudVM -VM') }
        @{ Pipeline = { $null = Move-CloudVM crm-web02 -Destination avs-westeurope -RunAsync; Get-CloudTask | Stop-CloudTask -Confirm:$false }; Expected = @('Stop-CloudTask -Task') }
        @{ Pipeline = { Get-CloudVM crm-web03 | Remove-CloudVM -WhatIf }; Expected = @('Remove-CloudVM -VM') }
        @{ Pipeline = { Get-CloudEndpoint onprem-lon | Get-CloudPermission }; Expected = @('Get-CloudPermission -Endpoint') }
        @{ Pipeline = { Get-CloudEndpoint onprem-lon | Disconnect-CloudEndpoint }; Expected = @('Disconnect-CloudEndpoint -Name') }
    ) {
        param($Pipeline, $Expected)
        Get-PipelineBinding -Pipeline $Pipeline | Should -Be $Expected
    }
}
