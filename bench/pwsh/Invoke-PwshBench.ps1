#Requires -Version 7.2
<#
.SYNOPSIS
What the user waits for, timed in real pwsh (issue 15): each case runs in fresh `pwsh -NoProfile` processes, several
times, and the suite reports the minimum, median and maximum of the runs, and the ratios of the cmdlets to their floor
(Get-CloudVM against piping the same objects from a variable) and to the engine's own time for the same work
(Test-MigrationReadiness, Move-CloudVM -RunAsync | Wait-CloudTask).

.DESCRIPTION
Cases (each run is a new pwsh process that imports the module from -ModulePath, a Release build):
  import    Import-Module over a bare start, by bench/pwsh/Measure-ModuleImport.ps1.
  lab       Open-HybridLab -Path of the generated lab's file: the first open of the session, then two later ones
            (each while the previous lab is still open); Save-HybridLab -Path; managed memory per VM after open.
  query     Get-CloudVM (all, -Name 'crm*-web*', -Tag wave4) piped to Measure-Object, against piping the same objects
            from a variable to Measure-Object in the same process (the floor). One warm-up of each first.
  readiness VMs | Test-MigrationReadiness -Destination avs-westeurope | Measure-Object, against a compiled loop over
            the same VMs calling the engine service the cmdlet uses (Estate.FindVMById, LabMoves.Test); each twice,
            alternating, and the faster of the two per process.
  move      names | Move-CloudVM -Destination avs-westeurope -RunAsync | Wait-CloudTask over a fresh generated lab,
            against a compiled loop doing the cmdlets' engine work (FindVMsNamed, LabMoves.Plan, LabSession.Submit,
            WaitFor, RecordMoves) over the same names in a fresh generated lab of the same process; then
            Export-MigrationReport of the cmdlet's results. One small move by each path first, as a warm-up.
  inventory Import-CloudInventory of examples/rvtools (vInfo, vNetwork, vDisk) into the default lab: the first call
            of a session, so it is mostly JIT compilation.
Labs are generated with Open-HybridLab -Generate -VMCount $VMCount -Seed $Seed (not timed, except by the lab case's
file, which is written once at the start).

.EXAMPLE
dotnet pwsh ./build.ps1 Build; dotnet pwsh -NoProfile -File bench/pwsh/Invoke-PwshBench.ps1

.EXAMPLE
dotnet pwsh -NoProfile -File bench/pwsh/Invoke-PwshBench.ps1 -Runs 5 -Cases lab,query
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 100)] [int] $Runs = 3,
    [ValidateRange(100, 1000000)] [int] $VMCount = 100000,
    [int] $Seed = 7,
    # VMs given to Test-MigrationReadiness (the first on-premises VMs of the lab; at most all of them).
    [ValidateRange(100, 1000000)] [int] $ReadinessVMs = 100000,
    [ValidateRange(100, 1000000)] [int] $MoveVMs = 10000,
    # Comma-separated when given through pwsh -File: import, lab, query, readiness, move, inventory.
    [string[]] $Cases = @('import', 'lab', 'query', 'readiness', 'move', 'inventory'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/HybridCmdlets/HybridCmdlets.psd1'),
    # Internal: the case a child process runs, and the lab file it reads.
    [string] $Child,
    [string] $LabFile
)

$ErrorActionPreference = 'Stop'
$modulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$Cases = @($Cases -split ',' | ForEach-Object Trim | Where-Object { $_ })
foreach ($case in $Cases) { if ($case -notin 'import', 'lab', 'query', 'readiness', 'move', 'inventory') { throw "unknown case '$case'" } }

function Get-Ms([scriptblock] $Script) { [Math]::Round((Measure-Command $Script).TotalMilliseconds, 1) }

