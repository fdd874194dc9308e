# Start-, Stop-, Stop-CloudVMGuest, Suspend-CloudVM, Get-/Remove-CloudSnapshot and Get-/Set-CloudCDDrive: readying VMs for a
# move as a PowerCLI user does, through PowerShell's own binder.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
}

AfterAll {
    Reset-HybridLab
}

Describe 'Power cmdlets' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'power VMs off and on, by name, wildcard and pipeline, and write each VM as it is after' {
        $off = @(Get-CloudVM crm-app0* | Stop-CloudVM -Confirm:$false)
        @($off.PowerState | Select-Object -Unique) | Should -Be 'PoweredOff'
        @(Get-CloudVM crm-app0* -PowerState PoweredOff).Count | Should -Be $off.Count
        (Get-HybridLab).IsModified | Should -BeTrue

        $on = Start-CloudVM crm-app01
        $on | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudVM'
        $on.PowerState | Should -Be 'PoweredOn'
        $on.ToolsStatus | Should -Be 'ToolsOk'
        (Suspend-CloudVM crm-app01 -Confirm:$false).PowerState | Should -Be 'Suspended'
    }

    It 'refuses what the power state does not allow (InvalidPowerState) and goes on with the next VM' {
        $written = @(Start-CloudVM crm-web01, crm-app01 -ErrorVariable problems -ErrorAction SilentlyContinue)
        $written.Count | Should -Be 0
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidPowerState,HybridCmdlets.Commands.StartCloudVMCommand'
        "$($problems[0].CategoryInfo.Category)" | Should -Be 'InvalidOperation'
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'shuts a guest down only through running VMware Tools (ToolsUnavailable)' {
        { Stop-CloudVMGuest crm-web02 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ToolsUnavailable,HybridCmdlets.Commands.StopCloudVMGuestCommand'
        (Get-CloudVM crm-web02).PowerState | Should -Be 'PoweredOn'
        $down = Stop-CloudVMGuest crm-app01 -Confirm:$false
        $down.PowerState | Should -Be 'PoweredOff'
        ((Get-CloudVM crm-app01 | Test-MigrationReadiness -Destination avs-westeurope -MigrationType Cold).Checks | Where-Object Id -EQ 'state.power').Status | Should -Be 'Pass'
    }

    It 'changes nothing with -WhatIf, and nothing of a VM being migrated (MigrationInProgress)' {
        Stop-CloudVM crm-web01 -WhatIf
        (Get-CloudVM crm-web01).PowerState | Should -Be 'PoweredOn'
        $task = Move-CloudVM crm-web01 -Destination avs-westeurope -RunAsync
        { Stop-CloudVM crm-web01 -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'MigrationInProgress,HybridCmdlets.Commands.StopCloudVMCommand'
        $null = $task | Wait-CloudTask
    }
}

Describe 'Snapshots' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'lists a VM''s snapshots with its name, and -Name narrows them without taking the piped VM''s name' {
        $all = @(Get-CloudVM docs-app01 | Get-CloudSnapshot)
        @($all.Name) | Should -Be @('before-patching', 'before-upgrade-2', 'before-upgrade-3')
        $all[0] | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudSnapshot'
        @($all.VM | Select-Object -Unique) | Should -Be 'docs-app01'
        @(Get-CloudSnapshot docs-app01 -Name 'before-upgrade*').Count | Should -Be 2
    }

    It 'deletes piped snapshots, and the snapshot warning goes' {
        Get-CloudSnapshot docs-app01 -Name before-patching | Remove-CloudSnapshot -WhatIf
        @(Get-CloudSnapshot docs-app01).Count | Should -Be 3

        Get-CloudSnapshot docs-app01 | Remove-CloudSnapshot -Confirm:$false
        @(Get-CloudSnapshot docs-app01).Count | Should -Be 0
        ((Get-CloudVM docs-app01 | Test-MigrationReadiness -Destination avs-westeurope).Checks | Where-Object Id -EQ 'state.snapshots').Status | Should -Be 'Pass'
    }

    It 'writes SnapshotNotFound for a snapshot already gone, changing nothing else' {
        $stale = Get-CloudSnapshot docs-app01 -Name before-patching
        $stale | Remove-CloudSnapshot -Confirm:$false
        $stale | Remove-CloudSnapshot -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be 'SnapshotNotFound,HybridCmdlets.Commands.RemoveCloudSnapshotCommand'
        @(Get-CloudSnapshot docs-app01).Count | Should -Be 2
    }
}

Describe 'CD drives' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'lists drives with what they hold, and Set-CloudCDDrive -NoMedia -Connected:$false clears device.cdrom' {
        $drive = Get-CloudCDDrive build-iso01
        $drive | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudCDDrive'
        $drive.Connected | Should -BeTrue
        $drive.Media | Should -BeLike '`[esx-p1-03-local`]*'
        $check = { ((Get-CloudVM build-iso01 | Test-MigrationReadiness -Destination avs-westeurope -MigrationType vMotion).Checks | Where-Object Id -EQ 'device.cdrom') }
        (& $check).Status | Should -Be 'Fail'
        (& $check).Remediation | Should -BeLike '*Set-CloudCDDrive -NoMedia*'

        $after = $drive | Set-CloudCDDrive -NoMedia -Connected:$false -Confirm:$false
        $after.Connected | Should -BeFalse
        $after.IsoPath | Should -BeNullOrEmpty
        (& $check).Status | Should -Be 'Pass'
    }

    It 'refuses a change of nothing (CdDriveChangeRequired) and connecting a powered-off VM''s drive (InvalidPowerState)' {
        { Get-CloudCDDrive build-iso01 | Set-CloudCDDrive -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'CdDriveChangeRequired,HybridCmdlets.Commands.SetCloudCDDriveCommand'
        $null = Stop-CloudVM build-iso01 -Confirm:$false
        { Get-CloudCDDrive build-iso01 | Set-CloudCDDrive -Connected:$true -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidPowerState,HybridCmdlets.Commands.SetCloudCDDriveCommand'
        (Get-CloudCDDrive build-iso01).IsoPath | Should -Not -BeNullOrEmpty
    }
}

Describe 'Capacity that adds up' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'tests piped VMs as one wave: a VM that fits alone fails compute.memory when the VMs before it took the room' {
        # Each 700 GB VM fits AVS alone; Cluster-1 has 1708 GB for powered-on VMs, so the third of the wave does not.
        $names = 'big-01', 'big-02', 'big-03'
        # New-CloudVM makes VMs powered off, as New-VM does: power them on, or they would take no memory.
        foreach ($name in $names) { $null = New-CloudVM -Name $name -Endpoint onprem-lon -NumCpu 8 -MemoryGB 700 -Cluster Prod-Cluster-02 -NetworkName Web-VLAN110 -WarningAction SilentlyContinue | Start-CloudVM }
        foreach ($name in $names) {
            ((Get-CloudVM $name | Test-MigrationReadiness -Destination avs-westeurope -MigrationType Bulk).Checks | Where-Object Id -EQ 'compute.memory').Status | Should -Be 'Pass'
        }

        $wave = @(Get-CloudVM big-0* | Test-MigrationReadiness -Destination avs-westeurope -MigrationType Bulk)
        @($wave | ForEach-Object { ($_.Checks | Where-Object Id -EQ 'compute.memory').Status }) | Should -Be @('Pass', 'Pass', 'Fail')
        ($wave[2].Checks | Where-Object Id -EQ 'compute.memory').Message | Should -BeLike "*the 2 VM(s) before VM 'big-03' in this wave take 1400 GB of it*"
        $wave[2].Verdict | Should -Be 'NotReady'
    }

    It 'lets a powered-off VM pass compute.memory, since it takes no memory until it powers on' {
        $null = New-CloudVM -Name big-off -Endpoint onprem-lon -NumCpu 8 -MemoryGB 1900 -Cluster Prod-Cluster-02 -NetworkName Web-VLAN110 -WarningAction SilentlyContinue | Start-CloudVM
        ((Get-CloudVM big-off | Test-MigrationReadiness -Destination avs-westeurope -MigrationType Bulk).Checks | Where-Object Id -EQ 'compute.memory').Status | Should -Be 'Fail'
        $null = Stop-CloudVM big-off -Confirm:$false
        $check = (Get-CloudVM big-off | Test-MigrationReadiness -Destination avs-westeurope -MigrationType Cold).Checks | Where-Object Id -EQ 'compute.memory'
        $check.Status | Should -Be 'Pass'
        $check.Message | Should -BeLike '*powered off: it takes no memory*'
    }
}
