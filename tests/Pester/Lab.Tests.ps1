BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest

    # The lab file as JSON, to check what AutoSave and Save-HybridLab wrote.
    function Get-LabFileVMName([string] $Path) {
        @((Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json).vms | ForEach-Object { $_.name })
    }
}

AfterAll {
    Reset-HybridLab
}

Describe 'Get-HybridLab' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'describes the embedded lab' {
        $lab = Get-HybridLab
        $lab | Should -BeOfType 'HybridCmdlets.Engine.Lab.HybridLab'
        $lab.Origin | Should -Be 'Embedded'
        $lab.Path | Should -BeNullOrEmpty
        $lab.Name | Should -Not -BeNullOrEmpty
        $lab.VMCount | Should -Be @(Get-CloudVM).Count
        $lab.EndpointCount | Should -Be @(Get-CloudEndpoint).Count
        $lab.LinkCount | Should -Be @(Get-CloudLink).Count
        $lab.AutoSave | Should -BeTrue
        $lab.IsModified | Should -BeFalse
    }
}

Describe 'Save-HybridLab and Open-HybridLab' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'round-trips the lab through a file' {
        $file = Join-Path $TestDrive 'roundtrip.json'
        $original = Get-HybridLab
        $originalVMs = @(Get-CloudVM)
        $crm = Get-CloudVM -Name 'crm-web01'

        $saved = Save-HybridLab -Path $file -PassThru
        Test-Path -LiteralPath $file | Should -BeTrue
        $saved.Origin | Should -Be 'File'
        $saved.Path | Should -Not -BeNullOrEmpty
        [IO.Path]::GetFileName($saved.Path) | Should -Be 'roundtrip.json'
        $saved.IsModified | Should -BeFalse

        $null = Open-HybridLab -Default -Confirm:$false
        $opened = Open-HybridLab -Path $file

        $opened.Origin | Should -Be 'File'
        $opened.Path | Should -Be $saved.Path
        $opened.Name | Should -Be $original.Name
        $opened.VMCount | Should -Be $original.VMCount
        $opened.EndpointCount | Should -Be $original.EndpointCount
        $opened.LinkCount | Should -Be $original.LinkCount
        $opened.IsModified | Should -BeFalse
        @(Get-CloudVM).Id | Should -Be $originalVMs.Id
        $reopened = Get-CloudVM -Name 'crm-web01'
        $reopened.Id | Should -Be $crm.Id
        $reopened.NumCpu | Should -Be $crm.NumCpu
        $reopened.MemoryGB | Should -Be $crm.MemoryGB
        $reopened.PowerState | Should -Be $crm.PowerState
        $reopened.Cluster | Should -Be $crm.Cluster
        @($reopened.Tags) | Should -Be @($crm.Tags)
    }

    It 'keeps a change made before saving' {
        $file = Join-Path $TestDrive 'changed.json'
        $null = New-TestVM -Name 'pester-saved01' -Endpoint 'ovh-rbx'
        Set-CloudLink -Source 'onprem-lon' -Destination 'ovh-rbx' -RttMs 42
        Save-HybridLab -Path $file | Should -BeNullOrEmpty

        $null = Open-HybridLab -Default -Confirm:$false
        $null = Open-HybridLab -Path $file
        (Get-CloudVM -Name 'pester-saved01').Endpoint | Should -Be 'ovh-rbx'
        (Get-CloudLink 'onprem-lon' 'ovh-rbx').RttMs | Should -Be 42
    }

    It 'opens the file piped from Get-Item (FullName)' {
        $file = Join-Path $TestDrive 'piped.json'
        Save-HybridLab -Path $file
        $null = Open-HybridLab -Default -Confirm:$false

        $opened = Get-Item -LiteralPath $file | Open-HybridLab
        $opened.Origin | Should -Be 'File'
        [IO.Path]::GetFileName($opened.Path) | Should -Be 'piped.json'
    }

    It 'refuses to save the embedded lab with no path (LabPathRequired)' {
        $record = { Save-HybridLab } |
            Should -Throw -ErrorId 'LabPathRequired,HybridCmdlets.Commands.SaveHybridLabCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidOperation'
        (Get-HybridLab).Origin | Should -Be 'Embedded'
    }

    It 'saves a file-backed lab to its own file when no path is given' {
        $file = Join-Path $TestDrive 'own.json'
        Save-HybridLab -Path $file
        $null = Set-HybridLabOption -AutoSave $false
        $null = New-TestVM -Name 'pester-own01'
        Get-LabFileVMName -Path $file | Should -Not -Contain 'pester-own01'

        $lab = Save-HybridLab -PassThru
        $lab.IsModified | Should -BeFalse
        Get-LabFileVMName -Path $file | Should -Contain 'pester-own01'
    }

    It 'writes nothing with -WhatIf' {
        $file = Join-Path $TestDrive 'whatif.json'
        Save-HybridLab -Path $file -WhatIf
        Test-Path -LiteralPath $file | Should -BeFalse
        (Get-HybridLab).Origin | Should -Be 'Embedded'
    }
}

