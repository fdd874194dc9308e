#Requires -Version 5.1
<#
.SYNOPSIS
A five-minute tour of HybridCmdlets on the embedded lab: the estate, its VMs, the links between sites, a
rehearsed change, migrations to Azure VMware Solution, and a lab saved to a file and opened again.

.DESCRIPTION
Imports the module built in out/HybridCmdlets (run ./build.ps1 first). Changes nothing outside a temporary lab
file, which it deletes at the end. ./build.ps1 -Task Demo builds and runs it in a fresh pwsh.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'

# The module already loaded (a test run, a session that imported it) is used as it is: a binary module cannot be
# loaded twice from two places.
if (-not (Get-Module -Name HybridCmdlets)) {
    $manifest = Join-Path $PSScriptRoot '../out/HybridCmdlets/HybridCmdlets.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "HybridCmdlets is not built yet: run ./build.ps1 at the repository root first (looked for $manifest)."
    }

    Import-Module $manifest
}

# The tour walks the embedded lab as it is after import, whatever the session did before.
$null = Open-HybridLab -Default -Confirm:$false -WarningAction SilentlyContinue

function Write-Heading([string] $Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}

Write-Heading 'The estate: a London vCenter and five partner clouds running the same VMware stack'
Get-CloudEndpoint | Format-Table | Out-Host

Write-Heading 'Every web tier in the estate (-Name *web*), counted by where it runs'
Get-CloudVM -Name *web* | Group-Object -Property Endpoint -NoElement | Sort-Object -Property Count -Descending |
    Format-Table -Property Count, @{ Label = 'Endpoint'; Expression = { $_.Name } } -AutoSize | Out-Host

Write-Heading 'Migration wave 1 (-Tag wave1): how many VMs, and how many of them are running'
$wave1 = @(Get-CloudVM -Tag wave1)
Write-Host "$($wave1.Count) VMs are tagged Wave/wave1."
$wave1 | Group-Object -Property PowerState -NoElement | Format-Table -Property Count, @{ Label = 'PowerState'; Expression = { $_.Name } } -AutoSize | Out-Host

Write-Heading 'What already runs in Azure VMware Solution (Get-CloudEndpoint avs* | Get-CloudVM)'
Get-CloudEndpoint avs* | Get-CloudVM | Format-Table | Out-Host

Write-Heading 'The links between sites, nearest first'
Get-CloudLink | Sort-Object -Property RttMs | Format-Table | Out-Host

Write-Heading 'Rehearse adding a third pilot web server to AVS (-WhatIf: nothing is created)'
New-CloudVM -Name pilot-web03 -Endpoint avs-westeurope -NumCpu 2 -MemoryGB 8 -Role Web -Tag 'Wave/pilot' -WhatIf
Write-Host "VMs on avs-westeurope after the rehearsal: $(@(Get-CloudVM -Endpoint avs-westeurope).Count)"

Write-Heading 'Rehearse moving an app server to AVS (-WhatIf says what would move where, and how)'
Move-CloudVM -VM crm-app01 -Destination avs-westeurope -WhatIf

Write-Heading 'Move it: a shared-nothing vMotion over the ExpressRoute link'
Move-CloudVM -VM crm-app01 -Destination avs-westeurope | Out-Host

Write-Heading 'Move the CRM web tier together, by Replication Assisted vMotion'
Get-CloudVM -Name crm-web0* | Move-CloudVM -Destination avs-westeurope -MigrationType RAV -RunAsync | Wait-CloudTask | Out-Host

Write-Heading 'Readiness of wave 2 for AVS, and the first blocker of each VM that cannot go'
$readiness = @(Get-CloudVM -Tag wave2 | Test-MigrationReadiness -Destination avs-westeurope)
$readiness | Group-Object -Property Verdict -NoElement | Format-Table -AutoSize | Out-Host
$readiness | Where-Object Verdict -EQ 'NotReady' | Select-Object -Property VM, Blocker | Format-Table -Wrap | Out-Host

Write-Heading 'Move-CloudVM runs the same rules: a VM whose backup VLAN has no network in AVS is refused, and the lab is unchanged'
Move-CloudVM -VM crm-db01 -Destination avs-westeurope -ErrorAction SilentlyContinue -ErrorVariable refused
Write-Host "$($refused[0].FullyQualifiedErrorId): $($refused[0].Exception.Message)"

$labFile = Join-Path ([IO.Path]::GetTempPath()) ('hybrid-tour-{0}.json' -f [guid]::NewGuid().ToString('N').Substring(0, 8))
try {
    Write-Heading "Save the lab to a file ($labFile)"
    Save-HybridLab -Path $labFile -PassThru | Out-Host
    Write-Host ('The file holds {0:N0} KB of JSON.' -f ((Get-Item -LiteralPath $labFile).Length / 1KB))

    Write-Heading 'Go back to the embedded lab, then open the file again'
    $null = Open-HybridLab -Default -Confirm:$false
    Open-HybridLab -Path $labFile | Out-Host

    Write-Heading 'The current lab (Get-HybridLab)'
    Get-HybridLab | Out-Host
}
finally {
    $null = Open-HybridLab -Default -Confirm:$false -WarningAction SilentlyContinue
    if (Test-Path -LiteralPath $labFile) { Remove-Item -LiteralPath $labFile -Force }
}

Write-Heading 'End of the tour: the embedded lab is current again and the temporary file is gone.'
