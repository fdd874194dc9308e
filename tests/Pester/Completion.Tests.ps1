BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest
    Reset-HybridLab

    # The completions PowerShell offers with the cursor at the end of the line, as the Tab key would.
    function Get-CompletionText([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object { $_.CompletionText })
    }
}

AfterAll {
    Reset-HybridLab
}

Describe 'Argument completion' {
    It 'completes an endpoint name for Get-CloudVM -Endpoint' {
        Get-CompletionText 'Get-CloudVM -Endpoint avs' | Should -Be 'avs-westeurope'
    }

    It 'offers every endpoint for an empty word' {
        $completions = Get-CompletionText 'Get-CloudVM -Endpoint '
        @($completions | Sort-Object) | Should -Be @(Get-CloudEndpoint | ForEach-Object Name | Sort-Object)
    }

    It 'completes VM names for Get-CloudVM -Name, sorted' {
        Get-CompletionText 'Get-CloudVM -Name crm-w' | Should -Be @('crm-web01', 'crm-web02', 'crm-web03')
    }

    It 'completes VM names with a wildcard the way Get-CloudVM -Name matches them' {
        $completions = Get-CompletionText 'Get-CloudVM -Name *web03'
        $completions.Count | Should -BeGreaterThan 1
        @($completions | Sort-Object) | Should -Be @(Get-CloudVM -Name '*web03' | ForEach-Object Name | Sort-Object)
    }

    It 'narrows VM names to the endpoint given with -Endpoint' {
        Get-CompletionText 'Get-CloudVM -Endpoint avs-westeurope -Name ' | Should -Be @('pilot-app01', 'pilot-web01', 'pilot-web02')
    }

    It 'narrows cluster names to the endpoint given with -Endpoint' {
        Get-CompletionText 'Get-CloudVM -Endpoint ovh-rbx -Cluster ' | Should -Be @('Cluster1', 'Cluster2')
    }

    It 'completes VM names for Remove-CloudVM -VM' {
        Get-CompletionText 'Remove-CloudVM -VM crm-db' | Should -Be @('crm-db01', 'crm-db02')
    }

    It 'completes endpoint names for New-CloudVM -Endpoint and Set-CloudLink -Destination' {
        Get-CompletionText 'New-CloudVM -Name x -Endpoint gcve' | Should -Be 'gcve-europe-west2'
        Get-CompletionText 'Set-CloudLink -Source onprem-lon -Destination ibm' | Should -Be 'ibm-dal10'
    }

    It 'follows the current lab: a new VM is offered at once' {
        $null = New-TestVM -Name 'pester-complete01'
        try {
            Get-CompletionText 'Get-CloudVM -Name pester-comp' | Should -Be 'pester-complete01'
        }
        finally {
            Reset-HybridLab
        }
    }

    It 'offers nothing for a word that matches no name' {
        Get-CompletionText 'Get-CloudVM -Name no-such-vm' | Should -BeNullOrEmpty
    }

    It 'sorts without regard to case' {
        $null = New-CloudVM -Name 'Pester-Case02' -Endpoint onprem-lon
        $null = New-CloudVM -Name 'pester-case01' -Endpoint onprem-lon
        try {
            Get-CompletionText 'Get-CloudVM -Name PESTER-CA' | Should -Be @('pester-case01', 'Pester-Case02')
        }
        finally {
            Reset-HybridLab
        }
    }

    It 'quotes a name PowerShell would split, doubling its single quotes' {
        $null = New-CloudVM -Name "pester o'brien 01" -Endpoint onprem-lon
        try {
            Get-CompletionText 'Get-CloudVM -Name pester-o' | Should -BeNullOrEmpty
            Get-CompletionText 'Get-CloudVM -Name pester' | Should -Be "'pester o''brien 01'"
        }
        finally {
            Reset-HybridLab
        }
    }

    It 'completes nothing, and fails nothing, for a word with a broken bracket' {
        { Get-CompletionText 'Get-CloudVM -Name crm[' } | Should -Not -Throw
        Get-CompletionText 'Get-CloudVM -Name crm[' | Should -BeNullOrEmpty
    }
}
