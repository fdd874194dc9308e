#Requires -Version 7.2
<#
.SYNOPSIS
Builds, tests, demonstrates and packages HybridCmdlets.

.DESCRIPTION
Build    dotnet build of the solution (Release by default); the importable module lands in out/HybridCmdlets.
Test     Build, every xunit project, then the whole Pester suite (tests/Pester and the examples' own tests) in a
         child pwsh against out/HybridCmdlets. Ends with one line, 'N passed, N failed, N skipped', over both, and
         fails when any test failed or when Pester ran none.
Demo     Build, then examples/Tour.ps1 in a child pwsh.
Docs     Build, then tools/Update-Docs.ps1: the README's tour and every help example's output, captured anew from
         real runs of the current build.
Package  Build, then out/package/HybridCmdlets/<version> and out/package/HybridCmdlets.<version>.zip.

Pester 5.9.1 is restored from NuGet by `dotnet restore tests/Pester/PesterRestore.csproj`, into the NuGet global
packages folder; pwsh is the PowerShell dotnet tool pinned in .config/dotnet-tools.json (`dotnet tool restore`).
The module is never imported into this session: a loaded DLL cannot be unloaded, so the next build could not
replace it.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
./build.ps1 -Task Build, Package
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Docs', 'Package')]
    [string[]] $Task = 'Build',

    # What goes into out/HybridCmdlets, the folder users import: Release, optimized (issue 15).
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repoRoot = $PSScriptRoot
$solution = Join-Path $repoRoot 'HybridCmdlets.sln'
$outFolder = Join-Path $repoRoot 'out'
$moduleFolder = Join-Path $outFolder 'HybridCmdlets'
$pesterVersion = '5.9.1'
$script:built = $false

function Invoke-Native {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [Parameter(Mandatory)] [string] $What
    )

    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "$What failed (exit code $LASTEXITCODE)."
    }
}

function Write-Step([string] $Text) {
    Write-Host ''
    Write-Host "=== $Text" -ForegroundColor Cyan
}

# A folder with a `pwsh` that starts this very PowerShell, put first on PATH for every child: the tests and the
# examples start `pwsh` by name, and the dotnet tool is otherwise reachable only as `dotnet pwsh` from this tree.
function Initialize-PwshOnPath {
    $shimFolder = Join-Path $outFolder 'pwsh'
    $processPath = [Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
        # `dotnet pwsh` runs pwsh.dll in the dotnet host: the shim does the same.
        $prefix = @([Reflection.Assembly]::GetEntryAssembly().Location)
    }

    $null = New-Item -ItemType Directory -Path $shimFolder -Force
    if ($IsWindows) {
        $arguments = ($prefix | ForEach-Object { "`"$_`"" }) -join ' '
        Set-Content -LiteralPath (Join-Path $shimFolder 'pwsh.cmd') -Value "@`"$processPath`" $arguments %*"
    }
    else {
        $quoted = (@($processPath) + $prefix | ForEach-Object { "'" + $_.Replace("'", "'\''") + "'" }) -join ' '
        $shim = Join-Path $shimFolder 'pwsh'
        Set-Content -LiteralPath $shim -Value "#!/bin/sh`nexec $quoted `"`$@`""
        & chmod +x $shim
    }

    if (-not ($env:PATH -split [IO.Path]::PathSeparator -contains $shimFolder)) {
        $env:PATH = $shimFolder + [IO.Path]::PathSeparator + $env:PATH
    }
}

# -EncodedCommand: the script reaches the child intact, whatever quotes or spaces the paths in it hold.
function Invoke-ChildPwsh([string] $Script) {
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    & pwsh -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
}

function ConvertTo-SingleQuoted([string] $Text) {
    "'" + $Text.Replace("'", "''") + "'"
}

function Invoke-Build {
    if ($script:built) { return }
    Write-Step "Build ($Configuration)"
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $solution, '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:NoSummary') -What 'dotnet build'
    if (-not (Test-Path -LiteralPath (Join-Path $moduleFolder 'HybridCmdlets.psd1'))) {
        throw "The build succeeded but no module was laid out in '$moduleFolder'."
    }

    Write-Host "Module ready in $moduleFolder"
    Initialize-PwshOnPath
    $script:built = $true
}

# Pester from NuGet, restored by the dotnet CLI as this machine's NuGet is configured; its module is in tools/.
function Get-PesterManifest {
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('restore', (Join-Path $repoRoot 'tests/Pester/PesterRestore.csproj'), '-v', 'quiet', '--nologo') -What 'Restoring Pester'
    $line = & dotnet nuget locals global-packages --list --force-english-output
    $packages = ($line -replace '^global-packages:\s*', '').Trim()
    $manifest = Join-Path $packages "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "Pester $pesterVersion was restored, but '$manifest' is missing."
    }

    $manifest
}

