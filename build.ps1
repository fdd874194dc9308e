#Requires -Version 5.1
<#
.SYNOPSIS
Builds, tests, demonstrates and packages HybridCmdlets.

.DESCRIPTION
Build    dotnet build of the solution; the importable module lands in out/HybridCmdlets.
Test     Build, the xunit tests, then the Pester suite (tests/Pester, and the examples' own tests) in a child pwsh against out/HybridCmdlets.
         When pwsh or Pester 5+ is missing, the Pester suite is skipped with a warning; a Pester failure fails the build.
Demo     Build, then examples/Tour.ps1 in a child pwsh.
Package  Build, then out/package/HybridCmdlets/<version> and out/package/HybridCmdlets.<version>.zip.

The module is never imported into this session: a loaded DLL cannot be unloaded, so the next build could not replace it.

.EXAMPLE
./build.ps1 -Task Test

.EXAMPLE
./build.ps1 -Task Build, Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repoRoot = $PSScriptRoot
$solution = Join-Path $repoRoot 'HybridCmdlets.sln'
$moduleFolder = Join-Path (Join-Path $repoRoot 'out') 'HybridCmdlets'
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

# The pwsh that runs the Pester suite and the tour: this very process when it is PowerShell 7, else pwsh on PATH.
function Find-Pwsh {
    if ($PSVersionTable.PSEdition -eq 'Core') {
        return (Get-Process -Id $PID).Path
    }

    $command = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($command) { return $command.Source }
    return $null
}

# -EncodedCommand: the script reaches the child intact, whatever quotes or spaces the paths in it hold.
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Pwsh,
        [Parameter(Mandatory)] [string] $Script
    )

    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    & $Pwsh -NoProfile -NonInteractive -EncodedCommand $encoded
}

function ConvertTo-SingleQuoted([string] $Text) {
    "'" + $Text.Replace("'", "''") + "'"
}

function Invoke-Build {
    if ($script:built) { return }
    Write-Step "Build ($Configuration)"
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $solution, '-c', $Configuration, '--nologo') -What 'dotnet build'
    if (-not (Test-Path -LiteralPath (Join-Path $moduleFolder 'HybridCmdlets.psd1'))) {
        throw "The build succeeded but no module was laid out in '$moduleFolder'."
    }

    Write-Host "Module ready in $moduleFolder"
    $script:built = $true
}

function Invoke-PesterSuite {
    Write-Step 'Pester suite (tests/Pester) in a child pwsh'
    $pwsh = Find-Pwsh
    if (-not $pwsh) {
        Write-Warning 'Pester suite NOT run: pwsh (PowerShell 7) was not found on PATH. Install PowerShell 7 to run it.'
        return
    }

    $pesterVersion = Invoke-ChildPwsh -Pwsh $pwsh -Script @'
$module = Get-Module -ListAvailable -Name Pester | Sort-Object Version -Descending | Select-Object -First 1
if ($module) { $module.Version.ToString() }
'@
    $pesterVersion = @($pesterVersion) | Where-Object { $_ } | Select-Object -Last 1
    if ($LASTEXITCODE -ne 0 -or -not $pesterVersion -or ([version] $pesterVersion) -lt [version] '5.0') {
        $found = if ($pesterVersion) { "only Pester $pesterVersion" } else { 'no Pester' }
        Write-Warning "Pester suite NOT run: $pwsh has $found; it needs Pester 5 or later (Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser)."
        return
    }

    $testsPath = Join-Path (Join-Path $repoRoot 'tests') 'Pester'
    $resultFolder = Join-Path (Join-Path $repoRoot 'out') 'TestResults'
    $resultPath = Join-Path $resultFolder 'Pester.xml'
    $null = New-Item -ItemType Directory -Path $resultFolder -Force
    $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module Pester -MinimumVersion 5.0
`$configuration = New-PesterConfiguration
`$configuration.Run.Path = @($(ConvertTo-SingleQuoted $testsPath), $(ConvertTo-SingleQuoted (Join-Path $repoRoot 'examples')))
`$configuration.Run.PassThru = `$true
`$configuration.Output.Verbosity = 'Detailed'
`$configuration.TestResult.Enabled = `$true
`$configuration.TestResult.OutputFormat = 'NUnitXml'
`$configuration.TestResult.OutputPath = $(ConvertTo-SingleQuoted $resultPath)
`$result = Invoke-Pester -Configuration `$configuration
if (`$result.Result -ne 'Passed') { exit 1 }
exit 0
"@

    Write-Host "Using $pwsh with Pester $pesterVersion; module under test: $moduleFolder"
    $previous = $env:HYBRIDCMDLETS_MODULE_PATH
    $env:HYBRIDCMDLETS_MODULE_PATH = $moduleFolder
    try {
        Invoke-ChildPwsh -Pwsh $pwsh -Script $script | Out-Host
        if ($LASTEXITCODE -ne 0) {
            throw "The Pester suite failed (exit code $LASTEXITCODE); results in $resultPath."
        }
    }
    finally {
        $env:HYBRIDCMDLETS_MODULE_PATH = $previous
    }

    Write-Host "Pester suite passed; results in $resultPath"
}

function Invoke-Test {
    Invoke-Build
    Write-Step "xunit ($Configuration)"
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('test', $solution, '-c', $Configuration, '--no-build', '--nologo') -What 'dotnet test'
    Invoke-PesterSuite
}

function Invoke-Demo {
    Invoke-Build
    Write-Step 'Tour of the embedded lab (examples/Tour.ps1) in a child pwsh'
    $pwsh = Find-Pwsh
    if (-not $pwsh) {
        throw 'The demo needs pwsh (PowerShell 7), which was not found on PATH.'
    }

    Invoke-Native -FilePath $pwsh -ArgumentList @('-NoProfile', '-NonInteractive', '-File', (Join-Path (Join-Path $repoRoot 'examples') 'Tour.ps1')) -What 'The tour'
}

function Invoke-Package {
    Invoke-Build
    Write-Step 'Package'
    $manifest = Import-PowerShellDataFile -Path (Join-Path $moduleFolder 'HybridCmdlets.psd1')
    $version = [string] $manifest.ModuleVersion
    if ($version -notmatch '^\d+(\.\d+){1,3}$') {
        throw "The built manifest has no usable ModuleVersion ('$version')."
    }

    $packageRoot = Join-Path (Join-Path $repoRoot 'out') 'package'
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
        'Package' { Invoke-Package }
    }
}
