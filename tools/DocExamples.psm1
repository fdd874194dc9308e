# Reads and writes the commands that the docs show with their output: the README's captured blocks and the help's
# examples. tools/Update-Docs.ps1 fills the outputs in from real runs; tests/Pester/Docs.Tests.ps1 checks them.
Set-StrictMode -Version Latest

# A README block whose output is captured follows this line; its commands start 'PS> ', continuation lines '>> '.
$script:CapturedMarker = '<!-- captured -->'
$script:CapturedResetMarker = '<!-- captured: reset -->'

function Get-ReadmeCommand {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path)

    $lines = (Get-Content -LiteralPath $Path -Raw) -split "`n"
    $number = 0
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $marker = $lines[$i].Trim()
        if ($marker -ne $script:CapturedMarker -and $marker -ne $script:CapturedResetMarker) { continue }
        $reset = $marker -eq $script:CapturedResetMarker
        $i += 2  # past the marker and the opening fence
        $command = $null
        $output = [Collections.Generic.List[string]]::new()
        while ($i -lt $lines.Count -and $lines[$i] -notmatch '^```') {
            $line = $lines[$i]
            if ($line.StartsWith('PS> ')) {
                if ($null -ne $command) {
                    New-DocCommand -Id ('README #' + $number) -Command $command -Output $output -Reset $reset
                    $reset = $false
                }
                $number++
                $command = $line.Substring(4)
                $output.Clear()
            }
            elseif ($line.StartsWith('>> ') -and $output.Count -eq 0) {
                $command += "`n" + $line.Substring(3)
            }
            else {
                $output.Add($line)
            }
            $i++
        }

        if ($null -ne $command) {
            New-DocCommand -Id ('README #' + $number) -Command $command -Output $output -Reset $reset
        }
    }
}

function Get-HelpExampleCommand {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path)

    $text = Get-Content -LiteralPath $Path -Raw
    foreach ($command in [regex]::Matches($text, '(?s)<command:command\b.*?</command:command>')) {
        $name = [regex]::Match($command.Value, '<command:name>(.*?)</command:name>').Groups[1].Value
        $number = 0
        foreach ($code in [regex]::Matches($command.Value, '(?s)<dev:code>(.*?)</dev:code>')) {
            $number++
            $parts = Split-HelpExampleCode ([Net.WebUtility]::HtmlDecode($code.Groups[1].Value))
            # Each example starts from the embedded lab, as a user trying it after Import-Module would.
            New-DocCommand -Id ("$name example $number") -Command $parts.Command -Output $parts.Output -Reset $true
        }
    }
}

# An example's code is its command, then a blank line, then what it shows.
function Split-HelpExampleCode([string] $Code) {
    $code = $Code.Replace("`r`n", "`n")
    $split = $code.IndexOf("`n`n")
    $command = if ($split -lt 0) { $code } else { $code.Substring(0, $split) }
    $output = if ($split -lt 0) { '' } else { $code.Substring($split + 2) }
    @{ Command = ($command -replace '^PS [^>]*> ', '').TrimEnd(); Output = $output }
}

function New-DocCommand([string] $Id, [string] $Command, $Output, [bool] $Reset) {
    [pscustomobject]@{
        Id      = $Id
        Command = $Command
        Output  = ((@($Output) -join "`n") -split "`n" | ForEach-Object { $_.TrimEnd() }) -join "`n" | ForEach-Object { $_.Trim("`n") }
        Reset   = $Reset
    }
}

# Runs the commands in a fresh pwsh against the module, in order; returns Id, Output, HadError for each.
function Invoke-DocCommand {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [object[]] $Command,
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [string] $RepositoryRoot
    )

    $lock = $null
    $scratch = Join-Path ([IO.Path]::GetTempPath()) ('HybridCmdlets-docs-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $scratch
    try {
        $inputPath = Join-Path $scratch 'commands.json'
        $outputPath = Join-Path $scratch 'results.json'
        ConvertTo-Json -InputObject @($Command | Select-Object Id, Command, Reset) -Depth 3 | Set-Content -LiteralPath $inputPath -Encoding utf8
        # The folder the documented commands run in: a fixed name, so that paths they print read the same each run.
        # Two runs on one machine (two checkouts) would clear each other's files there: they take turns.
        $workFolder = Join-Path ([IO.Path]::GetTempPath()) 'labs'
        $lock = Wait-DocFolderLock -Path ($workFolder + '.lock')
        & pwsh -NoProfile -NonInteractive -File (Join-Path $RepositoryRoot 'tools/Invoke-DocCommands.ps1') `
            -InputPath $inputPath -OutputPath $outputPath -ModulePath $ModulePath -WorkFolder $workFolder `
            -ExamplesFolder (Join-Path $RepositoryRoot 'examples') 2>&1 | Out-Null
        if (-not (Test-Path -LiteralPath $outputPath)) { throw "The documented commands did not run to the end (exit code $LASTEXITCODE)." }
        @(Get-Content -LiteralPath $outputPath -Raw | ConvertFrom-Json)
    }
    finally {
        if ($lock) { $lock.Dispose() }
        Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
    }
}