# The compiled engine-only loops: a pwsh loop would add the interpreter's own time to the "engine" figure.
function Add-EngineOnly {
    $engine = Join-Path (Split-Path $modulePath) 'HybridCmdlets.Engine.dll'
    Add-Type -ReferencedAssemblies $engine, 'netstandard', 'System.Collections', 'System.Runtime', 'System.Linq' -TypeDefinition @'
using System.Collections.Generic;
using System.Threading;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;

public static class PwshBenchEngineOnly
{
    // What Test-MigrationReadiness does per piped VM, without the pipeline: look the VM up again by id, test it.
    // Each result is dropped, as the cmdlet's are by Measure-Object: keeping 100,000 of them alive would time the GC.
    public static int Readiness(LabSession lab, IList<CloudVM> vms, string destination)
    {
        var target = MoveTarget.Parse(destination, null, MigrationType.Auto);
        var count = 0;
        foreach (var given in vms)
        {
            var vm = lab.Estate.FindVMById(given.Id);
            if (vm == null) continue;
            try { if (LabMoves.Test(lab, vm, target) != null) count++; } catch (HybridException) { }
        }
        return count;
    }

    // What Move-CloudVM -RunAsync | Wait-CloudTask does for piped names, without the pipeline or progress.
    public static int Move(LabSession lab, IList<string> names, string destination)
    {
        var target = MoveTarget.Parse(destination, null, MigrationType.Auto);
        var tasks = new List<CloudTask>(names.Count);
        foreach (var name in names)
        {
            foreach (var vm in lab.Estate.FindVMsNamed(name))
            {
                try { tasks.Add(lab.Submit(LabMoves.Plan(lab, vm, target))); } catch (HybridException) { }
            }
        }
        lab.WaitFor(tasks, CancellationToken.None);
        lab.RecordMoves();
        return tasks.Count;
    }
}
'@
}

# The module's session (internal to the cmdlet assembly): the LabSession the cmdlets use.
function Get-LabSession {
    $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'HybridCmdlets' }
    $assembly.GetType('HybridCmdlets.Infrastructure.ModuleState', $true).GetProperty('Lab').GetValue($null)
}

if ($Child) {
    Import-Module $modulePath
    # A move that is not ready is an error for that VM alone, and a wave has some; the engine loops skip them too.
    $PSDefaultParameterValues = @{ '*-Cloud*:ErrorAction' = 'SilentlyContinue'; '*-Cloud*:WarningAction' = 'SilentlyContinue'; 'Test-MigrationReadiness:WarningAction' = 'SilentlyContinue' }
    $r = [ordered]@{}
    switch ($Child) {
        'lab' {
            $r.openFirst = Get-Ms { $null = Open-HybridLab -Path $LabFile }
            $r.openLater = @((Get-Ms { $null = Open-HybridLab -Path $LabFile }), (Get-Ms { $null = Open-HybridLab -Path $LabFile }))
            $saved = "$LabFile.saved.json"
            $r.save = Get-Ms { Save-HybridLab -Path $saved }
            $vms = (Get-HybridLab).VMCount
            Remove-Item -LiteralPath $saved
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $withLab = [GC]::GetTotalMemory($true)
            $null = Open-HybridLab -Default
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $r.bytesPerVM = [Math]::Round(($withLab - [GC]::GetTotalMemory($true)) / $vms)
        }
        'query' {
            $null = Open-HybridLab -Generate -VMCount $VMCount -Seed $Seed
            foreach ($q in @(@{ key = 'all'; args = @{} }, @{ key = 'wildcard'; args = @{ Name = 'crm*-web*' } }, @{ key = 'tag'; args = @{ Tag = 'wave4' } })) {
                $a = $q.args
                $objects = @(Get-CloudVM @a)   # warm-up, and the objects of the floor
                $null = $objects | Measure-Object
                $r["$($q.key)Count"] = $objects.Count
                $r[$q.key] = Get-Ms { $null = Get-CloudVM @a | Measure-Object }
                $r["$($q.key)Floor"] = Get-Ms { $null = $objects | Measure-Object }
            }
        }
        'readiness' {
            Add-EngineOnly
            $null = Open-HybridLab -Generate -VMCount $VMCount -Seed $Seed
            $lab = Get-LabSession
            $vms = @(Get-CloudVM | Where-Object Endpoint -EQ 'onprem-lon' | Select-Object -First $ReadinessVMs)
            $r.vms = $vms.Count
            $list = [Collections.Generic.List[HybridCmdlets.Engine.Inventory.CloudVM]]$vms
            # Each path twice, alternating, and the faster of its two: on a busy machine the tiered JIT can take
            # seconds to finish recompiling the readiness rules, and whichever path ran first would pay for it.
            $engine = @(); $cmdlet = @()
            foreach ($i in 1..2) {
                $engine += Get-Ms { $script:n = [PwshBenchEngineOnly]::Readiness($lab, $list, 'avs-westeurope') }
                $cmdlet += Get-Ms { $script:m = ($vms | Test-MigrationReadiness -Destination avs-westeurope | Measure-Object).Count }
                if ($script:n -ne $script:m) { throw "the engine tested $script:n VMs, the cmdlet $script:m" }
            }
            $r.engine = ($engine | Measure-Object -Minimum).Minimum
            $r.cmdlet = ($cmdlet | Measure-Object -Minimum).Minimum
        }
        'move' {
            Add-EngineOnly
            $null = Open-HybridLab -Generate -VMCount $VMCount -Seed $Seed
            $onprem = @(Get-CloudVM | Where-Object Endpoint -EQ 'onprem-lon' | ForEach-Object Name)
            $names = [string[]]$onprem[0..($MoveVMs - 1)]
            $warm = $onprem[-200..-1]
            $null = $warm[0..99] | Move-CloudVM -Destination avs-westeurope -RunAsync | Wait-CloudTask
            $null = [PwshBenchEngineOnly]::Move((Get-LabSession), [string[]]$warm[100..199], 'avs-westeurope')
            $null = Open-HybridLab -Generate -VMCount $VMCount -Seed $Seed
            [GC]::Collect()
            $r.vms = $names.Count
            $r.cmdlet = Get-Ms { $script:results = @($names | Move-CloudVM -Destination avs-westeurope -RunAsync | Wait-CloudTask) }
            $report = Join-Path ([IO.Path]::GetTempPath()) "pwshbench-$PID.html"
            $r.report = Get-Ms { $script:results | Export-MigrationReport -Path $report -Force }
            Remove-Item -LiteralPath $report
            $null = Open-HybridLab -Generate -VMCount $VMCount -Seed $Seed
            [GC]::Collect()
            $r.engine = Get-Ms { $script:n = [PwshBenchEngineOnly]::Move((Get-LabSession), $names, 'avs-westeurope') }
            if ($script:n -ne $script:results.Count) { throw "the engine moved $script:n VMs, the cmdlet $($script:results.Count)" }
        }
        'inventory' {
            $dir = Join-Path $PSScriptRoot '../../examples/rvtools'
            $r.import = Get-Ms { Import-CloudInventory -Path (Join-Path $dir vInfo.csv) -NetworkPath (Join-Path $dir vNetwork.csv) -DiskPath (Join-Path $dir vDisk.csv) }
        }
    }
    'RESULT ' + ($r | ConvertTo-Json -Compress)
    return
}

