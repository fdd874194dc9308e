BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest

    # Issue 14: one set of rules for every way data enters the lab, every error named, every quoted value bounded.
    $newVM = ',HybridCmdlets.Commands.NewCloudVMCommand'
    $open = ',HybridCmdlets.Commands.OpenHybridLabCommand'
    $import = ',HybridCmdlets.Commands.ImportCloudInventoryCommand'
    $fault = ',HybridCmdlets.Commands.AddCloudFaultCommand'

    # No control character of the kinds a terminal obeys (ESC, BEL, NUL, backspace) reaches the message.
    function Assert-PrintableMessage([string] $Message) {
        $Message.IndexOfAny([char[]]@([char]0x1B, [char]7, [char]0, [char]8)) | Should -Be -1
    }

    # A minimal RVTools vInfo export (the columns the importer reads), one row per VM.
    $vInfoHeader = 'VM,Powerstate,Template,CPUs,Memory,NICs,Disks,Network #1,Folder,Provisioned MiB,In Use MiB,HW version,Path,Cluster,Host,OS according to the configuration file,VM ID'
    function Get-VInfoRow([string] $Name, [string] $Folder = 'Lab', [string] $Memory = '8192') {
        "$Name,poweredOn,False,2,$Memory,1,1,Lab-Web,$Folder,41024,20480,vmx-19,[LAB-DS-01] $Name/$Name.vmx,Lab-Cluster,esx-lab-01,Ubuntu Linux (64-bit),"
    }
}

AfterAll {
    Reset-HybridLab
}

