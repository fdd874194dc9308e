<#
.SYNOPSIS
Times Open-HybridLab and Save-HybridLab as a user meets them: in a fresh pwsh, the first open of the session, two
later ones (each while the previous lab is still the session's), a save, and the memory the opened lab keeps.

.EXAMPLE
dotnet run -c Release --project bench/HybridCmdlets.Bench -- lab --vms 100000 --keep-file /tmp/big.json --no-results
dotnet pwsh -NoProfile -File bench/Measure-LabFile.ps1 -Lab /tmp/big.json
#>
param(
    [Parameter(Mandatory)] [string] $Lab,
    [string] $Module = (Join-Path $PSScriptRoot '../out/HybridCmdlets/HybridCmdlets.psd1')
)

Import-Module $Module
$open = foreach ($i in 1..3) { [math]::Round((Measure-Command { Open-HybridLab -Path $Lab }).TotalMilliseconds) }
$vms = (Get-HybridLab).VMCount
$saved = "$Lab.saved.json"
$save = [math]::Round((Measure-Command { Save-HybridLab -Path $saved }).TotalMilliseconds)
Remove-Item -LiteralPath $saved
[GC]::Collect(); [GC]::WaitForPendingFinalizers()
$withLab = [GC]::GetTotalMemory($true)
$null = Open-HybridLab -Default
[GC]::Collect(); [GC]::WaitForPendingFinalizers()
$withDefault = [GC]::GetTotalMemory($true)
'{0:N0} VMs: open first {1:N0} ms, later {2:N0} ms and {3:N0} ms; save {4:N0} ms; memory per VM after open {5:N0} B' -f $vms, $open[0], $open[1], $open[2], $save, (($withLab - $withDefault) / $vms)