# The same pwsh that runs this script: `dotnet pwsh` is dotnet running pwsh.dll.
$pwsh = [Environment]::ProcessPath
[string[]] $prefix = @()
if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $prefix = @([Reflection.Assembly]::GetEntryAssembly().Location) }

function Invoke-Child([string] $Case, [string] $File) {
    $out = & $pwsh @prefix -NoProfile -NonInteractive -File $PSCommandPath -Child $Case -LabFile $File -VMCount $VMCount -Seed $Seed `
        -ReadinessVMs $ReadinessVMs -MoveVMs $MoveVMs -ModulePath $modulePath 2>&1
    if ($LASTEXITCODE -ne 0) { throw "the $Case case failed:`n$($out -join "`n")" }
    $line = @($out | Where-Object { "$_".StartsWith('RESULT ') })[-1]
    "$line".Substring(7) | ConvertFrom-Json
}

function Get-Median([double[]] $Values) {
    $s = @($Values | Sort-Object)
    if ($s.Count % 2) { $s[($s.Count - 1) / 2] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 }
}

$rows = [Collections.Generic.List[object]]::new()
function Add-Row([string] $What, [double[]] $Values, [string] $Detail = '') {
    $rows.Add([pscustomobject]@{
        Case = $What; Runs = $Values.Count
        MinMs = [Math]::Round(($Values | Measure-Object -Minimum).Minimum)
        MedianMs = [Math]::Round((Get-Median $Values))
        MaxMs = [Math]::Round(($Values | Measure-Object -Maximum).Maximum)
        Detail = $Detail
    })
}
function Get-Ratio([double[]] $Top, [double[]] $Bottom) { '{0:N2}x' -f ((Get-Median $Top) / [Math]::Max(0.1, (Get-Median $Bottom))) }

