#Requires -Version 7.2
<#
.SYNOPSIS
Runs documented commands (the README's tour, the help's examples) in this real pwsh, in order, and records what
the console shows for each: tables, errors, warnings, What if lines, exactly as PowerShell formats them.

.DESCRIPTION
Started in a fresh `pwsh -NoProfile -NonInteractive` by tools/Update-Docs.ps1 (which writes the outputs into the
docs) and by tests/Pester/Docs.Tests.ps1 (which checks that the docs still match). Each command is dot-sourced at
this script's scope, so variables carry from one command to the next, as at a prompt. A command marked Reset
starts from the embedded lab with no task running, and from an empty work folder. Output is captured with
one Start-Transcript, the console's own record, at the console's width (80 columns in a non-interactive pwsh).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $InputPath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $WorkFolder,
    # Copied into the work folder at each reset: the example files the commands name (examples/...).
    [Parameter(Mandatory)] [string] $ExamplesFolder
)

# Every name of this runner starts with __doc so that a documented command cannot overwrite it.
$__docItems = @(Get-Content -LiteralPath $InputPath -Raw | ConvertFrom-Json)
$__docTranscript = Join-Path ([IO.Path]::GetTempPath()) ('HybridCmdlets-doc-' + [guid]::NewGuid().ToString('n') + '.txt')
$ProgressPreference = 'SilentlyContinue'
$PSStyle.OutputRendering = 'PlainText'
Import-Module -Name $ModulePath -ErrorAction Stop

# Transcription writes every error it shows twice; a ConciseView error starts 'Verb-Noun: '.
function __docRemoveRepeatedErrors([string[]] $Lines) {
    $kept = [Collections.Generic.List[string]]::new()
    $i = 0
    while ($i -lt $Lines.Count) {
        $repeat = 0
        if ($Lines[$i] -match '^[A-Za-z]+-[A-Za-z]+: ') {
            for ($k = 1; $k -le 40 -and $i + 2 * $k -le $Lines.Count; $k++) {
                $same = $true
                for ($j = 0; $j -lt $k; $j++) {
                    if ($Lines[$i + $j] -cne $Lines[$i + $k + $j]) { $same = $false; break }
                }
                if ($same) { $repeat = $k; break }
            }
        }

        if ($repeat -gt 0) {
            $kept.AddRange([string[]] $Lines[$i..($i + $repeat - 1)])
            $i += 2 * $repeat
        }
        else {
            $kept.Add($Lines[$i])
            $i++
        }
    }

    $kept.ToArray()
}

# Each example starts as in a new process. A lab an example secured takes its Administrator to replace
# (Global.Settings), whom this runner does not know: it calls the engine's own unchecked reset by reflection.
function __docResetLab {
    $__docSession = (Get-Command Open-HybridLab).ImplementingType.Assembly.GetType('HybridCmdlets.Infrastructure.ModuleState', $true).
        GetProperty('Lab', [Reflection.BindingFlags]'Static, Public, NonPublic').GetValue($null)
    if ($__docSession.Access.SecuredEndpoints.Count -gt 0) {
        $null = $__docSession.GetType().GetMethod('OpenDefault', [Reflection.BindingFlags]'Instance, NonPublic').Invoke($__docSession, @())
    }
    Get-CloudTask -Status Queued, Running | Stop-CloudTask -Confirm:$false
    Get-CloudFault | Clear-CloudFault -Confirm:$false
    $null = Open-HybridLab -Default -Confirm:$false -WarningAction SilentlyContinue
    Set-Location -LiteralPath ([IO.Path]::GetTempPath())
    if (Test-Path -LiteralPath $WorkFolder) { Remove-Item -LiteralPath $WorkFolder -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $WorkFolder
    Copy-Item -LiteralPath $ExamplesFolder -Destination (Join-Path $WorkFolder 'examples') -Recurse
    Set-Location -LiteralPath $WorkFolder
}

# One transcript for the whole run (starting one costs about 100 ms), each command's part between two marker lines.
$__docHadError = @{}
$__docMilliseconds = @{}
$null = Start-Transcript -LiteralPath $__docTranscript -UseMinimalHeader -Force
for ($__docIndex = 0; $__docIndex -lt $__docItems.Count; $__docIndex++) {
    $__docItem = $__docItems[$__docIndex]
    $__docWatch = [Diagnostics.Stopwatch]::StartNew()
    if ($__docItem.Reset) { __docResetLab }
    $Error.Clear()
    Write-Host "#doc-begin $__docIndex#"
    try {
        . ([scriptblock]::Create($__docItem.Command)) | Out-Default
    }
    catch {
        $_ | Out-Default
    }

    Write-Host "#doc-end $__docIndex#"
    $__docHadError[$__docIndex] = $Error.Count -gt 0
    $__docMilliseconds[$__docIndex] = [int] $__docWatch.ElapsedMilliseconds
}

$null = Stop-Transcript
$__docAll = @(Get-Content -LiteralPath $__docTranscript)
$__docResults = [Collections.Generic.List[object]]::new()
for ($__docIndex = 0; $__docIndex -lt $__docItems.Count; $__docIndex++) {
    # What the console showed between the command's two markers.
    $__docFirst = [Array]::IndexOf($__docAll, "#doc-begin $__docIndex#") + 1
    $__docLast = [Array]::IndexOf($__docAll, "#doc-end $__docIndex#") - 1
    $__docLines = if ($__docLast -ge $__docFirst) { @($__docAll[$__docFirst..$__docLast]) } else { @() }
    # The transcript's own notes of a terminating error ('PS>TerminatingError(...)'), which the console never shows.
    $__docLines = @($__docLines | Where-Object { $_ -notmatch '^(PS>|>> )TerminatingError\(' })
    $__docLines = @(__docRemoveRepeatedErrors $__docLines | ForEach-Object { $_.TrimEnd() })
    $__docText = ($__docLines -join "`n").Trim("`n")
    $__docResults.Add([pscustomobject]@{
        Id           = $__docItems[$__docIndex].Id
        Output       = $__docText
        HadError     = $__docHadError[$__docIndex] -and $__docText -match '(?m)^[A-Za-z]+-[A-Za-z]+: '
        # How long the command took, its reset included: for finding what makes the docs' replay slow.
        Milliseconds = $__docMilliseconds[$__docIndex]
    })
}

Remove-Item -LiteralPath $__docTranscript -ErrorAction SilentlyContinue
ConvertTo-Json -InputObject $__docResults.ToArray() -Depth 3 | Set-Content -LiteralPath $OutputPath -Encoding utf8
