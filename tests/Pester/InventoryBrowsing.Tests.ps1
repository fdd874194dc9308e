# Get-CloudCluster, Get-CloudVMHost, Get-CloudDatastore and Get-CloudNetwork: the inventory as PowerCLI users browse it,
# and where their objects go next (Get-CloudVM, Move-CloudVM -Destination, Test-MigrationReadiness -Destination).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
    Reset-HybridLab
}

AfterAll {
    Reset-HybridLab
}

Describe 'Get-CloudCluster' {
    It 'lists every cluster of every endpoint, with their endpoint, HA, DRS and EVC mode' {
        $clusters = @(Get-CloudCluster)
        $clusters.Count | Should -Be @((Get-CloudEndpoint).Clusters).Count
        $clusters[0] | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudCluster'
        $prod = $clusters | Where-Object Name -eq 'Prod-Cluster-01'
        $prod.Endpoint | Should -Be 'onprem-lon'
        $prod.HAEnabled | Should -BeTrue
        $prod.DrsEnabled | Should -BeTrue
        $prod.EVCMode | Should -Be 'intel-cascadelake'
    }

    It 'takes names and wildcards, case-insensitively, and -Endpoint narrows them' {
        @(Get-CloudCluster 'prod-cluster-0*').Name | Should -Be @('Prod-Cluster-01', 'Prod-Cluster-02')
        @(Get-CloudCluster 'Cluster-1').Endpoint | Should -Be @('vmc-eu-west-2', 'avs-westeurope', 'gcve-europe-west2')
        @(Get-CloudCluster 'Cluster-1' -Endpoint avs-westeurope).Endpoint | Should -Be 'avs-westeurope'
    }

    It 'reports an exact name that matches nothing as a non-terminating ClusterNotFound, and a wildcard that matches nothing silently' {
        $found = Get-CloudCluster 'GPU-Cluster', 'No-Such-Cluster', 'zz*' -ErrorAction SilentlyContinue -ErrorVariable err
        $found.Name | Should -Be 'GPU-Cluster'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ClusterNotFound,HybridCmdlets.Commands.GetCloudClusterCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'No-Such-Cluster'
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'Get-CloudCluster'
    }

    It 'names the endpoints it searched when -Endpoint is given' {
        $null = Get-CloudCluster 'Prod-Cluster-01' -Endpoint avs-westeurope -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].Exception.Message | Should -Match "endpoint 'avs-westeurope'"
    }

    It 'reports an unknown endpoint as EndpointNotFound' {
        $null = Get-CloudCluster -Endpoint 'no-such-endpoint' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'EndpointNotFound,HybridCmdlets.Commands.GetCloudClusterCommand'
    }

    It 'takes endpoints from Get-CloudEndpoint by value, never their Name as -Name' {
        $clusters = @(Get-CloudEndpoint avs* | Get-CloudCluster)
        $clusters.Name | Should -Be 'Cluster-1'
        $clusters.Endpoint | Should -Be 'avs-westeurope'
        @(Get-CloudEndpoint onprem-lon, ovh-rbx | Get-CloudCluster '*2').Name | Should -Be @('Prod-Cluster-02', 'Cluster2')
    }
}

