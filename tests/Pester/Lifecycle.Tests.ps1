BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
}

AfterAll {
    Reset-HybridLab
}

Describe 'New-CloudVM' {
    BeforeEach {
        Reset-HybridLab
        $countBefore = (Get-HybridLab).VMCount
    }

    It 'creates a VM that Get-CloudVM then finds' {
        $vm = New-TestVM -Name 'pester-new01'
        $vm | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudVM'
        $vm.Name | Should -Be 'pester-new01'
        $vm.Endpoint | Should -Be 'onprem-lon'
        $vm.Id | Should -Match '^VirtualMachine-vm-\d+$'

        $found = Get-CloudVM -Name 'pester-new01'
        $found | Should -HaveCount 1
        $found.Id | Should -Be $vm.Id
        (Get-HybridLab).VMCount | Should -Be ($countBefore + 1)
        (Get-HybridLab).IsModified | Should -BeTrue
    }

    It 'sizes, tags and powers on the VM as asked' {
        $vm = New-TestVM -Name 'pester-new02' -Endpoint 'avs-westeurope' -Parameters @{
            NumCpu   = 4
            MemoryGB = 16
            Tag      = 'Wave/wave9'
            PowerOn  = $true
        }
        $vm.NumCpu | Should -Be 4
        $vm.MemoryGB | Should -Be 16
        $vm.PowerState | Should -Be 'PoweredOn'
        $vm.Endpoint | Should -Be 'avs-westeurope'
        $vm.Cluster | Should -Be 'Cluster-1'
        (Get-CloudVM -Tag 'wave9').Name | Should -Be 'pester-new02'
    }

    It 'creates a small, powered-off VM by default' {
        $vm = New-TestVM -Name 'pester-new03'
        $vm.NumCpu | Should -Be 1
        $vm.MemoryGB | Should -Be 4
        $vm.PowerState | Should -Be 'PoweredOff'
    }

    It 'takes the endpoint by name with -Endpoint' {
        $vm = New-CloudVM -Name 'pester-new04' -Endpoint 'onprem-lon'
        $vm.Endpoint | Should -Be 'onprem-lon'
        (Get-CloudVM -Name 'pester-new04').Id | Should -Be $vm.Id
    }

    It 'takes an endpoint object with -Endpoint' {
        $vm = New-CloudVM -Name 'pester-new05' -Endpoint (Get-CloudEndpoint -Name 'gcve-europe-west2')
        $vm.Endpoint | Should -Be 'gcve-europe-west2'
    }

    It 'creates nothing with -WhatIf' {
        $result = New-TestVM -Name 'pester-whatif01' -Parameters @{ WhatIf = $true }
        $result | Should -BeNullOrEmpty
        Get-CloudVM -Name 'pester-whatif01' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-HybridLab).VMCount | Should -Be $countBefore
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'refuses a name already in use on the endpoint (VMNameInUse) and creates nothing' {
        $result = New-CloudVM -Name 'crm-web01' -Endpoint 'onprem-lon' -ErrorAction SilentlyContinue -ErrorVariable err
        $result | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VMNameInUse,HybridCmdlets.Commands.NewCloudVMCommand'
        Get-CloudVM -Name 'crm-web01' | Should -HaveCount 1
        (Get-HybridLab).VMCount | Should -Be $countBefore
    }

    It 'reports the name in use as the target, in category ResourceExists, and stops with -ErrorAction Stop' {
        $record = { New-CloudVM -Name 'erp-db01' -Endpoint 'onprem-lon' -ErrorAction Stop } |
            Should -Throw -ErrorId 'VMNameInUse,HybridCmdlets.Commands.NewCloudVMCommand' -PassThru
        $record.TargetObject | Should -Be 'erp-db01'
        $record.CategoryInfo.Category | Should -Be 'ResourceExists'
    }

    It 'creates one VM per CSV row, reporting a bad row without stopping the rest' {
        $csv = Join-Path $TestDrive 'new-vms.csv'
        @(
            [pscustomobject]@{ Name = 'pester-csv01'; Endpoint = 'onprem-lon'; NumCpu = 2; MemoryGB = 8; Role = 'Web' }
            [pscustomobject]@{ Name = 'crm-web01'; Endpoint = 'onprem-lon'; NumCpu = 2; MemoryGB = 8; Role = 'Web' }
            [pscustomobject]@{ Name = 'pester-csv02'; Endpoint = 'avs-westeurope'; NumCpu = 4; MemoryGB = 16; Role = 'App' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation

        $created = @(Import-Csv -LiteralPath $csv | New-CloudVM -ErrorAction SilentlyContinue -ErrorVariable err)

        $created.Name | Should -Be @('pester-csv01', 'pester-csv02')
        $created[1].Endpoint | Should -Be 'avs-westeurope'
        $created[1].NumCpu | Should -Be 4
        $created[1].MemoryGB | Should -Be 16
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VMNameInUse,HybridCmdlets.Commands.NewCloudVMCommand'
    }

    It 'makes a VM the size and place of a piped one, under the name given' {
        $model = Get-CloudVM -Name 'crm-app01'
        $copy = $model | New-CloudVM -Name 'pester-copy01'
        $copy.Name | Should -Be 'pester-copy01'
        $copy.NumCpu | Should -Be $model.NumCpu
        $copy.MemoryMB | Should -Be $model.MemoryMB
        $copy.VMHost | Should -Be $model.VMHost
        $copy.Datastore | Should -Be $model.Datastore
        $copy.GuestId | Should -Be $model.GuestId
    }

    It 'validates its parameters before creating anything' {
        { New-CloudVM -Name 'pester-bad01' -Endpoint 'onprem-lon' -NumCpu 0 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HybridCmdlets.Commands.NewCloudVMCommand'
        (Get-HybridLab).VMCount | Should -Be $countBefore
    }
}

Describe 'Remove-CloudVM' {
    BeforeEach {
        Reset-HybridLab
        $null = New-TestVM -Name 'pester-remove01'
        $null = New-TestVM -Name 'pester-remove02'
        $null = New-TestVM -Name 'pester-remove03'
        $countBefore = (Get-HybridLab).VMCount
    }

    It 'removes a VM by name with -Confirm:$false' {
        Remove-CloudVM -VM 'pester-remove01' -Confirm:$false | Should -BeNullOrEmpty
        Get-CloudVM -Name 'pester-remove01' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-HybridLab).VMCount | Should -Be ($countBefore - 1)
        (Get-CloudVM -Name 'pester-remove0*').Name | Should -Be @('pester-remove02', 'pester-remove03')
    }

    It 'takes the name by position and by its alias -Name' {
        Remove-CloudVM 'pester-remove01' -Confirm:$false
        Remove-CloudVM -Name 'pester-remove02' -Confirm:$false
        (Get-CloudVM -Name 'pester-remove0*').Name | Should -Be 'pester-remove03'
    }

    It 'removes the VMs piped from Get-CloudVM' {
        Get-CloudVM -Name 'pester-remove*' | Remove-CloudVM -Confirm:$false
        Get-CloudVM -Name 'pester-remove*' | Should -BeNullOrEmpty
        (Get-HybridLab).VMCount | Should -Be ($countBefore - 3)
    }

    It 'removes every VM a wildcard matches and writes each with -PassThru' {
        $removed = @(Remove-CloudVM -VM 'pester-remove*' -PassThru -Confirm:$false)
        @($removed.Name) | Should -Be @('pester-remove01', 'pester-remove02', 'pester-remove03')
        $removed[0] | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudVM'
        Get-CloudVM -Name 'pester-remove*' | Should -BeNullOrEmpty
    }

    It 'keeps the VM with -WhatIf' {
        Get-CloudVM -Name 'pester-remove01' | Remove-CloudVM -WhatIf
        Remove-CloudVM -VM 'pester-remove02' -WhatIf
        Get-CloudVM -Name 'pester-remove01', 'pester-remove02' | Should -HaveCount 2
        (Get-HybridLab).VMCount | Should -Be $countBefore
    }

    It 'reports an exact name that matches nothing as a non-terminating VMNotFound and removes the others' {
        Remove-CloudVM -VM 'pester-remove01', 'no-such-vm', 'pester-remove02' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VMNotFound,HybridCmdlets.Commands.RemoveCloudVMCommand'
        $err[0].TargetObject | Should -Be 'no-such-vm'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-CloudVM -Name 'pester-remove0*').Name | Should -Be 'pester-remove03'
    }

    It 'reports a VM object that is already gone as VMNotFound' {
        $vm = Get-CloudVM -Name 'pester-remove01'
        $vm | Remove-CloudVM -Confirm:$false
        $vm | Remove-CloudVM -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VMNotFound,HybridCmdlets.Commands.RemoveCloudVMCommand'
        $err[0].TargetObject | Should -Be 'pester-remove01'
        (Get-HybridLab).VMCount | Should -Be ($countBefore - 1)
    }

    It 'stays silent when a wildcard matches nothing' {
        Remove-CloudVM -VM 'no-such-vm*' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -BeNullOrEmpty
        (Get-HybridLab).VMCount | Should -Be $countBefore
    }
}
