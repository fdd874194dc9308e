# Issue 14: every cmdlet that takes a path resolves it through PowerShell's providers, and opens only regular files. A
# path of another provider, a path holding a NUL, a folder, a named pipe or a device is a named error, at once, that
# reads nothing, writes nothing and leaves the lab as it was.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest

    $samples = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../../examples/rvtools')).ProviderPath
    $vInfo = Join-Path $samples 'vInfo.csv'

    # What a failed command must not change: the lab, and the files of the current location.
    function Get-State {
        $lab = Get-HybridLab
        [pscustomobject]@{
            Lab   = '{0}|{1}|{2}|{3}' -f $lab.Name, $lab.Path, $lab.VMCount, $lab.IsModified
            VMs   = (Get-CloudVM | ForEach-Object Name | Sort-Object) -join ','
            Files = (Get-ChildItem -Force -Name | Sort-Object) -join ','
            Env   = (Get-ChildItem env: -Name | Sort-Object) -join ','
        }
    }

    # A named pipe, with a writer standing by: a cmdlet that opened the pipe would read its 'x' and fail otherwise,
    # rather than block the run. The writer blocks in its own open until then; AfterEach ends it.
    function New-Fifo([string] $Name) {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid().ToString('N')))
        $path = Join-Path $folder $Name
        & mkfifo $path
        $LASTEXITCODE | Should -Be 0
        $script:writers += Start-Process -FilePath sh -ArgumentList "-c `"printf x > '$path'`"" -PassThru
        $path
    }

    # Migration results for Export-MigrationReport.
    function Get-Results {
        Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
    }
}

AfterAll {
    Reset-HybridLab
}

Describe 'Paths of every cmdlet that takes one' {
    BeforeEach {
        Reset-HybridLab
        $script:writers = @()
        $work = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $work
        $null = New-Item -ItemType Directory -Path (Join-Path $work 'folder')
        Push-Location -LiteralPath $work
    }

    AfterEach {
        Pop-Location
        foreach ($writer in $script:writers) { Stop-Process -Id $writer.Id -ErrorAction Ignore }
    }

    It '<Command> <Case> is <Id> (<Category>) and changes nothing' -TestCases @(
        @{ Command = 'Open-HybridLab'; Case = 'env: path'; Id = 'PathNotFileSystem'; Category = 'InvalidArgument'; Run = { Open-HybridLab -Path env:PSModulePath -Confirm:$false } }
        @{ Command = 'Save-HybridLab'; Case = 'env: path'; Id = 'PathNotFileSystem'; Category = 'InvalidArgument'; Run = { Save-HybridLab -Path env:labsave -Confirm:$false } }
        @{ Command = 'Save-HybridLab -WhatIf'; Case = 'env: path'; Id = 'PathNotFileSystem'; Category = 'InvalidArgument'; Run = { Save-HybridLab -Path env:labsave -WhatIf } }
        @{ Command = 'Export-MigrationReport'; Case = 'env: path'; Id = 'PathNotFileSystem'; Category = 'InvalidArgument'; Run = { $results | Export-MigrationReport -Path env:x.html } }
        @{ Command = 'Import-CloudInventory'; Case = 'env: path'; Id = 'PathNotFileSystem'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path env:vInfo.csv -Confirm:$false } }
        @{ Command = 'Import-CloudInventory -NetworkPath'; Case = 'variable: path'; Id = 'PathNotFileSystem'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path $vInfo -NetworkPath variable:net -Confirm:$false } }
        @{ Command = 'Open-HybridLab'; Case = 'NUL path'; Id = 'PathInvalid'; Category = 'InvalidArgument'; Run = { Open-HybridLab -Path "lab`0.json" -Confirm:$false } }
        @{ Command = 'Save-HybridLab'; Case = 'NUL path'; Id = 'PathInvalid'; Category = 'InvalidArgument'; Run = { Save-HybridLab -Path "lab`0.json" -Confirm:$false } }
        @{ Command = 'Export-MigrationReport'; Case = 'NUL path'; Id = 'PathInvalid'; Category = 'InvalidArgument'; Run = { $results | Export-MigrationReport -Path "report`0.html" } }
        @{ Command = 'Import-CloudInventory -DiskPath'; Case = 'NUL path'; Id = 'PathInvalid'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path $vInfo -DiskPath "vDisk`0.csv" -Confirm:$false } }
        @{ Command = 'Open-HybridLab'; Case = 'missing drive'; Id = 'PathInvalid'; Category = 'InvalidArgument'; Run = { Open-HybridLab -Path nosuchdrive:/lab.json -Confirm:$false } }
        @{ Command = 'Open-HybridLab'; Case = 'folder'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Open-HybridLab -Path ./folder -Confirm:$false } }
        @{ Command = 'Save-HybridLab'; Case = 'folder'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Save-HybridLab -Path ./folder -Confirm:$false } }
        @{ Command = 'Export-MigrationReport'; Case = 'folder'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { $results | Export-MigrationReport -Path ./folder } }
        @{ Command = 'Import-CloudInventory'; Case = 'folder'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path ./folder -Confirm:$false } }
        @{ Command = 'Import-CloudInventory -NetworkPath'; Case = 'folder'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path $vInfo -NetworkPath ./folder -Confirm:$false } }
        @{ Command = 'Import-CloudInventory -DiskPath'; Case = 'folder'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path $vInfo -DiskPath ./folder -Confirm:$false } }
        @{ Command = 'Open-HybridLab'; Case = 'named pipe'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Open-HybridLab -Path (New-Fifo 'lab.json') -Confirm:$false } }
        @{ Command = 'Save-HybridLab'; Case = 'named pipe'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Save-HybridLab -Path (New-Fifo 'lab.json') -Confirm:$false } }
        @{ Command = 'Export-MigrationReport'; Case = 'named pipe'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { $results | Export-MigrationReport -Path (New-Fifo 'report.html') } }
        @{ Command = 'Import-CloudInventory'; Case = 'named pipe'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path (New-Fifo 'vInfo.csv') -Confirm:$false } }
        @{ Command = 'Import-CloudInventory -NetworkPath'; Case = 'named pipe'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path $vInfo -NetworkPath (New-Fifo 'vNetwork.csv') -Confirm:$false } }
        @{ Command = 'Open-HybridLab'; Case = 'device'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Open-HybridLab -Path /dev/zero -Confirm:$false } }
        @{ Command = 'Save-HybridLab'; Case = 'device'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Save-HybridLab -Path /dev/null -Confirm:$false } }
        @{ Command = 'Export-MigrationReport'; Case = 'device'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { $results | Export-MigrationReport -Path /dev/null -Force } }
        @{ Command = 'Import-CloudInventory'; Case = 'endless device'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path /dev/zero -Confirm:$false } }
        @{ Command = 'Import-CloudInventory -DiskPath'; Case = 'device'; Id = 'PathNotFile'; Category = 'InvalidArgument'; Run = { Import-CloudInventory -Path $vInfo -DiskPath /dev/null -Confirm:$false } }
    ) {
        # Named pipes and devices are told by Linux's statx; elsewhere only a folder is refused.
        if (-not $IsLinux -and $Case -match 'pipe|device') { Set-ItResult -Skipped -Because 'statx is Linux''s' }
        $results = Get-Results
        $before = Get-State
        $class = ($Command -split ' ')[0] -replace '-', ''
        $err = { & $Run -ErrorAction Stop } | Should -Throw -ErrorId "$Id,HybridCmdlets.Commands.$($class)Command" -PassThru
        $err.CategoryInfo.Category | Should -Be $Category
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $err.Exception.Message | Should -Not -Match "`0"
        $after = Get-State
        $after.Lab | Should -Be $before.Lab
        $after.VMs | Should -Be $before.VMs
        $after.Files | Should -Be $before.Files
        $after.Env | Should -Be $before.Env
        # Nor beside the pipes, which New-Fifo makes in the test drive: no temporary file was left there.
        @(Get-ChildItem -LiteralPath $TestDrive -Recurse -Force -Filter '*.tmp') | Should -HaveCount 0
    }

    It 'the pipe and the device are still what they were' -Skip:(-not $IsLinux) {
        $pipe = New-Fifo 'lab.json'
        { Save-HybridLab -Path $pipe -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFile,HybridCmdlets.Commands.SaveHybridLabCommand'
        # UnixMode shows a pipe as '-': test(1) tells.
        & test -p $pipe
        $LASTEXITCODE | Should -Be 0
        & test -c /dev/null
        $LASTEXITCODE | Should -Be 0
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Recurse -Force) | Should -HaveCount 0
    }

    It 'the error names the path, the provider and what to do' {
        $err = { Save-HybridLab -Path env:labsave -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike "*'env:labsave'*Environment provider*"
        $err.TargetObject | Should -Be 'env:labsave'
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*file-system path*'
        $err = { Open-HybridLab -Path "lab`0.json" -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike '*lab\u0000.json*NUL character*'
    }
}

Describe 'Paths that are files' {
    BeforeEach {
        Reset-HybridLab
        $work = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $work
        Push-Location -LiteralPath $work
        $null = Save-HybridLab -Path (Join-Path $work 'wave1.json') -Confirm:$false
        Reset-HybridLab
    }

    AfterEach {
        Pop-Location
    }

    It 'opens a lab through a symbolic link, a PowerShell drive and a provider-qualified path' {
        $null = New-Item -ItemType SymbolicLink -Path ./link.json -Target (Join-Path $work 'wave1.json')
        (Open-HybridLab -Path ./link.json -Confirm:$false).Path | Should -Be (Join-Path $work 'link.json')
        $null = New-PSDrive -Name labs -PSProvider FileSystem -Root $work
        try {
            (Open-HybridLab -Path labs:/wave1.json -Confirm:$false).Path | Should -Be (Join-Path $work 'wave1.json')
        }
        finally {
            Remove-PSDrive -Name labs
        }

        Reset-HybridLab
        (Open-HybridLab -Path "Microsoft.PowerShell.Core\FileSystem::$work/wave1.json" -Confirm:$false).Path | Should -Be (Join-Path $work 'wave1.json')
    }

    It 'opens the one lab file a wildcard matches, and a file whose name holds wildcard characters as written' {
        (Open-HybridLab -Path ./wave*.json -Confirm:$false).Path | Should -Be (Join-Path $work 'wave1.json')
        Copy-Item -LiteralPath ./wave1.json -Destination './lab[1].json'
        (Open-HybridLab -Path './lab[1].json' -Confirm:$false).Path | Should -Be (Join-Path $work 'lab[1].json')
    }

    It 'refuses a wildcard that matches several files (PathAmbiguous), and reads none' {
        Copy-Item -LiteralPath ./wave1.json -Destination ./wave2.json
        $err = { Open-HybridLab -Path ./wave*.json -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'PathAmbiguous,HybridCmdlets.Commands.OpenHybridLabCommand' -PassThru
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike '*matches 2 files*'
        (Get-HybridLab).Origin | Should -Be 'Embedded'
    }

    It 'says a wildcard that matches nothing is a missing file' {
        { Open-HybridLab -Path ./nothing*.json -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'LabFileNotFound,HybridCmdlets.Commands.OpenHybridLabCommand'
    }

    It 'imports the one export a wildcard matches' {
        $before = @(Get-CloudVM).Count
        $vms = @(Import-CloudInventory -Path (Join-Path $samples 'vInfo-rv*.csv') -PassThru -Confirm:$false)
        $vms.Count | Should -BeGreaterThan 0
        @(Get-CloudVM).Count | Should -Be ($before + $vms.Count)
    }

    It 'saves a report through a PowerShell drive, and -WhatIf writes nothing' {
        $results = Get-Results
        $null = New-PSDrive -Name out -PSProvider FileSystem -Root $work
        try {
            $results | Export-MigrationReport -Path out:/none.html -WhatIf
            Test-Path -LiteralPath ./none.html | Should -BeFalse
            ($results | Export-MigrationReport -Path out:/report.html -PassThru).FullName | Should -Be (Join-Path $work 'report.html')
        }
        finally {
            Remove-PSDrive -Name out
        }
    }
}

Describe 'Inventory size' {
    It 'refuses an export larger than any vCenter''s (InventoryFileTooLarge) without reading it' {
        Reset-HybridLab
        $before = @(Get-CloudVM).Count
        $huge = Join-Path $TestDrive 'huge-vInfo.csv'
        $stream = [System.IO.File]::Create($huge)
        try { $stream.SetLength(600MB) } finally { $stream.Dispose() }
        $err = { Import-CloudInventory -Path $huge -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InventoryFileTooLarge,HybridCmdlets.Commands.ImportCloudInventoryCommand' -PassThru
        $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        @(Get-CloudVM).Count | Should -Be $before
    }
}