Describe 'Get-CloudVMHost' {
    It 'lists hosts with PowerCLI''s VMHost names: state, CPU, memory, version, build and parent cluster' {
        $hostObject = Get-CloudVMHost 'esx-p1-01.lon.corp.example'
        $hostObject | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudHost'
        $hostObject.Endpoint | Should -Be 'onprem-lon'
        $hostObject.Parent | Should -Be 'Prod-Cluster-01'
        $hostObject.ConnectionState | Should -Be 'Connected'
        $hostObject.PowerState | Should -Be 'PoweredOn'
        $hostObject.NumCpu | Should -Be 64
        $hostObject.CpuTotalMhz | Should -Be (64 * $hostObject.CpuMhz)
        $hostObject.MemoryTotalGB | Should -Be 1024
        $hostObject.ProcessorType | Should -Match 'Xeon'
        $hostObject.Version | Should -Be '7.0.3'
        $hostObject.Build | Should -Be 18644231
    }

    It 'adds up what the VMs placed on a host use' {
        $hostObject = Get-CloudVMHost 'esx-p1-02.lon.corp.example'
        $vms = @(Get-CloudVM -Endpoint onprem-lon | Where-Object VMHost -eq $hostObject.Name)
        $running = @($vms | Where-Object PowerState -eq PoweredOn)
        $running.Count | Should -BeGreaterThan 0
        $hostObject.NumVMs | Should -Be $vms.Count
        $touched = ($running | ForEach-Object { $_.MemoryGB * $_.Workload.TouchedMemoryPercent / 100 } | Measure-Object -Sum).Sum
        $hostObject.MemoryUsageGB | Should -Be ([math]::Round($touched, 2))
        $hostObject.CpuUsageMhz | Should -Be ([math]::Min($hostObject.CpuTotalMhz, ($running | Measure-Object NumCpu -Sum).Sum * $hostObject.CpuMhz))
    }

    It 'takes wildcards and -Endpoint, and reports an exact name that matches nothing as VMHostNotFound' {
        @(Get-CloudVMHost 'esx-p2-*').Count | Should -Be 6
        @(Get-CloudVMHost -Endpoint avs-westeurope).Count | Should -Be 3
        $found = Get-CloudVMHost 'esx-gpu-01.lon.corp.example', 'esx-nope.lon.corp.example', 'nope*' -ErrorAction SilentlyContinue -ErrorVariable err
        $found.Name | Should -Be 'esx-gpu-01.lon.corp.example'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VMHostNotFound,HybridCmdlets.Commands.GetCloudVMHostCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'esx-nope.lon.corp.example'
    }

    It 'takes endpoints from the pipeline' {
        @(Get-CloudEndpoint gcve* | Get-CloudVMHost).Endpoint | Sort-Object -Unique | Should -Be 'gcve-europe-west2'
    }

    It 'gives the host of each piped VM, each host once (as Get-VMHost -VM), never a host named after the VM' {
        $vm = Get-CloudVM crm-web01
        (Get-CloudVMHost -VM $vm).Name | Should -Be $vm.VMHost
        $sameHost = @(Get-CloudVM -Endpoint onprem-lon | Where-Object VMHost -eq $vm.VMHost)
        $sameHost.Count | Should -BeGreaterThan 1
        @($sameHost | Get-CloudVMHost -ErrorAction Stop).Name | Should -Be $vm.VMHost
    }

    It 'reports a piped VM that is no longer in the lab as VMNotFound' {
        $gone = Get-CloudVM hr-app01
        Remove-CloudVM $gone -Confirm:$false
        $null = $gone | Get-CloudVMHost -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'VMNotFound,HybridCmdlets.Commands.GetCloudVMHostCommand'
        $err[0].TargetObject | Should -Be 'hr-app01'
        Reset-HybridLab
    }
}

Describe 'Get-CloudDatastore' {
    It 'lists datastores with CapacityGB, FreeSpaceGB and Type' {
        $datastore = Get-CloudDatastore 'vsanDatastore' -Endpoint avs-westeurope
        $datastore | Should -BeOfType 'HybridCmdlets.Engine.Inventory.Datastore'
        $datastore.Type | Should -Be 'vSAN'
        $datastore.CapacityGB | Should -BeGreaterThan $datastore.FreeSpaceGB
        @(Get-CloudDatastore '*-local' -Endpoint onprem-lon).Shared | Sort-Object -Unique | Should -Be $false
    }

    It 'reports an exact name that matches nothing as DatastoreNotFound, a wildcard silently' {
        $null = Get-CloudDatastore 'NO-SUCH-DS', 'zz*' -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'DatastoreNotFound,HybridCmdlets.Commands.GetCloudDatastoreCommand'
        $err[0].TargetObject | Should -Be 'NO-SUCH-DS'
    }

    It 'gives the datastores a VM''s files and disks are on with -VM' {
        $vm = Get-CloudVM crm-db01
        $names = @($vm | Get-CloudDatastore -ErrorAction Stop).Name
        $names | Should -Contain $vm.Datastore
        $names | Sort-Object | Should -Be @($vm.Datastore; $vm.HardDisks.Datastore | Sort-Object -Unique | Where-Object { $_ -ne $vm.Datastore }) -Because 'the home and every disk''s datastore, each once'
    }

    It 'takes endpoints from the pipeline' {
        @(Get-CloudEndpoint ovh-rbx | Get-CloudDatastore).Endpoint | Sort-Object -Unique | Should -Be 'ovh-rbx'
    }
}