Describe 'Open-HybridLab with a file it cannot use' {
    BeforeAll {
        # A real lab file whose schema version is newer than this module reads.
        Reset-HybridLab
        $futureFile = Join-Path $TestDrive 'future.json'
        Save-HybridLab -Path $futureFile
        $text = Get-Content -LiteralPath $futureFile -Raw
        $futureText = $text -replace '"schemaVersion"\s*:\s*\d+', '"schemaVersion": 99'
        [IO.File]::WriteAllText($futureFile, $futureText)
    }

    BeforeEach {
        Reset-HybridLab
        # A current lab that differs from a fresh default one, so that "unchanged" means something.
        $null = New-TestVM -Name 'pester-marker01'
        $before = Get-HybridLab
    }

    It 'reports a file that does not exist (LabFileNotFound) and keeps the current lab' {
        $file = Join-Path $TestDrive 'missing.json'
        $record = { Open-HybridLab -Path $file -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'LabFileNotFound,HybridCmdlets.Commands.OpenHybridLabCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        [string] $record.TargetObject | Should -BeLike '*missing.json'
    }

    It 'reports an empty file (LabFileInvalid) and keeps the current lab' {
        $file = Join-Path $TestDrive 'empty.json'
        [IO.File]::WriteAllText($file, '')
        { Open-HybridLab -Path $file -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'LabFileInvalid,HybridCmdlets.Commands.OpenHybridLabCommand'
    }

    It 'reports a malformed file (LabFileInvalid) and keeps the current lab' {
        $file = Join-Path $TestDrive 'malformed.json'
        [IO.File]::WriteAllText($file, '{ "schemaVersion": 1, "name": ')
        $record = { Open-HybridLab -Path $file -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'LabFileInvalid,HybridCmdlets.Commands.OpenHybridLabCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'reports a file from a newer schema version (LabFileVersionUnsupported) and keeps the current lab' {
        $futureText | Should -Match '"schemaVersion": 99'
        { Open-HybridLab -Path $futureFile -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'LabFileVersionUnsupported,HybridCmdlets.Commands.OpenHybridLabCommand'
    }

    AfterEach {
        $after = Get-HybridLab
        $after.Origin | Should -Be $before.Origin
        $after.Path | Should -Be $before.Path
        $after.Name | Should -Be $before.Name
        $after.VMCount | Should -Be $before.VMCount
        $after.IsModified | Should -Be $before.IsModified
        (Get-CloudVM -Name 'pester-marker01').Name | Should -Be 'pester-marker01'
    }
}

Describe 'AutoSave' {
    BeforeEach {
        Reset-HybridLab
        $file = Join-Path $TestDrive 'autosave.json'
        $null = Save-HybridLab -Path $file -PassThru
    }

    It 'is on for a lab saved to a file, and writes each change at once' {
        (Get-HybridLab).AutoSave | Should -BeTrue
        $null = New-TestVM -Name 'pester-auto01'
        Get-LabFileVMName -Path $file | Should -Contain 'pester-auto01'
        (Get-HybridLab).IsModified | Should -BeFalse

        Remove-CloudVM -VM 'pester-auto01' -Confirm:$false
        Get-LabFileVMName -Path $file | Should -Not -Contain 'pester-auto01'
    }

    It 'is turned off by Set-HybridLabOption -AutoSave $false, which the lab file then keeps' {
        $lab = Set-HybridLabOption -AutoSave $false -PassThru
        $lab.AutoSave | Should -BeFalse
        (Get-HybridLab).AutoSave | Should -BeFalse

        $null = New-TestVM -Name 'pester-manual01'
        Get-LabFileVMName -Path $file | Should -Not -Contain 'pester-manual01'
        (Get-HybridLab).IsModified | Should -BeTrue

        Save-HybridLab
        $null = Open-HybridLab -Default -Confirm:$false
        $reopened = Open-HybridLab -Path $file
        $reopened.AutoSave | Should -BeFalse
        (Get-CloudVM -Name 'pester-manual01').Name | Should -Be 'pester-manual01'
    }

    It 'is turned back on by Set-HybridLabOption -AutoSave $true' {
        Set-HybridLabOption -AutoSave $false
        Set-HybridLabOption -AutoSave $true
        (Get-HybridLab).AutoSave | Should -BeTrue
        $null = New-TestVM -Name 'pester-auto02'
        Get-LabFileVMName -Path $file | Should -Contain 'pester-auto02'
    }

    It 'needs an option to set (LabOptionRequired)' {
        { Set-HybridLabOption } |
            Should -Throw -ErrorId 'LabOptionRequired,HybridCmdlets.Commands.SetHybridLabOptionCommand'
    }
}

Describe 'Open-HybridLab -Default' {
    BeforeEach {
        Reset-HybridLab
        $default = Get-HybridLab
    }

    It 'returns from a lab file to the embedded lab' {
        Save-HybridLab -Path (Join-Path $TestDrive 'left.json')
        $null = New-TestVM -Name 'pester-left01'

        $lab = Open-HybridLab -Default -Confirm:$false
        $lab.Origin | Should -Be 'Embedded'
        $lab.Path | Should -BeNullOrEmpty
        $lab.VMCount | Should -Be $default.VMCount
        $lab.IsModified | Should -BeFalse
        Get-CloudVM -Name 'pester-left01' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'discards unsaved changes to the embedded lab, with a warning' {
        $null = New-TestVM -Name 'pester-unsaved01'
        $null = Open-HybridLab -Default -Confirm:$false -WarningAction SilentlyContinue -WarningVariable warnings
        $warnings | Should -HaveCount 1
        Get-CloudVM -Name 'pester-unsaved01' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-HybridLab).VMCount | Should -Be $default.VMCount
    }

    It 'changes nothing with -WhatIf' {
        $null = New-TestVM -Name 'pester-kept01'
        Open-HybridLab -Default -WhatIf
        (Get-CloudVM -Name 'pester-kept01').Name | Should -Be 'pester-kept01'
        (Get-HybridLab).IsModified | Should -BeTrue
    }
}

Describe 'Relative lab paths' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'resolves a relative path against the current PowerShell location, not the process directory' {
        $name = 'relative-{0}.json' -f [guid]::NewGuid().ToString('N')
        Push-Location -LiteralPath $TestDrive
        try {
            Save-HybridLab -Path $name
            $null = Open-HybridLab -Default -Confirm:$false
            $opened = Open-HybridLab -Path $name
        }
        finally {
            Pop-Location
        }

        Test-Path -LiteralPath (Join-Path $TestDrive $name) | Should -BeTrue
        [IO.Path]::IsPathRooted($opened.Path) | Should -BeTrue
        [IO.Path]::GetFileName($opened.Path) | Should -Be $name
        [IO.File]::Exists($opened.Path) | Should -BeTrue
        if ([Environment]::CurrentDirectory -ne $TestDrive) {
            Test-Path -LiteralPath (Join-Path ([Environment]::CurrentDirectory) $name) | Should -BeFalse
        }
    }

    It 'resolves a PowerShell drive path (TestDrive:)' {
        Save-HybridLab -Path 'TestDrive:/drive-lab.json'
        Test-Path -LiteralPath (Join-Path $TestDrive 'drive-lab.json') | Should -BeTrue
        [IO.Path]::GetFileName((Get-HybridLab).Path) | Should -Be 'drive-lab.json'
        [IO.File]::Exists((Get-HybridLab).Path) | Should -BeTrue
    }
}

Describe 'Open-HybridLab -Generate' {
    AfterAll {
        Reset-HybridLab
    }

    It 'opens a generated lab of the size asked for, the same for the same seed' {
        $lab = Open-HybridLab -Generate -VMCount 5000 -Seed 7
        $lab.Origin | Should -Be 'Generated'
        $lab.VMCount | Should -BeGreaterOrEqual 5000
        $lab.VMCount | Should -BeLessThan 5500
        $lab.Path | Should -BeNullOrEmpty
        $first = @(Get-CloudVM -Tag wave1 | ForEach-Object { $_.Name + '@' + $_.Endpoint + '/' + $_.Cluster + ':' + $_.MemoryMB })
        $null = Open-HybridLab -Generate -VMCount 5000 -Seed 7
        @(Get-CloudVM -Tag wave1 | ForEach-Object { $_.Name + '@' + $_.Endpoint + '/' + $_.Cluster + ':' + $_.MemoryMB }) | Should -Be $first
        # A neighbouring seed is another lab, not the same one shifted by a draw.
        $seven = @(Get-CloudVM | ForEach-Object { $_.Name + ' ' + $_.VMHost + ' ' + $_.Workload.DirtyRateMBps + ' ' + $_.ProvisionedSpaceGB })
        $null = Open-HybridLab -Generate -VMCount 5000 -Seed 8
        $eight = @(Get-CloudVM | ForEach-Object { $_.Name + ' ' + $_.VMHost + ' ' + $_.Workload.DirtyRateMBps + ' ' + $_.ProvisionedSpaceGB })
        @(Compare-Object $seven $eight).Count | Should -BeGreaterThan 5000
    }

    It 'refuses a count out of range with ValueOutOfRange and keeps the current lab' {
        $null = Open-HybridLab -Default
        { Open-HybridLab -Generate -VMCount 0 -ErrorAction Stop } | Should -Throw -ErrorId 'ValueOutOfRange,HybridCmdlets.Commands.OpenHybridLabCommand'
        { Open-HybridLab -Generate -VMCount 2000000 -ErrorAction Stop } | Should -Throw -ErrorId 'ValueOutOfRange,HybridCmdlets.Commands.OpenHybridLabCommand'
        (Get-HybridLab).Origin | Should -Be 'Embedded'
    }

    It 'replaces nothing with -WhatIf' {
        $null = Open-HybridLab -Default
        Open-HybridLab -Generate -VMCount 5000 -WhatIf
        (Get-HybridLab).Origin | Should -Be 'Embedded'
    }
}
