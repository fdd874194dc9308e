#Requires -Version 7.2
<#
.SYNOPSIS
Captures anew, from real runs of the built module in a fresh pwsh, every output the docs show: the README's
captured blocks (the tour) and the help's examples (module/en-US/HybridCmdlets.dll-Help.xml).

.DESCRIPTION
Run it after changing a cmdlet, a format view or an example (./build.ps1 Docs builds first, then runs this).
tests/Pester/Docs.Tests.ps1 runs the same commands and fails where the docs no longer match.
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/HybridCmdlets/HybridCmdlets.psd1'),
    # Which docs to capture anew: the README's captured blocks, the help's examples, or both.
    [ValidateSet('Readme', 'Help')]
    [string[]] $Document = @('Readme', 'Help')
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'DocExamples.psm1') -Force
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath
$readme = Join-Path $root 'README.md'
$help = Join-Path $root 'module/en-US/HybridCmdlets.dll-Help.xml'
$modulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath

$commands = @()
if ('Readme' -in $Document) { $commands += @(Get-ReadmeCommand -Path $readme) }
if ('Help' -in $Document) { $commands += @(Get-HelpExampleCommand -Path $help) }
Write-Host "Running $($commands.Count) documented commands in a fresh pwsh..."
$outputs = @{}
foreach ($result in Invoke-DocCommand -Command $commands -ModulePath $modulePath -RepositoryRoot $root) {
    $outputs[$result.Id] = $result.Output
}

if ('Readme' -in $Document) { Update-ReadmeOutput -Path $readme -OutputById $outputs }
if ('Help' -in $Document) { Update-HelpExampleOutput -Path $help -OutputById $outputs }
Write-Host "Updated $($Document -join ' and '). Review the change with git diff."
