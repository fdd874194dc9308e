#
# Module manifest for HybridCmdlets. ModuleVersion is stamped from Directory.Build.props at build;
# the copy in out/HybridCmdlets/ is the one to import.
#
@{
    RootModule            = 'HybridCmdlets.dll'
    ModuleVersion         = '{{ModuleVersion}}'
    CompatiblePSEditions  = @('Core', 'Desktop')
    GUID                  = '5b0f8d7e-3c1a-4e8b-9f62-7a4d2c9e1b53'
    Author                = 'HybridCmdlets contributors'
    CompanyName           = 'HybridCmdlets'
    Copyright             = '(c) HybridCmdlets contributors. All rights reserved.'
    Description           = 'Cmdlets for hybrid-cloud VMware estates: an emulated on-premises vSphere estate and the partner clouds that run the same stack (VMware Cloud on AWS, Azure VMware Solution, Google Cloud VMware Engine, OVHcloud, IBM Cloud), with live migrations between them.'
    PowerShellVersion     = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess      = @('HybridCmdlets.Format.ps1xml')
    CmdletsToExport       = @(
        'Get-CloudEndpoint'
        'Get-CloudVM'
        'Get-CloudCluster'
        'Get-CloudVMHost'
        'Get-CloudDatastore'
        'Get-CloudNetwork'
        'New-CloudNetworkExtension'
        'Get-CloudNetworkExtension'
        'Remove-CloudNetworkExtension'
        'New-CloudVM'
        'Remove-CloudVM'
        'Start-CloudVM'
        'Stop-CloudVM'
        'Stop-CloudVMGuest'
        'Suspend-CloudVM'
        'Get-CloudSnapshot'
        'Remove-CloudSnapshot'
        'Get-CloudCDDrive'
        'Set-CloudCDDrive'
        'Import-CloudInventory'
        'Get-CloudLink'
        'Set-CloudLink'
        'Test-MigrationReadiness'
        'Move-CloudVM'
        'Get-CloudTask'
        'Wait-CloudTask'
        'Stop-CloudTask'
        'Export-MigrationReport'
        'Add-CloudFault'
        'Get-CloudFault'
        'Clear-CloudFault'
        'Get-HybridLab'
        'Open-HybridLab'
        'Save-HybridLab'
        'Set-HybridLabOption'
        'Connect-CloudEndpoint'
        'Disconnect-CloudEndpoint'
        'New-CloudUser'
        'New-CloudPermission'
        'Get-CloudPermission'
    )
    FunctionsToExport     = @()
    AliasesToExport       = @()
    VariablesToExport     = @()
    PrivateData           = @{
        PSData = @{
            Tags         = @('VMware', 'vSphere', 'HCX', 'vMotion', 'Migration', 'HybridCloud', 'AVS', 'VMC', 'GCVE', 'PSEdition_Core', 'PSEdition_Desktop')
            ReleaseNotes = 'Foundation: the emulated estate, inventory cmdlets and lab files.'
        }
    }
}