# Counts from `dotnet test`'s summary lines: "Passed!  - Failed: 0, Passed: 537, Skipped: 0, Total: 537, ...".
function Invoke-Xunit {
    Write-Step "xunit ($Configuration)"
    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; FailedNames = [Collections.Generic.List[string]]::new() }
    Write-Host "> dotnet test $solution -c $Configuration --no-build" -ForegroundColor DarkGray
    & dotnet test $solution -c $Configuration --no-build --nologo | ForEach-Object {
        Write-Host $_
        # "  Failed Namespace.Class.Test [12 ms]": kept to be listed again under the closing counts, where CI's tail shows it.
        if ($_ -match '^\s+Failed\s+(\S.*?)\s+\[[^\]]+\]\s*$') { $counts.FailedNames.Add("xunit: $($Matches[1])") }
        if ($_ -match '^\s*(Passed|Failed)!\s+-\s+Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+)') {
            $counts.Failed += [int] $Matches[2]
            $counts.Passed += [int] $Matches[3]
            $counts.Skipped += [int] $Matches[4]
        }
    }

    if ($LASTEXITCODE -ne 0 -and $counts.Failed -eq 0) {
        # dotnet test failed without a failed test (a crash, a build error): count it as one failure.
        $counts.Failed = 1
        $counts.FailedNames.Add("xunit: dotnet test exited with $LASTEXITCODE and no failed test")
    }

    $counts
}

function Invoke-PesterSuite {
    Write-Step 'Pester suite (tests/Pester, examples) in a child pwsh'
    $pester = Get-PesterManifest
    $resultFolder = Join-Path $outFolder 'TestResults'
    $resultPath = Join-Path $resultFolder 'Pester.xml'
    $countsPath = Join-Path $resultFolder 'Pester.counts.json'
    $null = New-Item -ItemType Directory -Path $resultFolder -Force
    Remove-Item -LiteralPath $countsPath -ErrorAction SilentlyContinue
    $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module $(ConvertTo-SingleQuoted $pester)
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = @($(ConvertTo-SingleQuoted (Join-Path $repoRoot 'tests/Pester')), $(ConvertTo-SingleQuoted (Join-Path $repoRoot 'examples')))
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Normal'
`$configuration.TestResult.Enabled = `$true
`$configuration.TestResult.OutputFormat = 'NUnitXml'
`$configuration.TestResult.OutputPath = $(ConvertTo-SingleQuoted $resultPath)
`$result = Invoke-Pester -Configuration `$configuration
@{ Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount; Skipped = `$result.SkippedCount + `$result.NotRunCount
   FailedNames = @(@(`$result.Failed | ForEach-Object { 'Pester: ' + `$_.ExpandedPath }) + @(`$result.FailedBlocks | ForEach-Object { 'Pester: ' + `$_.ExpandedPath }) + @(`$result.FailedContainers | ForEach-Object { 'Pester: ' + `$_.Item })) } |
    ConvertTo-Json | Set-Content -LiteralPath $(ConvertTo-SingleQuoted $countsPath)
