#Requires -Version 7.2
<#
.SYNOPSIS
How long Connect-CloudEndpoint takes for an unknown name, a wrong password and the right one, in one fresh pwsh
session, interleaved so that load from elsewhere falls on every case alike. Issue 14 asks that the three cannot be
told apart; the xunit test LoginTimingTests checks the work behind it exactly (PBKDF2 iterations), this shows the
time a user sees. The figure leaves out pwsh's start and the module's import.

.EXAMPLE
dotnet pwsh ./build.ps1 Build; dotnet pwsh -NoProfile -File bench/pwsh/Measure-LoginTiming.ps1 -Rounds 15
#>
[CmdletBinding()]
param(
    [int] $Rounds = 15,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/HybridCmdlets/HybridCmdlets.psd1')
)

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$null = Open-HybridLab -Default -Confirm:$false
function New-Login([string] $User, [string] $Password) {
    [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
}

$admin = New-Login 'admin' 'Admin-Sesame-1'
$null = New-CloudUser -Credential $admin
$null = New-CloudPermission -Endpoint 'onprem-lon' -Principal 'admin' -Role Administrator -WarningAction SilentlyContinue
$cases = [ordered]@{
    'unknown name'   = New-Login 'nobody' 'Admin-Sesame-1'
    'wrong password' = New-Login 'admin' 'Wrong-Sesame-1'
    'right password' = $admin
}
$times = @{}
foreach ($name in $cases.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
for ($round = -1; $round -lt $Rounds; $round++) {
    foreach ($name in $cases.Keys) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $credential = $cases[$name]
        # Five failures lock a name (LoginThrottled, checked before any password): a new unknown name each round.
        if ($name -eq 'unknown name') { $credential = New-Login "nobody$round" 'Admin-Sesame-1' }
        try { $null = Connect-CloudEndpoint -Name 'onprem-lon' -Credential $credential -ErrorAction Stop } catch { }
        $watch.Stop()
        # Round -1 warms up; the right password clears the admin's failures each round.
        if ($round -ge 0) { $times[$name].Add($watch.Elapsed.TotalMilliseconds) }
    }
}

function Get-Median([double[]] $Values) { $s = $Values | Sort-Object; $s[[int][Math]::Floor($s.Count / 2)] }
foreach ($name in $cases.Keys) {
    $v = $times[$name].ToArray()
    [pscustomobject]@{
        Case     = $name
        MinMs    = [Math]::Round(($v | Measure-Object -Minimum).Minimum)
        MedianMs = [Math]::Round((Get-Median $v))
        MaxMs    = [Math]::Round(($v | Measure-Object -Maximum).Maximum)
    }
}
