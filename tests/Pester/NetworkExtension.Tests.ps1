# New-, Get- and Remove-CloudNetworkExtension: HCX Network Extension as a migration engineer uses it to turn a failing
# network.mapping check into a pass, through PowerShell's own binder.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
}

AfterAll {
    Reset-HybridLab
}

Describe 'New-CloudNetworkExtension' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'extends a port group to a cloud as HCX names the segment, and the VM that failed on it becomes ready' {
        $check = { (Get-CloudVM crm-db01 | Test-MigrationReadiness -Destination avs-westeurope).Checks | Where-Object Id -EQ 'network.mapping' }
        (& $check).Status | Should -Be 'Fail'
        (& $check).Remediation | Should -BeLike "*New-CloudNetworkExtension -Network 'Backup-VLAN300' -Source onprem-lon -Destination avs-westeurope*"

        $extension = New-CloudNetworkExtension -Network Backup-VLAN300 -Destination avs-westeurope
        $extension | Should -BeOfType 'HybridCmdlets.Engine.NetworkExtension.CloudNetworkExtension'
        $extension.DestinationNetwork | Should -Be 'L2E_Backup-VLAN300-300'
        $extension.Appliance | Should -Be 'onprem-lon-avs-westeurope-NE-I1'
        (Get-CloudNetwork L2E_Backup-VLAN300-300 -Endpoint avs-westeurope).ExtendedFrom | Should -Be 'onprem-lon/Backup-VLAN300'
        (Get-HybridLab).IsModified | Should -BeTrue

        (& $check).Status | Should -Be 'Pass'
        (Get-CloudVM crm-db01 | Move-CloudVM -Destination avs-westeurope).Status | Should -Be 'Succeeded'
        (Get-CloudVM crm-db01 -Endpoint avs-westeurope).Networks | Should -Contain 'L2E_Backup-VLAN300-300'
    }

    It 'takes networks from Get-CloudNetwork by Name and Endpoint, and -WhatIf changes nothing' {
        $before = @(Get-CloudNetwork -Endpoint gcve-europe-west2).Count
        Get-CloudNetwork Backup-VLAN300, DMZ-VLAN200 | New-CloudNetworkExtension -Destination gcve-europe-west2 -WhatIf
        @(Get-CloudNetwork -Endpoint gcve-europe-west2).Count | Should -Be $before
        (Get-HybridLab).IsModified | Should -BeFalse

        $made = @(Get-CloudNetwork Backup-VLAN300, DMZ-VLAN200 | New-CloudNetworkExtension -Destination gcve-europe-west2)
        @($made.DestinationNetwork | Sort-Object) | Should -Be @('L2E_Backup-VLAN300-300', 'L2E_DMZ-VLAN200-200')
        @(Get-CloudNetwork -Endpoint gcve-europe-west2).Count | Should -Be ($before + 2)
    }

    It 'refuses <Network> to <Destination> with <Id>, changing nothing and going on with the next network' -ForEach @(
        @{ Network = 'Mgmt-VLAN10'; Destination = 'avs-westeurope'; Id = 'NetworkCarriesVMkernel'; Category = 'InvalidOperation' }
        @{ Network = 'Web-VLAN110'; Destination = 'avs-westeurope'; Id = 'NetworkAlreadyExtended'; Category = 'ResourceExists' }
        @{ Network = 'Web-VLAN110'; Destination = 'ibm-dal10'; Id = 'NetworkExtensionDestinationLimit'; Category = 'LimitsExceeded' }
        @{ Network = 'No-Such-VLAN'; Destination = 'avs-westeurope'; Id = 'NetworkNotFound'; Category = 'ObjectNotFound' }
    ) {
        $networks = @((Get-CloudEndpoint).Networks).Count
        $made = @(New-CloudNetworkExtension -Network $Network, 'Backup-VLAN300' -Destination $Destination -ErrorVariable problems -ErrorAction SilentlyContinue)
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,HybridCmdlets.Commands.NewCloudNetworkExtensionCommand"
        "$($problems[0].CategoryInfo.Category)" | Should -Be $Category
        $problems[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        @($made.Network) | Should -Be @('Backup-VLAN300')
        @((Get-CloudEndpoint).Networks).Count | Should -Be ($networks + 1)
    }

    It 'fills the NE appliance with 8 networks, then asks for another, which Set-CloudLink deploys' {
        $avs = 'avs-westeurope'
        # AVS already bridges 3 networks on appliance NE-I1; the on-premises port groups give 5 more that HCX can extend.
        $extensible = 'Backup-VLAN300', 'DMZ-VLAN200', 'Dev-VLAN400', 'VDI-VLAN500', 'File-VLAN140'
        @(New-CloudNetworkExtension -Network $extensible -Destination $avs).Appliance | Select-Object -Unique | Should -Be 'onprem-lon-avs-westeurope-NE-I1'
        @(Get-CloudNetworkExtension -Destination $avs | Where-Object Appliance -EQ 'onprem-lon-avs-westeurope-NE-I1').Count | Should -Be 8

        Remove-CloudNetworkExtension File-VLAN140 -Destination $avs -Confirm:$false
        Set-CloudLink onprem-lon $avs -NetworkExtensionAppliances 2
        (Get-CloudLink | Where-Object { $_.Source -eq 'onprem-lon' -and $_.Destination -eq $avs }).NetworkExtensionAppliances | Should -Be 2
        (New-CloudNetworkExtension File-VLAN140 $avs -Appliance 'onprem-lon-avs-westeurope-NE-I2').Appliance | Should -Be 'onprem-lon-avs-westeurope-NE-I2'
        { Set-CloudLink onprem-lon $avs -NetworkExtensionAppliances 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'NetworkExtensionApplianceInUse,HybridCmdlets.Commands.SetCloudLinkCommand'
        { Set-CloudLink onprem-lon $avs -NetworkExtensionAppliances 129 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,HybridCmdlets.Commands.SetCloudLinkCommand'
    }
}

Describe 'Get-CloudNetworkExtension' {
    BeforeAll {
        Reset-HybridLab
    }

    It 'lists every extension of the lab, with the VMs on each segment' {
        $all = @(Get-CloudNetworkExtension)
        $all.Count | Should -Be @((Get-CloudEndpoint).Networks | Where-Object ExtendedFrom).Count
        $web = $all | Where-Object { $_.Network -eq 'Web-VLAN110' -and $_.Destination -eq 'avs-westeurope' }
        $web.VMCount | Should -Be @(Get-CloudNetwork L2E_Web-VLAN110-110 -Endpoint avs-westeurope | Get-CloudVM).Count
        $web.VMCount | Should -BeGreaterThan 0
    }

    It 'narrows by network or segment name with wildcards, by destination and by source' {
        @(Get-CloudNetworkExtension web-vlan110).Destination | Should -Be @('vmc-eu-west-2', 'avs-westeurope', 'gcve-europe-west2')
        @(Get-CloudNetworkExtension 'L2E_DB*' -Destination avs*).Network | Should -Be 'DB-VLAN130'
        @(Get-CloudNetworkExtension -Source avs-westeurope).Count | Should -Be 0
    }

    It 'writes NetworkExtensionNotFound for an exact name that matches nothing, and nothing for a wildcard' {
        $found = @(Get-CloudNetworkExtension 'Backup-VLAN300', 'Nothing*' -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.Count | Should -Be 0
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'NetworkExtensionNotFound,HybridCmdlets.Commands.GetCloudNetworkExtensionCommand'
    }
}

Describe 'Remove-CloudNetworkExtension' {
    BeforeEach {
        Reset-HybridLab
    }

    It 'removes an unused extension by name, and -WhatIf keeps it' {
        Remove-CloudNetworkExtension DB-VLAN130 -Destination avs-westeurope -WhatIf
        Get-CloudNetwork L2E_DB-VLAN130-130 -Endpoint avs-westeurope | Should -Not -BeNullOrEmpty

        $removed = Remove-CloudNetworkExtension DB-VLAN130 -Destination avs-westeurope -Confirm:$false -PassThru
        $removed.DestinationNetwork | Should -Be 'L2E_DB-VLAN130-130'
        Get-CloudNetwork L2E_DB-VLAN130-130 -Endpoint avs-westeurope -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-CloudVM crm-db01 | Test-MigrationReadiness -Destination avs-westeurope).Checks.Where({ $_.Id -eq 'network.mapping' }).Status | Should -Not -Be 'Pass'
    }

    It 'refuses an extension VMs at the destination use (NetworkExtensionInUse), naming them' {
        { Remove-CloudNetworkExtension Web-VLAN110 -Destination avs-westeurope -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'NetworkExtensionInUse,HybridCmdlets.Commands.RemoveCloudNetworkExtensionCommand'
        $record = $null
        Remove-CloudNetworkExtension Web-VLAN110 -Destination avs-westeurope -Confirm:$false -ErrorVariable record -ErrorAction SilentlyContinue
        "$($record[0].CategoryInfo.Category)" | Should -Be 'InvalidOperation'
        $record[0].Exception.Message | Should -BeLike "*pilot-web01*"
        Get-CloudNetwork L2E_Web-VLAN110-110 -Endpoint avs-westeurope | Should -Not -BeNullOrEmpty
    }

    It 'takes extensions from the pipeline, and asks which destination when a network is extended to several' {
        @(Get-CloudNetworkExtension -Destination ibm-dal10 | Where-Object VMCount -EQ 0 | Remove-CloudNetworkExtension -Confirm:$false -PassThru).Network | Should -Be 'App-VLAN120'
        { Remove-CloudNetworkExtension App-VLAN120 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'NetworkExtensionAmbiguous,HybridCmdlets.Commands.RemoveCloudNetworkExtensionCommand'
    }
}