$started = Get-Date
Write-Host ("pwsh {0}, {1} logical processors, load average at start: {2}" -f $PSVersionTable.PSVersion, [Environment]::ProcessorCount, (((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ')[0..2] -join ' '))

if ('import' -in $Cases) {
    Write-Host '... import'
    foreach ($row in & (Join-Path $PSScriptRoot 'Measure-ModuleImport.ps1') -Runs ([Math]::Max(3, $Runs)) -ModulePath $modulePath) {
        $rows.Add([pscustomobject]@{ Case = $row.Case; Runs = [Math]::Max(3, $Runs); MinMs = $row.MinMs; MedianMs = $row.MedianMs; MaxMs = $row.MaxMs; Detail = "adds $($row.AddedMedianMs) ms (median) to a bare start" })
    }
}

if ('lab' -in $Cases) {
    Write-Host '... lab'
    $file = Join-Path ([IO.Path]::GetTempPath()) "pwshbench-lab-$VMCount-$Seed.json"
    $null = & $pwsh @prefix -NoProfile -NonInteractive -Command "Import-Module '$modulePath'; `$null = Open-HybridLab -Generate -VMCount $VMCount -Seed $Seed; Save-HybridLab -Path '$file'"
    $size = (Get-Item -LiteralPath $file).Length
    $res = foreach ($i in 1..$Runs) { Invoke-Child 'lab' $file }
    Remove-Item -LiteralPath $file
    Add-Row 'Open-HybridLab -Path, first of session' $res.openFirst ('{0:N1} MiB, {1:N0} B/VM' -f ($size / 1MB), ($size / $VMCount))
    Add-Row 'Open-HybridLab -Path, later' ($res | ForEach-Object { $_.openLater }) 'two per run'
    Add-Row 'Save-HybridLab -Path' $res.save
    $rows.Add([pscustomobject]@{ Case = 'memory per VM after open (bytes)'; Runs = $Runs; MinMs = ($res.bytesPerVM | Measure-Object -Minimum).Minimum; MedianMs = (Get-Median $res.bytesPerVM); MaxMs = ($res.bytesPerVM | Measure-Object -Maximum).Maximum; Detail = 'bytes, not ms' })
}

if ('query' -in $Cases) {
    Write-Host '... query'
    $res = foreach ($i in 1..$Runs) { Invoke-Child 'query' '' }
    foreach ($k in 'all', 'wildcard', 'tag') {
        $label = @{ all = 'Get-CloudVM'; wildcard = "Get-CloudVM -Name 'crm*-web*'"; tag = 'Get-CloudVM -Tag wave4' }[$k]
        Add-Row $label $res.$k ('{0:N0} VMs; {1} the floor' -f $res[0]."$($k)Count", (Get-Ratio $res.$k $res."$($k)Floor"))
        Add-Row "  floor: the same objects from a variable" $res."$($k)Floor"
    }
}

if ('readiness' -in $Cases) {
    Write-Host '... readiness'
    $res = foreach ($i in 1..$Runs) { Invoke-Child 'readiness' '' }
    Add-Row 'Test-MigrationReadiness' $res.cmdlet ('{0:N0} VMs; {1} the engine' -f $res[0].vms, (Get-Ratio $res.cmdlet $res.engine))
    Add-Row '  engine only (LabMoves.Test)' $res.engine
}

if ('move' -in $Cases) {
    Write-Host '... move'
    $res = foreach ($i in 1..$Runs) { Invoke-Child 'move' '' }
    Add-Row 'Move-CloudVM -RunAsync | Wait-CloudTask' $res.cmdlet ('{0:N0} VMs; {1} the engine' -f $res[0].vms, (Get-Ratio $res.cmdlet $res.engine))
    Add-Row '  engine only (Plan, Submit, WaitFor)' $res.engine
    Add-Row 'Export-MigrationReport' $res.report ('{0:N0} results' -f $res[0].vms)
}

if ('inventory' -in $Cases) {
    Write-Host '... inventory'
    $res = foreach ($i in 1..$Runs) { Invoke-Child 'inventory' '' }
    Add-Row 'Import-CloudInventory examples/rvtools' $res.import 'first of a session (41 rows)'
}

Write-Host ("{0:N0} s in all; load average at end: {1}" -f ((Get-Date) - $started).TotalSeconds, (((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ')[0..2] -join ' '))
$rows | Format-Table -AutoSize | Out-String -Width 200