Describe 'Names and texts a user gives a cmdlet' {
    BeforeEach {
        Reset-HybridLab
        $before = Get-HybridLab
    }

    It 'New-CloudVM refuses <Label> in a name (InvalidName), quotes it visibly, and creates nothing' -ForEach @(
        @{ Label = 'NUL'; Name = "web`0x" }
        @{ Label = 'ESC (a terminal reset)'; Name = "web`e[2J`ecx" }
        @{ Label = 'BEL'; Name = "web`ax" }
        @{ Label = 'backspace'; Name = "web`bx" }
        @{ Label = 'a lone surrogate'; Name = "web$([char]0xD800)x" }
    ) {
        $record = { New-CloudVM -Name $Name -Endpoint onprem-lon -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidName$newVM" -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Message | Should -Match '`u\{'
        Assert-PrintableMessage $record.Exception.Message
        (Get-HybridLab).VMCount | Should -Be $before.VMCount
        (Get-HybridLab).IsModified | Should -Be $before.IsModified
    }

    It 'New-CloudVM -WhatIf refuses a bad name before it shows what it would do' {
        New-CloudVM -Name "web`e]0;owned`a" -Endpoint onprem-lon -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "InvalidName$newVM"
    }

    It 'New-CloudVM quotes at most 80 characters of a huge name' {
        $record = { New-CloudVM -Name ('x' * 1MB) -Endpoint onprem-lon -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidName$newVM" -PassThru
        $record.Exception.Message | Should -BeLike "'$('x' * 80)… (1048576 characters)' is not a valid VM name: it is 1048576 characters long*"
        $record.Exception.Message.Length | Should -BeLessThan 500
    }

    It 'New-CloudVM refuses a folder or a tag that holds control characters (InvalidText)' {
        $record = { New-CloudVM -Name web99 -Endpoint onprem-lon -Folder "Prod`e[31m" -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidText$newVM" -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Assert-PrintableMessage $record.Exception.Message
        { New-CloudVM -Name web99 -Endpoint onprem-lon -Tag "Wave/w`0" -ErrorAction Stop } |
            Should -Throw -ErrorId "InvalidText$newVM"
        Get-CloudVM -Name web99 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'New-CloudUser refuses a name with control characters (InvalidName)' {
        $credential = [pscredential]::new("ops`0admin", (ConvertTo-SecureString 'Correct-Horse-9' -AsPlainText -Force))
        { New-CloudUser -Credential $credential -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidName,HybridCmdlets.Commands.NewCloudUserCommand'
    }

    It 'a name in any script saves and opens again unchanged' {
        $null = New-CloudVM -Name 'Crème-brûlée-😀' -Endpoint onprem-lon -Folder 'Équipe/Café'
        $file = Join-Path $TestDrive 'unicode.json'
        Save-HybridLab -Path $file
        $null = Open-HybridLab -Path $file
        $vm = Get-CloudVM -Name 'Crème-brûlée-😀'
        $vm.Name | Should -BeExactly 'Crème-brûlée-😀'
        $vm.Folder | Should -BeExactly 'Équipe/Café'
    }
}

Describe 'Numbers and times a cmdlet cannot hold' {
    BeforeEach {
        Reset-HybridLab
        $before = Get-HybridLab
    }

    It 'Add-CloudFault -After [TimeSpan]::MaxValue is ValueOutOfRange, not an overflow' {
        $record = { Add-CloudFault LinkDown -Target 'onprem-lon <-> avs-westeurope' -After ([TimeSpan]::MaxValue) -ErrorAction Stop } |
            Should -Throw -ErrorId "ValueOutOfRange$fault" -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Message | Should -BeLike '*3650 days*'
        Get-CloudFault | Should -BeNullOrEmpty
    }

    It 'Add-CloudFault -Duration <Duration> and -At <At> are ValueOutOfRange' -ForEach @(
        @{ Duration = [TimeSpan]::MaxValue; At = $null }
        @{ Duration = $null; At = [DateTime]::MaxValue }
    ) {
        $parameters = @{ Target = 'onprem-lon <-> avs-westeurope'; ErrorAction = 'Stop' }
        if ($null -ne $Duration) { $parameters.Duration = $Duration; $parameters.After = [TimeSpan]::Zero }
        if ($null -ne $At) { $parameters.At = $At }
        { Add-CloudFault LinkDown @parameters } | Should -Throw -ErrorId "ValueOutOfRange$fault"
        Get-CloudFault | Should -BeNullOrEmpty
    }

    It 'New-CloudVM -DiskGB <Size> is ValueOutOfRange' -ForEach @(
        @{ Size = [double]::PositiveInfinity }
        @{ Size = [double]::NaN }
        @{ Size = -1e308 }
    ) {
        { New-CloudVM -Name web98 -Endpoint onprem-lon -DiskGB $Size -ErrorAction Stop } | Should -Throw -ErrorId "ValueOutOfRange$newVM"
        (Get-HybridLab).VMCount | Should -Be $before.VMCount
    }

    It 'Set-CloudLink refuses NaN and infinite figures before anything changes' {
        $link = Get-CloudLink -Source onprem-lon -Destination avs-westeurope
        { Set-CloudLink -Source onprem-lon -Destination avs-westeurope -RttMs ([double]::NaN) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HybridCmdlets.Commands.SetCloudLinkCommand'
        { Set-CloudLink -Source onprem-lon -Destination avs-westeurope -BandwidthMbps ([double]::PositiveInfinity) -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HybridCmdlets.Commands.SetCloudLinkCommand'
        (Get-CloudLink -Source onprem-lon -Destination avs-westeurope).RttMs | Should -Be $link.RttMs
    }
}

Describe 'A lab file that breaks the rules' {
    BeforeAll {
        Reset-HybridLab
        $good = Join-Path $TestDrive 'good.json'
        Save-HybridLab -Path $good
        $goodText = [IO.File]::ReadAllText($good)

        # The saved default lab with the first occurrence of $Old replaced by $New.
        function Write-EditedLab([string] $Old, [string] $New) {
            $at = $goodText.IndexOf($Old)
            $at | Should -BeGreaterOrEqual 0
            $path = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.json')
            [IO.File]::WriteAllText($path, $goodText.Substring(0, $at) + $New + $goodText.Substring($at + $Old.Length))
            $path
        }
    }

    BeforeEach {
        Reset-HybridLab
        $null = New-TestVM -Name 'pester-marker02'
        $before = Get-HybridLab
    }

    AfterEach {
        (Get-HybridLab).Name | Should -Be $before.Name
        (Get-HybridLab).VMCount | Should -Be $before.VMCount
        Get-CloudVM -Name 'pester-marker02' | Should -Not -BeNullOrEmpty
    }

    It 'refuses <Label> (LabFileInvalid) and keeps the current lab' -ForEach @(
        @{ Label = 'a NaN disk size'; Old = '"capacityGB":50,'; New = '"capacityGB":NaN,'; Says = '*.hardDisks`[0`].capacityGB: NaN is out of range*' }
        @{ Label = 'an infinite disk size'; Old = '"capacityGB":50,'; New = '"capacityGB":-Infinity,'; Says = '*capacityGB: -Infinity is out of range*' }
        @{ Label = 'a -1e308 disk size'; Old = '"capacityGB":50,'; New = '"capacityGB":-1e308,'; Says = '*capacityGB: -1E+308 is out of range*' }
        @{ Label = 'a negative host clock'; Old = '"cpuMhz": 2000'; New = '"cpuMhz": -2000'; Says = '*hosts`[0`].cpuMhz: -2000 is out of range*' }
        @{ Label = 'a datastore whose host does not exist'; Old = '"vmHost": "esx-p1-01.lon.corp.example"'; New = '"vmHost": "esx-ghost"'; Says = "*.vmHost: host 'esx-ghost' does not exist on 'onprem-lon'*" }
        @{ Label = 'an ESC in a VM name'; Old = '"name":"crm-web01"'; New = '"name":"crm\u001b[2Jweb01"'; Says = '*is not a valid VM name: it holds the control character U+001B*' }
        @{ Label = 'a lone surrogate escape in a VM name'; Old = '"name":"crm-web01"'; New = '"name":"crm\ud800web01"'; Says = '*is not a valid VM name: it holds the replacement character U+FFFD*' }
    ) {
        $file = Write-EditedLab $Old $New
        $record = { Open-HybridLab -Path $file -ErrorAction Stop } | Should -Throw -ErrorId "LabFileInvalid$open" -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidData'
        $record.Exception.Message | Should -BeLike $Says
        Assert-PrintableMessage $record.Exception.Message
    }

    It 'refuses a 20 MB lab name with a short message, and Get-HybridLab stays quick to show' {
        $file = Write-EditedLab '"name": "Default hybrid lab"' ('"name": "' + ('n' * 20MB) + '"')
        $record = { Open-HybridLab -Path $file -ErrorAction Stop } | Should -Throw -ErrorId "LabFileInvalid$open" -PassThru
        $record.Exception.Message | Should -BeLike "*name: '$('n' * 80)… (20971520 characters)' cannot be held*"
        $record.Exception.Message.Length | Should -BeLessThan 1000
        (Get-HybridLab | Out-String).Length | Should -BeLessThan 5000
    }

    It 'refuses invalid UTF-8 (LabFileInvalid) with its line and byte offset, rather than reading U+FFFD' {
        $bytes = [IO.File]::ReadAllBytes($good)
        $at = [Text.Encoding]::UTF8.GetString($bytes).IndexOf('crm-web01') + 3
        $bytes[$at] = 0xC3
        $bytes[$at + 1] = 0x28
        $line = ([Text.Encoding]::UTF8.GetString($bytes, 0, $at) -split "`n").Count
        $file = Join-Path $TestDrive 'latin.json'
        [IO.File]::WriteAllBytes($file, $bytes)
        $record = { Open-HybridLab -Path $file -ErrorAction Stop } | Should -Throw -ErrorId "LabFileInvalid$open" -PassThru
        $record.Exception.Message | Should -BeLike "*(line $line): the bytes at offset $at (C3) are not valid UTF-8*"
    }
}

Describe 'An RVTools export in another encoding, or with a column twice' {
    BeforeEach {
        Reset-HybridLab
        $before = Get-HybridLab
    }

    It 'reads a Windows-1252 export with its accented letters' {
        $text = $vInfoHeader + "`r`n" + (Get-VInfoRow -Name 'café01' -Folder 'Équipe/Crème') + "`r`n"
        $file = Join-Path $TestDrive 'vInfo-1252.csv'
        [IO.File]::WriteAllBytes($file, [Text.CodePagesEncodingProvider]::Instance.GetEncoding(1252).GetBytes($text))
        Import-CloudInventory -Path $file -Endpoint onprem-lon
        $vm = Get-CloudVM -Name 'café01'
        $vm.Folder | Should -BeExactly 'Équipe/Crème'
    }

    It 'reads UTF-16 without a byte order mark' {
        $text = $vInfoHeader + "`r`n" + (Get-VInfoRow -Name 'naïve01') + "`r`n"
        $file = Join-Path $TestDrive 'vInfo-utf16.csv'
        [IO.File]::WriteAllBytes($file, [Text.Encoding]::Unicode.GetBytes($text))
        Import-CloudInventory -Path $file -Endpoint onprem-lon
        (Get-CloudVM -Name 'naïve01').Name | Should -BeExactly 'naïve01'
    }

    It 'refuses a header that names a column twice (InventoryColumnDuplicated), naming both, and imports nothing' {
        $file = Join-Path $TestDrive 'vInfo-twice.csv'
        [IO.File]::WriteAllText($file, ($vInfoHeader -replace 'Network #1', 'Memory') + "`r`n" + (Get-VInfoRow -Name 'dup01') + "`r`n")
        $record = { Import-CloudInventory -Path $file -Endpoint onprem-lon -ErrorAction Stop } |
            Should -Throw -ErrorId "InventoryColumnDuplicated$import" -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidData'
        $record.Exception.Message | Should -BeLike "*names the column 'Memory' twice in its header: column 5 ('Memory') and column 8 ('Memory')*"
        (Get-HybridLab).VMCount | Should -Be $before.VMCount
    }

    It 'quotes at most 80 characters of a 1 MB cell' {
        $file = Join-Path $TestDrive 'vInfo-big.csv'
        [IO.File]::WriteAllText($file, $vInfoHeader + "`r`n" + (Get-VInfoRow -Name 'big01' -Memory ('9' * 1MB + 'x')) + "`r`n")
        $record = { Import-CloudInventory -Path $file -Endpoint onprem-lon -ErrorAction Stop } |
            Should -Throw -ErrorId "InventoryFileInvalid$import" -PassThru
        $record.Exception.Message | Should -BeLike '*(1048577 characters)*'
        $record.Exception.Message.Length | Should -BeLessThan 800
        (Get-HybridLab).VMCount | Should -Be $before.VMCount
    }

    It 'refuses an imported name with an ESC in it, quoting it visibly' {
        $file = Join-Path $TestDrive 'vInfo-esc.csv'
        [IO.File]::WriteAllText($file, $vInfoHeader + "`r`n" + (Get-VInfoRow -Name "esc`e[2J01") + "`r`n")
        $record = { Import-CloudInventory -Path $file -Endpoint onprem-lon -ErrorAction Stop } |
            Should -Throw -ErrorId "InventoryFileInvalid$import" -PassThru
        $record.Exception.Message | Should -BeLike '*control character U+001B*'
        Assert-PrintableMessage $record.Exception.Message
        (Get-HybridLab).VMCount | Should -Be $before.VMCount
    }
}
