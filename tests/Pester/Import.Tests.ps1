BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest

    # The sample export of the repository: a Manchester site in RVTools 4.x, and a German branch in RVTools 3.x.
    $samples = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../../examples/rvtools')).ProviderPath
    $vInfo = Join-Path $samples 'vInfo.csv'
    $vNetwork = Join-Path $samples 'vNetwork.csv'
    $vDisk = Join-Path $samples 'vDisk.csv'
    $vInfo3 = Join-Path $samples 'vInfo-rvtools3.csv'
    $errorIdSuffix = ',HybridCmdlets.Commands.ImportCloudInventoryCommand'

    # A copy of the sample vInfo in which pay-app01 (line 12) has '16 GB' as its Memory.
    function New-BrokenVInfo([string] $Path) {
        $text = Get-Content -LiteralPath $vInfo -Raw
        # VM is the first column and Memory the 19th: skip the 17 quoted fields between them.
        $broken = $text -replace '("pay-app01",(?:"[^"]*",){17})"16384"', '$1"16 GB"'
        $broken | Should -Not -Be $text
        Set-Content -LiteralPath $Path -Value $broken -NoNewline
        $Path
    }
}

AfterAll {
    Reset-HybridLab
}

Describe 'Import-CloudInventory' {
    BeforeEach {
        Reset-HybridLab
        $countBefore = (Get-HybridLab).VMCount
    }

    It 'imports the sample export with its NICs and disks, and writes nothing without -PassThru' {
        $result = Import-CloudInventory -Path $vInfo -NetworkPath $vNetwork -DiskPath $vDisk
        $result | Should -BeNullOrEmpty
        (Get-HybridLab).VMCount | Should -Be ($countBefore + 37)
        (Get-HybridLab).IsModified | Should -BeTrue

        $db = Get-CloudVM -Name 'ecom-db01'
        $db | Should -HaveCount 1
        $db.Endpoint | Should -Be 'onprem-lon'
        $db.Cluster | Should -Be 'MAN-Prod-01'
        $db.VMHost | Should -Be 'esx-m1-03.man.corp.example'
        $db.Id | Should -Be 'VirtualMachine-vm-2059'
        $db.GuestId | Should -Be 'oracleLinux8_64Guest'
        $db.HardwareVersion | Should -Be 'vmx-19'
        $db.Role | Should -Be 'Database'
        $db.Workload.IsEstimated | Should -BeTrue
        @($db.Networks) | Should -Be @('MAN-DB-VLAN230', 'MAN-Backup-VLAN310')
        @($db.HardDisks) | Should -HaveCount 3
        @($db.Tags) | Should -HaveCount 0
    }

    It 'writes each imported VM with -PassThru, in the order of the file' {
        $vms = @(Import-CloudInventory -Path $vInfo -NetworkPath $vNetwork -DiskPath $vDisk -PassThru)
        $vms | Should -HaveCount 37
        foreach ($vm in $vms) {
            $vm | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudVM'
        }

        $vms[0].Name | Should -Be 'ecom-web01'
        $vms[-1].Name | Should -Be 'ecom-cache01'
        $vms.Name | Should -Contain 'ecom-app03 (decom, 2024-06)'
        $vms.Name | Should -Not -Contain 'tpl-win2022'
    }

    It 'creates the hosts the export names, marked as imported' {
        Import-CloudInventory -Path $vInfo -NetworkPath $vNetwork -DiskPath $vDisk
        $cluster = (Get-CloudEndpoint -Name 'onprem-lon').Clusters | Where-Object Name -EQ 'MAN-Prod-01'
        $cluster | Should -HaveCount 1
        $hosts = @($cluster.Hosts)
        $hosts | Should -HaveCount 4
        foreach ($vmHost in $hosts) {
            $vmHost.Model | Should -Be 'imported (RVTools)'
        }
    }

    It 'reads the RVTools 3.x sample with semicolons and decimal commas' {
        $vms = @(Import-CloudInventory -Path $vInfo3 -PassThru)
        $vms | Should -HaveCount 9
        $fs = Get-CloudVM -Name 'dus-fs01'
        $fs.MemoryGB | Should -Be 16
        $fs.ProvisionedSpaceGB | Should -BeGreaterThan 2146
        $fs.ProvisionedSpaceGB | Should -BeLessThan 2147
    }

    It 'takes files from Get-ChildItem by their FullName' {
        $folder = Join-Path $TestDrive 'dus'
        $null = New-Item -ItemType Directory -Path $folder
        Copy-Item -LiteralPath $vInfo3 -Destination (Join-Path $folder 'RVTools_tabvInfo.csv')

        $vms = @(Get-ChildItem -LiteralPath $folder -Filter '*.csv' | Import-CloudInventory -PassThru)

        $vms | Should -HaveCount 9
        (Get-CloudVM -Name 'dus-sql01').Cluster | Should -Be 'DUS-Cluster01'
    }

    It 'resolves a relative path against the current location' {
        Push-Location -LiteralPath $samples
        try {
            Import-CloudInventory -Path 'vInfo-rvtools3.csv'
        }
        finally {
            Pop-Location
        }

        Get-CloudVM -Name 'dus-sql01' | Should -HaveCount 1
    }

    It 'imports nothing with -WhatIf' {
        $result = Import-CloudInventory -Path $vInfo -NetworkPath $vNetwork -DiskPath $vDisk -WhatIf
        $result | Should -BeNullOrEmpty
        (Get-HybridLab).VMCount | Should -Be $countBefore
        (Get-HybridLab).IsModified | Should -BeFalse
        Get-CloudVM -Name 'ecom-db01' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'says what it did with -Verbose' {
        $output = Import-CloudInventory -Path $vInfo3 -Verbose 4>&1
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        # With -Verbose, ShouldProcess itself first writes 'Performing the operation ...'; then the import's summary.
        $verbose | Should -HaveCount 2
        $verbose[0].Message | Should -Match '^Performing the operation "Import 9 VMs from'
        $verbose[1].Message | Should -Match '^Imported 9 VMs into onprem-lon from vInfo-rvtools3\.csv \(10 rows, RVTools 3\.x headers, '';''-separated, decimal comma\)'
    }

    It 'stops at an invalid row with an error naming its file, line, column and value, and imports nothing' {
        $broken = New-BrokenVInfo (Join-Path $TestDrive 'broken-vInfo.csv')

        $record = { Import-CloudInventory -Path $broken -NetworkPath $vNetwork -DiskPath $vDisk -ErrorAction Stop } |
            Should -Throw -ErrorId ('InventoryFileInvalid' + $errorIdSuffix) -PassThru

        $record.CategoryInfo.Category | Should -Be 'InvalidData'
        $record.TargetObject.File | Should -Be $broken
        $record.TargetObject.Line | Should -Be 12
        $record.TargetObject.Column | Should -Be 'Memory'
        $record.TargetObject.Value | Should -Be '16 GB'
        $record.TargetObject.VM | Should -Be 'pay-app01'
        $record.Exception.Message | Should -BeLike "*line 12, column 'Memory': '16 GB' is not valid*Nothing was imported.*"
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        (Get-HybridLab).VMCount | Should -Be $countBefore
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'with -SkipInvalidRows reports each invalid row as a non-terminating error and imports the others' {
        $broken = New-BrokenVInfo (Join-Path $TestDrive 'broken-vInfo.csv')

        $vms = @(Import-CloudInventory -Path $broken -NetworkPath $vNetwork -DiskPath $vDisk -SkipInvalidRows -PassThru -ErrorAction SilentlyContinue -ErrorVariable err)

        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be ('InventoryFileInvalid' + $errorIdSuffix)
        $err[0].TargetObject.Line | Should -Be 12
        $vms | Should -HaveCount 36
        Get-CloudVM -Name 'pay-app01' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-CloudVM -Name 'pay-web01' | Should -HaveCount 1
    }

    It 'refuses a VM name the endpoint already has (VMNameInUse)' {
        Import-CloudInventory -Path $vInfo3
        { Import-CloudInventory -Path $vInfo3 -ErrorAction Stop } |
            Should -Throw -ErrorId ('VMNameInUse' + $errorIdSuffix)
        (Get-HybridLab).VMCount | Should -Be ($countBefore + 9)
    }

    It 'refuses a CSV that is not an RVTools vInfo export (InventoryColumnMissing)' {
        $foreign = Join-Path $TestDrive 'vms.csv'
        Get-CloudVM -Name 'crm-*' | Select-Object Name, PowerState, NumCpu, MemoryGB | Export-Csv -LiteralPath $foreign -NoTypeInformation

        $record = { Import-CloudInventory -Path $foreign -ErrorAction Stop } |
            Should -Throw -ErrorId ('InventoryColumnMissing' + $errorIdSuffix) -PassThru
        $record.Exception.Message | Should -BeLike "*it has no 'VM' column*"
        (Get-HybridLab).VMCount | Should -Be $countBefore
    }

    It 'reports a missing file (InventoryFileNotFound)' {
        { Import-CloudInventory -Path (Join-Path $TestDrive 'no-such-vInfo.csv') -ErrorAction Stop } |
            Should -Throw -ErrorId ('InventoryFileNotFound' + $errorIdSuffix)
    }

    It 'refuses an endpoint that is not on premises (EndpointNotOnPremises)' {
        { Import-CloudInventory -Path $vInfo3 -Endpoint 'avs-westeurope' -ErrorAction Stop } |
            Should -Throw -ErrorId ('EndpointNotOnPremises' + $errorIdSuffix)
        (Get-HybridLab).VMCount | Should -Be $countBefore
    }

    It 'completes the endpoint name' {
        $line = "Import-CloudInventory -Path x.csv -Endpoint onprem"
        $completions = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText })
        $completions | Should -Be @('onprem-lon')
    }

    It 'saves a file-backed lab after the import' {
        $file = Join-Path $TestDrive 'imported-lab.json'
        Save-HybridLab -Path $file

        Import-CloudInventory -Path $vInfo3

        $names = @((Get-Content -LiteralPath $file -Raw | ConvertFrom-Json).vms | ForEach-Object { $_.name })
        $names | Should -Contain 'dus-sql01'
        (Get-HybridLab).IsModified | Should -BeFalse
    }
}
