#Requires -Version 5.1
<#
.SYNOPSIS
A readiness report for a migration: every VM of a selection checked against a destination, summarised by
verdict, with each blocker, written as CSV (and HTML with -HtmlPath).

.EXAMPLE
./Get-ReadinessReport.ps1 -Tag wave1 -Destination avs-westeurope -Path ./wave1-readiness.csv

.EXAMPLE
./Get-ReadinessReport.ps1 -Name 'shop-*' -Destination gcve-europe-west2 -Path ./shop.csv -HtmlPath ./shop.html
#>
[CmdletBinding()]
param(
    # VM names (wildcards permitted); by default every VM of the on-premises endpoints.
    [string[]] $Name = '*',

    # Only VMs with this tag (a value such as wave1, or Category/value).
    [string] $Tag,

    [Parameter(Mandatory)]
    [string] $Destination,

    # The CSV report: one row per VM.
    [Parameter(Mandatory)]
    [string] $Path,

    # Also an HTML report (Export-MigrationReport).
    [string] $HtmlPath
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Command Test-MigrationReadiness -ErrorAction SilentlyContinue)) {
    Import-Module (Join-Path $PSScriptRoot '../out/HybridCmdlets/HybridCmdlets.psd1')
}

$selection = @{ Name = $Name }
if ($Tag) { $selection.Tag = $Tag }
$vms = Get-CloudVM @selection | Where-Object Provider -EQ 'OnPremises'
$readiness = @($vms | Test-MigrationReadiness -Destination $Destination)

$readiness |
    Select-Object VM, Source, Destination, Verdict, EvaluatedType, RecommendedType,
        @{ Name = 'PredictedDurationMinutes'; Expression = { if ($_.PredictedDuration) { [math]::Round($_.PredictedDuration.TotalMinutes, 1) } } },
        @{ Name = 'PredictedDowntimeSeconds'; Expression = { if ($_.PredictedDowntime) { [math]::Round($_.PredictedDowntime.TotalSeconds, 2) } } },
        Blocker |
    Export-Csv -LiteralPath $Path -NoTypeInformation

if ($HtmlPath) {
    $null = $readiness | Export-MigrationReport -Path $HtmlPath -Title "Readiness for $Destination" -Force
}

# The summary: how many VMs per verdict, and which checks block the most.
$readiness | Group-Object Verdict | Sort-Object Name | Select-Object @{ Name = 'Verdict'; Expression = { $_.Name } }, Count