# An exclusive hold on a lock file, waited for up to 15 minutes; released by disposing it (or by the process ending).
function Wait-DocFolderLock([string] $Path) {
    $deadline = [DateTime]::UtcNow.AddMinutes(15)
    while ($true) {
        try {
            return [IO.File]::Open($Path, [IO.FileMode]::OpenOrCreate, [IO.FileAccess]::ReadWrite, [IO.FileShare]::None)
        }
        catch [IO.IOException] {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Another run has held '$Path' for 15 minutes; is a documented-commands run stuck?" }
            Start-Sleep -Milliseconds 500
        }
    }
}

# Writes each command's captured output into the README's captured blocks, in order.
function Update-ReadmeOutput {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [hashtable] $OutputById)

    $lines = (Get-Content -LiteralPath $Path -Raw) -split "`n"
    $result = [Collections.Generic.List[string]]::new()
    $number = 0
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $result.Add($lines[$i])
        $marker = $lines[$i].Trim()
        if ($marker -ne $script:CapturedMarker -and $marker -ne $script:CapturedResetMarker) { continue }
        $result.Add($lines[++$i])  # the opening fence
        $i++
        $first = $true
        while ($i -lt $lines.Count -and $lines[$i] -notmatch '^```') {
            $line = $lines[$i]
            if ($line.StartsWith('PS> ')) {
                $number++
                if (-not $first) { $result.Add('') }
                $first = $false
                $result.Add($line)
                while ($i + 1 -lt $lines.Count -and $lines[$i + 1].StartsWith('>> ')) { $result.Add($lines[++$i]) }
                $output = $OutputById['README #' + $number]
                if ($output) { $result.AddRange([string[]] ($output -split "`n")) }
            }
            $i++
        }
        $result.Add($lines[$i])  # the closing fence
    }

    Set-Content -LiteralPath $Path -Value ($result -join "`n") -NoNewline -Encoding utf8NoBOM
}

# Writes each example's captured output after its command in the help file, leaving the rest of the file as it is.
function Update-HelpExampleOutput {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [hashtable] $OutputById)

    $text = Get-Content -LiteralPath $Path -Raw
    $updated = [Text.StringBuilder]::new()
    $at = 0
    foreach ($command in [regex]::Matches($text, '(?s)<command:command\b.*?</command:command>')) {
        $name = [regex]::Match($command.Value, '<command:name>(.*?)</command:name>').Groups[1].Value
        $number = 0
        foreach ($code in [regex]::Matches($command.Value, '(?s)<dev:code>(.*?)</dev:code>')) {
            $number++
            $start = $command.Index + $code.Groups[1].Index
            $parts = Split-HelpExampleCode ([Net.WebUtility]::HtmlDecode($code.Groups[1].Value))
            $output = $OutputById["$name example $number"]
            $body = if ($output) { $parts.Command + "`n`n" + $output } else { $parts.Command }
            $null = $updated.Append($text, $at, $start - $at).Append((ConvertTo-XmlText $body))
            $at = $start + $code.Groups[1].Length
        }
    }

    $null = $updated.Append($text, $at, $text.Length - $at)
    $updated = $updated.ToString()
    Set-Content -LiteralPath $Path -Value $updated -NoNewline -Encoding utf8NoBOM
}

function ConvertTo-XmlText([string] $Text) {
    $Text.Replace('&', '&amp;').Replace('<', '&lt;').Replace('>', '&gt;')
}

Export-ModuleMember -Function Get-ReadmeCommand, Get-HelpExampleCommand, Invoke-DocCommand, Update-ReadmeOutput, Update-HelpExampleOutput
