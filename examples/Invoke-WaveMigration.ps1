#Requires -Version 5.1
<#
.SYNOPSIS
A wave-migration runbook: moves the VMs of a CSV plan wave by wave, checking each wave's readiness first and
stopping at the first wave that does not go cleanly.

.DESCRIPTION
The plan is a CSV file with the columns Wave, Name, Destination and MigrationType (examples/waveplan.csv). For
each wave, in order of its number:
  1. Test-MigrationReadiness checks every VM of the wave; a NotReady VM stops the runbook before anything of the
     wave moves (its blocker is in the error).
  2. The wave moves concurrently: Move-CloudVM -RunAsync | Wait-CloudTask.
  3. A wave with any failed or canceled move stops the runbook: later waves do not start.
Writes one MigrationResult per VM moved (each with a Wave note property), and with -ReportPath an HTML report of
every move and readiness check. The same runbook runs against the emulator (rehearse it, with faults) and, with
PowerCLI's cmdlets in place of ours, against production.

.EXAMPLE
./Invoke-WaveMigration.ps1 -Path ./waveplan.csv | Format-Table Wave, VM, Status, Duration, Downtime

.EXAMPLE
Add-CloudFault LinkDown -VM hr-web01 -Phase Replication -Duration 02:00:00
./Invoke-WaveMigration.ps1 -Path ./waveplan.csv -ErrorAction Continue

Rehearses an outage on the AVS link during wave 1: hr-web01's replication gives up after an hour, wave 1 ends
with a failure, and waves 2 and 3 never start.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $Path,

    # Writes an HTML report of the run (Export-MigrationReport) here.
    [string] $ReportPath
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Command Move-CloudVM -ErrorAction SilentlyContinue)) {
    $manifest = Join-Path $PSScriptRoot '../out/HybridCmdlets/HybridCmdlets.psd1'
    Import-Module $manifest
}

$plan = @(Import-Csv -LiteralPath $Path)
foreach ($column in 'Wave', 'Name', 'Destination') {
    if ($plan.Count -gt 0 -and $column -notin $plan[0].PSObject.Properties.Name) {
        throw "The plan '$Path' has no '$column' column; it needs Wave, Name, Destination and MigrationType."
    }
}

$reported = [System.Collections.Generic.List[object]]::new()
foreach ($wave in $plan | Group-Object { [int] $_.Wave } | Sort-Object { [int] $_.Name }) {
    Write-Verbose "Wave $($wave.Name): $($wave.Count) VMs"

    $readiness = @($wave.Group | Test-MigrationReadiness)
    $reported.AddRange([object[]] $readiness)
    $blocked = @($readiness | Where-Object Verdict -EQ 'NotReady')
    if ($blocked.Count -gt 0) {
        $list = ($blocked | ForEach-Object { "$($_.VM) ($($_.Blocker))" }) -join '; '
        Write-Error -Message "Wave $($wave.Name) is not ready: $list. Nothing of it was moved." -ErrorId 'WaveNotReady' -Category NotSpecified -ErrorAction Continue
        break
    }

    # Failures are reported by the results (Status, Error, Fault); their errors are not repeated here.
    $results = @($wave.Group | Move-CloudVM -RunAsync | Wait-CloudTask -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
    foreach ($result in $results) {
        $result | Add-Member -NotePropertyName Wave -NotePropertyValue ([int] $wave.Name) -PassThru
        $reported.Add($result)
    }

    $failed = @($results | Where-Object Status -NE 'Succeeded')
    if ($failed.Count -gt 0) {
        $list = ($failed | ForEach-Object { "$($_.VM) ($($_.Status) $($_.Error))" }) -join '; '
        Write-Error -Message "Wave $($wave.Name) did not go cleanly: $list. Later waves were not started." -ErrorId 'WaveFailed' -Category NotSpecified -ErrorAction Continue
        break
    }
}

if ($ReportPath) {
    $null = $reported | Export-MigrationReport -Path $ReportPath -Title "Wave plan $(Split-Path -Leaf $Path)" -Force
}
