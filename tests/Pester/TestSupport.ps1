# Dot-sourced by every *.Tests.ps1 here (in BeforeDiscovery/BeforeAll); Pester itself only runs *.Tests.ps1 files.

# The built module folder: $env:HYBRIDCMDLETS_MODULE_PATH (build.ps1 sets it), else out/HybridCmdlets of this repository.
function Get-ModuleUnderTestPath {
    $path = $env:HYBRIDCMDLETS_MODULE_PATH
    if ([string]::IsNullOrWhiteSpace($path)) {
        $path = Join-Path $PSScriptRoot '../../out/HybridCmdlets'
    }

    if (-not (Test-Path -LiteralPath (Join-Path $path 'HybridCmdlets.psd1'))) {
        throw "No built HybridCmdlets module in '$path'. Run ./build.ps1 first, or set HYBRIDCMDLETS_MODULE_PATH to the folder that holds HybridCmdlets.psd1."
    }

    (Resolve-Path -LiteralPath $path).ProviderPath
}

function Get-ModuleUnderTestManifestPath {
    Join-Path (Get-ModuleUnderTestPath) 'HybridCmdlets.psd1'
}

function Import-ModuleUnderTest {
    Import-Module -Name (Get-ModuleUnderTestManifestPath) -Force -PassThru -ErrorAction Stop |
        Where-Object Name -EQ 'HybridCmdlets' |
        Select-Object -First 1
}

# The lab lives in a static for the whole process, shared by every test file: a test that changes it starts here.
# A lab with moves under way cannot be replaced (LabBusy), so any a test left running are stopped first.
function Reset-HybridLab {
    Get-CloudTask -Status Queued, Running | Stop-CloudTask -Confirm:$false
    $null = Open-HybridLab -Default -Confirm:$false -WarningAction SilentlyContinue
}

# Creates a VM on an endpoint named by -Endpoint; New-CloudVM's other ways of binding have tests of their own.
function New-TestVM {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Endpoint = 'onprem-lon',
        [hashtable] $Parameters = @{}
    )

    New-CloudVM -Name $Name -Endpoint $Endpoint @Parameters
}
