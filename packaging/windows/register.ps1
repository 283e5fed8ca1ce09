<#
.SYNOPSIS
  Start-menu shortcut and .tender file type for the Open Procurement Wizard bundle,
  for the current Windows user only (no administrator rights; docs/packaging.md).

.DESCRIPTION
  The build copies it into the bundle's folder (beside opw-app.exe), its default -Bundle.
  It writes:
    * %APPDATA%\Microsoft\Windows\Start Menu\Programs\Open Procurement Wizard.lnk
    * HKCU\Software\Classes\.tender            -> OpenProcurementWizard.Tender
    * HKCU\Software\Classes\OpenProcurementWizard.Tender  (name, icon, open command)
  -Uninstall removes the same. NOT TESTED on Windows by the project (built and tested
  on Linux only): read it before running it.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File register.ps1 -Bundle "$env:LOCALAPPDATA\Programs\Open Procurement Wizard"
#>
param(
  [string]$Bundle = $PSScriptRoot,
  [switch]$Uninstall
)
$ErrorActionPreference = "Stop"

$ProgId = "OpenProcurementWizard.Tender"
$Classes = "HKCU:\Software\Classes"
$Shortcut = Join-Path ([Environment]::GetFolderPath("Programs")) "Open Procurement Wizard.lnk"

if ($Uninstall) {
  Remove-Item -LiteralPath $Shortcut -ErrorAction SilentlyContinue
  Remove-Item -LiteralPath "$Classes\$ProgId" -Recurse -ErrorAction SilentlyContinue
  if ((Get-ItemProperty -LiteralPath "$Classes\.tender" -ErrorAction SilentlyContinue).'(default)' -eq $ProgId) {
    Remove-Item -LiteralPath "$Classes\.tender" -Recurse
  }
  Write-Output "Removed the shortcut and the .tender file type."
  exit 0
}

$App = Join-Path (Resolve-Path -LiteralPath $Bundle) "opw-app.exe"
if (-not (Test-Path -LiteralPath $App)) { throw "opw-app.exe not found in $Bundle" }

$Shell = New-Object -ComObject WScript.Shell
$Link = $Shell.CreateShortcut($Shortcut)
$Link.TargetPath = $App
$Link.WorkingDirectory = Split-Path $App
$Link.IconLocation = "$App,0"
$Link.Description = "Open Procurement Wizard"
$Link.Save()

function Set-Default([string]$Key, [string]$Value) {
  # Creates the key when missing (its parent exists: callers go from the top down), then
  # sets its default value unless $Value is empty; other values and subkeys are kept.
  if (-not (Test-Path -LiteralPath $Key)) { New-Item -Path $Key | Out-Null }
  if ($Value) { Set-Item -LiteralPath $Key -Value $Value }
}
Set-Default "$Classes\.tender" $ProgId
Set-Default "$Classes\$ProgId" "Open Procurement Wizard project"
Set-Default "$Classes\$ProgId\DefaultIcon" "`"$App`",0"
Set-Default "$Classes\$ProgId\shell" "open"
Set-Default "$Classes\$ProgId\shell\open" ""  # no label: Windows names "open" in its language
Set-Default "$Classes\$ProgId\shell\open\command" "`"$App`" `"%1`""
Write-Output "Shortcut: $Shortcut"
Write-Output ".tender files open with: $App"
