# Issue 14, "Nothing lost, nothing leaked": a lab file that Save-HybridLab or AutoSave writes always opens again,
# keeps its permissions and symbolic links, is not written over when read-only or changed by another session
# (unless -Force), and what killed saves leave behind is cleared. Modes are Unix file modes: the suite runs on Linux.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest

    function Get-LabFileVM([string] $Path) {
        @((Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json).vms | ForEach-Object { $_.name })
    }

    # Another PowerShell session, in its own process: opens the lab file, creates a VM (saved by AutoSave) and ends.
    function Add-VMFromAnotherSession([string] $Path, [string] $Name) {
        $script = @"
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$((Get-ModuleUnderTestManifestPath).Replace("'", "''"))' -ErrorAction Stop
`$null = Open-HybridLab -Path '$($Path.Replace("'", "''"))' -ErrorAction Stop
`$null = New-CloudVM -Name '$Name' -Endpoint onprem-lon -ErrorAction Stop
'SAVED'
"@
        $output = & pwsh -NoProfile -NonInteractive -EncodedCommand ([Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script)))
        $LASTEXITCODE | Should -Be 0
        @($output) | Should -Contain 'SAVED'
    }
}

AfterAll {
    Reset-HybridLab
}

Describe 'A move whose name is taken at the destination while it runs' {
    BeforeEach {
        Reset-HybridLab
        $file = Join-Path $TestDrive 'race.json'
        Save-HybridLab -Path $file
        Set-HybridLabOption -AutoSave $true
    }

    It 'fails at switchover with VMNameInUseAtDestination, the VM at its source and the auto-saved file still opening' {
        $task = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -RunAsync
        $null = New-CloudVM -Name 'crm-web01' -Endpoint 'avs-westeurope'

        $result = $task | Wait-CloudTask -ErrorVariable failed -ErrorAction SilentlyContinue

        $result.Status | Should -Be 'Failed'
        $result.Error | Should -Be 'VMNameInUseAtDestination'
        $task.State | Should -Be 'Failed'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'VMNameInUseAtDestination,HybridCmdlets.Commands.WaitCloudTaskCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failed[0].Exception.Message | Should -BeLike "*crm-web01*avs-westeurope*source*"
        @(Get-CloudVM -Name 'crm-web01' | ForEach-Object Endpoint | Sort-Object) | Should -Be @('avs-westeurope', 'onprem-lon')
        (Get-HybridLab).IsModified | Should -BeFalse

        $null = Open-HybridLab -Default -Confirm:$false
        $null = Open-HybridLab -Path $file
        @(Get-CloudVM -Name 'crm-web01' | ForEach-Object Endpoint | Sort-Object) | Should -Be @('avs-westeurope', 'onprem-lon')
    }

    It 'lets the first of two same-named VMs from different sites land, and fails the second' {
        $null = New-CloudVM -Name 'crm-web01' -Endpoint 'vmc-eu-west-2' -NetworkName 'L2E_Web-VLAN110-110'
        $tasks = @(Get-CloudVM -Name 'crm-web01' | Move-CloudVM -Destination 'avs-westeurope' -RunAsync)
        $tasks.Count | Should -Be 2

        $results = @($tasks | Wait-CloudTask -ErrorVariable failed -ErrorAction SilentlyContinue)

        @($results | Where-Object Status -EQ 'Succeeded').Count | Should -Be 1
        @($results | Where-Object Status -EQ 'Failed' | ForEach-Object Error) | Should -Be @('VMNameInUseAtDestination')
        $failed.FullyQualifiedErrorId | Should -Be 'VMNameInUseAtDestination,HybridCmdlets.Commands.WaitCloudTaskCommand'
        @(Get-CloudVM -Name 'crm-web01' | Where-Object Endpoint -EQ 'avs-westeurope').Count | Should -Be 1
        { Open-HybridLab -Path $file -Confirm:$false } | Should -Not -Throw
        @(Get-CloudVM -Name 'crm-web01').Count | Should -Be 2
    }
}

