BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
    Reset-HybridLab
}

AfterAll {
    Reset-HybridLab
}

Describe 'Get-CloudEndpoint' {
    It 'lists the six endpoints of the embedded lab, on premises first' {
        $endpoints = Get-CloudEndpoint
        $endpoints | Should -HaveCount 6
        $endpoints[0] | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudEndpoint'
        $endpoints.Name | Should -Be @('onprem-lon', 'vmc-eu-west-2', 'avs-westeurope', 'gcve-europe-west2', 'ovh-rbx', 'ibm-dal10')
    }

    It 'filters by -Provider' {
        (Get-CloudEndpoint -Provider AVS).Name | Should -Be 'avs-westeurope'
        @(Get-CloudEndpoint -Provider OnPremises, GCVE).Name | Should -Be @('onprem-lon', 'gcve-europe-west2')
    }

    It 'takes names and wildcards' {
        (Get-CloudEndpoint -Name 'ovh-rbx').Provider | Should -Be 'OVHcloud'
        @(Get-CloudEndpoint '*west*').Name | Should -Be @('vmc-eu-west-2', 'avs-westeurope', 'gcve-europe-west2')
    }

    It 'reports an exact name that matches nothing as a non-terminating EndpointNotFound and still returns the others' {
        $found = Get-CloudEndpoint -Name 'onprem-lon', 'no-such-endpoint' -ErrorAction SilentlyContinue -ErrorVariable err
        $found.Name | Should -Be 'onprem-lon'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,HybridCmdlets.Commands.GetCloudEndpointCommand'
        $err[0].TargetObject | Should -Be 'no-such-endpoint'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-CloudVM' {
    BeforeAll {
        Reset-HybridLab
        $allVMs = @(Get-CloudVM)
    }

    Context 'with no filter' {
        It 'lists every VM of the lab as CloudVM objects' {
            $allVMs.Count | Should -BeGreaterThan 100
            $allVMs.Count | Should -Be (Get-HybridLab).VMCount
            $allVMs[0] | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudVM'
        }

        It 'gives every VM a unique Id' {
            @($allVMs.Id | Sort-Object -Unique).Count | Should -Be $allVMs.Count
        }
    }

    Context '-Name' {
        It 'finds a VM by its exact name' {
            $vm = Get-CloudVM -Name 'crm-web01'
            $vm | Should -HaveCount 1
            $vm.Name | Should -Be 'crm-web01'
            $vm.Endpoint | Should -Be 'onprem-lon'
            $vm.Tags | Should -Contain 'Application/crm'
        }

        It 'takes the name by position, without regard to case' {
            (Get-CloudVM 'CRM-WEB01').Name | Should -BeExactly 'crm-web01'
        }

        It 'expands wildcards' {
            @(Get-CloudVM -Name 'crm-web*').Name | Should -Be @('crm-web01', 'crm-web02', 'crm-web03')
        }

        It 'matches a wildcard the way -like does' {
            $expected = @($allVMs | Where-Object Name -Like '*web*')
            $expected.Count | Should -BeGreaterThan 3
            @(Get-CloudVM -Name '*web*').Id | Should -Be $expected.Id
        }

        It 'takes an array of names and patterns' {
            $names = @(Get-CloudVM -Name 'erp-db01', 'crm-app*').Name
            $names | Should -HaveCount 3
            $names | Should -Contain 'erp-db01'
            $names | Should -Contain 'crm-app01'
            $names | Should -Contain 'crm-app02'
        }

        It 'reports an exact name that matches nothing as a non-terminating VMNotFound and still returns the other names' {
            $found = Get-CloudVM -Name 'crm-web01', 'no-such-vm', 'erp-db01' -ErrorAction SilentlyContinue -ErrorVariable err
            @($found.Name) | Should -Be @('crm-web01', 'erp-db01')
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -Be 'VMNotFound,HybridCmdlets.Commands.GetCloudVMCommand'
            $err[0].TargetObject | Should -Be 'no-such-vm'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'stays silent when a wildcard matches nothing' {
            $found = Get-CloudVM -Name 'no-such-vm*' -ErrorAction SilentlyContinue -ErrorVariable err
            $found | Should -BeNullOrEmpty
            $err | Should -BeNullOrEmpty
        }
    }

    Context '-Endpoint' {
        It 'takes an endpoint name' {
            $vms = @(Get-CloudVM -Endpoint 'avs-westeurope')
            @($vms.Name | Sort-Object) | Should -Be @('pilot-app01', 'pilot-web01', 'pilot-web02')
            $vms.Endpoint | Sort-Object -Unique | Should -Be 'avs-westeurope'
        }

        It 'takes a wildcard and several names' {
            @(Get-CloudVM -Endpoint 'avs*').Endpoint | Sort-Object -Unique | Should -Be 'avs-westeurope'
            $vms = @(Get-CloudVM -Endpoint 'avs*', 'vmc-eu-west-2')
            $vms.Count | Should -Be @($allVMs | Where-Object { $_.Endpoint -in 'avs-westeurope', 'vmc-eu-west-2' }).Count
            @($vms.Endpoint | Sort-Object -Unique) | Should -Be @('avs-westeurope', 'vmc-eu-west-2')
        }

        It 'takes endpoint objects' {
            @(Get-CloudVM -Endpoint (Get-CloudEndpoint -Provider AVS)).Endpoint | Sort-Object -Unique | Should -Be 'avs-westeurope'
        }

        It 'combines with -Name' {
            @(Get-CloudVM -Endpoint 'avs-westeurope' -Name 'pilot-web*').Name | Should -Be @('pilot-web01', 'pilot-web02')
        }

        It 'reports an endpoint name that does not exist as EndpointNotFound, not as a binding error' {
            { Get-CloudVM -Endpoint 'no-such-endpoint' -ErrorAction Stop } |
                Should -Throw -ErrorId 'EndpointNotFound,HybridCmdlets.Commands.GetCloudVMCommand'
        }

        # As with -Name, a wildcard that matches nothing is not an error.
        It 'returns nothing, silently, for an endpoint wildcard that matches no endpoint' {
            $found = Get-CloudVM -Endpoint 'no-such-endpoint*' -ErrorAction SilentlyContinue -ErrorVariable err
            $found | Should -BeNullOrEmpty
            $err | Should -BeNullOrEmpty
        }
    }

    Context '-Cluster' {
        It 'finds the VMs of a cluster' {
            $vms = @(Get-CloudVM -Cluster 'Legacy-Cluster')
            $vms.Count | Should -BeGreaterThan 0
            $vms.Count | Should -Be @($allVMs | Where-Object Cluster -EQ 'Legacy-Cluster').Count
            $vms.Cluster | Sort-Object -Unique | Should -Be 'Legacy-Cluster'
        }

        It 'matches a cluster name on every endpoint, ignoring case as vCenter does, unless -Endpoint narrows it' {
            # GCVE names its first cluster 'cluster-1'.
            @(Get-CloudVM -Cluster 'Cluster-1').Endpoint | Sort-Object -Unique | Should -Be @('avs-westeurope', 'gcve-europe-west2', 'vmc-eu-west-2')
            @(Get-CloudVM -Cluster 'Cluster-1' -Endpoint 'avs-westeurope').Endpoint | Sort-Object -Unique | Should -Be 'avs-westeurope'
        }
    }

    Context '-PowerState' {
        It 'finds the VMs in a power state' {
            $vms = @(Get-CloudVM -PowerState Suspended)
            $vms.Count | Should -BeGreaterThan 0
            $vms.Count | Should -Be @($allVMs | Where-Object PowerState -EQ 'Suspended').Count
            $vms.PowerState | Sort-Object -Unique | Should -Be 'Suspended'
        }

        It 'takes several power states' {
            $vms = @(Get-CloudVM -PowerState PoweredOff, Suspended)
            $vms.Count | Should -Be @($allVMs | Where-Object PowerState -NE 'PoweredOn').Count
        }
    }

    Context '-Tag' {
        It 'finds a tag by its name alone and by Category/Name alike' {
            $expected = @($allVMs | Where-Object { $_.Tags -contains 'Wave/wave1' })
            $expected.Count | Should -BeGreaterThan 0
            @(Get-CloudVM -Tag 'wave1').Id | Should -Be $expected.Id
            @(Get-CloudVM -Tag 'Wave/wave1').Id | Should -Be $expected.Id
        }

        It 'combines with the other filters' {
            $vms = @(Get-CloudVM -Tag 'wave1' -Name 'crm-*' -PowerState PoweredOn)
            $vms.Count | Should -BeGreaterThan 0
            foreach ($vm in $vms) {
                $vm.Name | Should -BeLike 'crm-*'
                $vm.PowerState | Should -Be 'PoweredOn'
                $vm.Tags | Should -Contain 'Wave/wave1'
            }
        }
    }

    Context '-Id' {
        It 'finds a VM by its id' {
            $id = (Get-CloudVM -Name 'erp-db01').Id
            $id | Should -Match '^VirtualMachine-vm-\d+$'
            (Get-CloudVM -Id $id).Name | Should -Be 'erp-db01'
        }

        It 'reports an id that matches nothing as a non-terminating VMNotFound' {
            $id = (Get-CloudVM -Name 'crm-web01').Id
            $found = Get-CloudVM -Id $id, 'VirtualMachine-vm-999999' -ErrorAction SilentlyContinue -ErrorVariable err
            $found.Name | Should -Be 'crm-web01'
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -Be 'VMNotFound,HybridCmdlets.Commands.GetCloudVMCommand'
            $err[0].TargetObject | Should -Be 'VirtualMachine-vm-999999'
        }
    }

    Context 'pipeline input' {
        It 'lists only the VMs of the endpoints piped in: Get-CloudEndpoint avs* | Get-CloudVM' {
            $vms = @(Get-CloudEndpoint avs* | Get-CloudVM)
            @($vms.Name | Sort-Object) | Should -Be @('pilot-app01', 'pilot-web01', 'pilot-web02')
            $vms.Endpoint | Sort-Object -Unique | Should -Be 'avs-westeurope'
        }

        It 'filters piped endpoints by -Name as well' {
            @(Get-CloudEndpoint | Get-CloudVM -Name 'pilot-web*').Name | Should -Be @('pilot-web01', 'pilot-web02')
        }

        It 'takes an endpoint name from the pipeline' {
            @('avs-westeurope' | Get-CloudVM).Endpoint | Sort-Object -Unique | Should -Be 'avs-westeurope'
        }

        It 'refreshes piped VMs: Get-CloudVM crm-web01 | Get-CloudVM' {
            $vm = Get-CloudVM -Name 'crm-web01'
            $again = @($vm | Get-CloudVM)
            $again | Should -HaveCount 1
            $again[0].Id | Should -Be $vm.Id
        }

        It 'binds -Name from any object with a Name property' {
            $vms = @([pscustomobject]@{ Name = 'crm-web01' }, [pscustomobject]@{ Name = 'erp-db01' } | Get-CloudVM)
            @($vms.Name) | Should -Be @('crm-web01', 'erp-db01')
        }
    }
}

Describe 'Get-CloudEndpoint -VM' {
    BeforeAll {
        Reset-HybridLab
    }

    It 'gets the endpoints that piped VMs live on, each once' {
        # Get-CloudVM writes in inventory order (the on-premises VMs first), and each endpoint is written once.
        @(Get-CloudVM -Name 'pilot-*', 'crm-web0*' | Get-CloudEndpoint).Name | Should -Be @('onprem-lon', 'avs-westeurope')
    }
}

Describe 'Get-CloudLink' {
    BeforeAll {
        Reset-HybridLab
    }

    It 'lists a link between every pair of endpoints' {
        $endpointCount = @(Get-CloudEndpoint).Count
        $links = @(Get-CloudLink)
        $links.Count | Should -Be ($endpointCount * ($endpointCount - 1) / 2)
        $links.Count | Should -Be (Get-HybridLab).LinkCount
        $links[0] | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudLink'
    }

    It 'finds the links of one endpoint, whichever end it is' {
        $links = @(Get-CloudLink -Source 'avs-westeurope')
        $links.Count | Should -Be (@(Get-CloudEndpoint).Count - 1)
        foreach ($link in $links) {
            @($link.Source, $link.Destination) | Should -Contain 'avs-westeurope'
        }
    }

    It 'reports an exact endpoint name that names no endpoint, but not a wildcard that matches none' {
        $links = @(Get-CloudLink -Source 'mars', 'pluto*' -ErrorAction SilentlyContinue -ErrorVariable err)
        $links | Should -HaveCount 0
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,HybridCmdlets.Commands.GetCloudLinkCommand'
        $err[0].TargetObject | Should -Be 'mars'
    }

    It 'finds one link in either direction' {
        $link = Get-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope'
        $link | Should -HaveCount 1
        $link.Kind | Should -Be 'ExpressRoute'
        $reverse = Get-CloudLink 'avs-westeurope' 'onprem-lon'
        $reverse | Should -HaveCount 1
        $reverse.RttMs | Should -Be $link.RttMs
    }

    It 'gives every link a positive bandwidth and round-trip time' {
        foreach ($link in Get-CloudLink) {
            $link.BandwidthMbps | Should -BeGreaterThan 0
            $link.RttMs | Should -BeGreaterThan 0
        }
    }
}

Describe 'Set-CloudLink' {
    BeforeEach {
        Reset-HybridLab
        $before = Get-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope'
    }

    AfterAll {
        Reset-HybridLab
    }

    It 'changes a link and writes it with -PassThru' {
        $updated = Set-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope' -RttMs 25 -PassThru
        $updated.RttMs | Should -Be 25
        $updated.BandwidthMbps | Should -Be $before.BandwidthMbps
        (Get-CloudLink 'onprem-lon' 'avs-westeurope').RttMs | Should -Be 25
        (Get-HybridLab).IsModified | Should -BeTrue
    }

    It 'writes nothing without -PassThru' {
        Set-CloudLink 'onprem-lon' 'avs-westeurope' -BandwidthMbps 2000 | Should -BeNullOrEmpty
        (Get-CloudLink 'onprem-lon' 'avs-westeurope').BandwidthMbps | Should -Be 2000
    }

    It 'names the link either way round' {
        Set-CloudLink -Source 'avs-westeurope' -Destination 'onprem-lon' -LossPercent 0.5
        (Get-CloudLink 'onprem-lon' 'avs-westeurope').LossPercent | Should -Be 0.5
    }

    It 'takes links from the pipeline' {
        $updated = @(Get-CloudLink -Source 'ibm-dal10' | Set-CloudLink -BandwidthMbps 500 -PassThru)
        $updated.Count | Should -Be (@(Get-CloudEndpoint).Count - 1)
        @(Get-CloudLink -Source 'ibm-dal10').BandwidthMbps | Sort-Object -Unique | Should -Be 500
    }

    It 'changes nothing with -WhatIf' {
        $result = Set-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope' -RttMs 99 -PassThru -WhatIf
        $result | Should -BeNullOrEmpty
        (Get-CloudLink 'onprem-lon' 'avs-westeurope').RttMs | Should -Be $before.RttMs
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'reports that there is nothing to change (LinkSettingRequired)' {
        Set-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope' -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'LinkSettingRequired,HybridCmdlets.Commands.SetCloudLinkCommand'
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'reports an endpoint that does not exist (EndpointNotFound) and goes on with the next piped link' {
        $links = @(
            [pscustomobject]@{ Source = 'onprem-lon'; Destination = 'no-such-endpoint' }
            [pscustomobject]@{ Source = 'onprem-lon'; Destination = 'ovh-rbx' }
        )
        $updated = @($links | Set-CloudLink -RttMs 33 -PassThru -ErrorAction SilentlyContinue -ErrorVariable err)
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,HybridCmdlets.Commands.SetCloudLinkCommand'
        $err[0].TargetObject | Should -Be 'no-such-endpoint'
        $updated | Should -HaveCount 1
        (Get-CloudLink 'onprem-lon' 'ovh-rbx').RttMs | Should -Be 33
    }

    It 'validates the range of a value before binding' {
        { Set-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope' -RttMs 5000 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HybridCmdlets.Commands.SetCloudLinkCommand'
        (Get-CloudLink 'onprem-lon' 'avs-westeurope').RttMs | Should -Be $before.RttMs
    }
}

Describe 'Get-CloudVM | Export-Csv' {
    BeforeAll {
        Reset-HybridLab
    }

    It 'writes readable lists for tags, networks, disks, NICs, CD drives and snapshots, not System.String[]' {
        $path = Join-Path $TestDrive 'vms.csv'
        Get-CloudVM -Name crm-db01, docs-app01 | Export-Csv -LiteralPath $path
        $text = Get-Content -LiteralPath $path -Raw
        $text | Should -Not -Match 'System\.(String\[\]|Collections|Object\[\])|HybridCmdlets\.Engine'
        $rows = @(Import-Csv -LiteralPath $path)
        $rows[0].Tags | Should -Be 'Application/crm; Environment/Production; Wave/wave1'
        $rows[0].Networks | Should -Be 'DB-VLAN130; Backup-VLAN300'
        $rows[0].NetworkAdapters | Should -Be 'Network adapter 1 (DB-VLAN130); Network adapter 2 (Backup-VLAN300)'
        $rows[0].HardDisks | Should -Match '^Hard disk 1 \(40 GB on PROD-VMFS-02\); Hard disk 2 \(2000 GB on PROD-VMFS-02\)'
        $rows[1].Snapshots | Should -Be 'before-patching; before-upgrade-2; before-upgrade-3'
        $rows[1].CdDrives | Should -Be 'CD/DVD drive 1 ([PROD2-VMFS-02] iso/VMware-tools-windows.iso)'
    }

    It 'still gives lists that PowerShell enumerates and ConvertTo-Json writes as arrays' {
        $vm = Get-CloudVM -Name crm-db01
        $vm.Tags.Count | Should -Be 3
        $vm.Tags[2] | Should -Be 'Wave/wave1'
        @($vm.HardDisks | Where-Object CapacityGB -GE 1000).Count | Should -Be 2
        ($vm | ConvertTo-Json -Depth 3 | ConvertFrom-Json).Tags | Should -Be @('Application/crm', 'Environment/Production', 'Wave/wave1')
    }
}