"@

    Write-Host "Pester $pesterVersion from $pester; module under test: $moduleFolder"
    $previous = $env:HYBRIDCMDLETS_MODULE_PATH
    $env:HYBRIDCMDLETS_MODULE_PATH = $moduleFolder
    try {
        Invoke-ChildPwsh -Script $script | Out-Host
    }
    finally {
        $env:HYBRIDCMDLETS_MODULE_PATH = $previous
    }

    if (-not (Test-Path -LiteralPath $countsPath)) {
        Write-Host "The Pester run ended without results (exit code $LASTEXITCODE)." -ForegroundColor Red
        return [ordered]@{ Passed = 0; Failed = 1; Skipped = 0; FailedNames = @("Pester: the run ended without results (exit code $LASTEXITCODE)") }
    }

    $counts = Get-Content -LiteralPath $countsPath -Raw | ConvertFrom-Json
    [ordered]@{ Passed = [int] $counts.Passed; Failed = [int] $counts.Failed; Skipped = [int] $counts.Skipped; FailedNames = @($counts.FailedNames) }
}

function Invoke-Test {
    Invoke-Build
    $xunit = Invoke-Xunit
    $pester = Invoke-PesterSuite
    Write-Host ''
    Write-Host ("xunit:  {0} passed, {1} failed, {2} skipped" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped)
    foreach ($name in @($xunit.FailedNames) + @($pester.FailedNames)) { Write-Host "FAILED $name" -ForegroundColor Red }
    $failed = $xunit.Failed + $pester.Failed
    if ($pester.Passed + $pester.Failed -eq 0) {
        Write-Host 'Pester ran no test: that is a failure.' -ForegroundColor Red
        $failed++
    }

    # The closing line CI reads: one count over xunit and Pester together.
    Write-Host ("{0} passed, {1} failed, {2} skipped" -f ($xunit.Passed + $pester.Passed), $failed, ($xunit.Skipped + $pester.Skipped))
    if ($failed -ne 0) {
        exit 1
    }
}

function Invoke-Demo {
    Invoke-Build
    Write-Step 'Tour of the embedded lab (examples/Tour.ps1) in a child pwsh'
    Invoke-Native -FilePath 'pwsh' -ArgumentList @('-NoProfile', '-NonInteractive', '-File', (Join-Path $repoRoot 'examples/Tour.ps1')) -What 'The tour'
}

function Invoke-Docs {
    Invoke-Build
    Write-Step 'README tour and help examples, captured from real runs'
    Invoke-Native -FilePath 'pwsh' -ArgumentList @('-NoProfile', '-NonInteractive', '-File', (Join-Path $repoRoot 'tools/Update-Docs.ps1')) -What 'Updating the docs'
}

function Invoke-Package {
    Invoke-Build
    Write-Step 'Package'
    $manifest = Import-PowerShellDataFile -Path (Join-Path $moduleFolder 'HybridCmdlets.psd1')
    $version = [string] $manifest.ModuleVersion
    if ($version -notmatch '^\d+(\.\d+){1,3}$') {
        throw "The built manifest has no usable ModuleVersion ('$version')."
    }

    $packageRoot = Join-Path $outFolder 'package'
    $moduleRoot = Join-Path $packageRoot 'HybridCmdlets'
    $target = Join-Path $moduleRoot $version
    $zip = Join-Path $packageRoot "HybridCmdlets.$version.zip"
    if (Test-Path -LiteralPath $moduleRoot) { Remove-Item -LiteralPath $moduleRoot -Recurse -Force }
    if (Test-Path -LiteralPath $zip) { Remove-Item -LiteralPath $zip -Force }
    $null = New-Item -ItemType Directory -Path $target -Force
    Copy-Item -Path (Join-Path $moduleFolder '*') -Destination $target -Recurse -Force

    # The zip holds HybridCmdlets/<version>/..., ready to extract into any folder of $env:PSModulePath.
    Compress-Archive -Path $moduleRoot -DestinationPath $zip
    Write-Host "Module folder: $target"
    Write-Host "Archive:       $zip"
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Docs' { Invoke-Docs }
        'Package' { Invoke-Package }
    }
}
