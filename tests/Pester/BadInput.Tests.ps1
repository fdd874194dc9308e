# Issue 5's corpus of bad parameter values, typed as a user types them (it was run through the command cores before
# issue 11): each is answered with one documented error (a stable id, a category other than NotSpecified, the
# offending value in the message, what to do), and the lab is left exactly as it was.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest

    # The lab as its file would hold it.
    function Get-LabSnapshot {
        $path = Join-Path $TestDrive ("snapshot-" + [guid]::NewGuid().ToString('N') + '.json')
        $null = Save-HybridLab -Path $path -Confirm:$false
        $text = Get-Content -Raw -LiteralPath $path
        Remove-Item -LiteralPath $path
        # Saving made the file the lab's own; the name of the file is no part of what the lab holds.
        $text
    }
}

AfterAll {
    Reset-HybridLab
}

Describe 'Bad input gets one documented error and changes nothing' {
    BeforeEach {
        Reset-HybridLab
        $before = Get-LabSnapshot
        Reset-HybridLab
    }

    It '<Case>: <Id>' -TestCases @(
        # New-CloudVM
        @{ Case = 'wildcard in a new name'; Id = 'InvalidName'; Offending = 'web*'; Run = { New-CloudVM -Name 'web*' -Endpoint onprem-lon -Cluster Prod-Cluster-02 } }
        @{ Case = 'unknown endpoint'; Id = 'EndpointNotFound'; Offending = 'mars'; Run = { New-CloudVM -Name corpus01 -Endpoint mars } }
        @{ Case = 'unknown cluster'; Id = 'ClusterNotFound'; Offending = 'Cluster-99'; Run = { New-CloudVM -Name corpus01 -Endpoint onprem-lon -Cluster Cluster-99 } }
        @{ Case = 'name in use'; Id = 'VMNameInUse'; Offending = 'crm-web01'; Run = { New-CloudVM -Name crm-web01 -Endpoint onprem-lon -Cluster Prod-Cluster-02 } }
        @{ Case = 'unknown network'; Id = 'NetworkNotFound'; Offending = 'Nowhere-VLAN'; Run = { New-CloudVM -Name corpus01 -Endpoint onprem-lon -Cluster Prod-Cluster-02 -NetworkName Nowhere-VLAN } }
        @{ Case = 'unknown datastore'; Id = 'DatastoreNotFound'; Offending = 'NO-SUCH-DS'; Run = { New-CloudVM -Name corpus01 -Endpoint onprem-lon -Cluster Prod-Cluster-02 -Datastore NO-SUCH-DS } }
        @{ Case = 'disk NaN'; Id = 'ValueOutOfRange'; Offending = 'NaN'; Run = { New-CloudVM -Name corpus01 -Endpoint onprem-lon -Cluster Prod-Cluster-02 -DiskGB ([double]::NaN) } }
        @{ Case = 'negative disk'; Id = 'ValueOutOfRange'; Offending = '-10'; Run = { New-CloudVM -Name corpus01 -Endpoint onprem-lon -Cluster Prod-Cluster-02 -DiskGB -10 } }
        # Remove-CloudVM
        @{ Case = 'remove an unknown VM'; Id = 'VMNotFound'; Offending = 'ghost01'; Run = { Remove-CloudVM -VM ghost01 -Confirm:$false } }
        # Set-CloudLink
        @{ Case = 'link to an unknown endpoint'; Id = 'EndpointNotFound'; Offending = 'mars'; Run = { Set-CloudLink -Source onprem-lon -Destination mars -BandwidthMbps 100 } }
        @{ Case = 'nothing to change'; Id = 'LinkSettingRequired'; Offending = 'onprem-lon <-> avs-westeurope'; Run = { Set-CloudLink -Source onprem-lon -Destination avs-westeurope } }
        # Move-CloudVM and Test-MigrationReadiness
        @{ Case = 'four-part destination'; Id = 'DestinationInvalid'; Offending = 'a/b/c/d'; Run = { Move-CloudVM -VM crm-web01 -Destination 'a/b/c/d' } }
        @{ Case = 'unknown destination host'; Id = 'VMHostNotFound'; Offending = 'esx99'; Run = { Move-CloudVM -VM crm-web01 -Destination 'avs-westeurope/Cluster-1/esx99' } }
        @{ Case = 'wildcard destination host'; Id = 'DestinationInvalid'; Offending = 'esx*'; Run = { Test-MigrationReadiness -VM crm-web01 -Destination 'avs-westeurope/Cluster-1/esx*' } }
        # Inventory
        @{ Case = 'unknown cluster'; Id = 'ClusterNotFound'; Offending = 'No-Such-Cluster'; Run = { Get-CloudCluster No-Such-Cluster } }
        @{ Case = 'unknown host'; Id = 'VMHostNotFound'; Offending = 'esx-ghost'; Run = { Get-CloudVMHost esx-ghost -Endpoint onprem-lon } }
        @{ Case = 'unknown datastore'; Id = 'DatastoreNotFound'; Offending = 'NO-SUCH-DS'; Run = { Get-CloudDatastore NO-SUCH-DS } }
        @{ Case = 'unknown network'; Id = 'NetworkNotFound'; Offending = 'No-Such-Net'; Run = { Get-CloudNetwork No-Such-Net } }
        @{ Case = 'inventory of an unknown endpoint'; Id = 'EndpointNotFound'; Offending = 'mars'; Run = { Get-CloudCluster -Endpoint mars } }
        @{ Case = 'bad wildcard in a cluster name'; Id = 'InvalidWildcardPattern'; Offending = 'z-a'; Run = { Get-CloudCluster 'Prod[z-a]' } }
        @{ Case = 'wildcard destination'; Id = 'DestinationInvalid'; Offending = 'avs*'; Run = { Move-CloudVM -VM crm-web01 -Destination 'avs*' } }
        @{ Case = 'unknown destination'; Id = 'EndpointNotFound'; Offending = 'mars'; Run = { Move-CloudVM -VM crm-web01 -Destination mars } }
        @{ Case = 'unknown destination cluster'; Id = 'ClusterNotFound'; Offending = 'Cluster-9'; Run = { Move-CloudVM -VM crm-web01 -Destination 'avs-westeurope/Cluster-9' } }
        @{ Case = 'unknown datastore'; Id = 'DatastoreNotFound'; Offending = 'NO-SUCH-DS'; Run = { Move-CloudVM -VM crm-web01 -Destination avs-westeurope -Datastore NO-SUCH-DS } }
        @{ Case = 'mapping to a table'; Id = 'NetworkMappingInvalid'; Offending = 'Web-VLAN110'; Run = { Move-CloudVM -VM crm-web01 -Destination avs-westeurope -NetworkMapping @{ 'Web-VLAN110' = @{} } } }
        @{ Case = 'mapping to nothing'; Id = 'NetworkMappingInvalid'; Offending = 'Web-VLAN110'; Run = { Move-CloudVM -VM crm-web01 -Destination avs-westeurope -NetworkMapping @{ 'Web-VLAN110' = '' } } }
        @{ Case = 'mapping to an unknown network'; Id = 'NetworkMappingInvalid'; Offending = 'Nowhere'; Run = { Move-CloudVM -VM crm-web01 -Destination avs-westeurope -NetworkMapping @{ 'Web-VLAN110' = 'Nowhere' } } }
        @{ Case = 'mapping a network the VM is not on'; Id = 'NetworkMappingInvalid'; Offending = 'DB-VLAN130'; Run = { Test-MigrationReadiness -VM crm-web01 -Destination avs-westeurope -NetworkMapping @{ 'DB-VLAN130' = 'workload-segment-01' } } }
        @{ Case = 'move an unknown VM'; Id = 'VMNotFound'; Offending = 'ghost01'; Run = { Move-CloudVM -VM ghost01 -Destination avs-westeurope } }
        @{ Case = 'test toward a wildcard'; Id = 'DestinationInvalid'; Offending = '*'; Run = { Test-MigrationReadiness -VM crm-web01 -Destination '*' } }
        # Tasks and options
        @{ Case = 'unknown task'; Id = 'TaskNotFound'; Offending = 'task-999'; Run = { Get-CloudTask -Id task-999 } }
        @{ Case = 'no option'; Id = 'LabOptionRequired'; Offending = 'no option'; Run = { Set-HybridLabOption } }
        # Access control
        @{ Case = 'wildcard in a user name'; Id = 'InvalidName'; Offending = 'ops*'; Run = { New-CloudUser -Credential ([pscredential]::new('ops*', (ConvertTo-SecureString 'long-enough-1' -AsPlainText -Force))) } }
        @{ Case = 'short password'; Id = 'PasswordTooShort'; Offending = 'carol'; Run = { New-CloudUser -Credential ([pscredential]::new('carol', (ConvertTo-SecureString 'short' -AsPlainText -Force))) } }
        @{ Case = 'grant to an unknown user'; Id = 'UserNotFound'; Offending = 'mallory'; Run = { New-CloudPermission -Endpoint onprem-lon -Principal mallory -Role Operator } }
        @{ Case = 'permissions of an unknown user'; Id = 'UserNotFound'; Offending = 'mallory'; Run = { Get-CloudPermission -Principal mallory } }
        @{ Case = 'connect to an unknown endpoint'; Id = 'EndpointNotFound'; Offending = 'mars'; Run = { Connect-CloudEndpoint -Name mars -Credential ([pscredential]::new('operator', (ConvertTo-SecureString 'long-enough-1' -AsPlainText -Force))) } }
        @{ Case = 'disconnect an unknown endpoint'; Id = 'EndpointNotFound'; Offending = 'mars'; Run = { Disconnect-CloudEndpoint -Name mars } }
        # Fault injection
        @{ Case = 'fault on an unknown link'; Id = 'FaultTargetNotFound'; Offending = 'mars'; Run = { Add-CloudFault LinkDown -Target 'onprem-lon <-> mars' -After '00:00:00' } }
        @{ Case = 'fault on an unknown host'; Id = 'FaultTargetNotFound'; Offending = 'esx-ghost'; Run = { Add-CloudFault SourceHostFailure -Target 'onprem-lon/esx-ghost' -After '00:00:00' } }
        @{ Case = 'fault in the past'; Id = 'ValueOutOfRange'; Offending = '-00:00:30'; Run = { Add-CloudFault LinkDown -Target 'onprem-lon <-> avs-westeurope' -After '-00:00:30' } }
        @{ Case = 'fault for an unknown VM'; Id = 'VMNotFound'; Offending = 'ghost01'; Run = { Add-CloudFault LinkDown -VM ghost01 -Phase PreCopy } }
        @{ Case = 'degraded link with nothing degraded'; Id = 'FaultSpecificationInvalid'; Offending = 'LinkDegraded'; Run = { Add-CloudFault LinkDegraded -RatePerHour 1 } }
        @{ Case = 'random fault at a NaN rate'; Id = 'ValueOutOfRange'; Offending = 'NaN'; Run = { Add-CloudFault LinkDown -RatePerHour ([double]::NaN) } }
        @{ Case = 'clear an unknown fault'; Id = 'FaultNotFound'; Offending = 'fault-42'; Run = { Clear-CloudFault -Id fault-42 } }
        @{ Case = 'open a missing file'; Id = 'LabFileNotFound'; Offending = 'no-such-lab-'; Run = { Open-HybridLab -Path (Join-Path ([IO.Path]::GetTempPath()) "no-such-lab-$([guid]::NewGuid().ToString('N')).json") } }
    ) {
        param($Case, $Id, $Offending, $Run)
        $all = @()
        $caught = @()
        try {
            $all = @(& $Run 2>&1 3>$null)
        }
        catch {
            $caught = @($_)
        }

        $output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $errors = @(@($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) + $caught)
        $errors.Count | Should -Be 1 -Because "$Case writes one error: $($errors | ForEach-Object FullyQualifiedErrorId)"
        $errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,HybridCmdlets.Commands.*"
        $errors[0].CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        "$($errors[0].Exception.Message) $($errors[0].TargetObject)" | Should -BeLike "*$Offending*"
        $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $output | Should -BeNullOrEmpty
        (Get-HybridLab).IsModified | Should -BeFalse
        Get-CloudTask | Should -BeNullOrEmpty
        Get-LabSnapshot | Should -BeExactly $before
    }
}
