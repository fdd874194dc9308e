#Requires -Version 7.2
<#
.SYNOPSIS
What `Import-Module HybridCmdlets` adds to a bare `pwsh -NoProfile` start, measured where the user waits: in fresh
pwsh processes, alternating a bare start and a start that imports the module (and runs Get-CloudVM once, the
first thing a user types), several runs each. Reports minimum, median and maximum, and the median difference.

.EXAMPLE
dotnet pwsh ./build.ps1 Build; dotnet pwsh -NoProfile -File bench/pwsh/Measure-ModuleImport.ps1 -Runs 9
#>
[CmdletBinding()]
param(
    [int] $Runs = 9,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/HybridCmdlets/HybridCmdlets.psd1')
)

$ErrorActionPreference = 'Stop'
$modulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
# The same pwsh that runs this script: `dotnet pwsh` is dotnet running pwsh.dll.
$pwsh = [Environment]::ProcessPath
[string[]] $prefix = @()
if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $prefix = @([Reflection.Assembly]::GetEntryAssembly().Location) }

function Measure-Start([string] $Command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $pwsh @prefix -NoProfile -NonInteractive -Command $Command | Out-Null
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "pwsh failed running: $Command" }
    $watch.Elapsed.TotalMilliseconds
}

$cases = [ordered]@{
    'bare pwsh -NoProfile'             = 'exit 0'
    'Import-Module HybridCmdlets'      = "Import-Module '$modulePath'; exit 0"
    'Import-Module; Get-CloudVM'       = "Import-Module '$modulePath'; `$null = Get-CloudVM; exit 0"
}
$times = @{}
foreach ($name in $cases.Keys) { $times[$name] = [Collections.Generic.List[double]]::new() }
$null = Measure-Start 'exit 0'  # warm the disk cache once
for ($i = 0; $i -lt $Runs; $i++) {
    foreach ($name in $cases.Keys) { $times[$name].Add((Measure-Start $cases[$name])) }
}

function Get-Median([double[]] $Values) { $s = $Values | Sort-Object; $s[[int][Math]::Floor($s.Count / 2)] }
$bare = Get-Median $times['bare pwsh -NoProfile']
foreach ($name in $cases.Keys) {
    $v = $times[$name].ToArray()
    [pscustomobject]@{
        Case          = $name
        MinMs         = [Math]::Round(($v | Measure-Object -Minimum).Minimum)
        MedianMs      = [Math]::Round((Get-Median $v))
        MaxMs         = [Math]::Round(($v | Measure-Object -Maximum).Maximum)
        AddedMedianMs = [Math]::Round((Get-Median $v) - $bare)
    }
}