Describe 'Save-HybridLab and file permissions' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'creates a new lab file readable by its owner only' {
        $file = Join-Path $TestDrive 'new-owner-only.json'

        Save-HybridLab -Path $file

        (Get-Item -LiteralPath $file).UnixFileMode | Should -Be ([IO.UnixFileMode] 'UserRead, UserWrite')
    }

    It 'keeps the mode of the file it saves over, by Save-HybridLab and by AutoSave' {
        $file = Join-Path $TestDrive 'kept-mode.json'
        Set-Content -LiteralPath $file -Value '{}'
        (Get-Item -LiteralPath $file).UnixFileMode = 'UserRead, UserWrite, GroupRead'

        Save-HybridLab -Path $file
        (Get-Item -LiteralPath $file).UnixFileMode | Should -Be ([IO.UnixFileMode] 'UserRead, UserWrite, GroupRead')

        $null = New-TestVM -Name 'pester-mode01'
        Get-LabFileVM -Path $file | Should -Contain 'pester-mode01'
        (Get-Item -LiteralPath $file).UnixFileMode | Should -Be ([IO.UnixFileMode] 'UserRead, UserWrite, GroupRead')
    }

    It 'keeps the owner and group of the file it saves over, where the process may change them' {
        $file = Join-Path $TestDrive 'kept-owner.json'
        Save-HybridLab -Path $file
        # As root the file is given to nobody (65534), which the save must give back; otherwise it stays the user's.
        $root = (& id -u) -eq '0'
        if ($root) { & chown 65534:65534 $file }
        $owner = & stat -c '%u:%g' $file

        $null = New-TestVM -Name 'pester-owner01'

        Get-LabFileVM -Path $file | Should -Contain 'pester-owner01'
        & stat -c '%u:%g' $file | Should -Be $owner
        if ($root) { $owner | Should -Be '65534:65534' }
    }

    It 'refuses a read-only file without -Force (LabFileReadOnly), writing nothing, and keeps it read-only with -Force' {
        $file = Join-Path $TestDrive 'read-only.json'
        Save-HybridLab -Path $file
        (Get-Item -LiteralPath $file).UnixFileMode = 'UserRead, GroupRead, OtherRead'
        $before = Get-FileHash -LiteralPath $file

        $null = New-CloudVM -Name 'pester-ro01' -Endpoint 'onprem-lon' -ErrorAction SilentlyContinue -ErrorVariable autoSaveError

        $autoSaveError.FullyQualifiedErrorId | Should -Be 'LabFileReadOnly,HybridCmdlets.Commands.NewCloudVMCommand'
        (Get-CloudVM -Name 'pester-ro01').Name | Should -Be 'pester-ro01'

        { Save-HybridLab -ErrorAction Stop } | Should -Throw -ErrorId 'LabFileReadOnly,HybridCmdlets.Commands.SaveHybridLabCommand'
        $record = try { Save-HybridLab -ErrorAction Stop } catch { $_ }
        $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $record.TargetObject | Should -Be (Get-Item -LiteralPath $file).FullName
        (Get-FileHash -LiteralPath $file).Hash | Should -Be $before.Hash
        (Get-HybridLab).IsModified | Should -BeTrue
        @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.read-only.json.*.tmp').Count | Should -Be 0

        Save-HybridLab -Force

        Get-LabFileVM -Path $file | Should -Contain 'pester-ro01'
        (Get-Item -LiteralPath $file).UnixFileMode | Should -Be ([IO.UnixFileMode] 'UserRead, GroupRead, OtherRead')
        (Get-Item -LiteralPath $file).IsReadOnly | Should -BeTrue
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'writes the target of a symbolic link, and the link stays a link' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'real')
        $target = Join-Path $folder 'lab.json'
        Save-HybridLab -Path $target
        $link = Join-Path $TestDrive 'link.json'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $target
        $null = Open-HybridLab -Path $link

        $null = New-TestVM -Name 'pester-link01'
        Save-HybridLab

        (Get-Item -LiteralPath $link).LinkType | Should -Be 'SymbolicLink'
        (Get-Item -LiteralPath $link).Target | Should -Be $target
        Get-LabFileVM -Path $target | Should -Contain 'pester-link01'
        (Get-HybridLab).Path | Should -Be $link
        @(Get-ChildItem -LiteralPath $folder -Force).Name | Should -Be @('lab.json')
    }
}