Describe 'Get-CloudNetwork' {
    It 'lists port groups and segments with their VLAN and switch' {
        $network = Get-CloudNetwork 'Web-VLAN110'
        $network | Should -BeOfType 'HybridCmdlets.Engine.Inventory.CloudNetwork'
        $network.VLanId | Should -Be 110
        $network.VirtualSwitch | Should -Not -BeNullOrEmpty
        @(Get-CloudNetwork 'L2E_*' -Endpoint avs-westeurope).Count | Should -Be 3
    }

    It 'reports an exact name that matches nothing as NetworkNotFound, a wildcard silently' {
        $null = Get-CloudNetwork 'No-Such-Net', 'zz*' -ErrorAction SilentlyContinue -ErrorVariable err
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NetworkNotFound,HybridCmdlets.Commands.GetCloudNetworkCommand'
        $err[0].TargetObject | Should -Be 'No-Such-Net'
    }

    It 'takes endpoints from the pipeline, never their Name as -Name' {
        @(Get-CloudEndpoint ibm-dal10 | Get-CloudNetwork).Endpoint | Sort-Object -Unique | Should -Be 'ibm-dal10'
    }
}

Describe 'Inventory objects piped into Get-CloudVM' {
    BeforeAll {
        Reset-HybridLab
        $onPrem = @(Get-CloudVM -Endpoint onprem-lon)
    }

    It 'a cluster gives the VMs placed in it (-Location), not a VM named after it' {
        $vms = @(Get-CloudCluster Prod-Cluster-01 | Get-CloudVM -ErrorAction Stop)
        $vms.Count | Should -Be @($onPrem | Where-Object Cluster -eq 'Prod-Cluster-01').Count
        $vms.Count | Should -BeGreaterThan 0
        $vms.Cluster | Sort-Object -Unique | Should -Be 'Prod-Cluster-01'
    }

    It 'a cluster of a cloud gives the VMs of that endpoint''s cluster alone' {
        $vms = @(Get-CloudCluster Cluster-1 -Endpoint avs-westeurope | Get-CloudVM)
        $vms.Count | Should -BeGreaterThan 0
        $vms.Endpoint | Sort-Object -Unique | Should -Be 'avs-westeurope'
    }

    It 'a host gives the VMs placed on it, and -Name and -PowerState still filter' {
        $hostObject = Get-CloudVMHost 'esx-p1-02.lon.corp.example'
        $vms = @($hostObject | Get-CloudVM -ErrorAction Stop)
        $vms.Count | Should -Be $hostObject.NumVMs
        $vms.VMHost | Sort-Object -Unique | Should -Be $hostObject.Name
        $off = @($hostObject | Get-CloudVM -PowerState PoweredOn)
        $off.Count | Should -Be @($vms | Where-Object PowerState -eq PoweredOn).Count
        @(Get-CloudVM -Location $hostObject -Name $vms[0].Name).Name | Should -Be $vms[0].Name
    }

    It 'a datastore gives the VMs whose home or disks it holds (-Datastore)' {
        $vms = @(Get-CloudDatastore PROD2-VMFS-01 | Get-CloudVM -ErrorAction Stop)
        $expected = @($onPrem | Where-Object { $_.Datastore -eq 'PROD2-VMFS-01' -or $_.HardDisks.Datastore -contains 'PROD2-VMFS-01' })
        $vms.Count | Should -BeGreaterThan 0
        $vms.Id | Should -Be $expected.Id
    }

    It 'a network gives the VMs with an adapter on it (-Network)' {
        $vms = @(Get-CloudNetwork Web-VLAN110 -Endpoint onprem-lon | Get-CloudVM -ErrorAction Stop)
        $vms.Count | Should -BeGreaterThan 0
        $vms.Id | Should -Be @($onPrem | Where-Object { $_.Networks -contains 'Web-VLAN110' }).Id
    }

    It 'binds each by value to its own parameter' {
        $log = Join-Path ([System.IO.Path]::GetTempPath()) ("hybrid-binding-" + [guid]::NewGuid() + ".log")
        try {
            Trace-Command -Name ParameterBinding -Expression { Get-CloudVMHost 'esx-p1-01.lon.corp.example' | Get-CloudVM | Out-Null } -FilePath $log
            $traced = Get-Content -Raw $log
        }
        finally {
            Remove-Item $log -ErrorAction SilentlyContinue
        }
        $traced | Should -Match 'to param \[Location\] SUCCESSFUL'
        $traced | Should -Not -Match 'Parameter \[Name\] PIPELINE INPUT' -Because 'the host''s own Name must not reach -Name'
    }
}

