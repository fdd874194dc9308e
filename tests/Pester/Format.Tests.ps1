BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
    Reset-HybridLab

    # What a person would see, as plain lines: wide enough never to truncate, without ANSI styling, no blank lines.
    function Get-DisplayLine {
        param([Parameter(ValueFromPipeline)] $InputObject)
        begin { $items = [System.Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end {
            $text = ($items | Out-String -Width 250) -replace '\x1b\[[0-9;]*[A-Za-z]', ''
            @($text -split '\r?\n' | Where-Object { $_.Trim() })
        }
    }
}

Describe 'The CloudVM view' {
    It 'is registered for HybridCmdlets.Engine.Inventory.CloudVM' {
        Get-FormatData -TypeName 'HybridCmdlets.Engine.Inventory.CloudVM' | Should -Not -BeNullOrEmpty
    }

    It 'shows Name, PowerState, Num CPUs, MemoryGB, Endpoint and Cluster in Format-Table' {
        $lines = Get-CloudVM -Name 'crm-web*' | Format-Table | Get-DisplayLine
        $lines[0] | Should -Match '^Name\s+PowerState\s+Num CPUs\s+MemoryGB\s+Endpoint\s+Cluster\s*$'
        $lines[1] | Should -Match '^[-\s]+$'
        $lines | Should -HaveCount 5
        $lines[2] | Should -Match '^crm-web01\s+PoweredOn\s+\d+\s+\S+\s+onprem-lon\s+Prod-Cluster-01\s*$'
    }

    It 'is the default display: a short table, not a wall of properties' {
        $lines = Get-CloudVM -Name 'crm-web*' | Get-DisplayLine
        $lines | Should -HaveCount 5
        $lines[0] | Should -Match '^Name\s+PowerState\s+Num CPUs\s+MemoryGB\s+Endpoint\s+Cluster\s*$'
        ($lines -join "`n") | Should -Not -Match 'GuestId|CoresPerSocket|HardwareVersion|Datastore|Workload'
    }

    It 'leaves every property reachable with Format-List *' {
        $text = (Get-CloudVM -Name 'crm-web01' | Format-List -Property * | Get-DisplayLine) -join "`n"
        $text | Should -Match '(?m)^GuestId\s*:'
        $text | Should -Match '(?m)^HardwareVersion\s*:\s*vmx-\d+'
    }
}

Describe 'The CloudEndpoint view' {
    It 'shows Name, Provider, vCenter, HCX, Hosts and Region (the widest, last), one line per endpoint' {
        $lines = Get-CloudEndpoint | Get-DisplayLine
        $lines[0] | Should -Match '^Name\s+Provider\s+vCenter\s+HCX\s+Hosts\s+Region\s*$'
        $lines | Should -HaveCount (2 + @(Get-CloudEndpoint).Count)
        $lines[2] | Should -Match '^onprem-lon\s+OnPremises\s'
        ($lines -join "`n") | Should -Not -Match 'Latitude|Server'
    }
}

Describe 'The CloudLink view' {
    It 'shows Source, Destination, Kind, bandwidth (Mbps), RttMs and loss (Loss%), one line per link' {
        $lines = Get-CloudLink -Source 'onprem-lon' | Get-DisplayLine
        $lines[0] | Should -Match '^Source\s+Destination\s+Kind\s+Mbps\s+RttMs\s+Loss%\s*$'
        $lines | Should -HaveCount (2 + @(Get-CloudLink -Source 'onprem-lon').Count)
        $lines[2] | Should -Match '^onprem-lon\s+vmc-eu-west-2\s+DirectConnect\s'
    }
}

Describe 'The HybridLab view' {
    It 'lists where the lab came from and what it holds' {
        $text = (Get-HybridLab | Get-DisplayLine) -join "`n"
        $text | Should -Match '(?m)^Origin\s*:\s*Embedded\s*$'
        $text | Should -Match '(?m)^VMCount\s*:\s*\d+\s*$'
        $text | Should -Match '(?m)^AutoSave\s*:\s*True\s*$'
        $text | Should -Match '(?m)^IsModified\s*:\s*False\s*$'
        $text | Should -Match '(?m)^TimeScale\s*:\s*0\s*$'
        $text | Should -Match '(?m)^MigrationAlgorithm\s*:\s*vSphere\s*$'
        $text | Should -Match '(?m)^RunningTasks\s*:\s*0\s*$'
    }
}

Describe 'The MigrationResult and CloudTask views' {
    AfterAll {
        Reset-HybridLab
    }

    It 'shows a result as one line: VM, type, status, duration, downtime, throughput and error' {
        Reset-HybridLab
        $lines = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' | Get-DisplayLine
        $lines[0] | Should -Match '^VM\s+Type\s+Status\s+Duration\s+Downtime\s+Mbps\s+Error\s*$'
        $lines | Should -HaveCount 3
        $lines[2] | Should -Match '^crm-web01\s+vMotion\s+Succeeded\s+00:\d\d:\d\d\s+00:00\.\d{3}\s+[\d,]+\s*$'
    }

    It 'shows a task as one line: id, VM, type, state, percent and phase' {
        Reset-HybridLab
        $lines = Move-CloudVM -VM 'crm-web02' -Destination 'avs-westeurope' -RunAsync | Get-DisplayLine
        $lines[0] | Should -Match '^Id\s+VM\s+Type\s+State\s+%\s+Phase\s*$'
        $lines[2] | Should -Match '^task-1\s+crm-web02\s+vMotion\s+(Queued|Running)\s+\d+\s+'
        $null = Get-CloudTask | Wait-CloudTask
    }
}

Describe 'The inventory views' {
    It 'Get-CloudCluster shows Name, Endpoint, Hosts, MemoryGB, HA, DRS and EVCMode' {
        $lines = Get-CloudCluster Cluster-1 | Get-DisplayLine
        $lines[0] | Should -Match '^Name\s+Endpoint\s+Hosts\s+MemoryGB\s+HA\s+DRS\s+EVCMode\s*$'
        $lines | Should -HaveCount 5
        $lines[3] | Should -Match '^Cluster-1\s+avs-westeurope\s+3\s+2304\s+True\s+True\s+intel-cascadelake\s*$'
    }

    It 'Get-CloudVMHost shows Version, NumCpu, VMs, MemoryGB, Mem% and the Name last' {
        $hostObject = Get-CloudVMHost 'esx-p1-02.lon.corp.example'
        $lines = $hostObject | Get-DisplayLine
        $lines[0] | Should -Match '^Version\s+NumCpu\s+VMs\s+MemoryGB\s+Mem%\s+Name\s*$'
        $percent = [math]::Round(100 * $hostObject.MemoryUsageGB / $hostObject.MemoryTotalGB)
        $lines[2] | Should -Match "^7\.0\.3\s+64\s+$($hostObject.NumVMs)\s+1024\s+$percent\s+esx-p1-02\.lon\.corp\.example\s*$"
    }

    It 'Get-CloudNetwork shows Name, VLanId, Endpoint and Kind' {
        $lines = Get-CloudNetwork Web-VLAN110 | Get-DisplayLine
        $lines[0] | Should -Match '^Name\s+VLanId\s+Endpoint\s+Kind\s*$'
        $lines[2] | Should -Match '^Web-VLAN110\s+110\s+onprem-lon\s+DistributedPortGroup\s*$'
    }

    It 'Get-CloudDatastore shows Name, Type, CapacityGB, FreeSpaceGB, Shared and Endpoint' {
        $lines = Get-CloudDatastore vsanDatastore -Endpoint avs-westeurope | Get-DisplayLine
        $lines[0] | Should -Match '^Name\s+Type\s+CapacityGB\s+FreeSpaceGB\s+Shared\s+Endpoint\s*$'
        $lines[2] | Should -Match '^vsanDatastore\s+vSAN\s+[\d,.]+\s+[\d,.]+\s+True\s+avs-westeurope\s*$'
    }
}

Describe 'Every default table view in an 80-column console' {
    BeforeAll {
        Reset-HybridLab
        # What an 80-column console shows: the formatter cuts a value it cannot fit with '…' and wraps a header it
        # cannot fit onto a second line.
        function Get-ConsoleText { param([Parameter(ValueFromPipeline)] $InputObject) begin { $all = @() } process { $all += $InputObject } end { ($all | Out-String -Width 80) -replace '\x1b\[[0-9;]*[A-Za-z]', '' } }
    }

    AfterAll {
        Reset-HybridLab
    }

    It '<Name> fits with no value cut and no header wrapped' -TestCases @(
        @{ Name = 'CloudVM'; Make = { Get-CloudVM -Endpoint onprem-lon } }
        @{ Name = 'CloudEndpoint'; Make = { Get-CloudEndpoint } }
        @{ Name = 'CloudLink'; Make = { Get-CloudLink } }
        @{ Name = 'CloudCluster'; Make = { Get-CloudCluster } }
        @{ Name = 'CloudHost'; Make = { Get-CloudVMHost } }
        @{ Name = 'Datastore'; Make = { Get-CloudDatastore } }
        @{ Name = 'CloudNetwork'; Make = { Get-CloudNetwork } }
        @{ Name = 'MigrationReadiness'; Make = { Get-CloudVM -Tag wave1 | Test-MigrationReadiness -Destination avs-westeurope } }
        @{ Name = 'MigrationResult'; Make = { Move-CloudVM -VM crm-web01, crm-app01 -Destination avs-westeurope } }
        @{ Name = 'CloudTask'; Make = { Move-CloudVM -VM hr-web01, hr-app01 -Destination avs-westeurope -RunAsync; $null = Get-CloudTask | Wait-CloudTask } }
        @{ Name = 'CloudFault'; Make = { Add-CloudFault SourceHostFailure -VM hr-web02 -Phase PreCopy; $null = Move-CloudVM -VM hr-web02 -Destination avs-westeurope -ErrorAction SilentlyContinue; Get-CloudFault } }
    ) {
        $text = & $Make | Get-ConsoleText
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })
        $lines.Count | Should -BeGreaterThan 2
        $text | Should -Not -Match '…' -Because "no value should be cut:`n$text"
        # The header is one line, then the dashes under it: a wrapped header would put more text before the dashes.
        $lines[1] | Should -Match '^[-\s]+$' -Because "the header should fit on one line:`n$text"
        Reset-HybridLab
    }

    It 'CloudLink shows a 0.05 % loss as 0.05' {
        (Get-CloudLink -Source onprem-lon -Destination ibm-dal10 | Get-ConsoleText) | Should -Match '\s0\.05\s*$'
    }
}