Describe 'Two sessions on one lab file' {
    BeforeEach {
        Reset-HybridLab
        $file = Join-Path $TestDrive 'shared.json'
        Save-HybridLab -Path $file
    }

    It 'does not let AutoSave or Save-HybridLab drop the other session''s change (LabFileChanged); -Force overwrites' {
        Add-VMFromAnotherSession -Path $file -Name 'pester-theirs01'
        $theirs = Get-FileHash -LiteralPath $file

        $null = New-CloudVM -Name 'pester-mine01' -Endpoint 'onprem-lon' -ErrorAction SilentlyContinue -ErrorVariable autoSaveError

        $autoSaveError.Count | Should -Be 1
        $autoSaveError[0].FullyQualifiedErrorId | Should -Be 'LabFileChanged,HybridCmdlets.Commands.NewCloudVMCommand'
        $autoSaveError[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $autoSaveError[0].ErrorDetails.RecommendedAction | Should -BeLike '*Open-HybridLab*Save-HybridLab -Force*'
        $autoSaveError[0].TargetObject | Should -Be $file
        (Get-CloudVM -Name 'pester-mine01').Name | Should -Be 'pester-mine01'
        (Get-HybridLab).IsModified | Should -BeTrue
        (Get-FileHash -LiteralPath $file).Hash | Should -Be $theirs.Hash
        { Save-HybridLab -ErrorAction Stop } | Should -Throw -ErrorId 'LabFileChanged,HybridCmdlets.Commands.SaveHybridLabCommand'
        (Get-FileHash -LiteralPath $file).Hash | Should -Be $theirs.Hash

        Save-HybridLab -Force

        $saved = Get-LabFileVM -Path $file
        $saved | Should -Contain 'pester-mine01'
        $saved | Should -Not -Contain 'pester-theirs01'
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'saves again once the file is opened again, with both changes' {
        Add-VMFromAnotherSession -Path $file -Name 'pester-theirs02'
        $null = Open-HybridLab -Path $file

        $null = New-TestVM -Name 'pester-mine02'

        $saved = Get-LabFileVM -Path $file
        $saved | Should -Contain 'pester-theirs02'
        $saved | Should -Contain 'pester-mine02'
    }

    It 'replaces, as Set-Content does, a file the session did not open when given with -Path' {
        $other = Join-Path $TestDrive 'other.json'
        Set-Content -LiteralPath $other -Value 'not a lab'

        Save-HybridLab -Path $other

        { Open-HybridLab -Path $other } | Should -Not -Throw
        (Get-HybridLab).Path | Should -Be $other
    }
}

Describe 'Temporary files of killed saves' {
    BeforeEach {
        Reset-HybridLab
        $file = Join-Path $TestDrive 'leftovers.json'
        Save-HybridLab -Path $file
        $mine = '.leftovers.json.0badf00d.tmp', '.leftovers.json.12345678.tmp'
        $notMine = '.leftovers.json.0BADF00D.tmp', '.leftovers.json.0badf00.tmp', '.other.json.0badf00d.tmp', 'leftovers.json.0badf00d.tmp'
        foreach ($name in $mine + $notMine) { Set-Content -LiteralPath (Join-Path $TestDrive $name) -Value '{ "name": "half a lab' }
    }

    It 'are removed at the next save of that lab, and nothing else is' {
        Save-HybridLab

        $left = @(Get-ChildItem -LiteralPath $TestDrive -Force -File | ForEach-Object Name)
        # Names compared case-sensitively: .leftovers.json.0BADF00D.tmp is not one a save makes.
        foreach ($name in $mine) { $left -ccontains $name | Should -BeFalse -Because "$name is a leftover of this lab" }
        foreach ($name in $notMine) { $left -ccontains $name | Should -BeTrue -Because "$name is not" }
    }

    It 'are removed at the next open of that lab' {
        $null = Open-HybridLab -Path $file

        $left = @(Get-ChildItem -LiteralPath $TestDrive -Force -File | ForEach-Object Name)
        # Names compared case-sensitively: .leftovers.json.0BADF00D.tmp is not one a save makes.
        foreach ($name in $mine) { $left -ccontains $name | Should -BeFalse -Because "$name is a leftover of this lab" }
        foreach ($name in $notMine) { $left -ccontains $name | Should -BeTrue -Because "$name is not" }
    }

    It 'are left alone while another save holds them' {
        $held = [IO.File]::Open((Join-Path $TestDrive $mine[0]), 'Open', 'ReadWrite', 'None')
        try {
            Save-HybridLab
            Test-Path -LiteralPath (Join-Path $TestDrive $mine[0]) | Should -BeTrue
            Test-Path -LiteralPath (Join-Path $TestDrive $mine[1]) | Should -BeFalse
        }
        finally {
            $held.Dispose()
        }
    }
}