Describe 'A cluster or a host as a destination' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'Test-MigrationReadiness and Move-CloudVM take a cluster object' {
        $cluster = Get-CloudCluster Cluster-1 -Endpoint avs-westeurope
        (Get-CloudVM crm-web01 | Test-MigrationReadiness -Destination $cluster).Destination | Should -Be 'avs-westeurope/Cluster-1'
        $result = Get-CloudVM crm-web01 | Move-CloudVM -Destination $cluster
        $result.Status | Should -Be 'Succeeded'
        (Get-CloudVM crm-web01 -Endpoint avs-westeurope).Cluster | Should -Be 'Cluster-1'
    }

    It 'Move-CloudVM takes a host object and moves the VM onto that host, as Move-VM -Destination <VMHost>' {
        $target = Get-CloudVMHost -Endpoint avs-westeurope | Select-Object -Last 1
        (Get-CloudVM crm-app01 | Test-MigrationReadiness -Destination $target).Verdict | Should -Be 'Ready'
        $result = Get-CloudVM crm-app01 | Move-CloudVM -Destination $target
        $result.Status | Should -Be 'Succeeded'
        $moved = Get-CloudVM crm-app01 -Endpoint avs-westeurope
        $moved.VMHost | Should -Be $target.Name
    }

    It 'a host of the VM''s own cluster is a vMotion between hosts; its own host is refused' {
        $vm = Get-CloudVM crm-web02
        $own = $vm | Get-CloudVMHost
        $other = Get-CloudVMHost -Endpoint onprem-lon | Where-Object { $_.Parent -eq $vm.Cluster -and $_.Name -ne $vm.VMHost } | Select-Object -First 1
        (Move-CloudVM crm-web02 -Destination $other).Status | Should -Be 'Succeeded'
        (Get-CloudVM crm-web02).VMHost | Should -Be $other.Name
        $null = Move-CloudVM crm-web02 -Destination $other -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Match '^MigrationDestinationIsSource,'
        $own | Should -Not -BeNullOrEmpty
    }

    It 'takes ''endpoint/cluster/host'' as text, and an unknown host is VMHostNotFound' {
        $target = Get-CloudVMHost -Endpoint avs-westeurope | Select-Object -First 1
        (Get-CloudVM crm-app02 | Test-MigrationReadiness -Destination "avs-westeurope/Cluster-1/$($target.Name)").Verdict | Should -Be 'Ready'
        $null = Get-CloudVM crm-app02 | Move-CloudVM -Destination 'avs-westeurope/Cluster-1/esx99' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'VMHostNotFound,HybridCmdlets.Commands.MoveCloudVMCommand'
        $err[0].TargetObject | Should -Be 'esx99'
        (Get-CloudVM crm-app02).Endpoint | Should -Be 'onprem-lon'
    }

    It '-WhatIf with a host destination moves nothing' {
        $target = Get-CloudVMHost -Endpoint avs-westeurope | Select-Object -First 1
        Get-CloudVM crm-web01 | Move-CloudVM -Destination $target -WhatIf
        (Get-CloudVM crm-web01).Endpoint | Should -Be 'onprem-lon'
    }
}
