BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $null = Import-ModuleUnderTest

    function New-TestCredential {
        param([Parameter(Mandatory)] [string] $UserName, [Parameter(Mandatory)] [string] $Password)
        [pscredential]::new($UserName, (ConvertTo-SecureString -String $Password -AsPlainText -Force))
    }

    # The users of Access.Fixture.json, whose hashes were made from these passwords (100,000 iterations, the
    # fewest a lab file takes, so that a login costs a fraction of a second).
    $script:AdminPassword = 'Adm1n-Sesame!'
    $script:OperatorPassword = '0perat0r-Sesame!'
    $script:AuditorPassword = 'Aud1tor-Sesame!'
    $script:Admin = New-TestCredential -UserName 'admin' -Password $script:AdminPassword
    $script:Operator = New-TestCredential -UserName 'operator' -Password $script:OperatorPassword
    $script:Auditor = New-TestCredential -UserName 'auditor' -Password $script:AuditorPassword

    # Replacing a lab that declares users needs Global.Settings on each of its secured endpoints (Administrator):
    # connect there as the lab's Administrator (admin, unless told), then open the default lab.
    function Reset-AccessLab {
        param([pscredential] $Credential = $script:Admin)
        $secured = @(Get-CloudPermission | ForEach-Object Endpoint | Select-Object -Unique)
        if ($secured.Count -gt 0) { $null = Connect-CloudEndpoint -Name $secured -Credential $Credential -ErrorAction Stop }
        Reset-HybridLab
    }

    # A copy of the default lab whose onprem-lon and avs-westeurope declare users: admin is Administrator, operator
    # Operator and auditor ReadOnly on both; the other endpoints stay open. Each test opens a copy of its own, so
    # that AutoSave after a move does not reach the next test.
    function Open-SecuredLab {
        Reset-AccessLab
        $path = Join-Path $TestDrive ('secured-' + [guid]::NewGuid().ToString('N') + '.json')
        $null = Save-HybridLab -Path $path -Confirm:$false
        $json = [IO.File]::ReadAllText($path)
        $anchor = '"vms": ['
        if ($json.IndexOf($anchor, [StringComparison]::Ordinal) -lt 0) { throw "No '$anchor' in the saved lab $path." }
        $access = [IO.File]::ReadAllText((Join-Path $PSScriptRoot 'Access.Fixture.json')).Trim()
        [IO.File]::WriteAllText($path, $json.Replace($anchor, '"access": ' + $access + ',' + [Environment]::NewLine + "`t" + $anchor))
        $null = Open-HybridLab -Path $path -Confirm:$false
        $path
    }
}

AfterAll {
    Reset-AccessLab
}

Describe 'A lab without users' {
    BeforeAll {
        Reset-AccessLab
    }

    It 'needs no connection: Connect-CloudEndpoint says so and connects nothing' {
        $connections = @(Connect-CloudEndpoint -Name '*' -Credential $script:Operator -WarningVariable warnings -WarningAction SilentlyContinue)
        $connections.Count | Should -Be 0
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '*declare no users: anyone may use them without connecting*'
        @(Get-CloudVM).Count | Should -Be (Get-HybridLab).VMCount
        @(Get-CloudPermission).Count | Should -Be 0
    }
}

Describe 'Declaring users and roles with New-CloudUser and New-CloudPermission' {
    BeforeEach {
        Reset-AccessLab
    }

    It 'declares a user whose object shows its name and nothing of its password' {
        $user = New-CloudUser -Credential (New-TestCredential -UserName 'carol' -Password 'Car0l-Sesame!')
        $user | Should -BeOfType 'HybridCmdlets.Engine.Access.CloudUser'
        $user.Name | Should -Be 'carol'
        $user.PSObject.Properties.Name | Should -Be 'Name'
        (Get-HybridLab).IsModified | Should -BeTrue
    }

    It 'declares nothing with -WhatIf' {
        $user = New-CloudUser -Credential (New-TestCredential -UserName 'carol' -Password 'Car0l-Sesame!') -WhatIf
        $user | Should -BeNullOrEmpty
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'refuses a short password without repeating it (PasswordTooShort) and a name in use (UserNameInUse)' {
        $record = { New-CloudUser -Credential (New-TestCredential -UserName 'dave' -Password 'Sh0rt!') -ErrorAction Stop } |
            Should -Throw -ErrorId 'PasswordTooShort,HybridCmdlets.Commands.NewCloudUserCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Message | Should -Not -BeLike '*Sh0rt!*'

        $null = New-CloudUser -Credential (New-TestCredential -UserName 'carol' -Password 'Car0l-Sesame!')
        { New-CloudUser -Credential (New-TestCredential -UserName 'CAROL' -Password 'Car0l-Sesame!') -ErrorAction Stop } |
            Should -Throw -ErrorId 'UserNameInUse,HybridCmdlets.Commands.NewCloudUserCommand'
    }

    It 'grants a role, warns that the endpoint now declares users, and Get-CloudPermission lists it' {
        $null = New-CloudUser -Credential $script:Admin
        $null = New-CloudUser -Credential (New-TestCredential -UserName 'carol' -Password 'Car0l-Sesame!')
        $permissions = @(New-CloudPermission -Endpoint 'onprem-lon', 'avs*' -Principal 'admin' -Role Administrator -WarningVariable warnings -WarningAction SilentlyContinue)
        $permissions.Count | Should -Be 2
        $permissions[0] | Should -BeOfType 'HybridCmdlets.Engine.Access.CloudPermission'
        @($permissions.Endpoint) | Should -Be @('onprem-lon', 'avs-westeurope')
        $warnings.Count | Should -Be 2
        "$($warnings[0])" | Should -BeLike "Endpoint 'onprem-lon' declares users from now on*Connect-CloudEndpoint*"

        # Once secured, an endpoint takes its Administrator to grant more.
        { New-CloudPermission -Endpoint 'onprem-lon' -Principal 'carol' -Role Operator -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,HybridCmdlets.Commands.NewCloudPermissionCommand'
        $null = Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Admin
        $null = New-CloudPermission -Endpoint 'onprem-lon', 'avs*' -Principal 'carol' -Role Operator -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 0

        $listed = @(Get-CloudPermission -Endpoint 'onprem-lon')
        $listed.Count | Should -Be 2
        $listed[1].Principal | Should -Be 'carol'
        $listed[1].Role | Should -Be 'Operator'
        @(Get-CloudEndpoint -Name 'avs-westeurope' | Get-CloudPermission).Count | Should -Be 2
    }

    It 'refuses a role for a user the lab does not declare (UserNotFound)' {
        { New-CloudPermission -Endpoint 'onprem-lon' -Principal 'mallory' -Role Administrator -ErrorAction Stop } |
            Should -Throw -ErrorId 'UserNotFound,HybridCmdlets.Commands.NewCloudPermissionCommand'
        @(Get-CloudPermission).Count | Should -Be 0
    }

    It 'saves users as salted hashes, never as passwords, and the reopened lab is secured' {
        $password = 'Same-Passw0rd!'
        $null = New-CloudUser -Credential (New-TestCredential -UserName 'carol' -Password $password)
        $null = New-CloudUser -Credential (New-TestCredential -UserName 'dave' -Password $password)
        $null = New-CloudPermission -Endpoint 'onprem-lon' -Principal 'carol' -Role Administrator -WarningAction SilentlyContinue
        $carol = New-TestCredential -UserName 'carol' -Password $password
        $null = Connect-CloudEndpoint -Name 'onprem-lon' -Credential $carol
        $file = Join-Path $TestDrive 'declared.json'
        $null = Save-HybridLab -Path $file -Confirm:$false

        $text = Get-Content -LiteralPath $file -Raw
        $text | Should -Not -BeLike "*$password*"
        $access = ($text | ConvertFrom-Json).access
        @($access.users.name) | Should -Be @('carol', 'dave')
        $access.users[0].passwordHash | Should -BeLike 'pbkdf2-sha256$600000$*'
        $access.users[0].passwordHash | Should -Not -Be $access.users[1].passwordHash
        $access.permissions[0].role | Should -Be 'Administrator'

        $null = Open-HybridLab -Default -Confirm:$false
        $null = Open-HybridLab -Path $file -Confirm:$false
        { Get-CloudVM -Name 'crm-web01' -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,HybridCmdlets.Commands.GetCloudVMCommand'
        Reset-AccessLab -Credential $carol
    }
}

Describe 'Connect-CloudEndpoint and Disconnect-CloudEndpoint' {
    BeforeEach {
        $null = Open-SecuredLab
    }

    It 'connects to each endpoint and returns connections with the user and role, never the password' {
        $connections = @(Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Operator)
        $connections.Count | Should -Be 2
        $connections[0] | Should -BeOfType 'HybridCmdlets.Engine.Access.CloudConnection'
        @($connections.Name) | Should -Be @('onprem-lon', 'avs-westeurope')
        $connections.User | Sort-Object -Unique | Should -Be 'operator'
        $connections.Role | Sort-Object -Unique | Should -Be 'Operator'
        $connections.IsConnected | Sort-Object -Unique | Should -BeTrue
        ($connections | Format-List * | Out-String) | Should -Not -BeLike "*$script:OperatorPassword*"
        @($connections[0].PSObject.Properties.Name | Where-Object { $_ -like '*Password*' }).Count | Should -Be 0
    }

    It 'shows the VMs of a secured endpoint only once connected to it' {
        $before = @(Get-CloudVM)
        @($before | Where-Object Endpoint -In 'onprem-lon', 'avs-westeurope').Count | Should -Be 0
        $before.Count | Should -BeGreaterThan 0

        $null = Connect-CloudEndpoint -Name 'onprem-lon' -Credential $script:Auditor
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
        @(Get-CloudVM).Count | Should -BeGreaterThan $before.Count
    }

    It 'says which endpoint to connect to for a VM it cannot see (NotConnected)' {
        $null = Get-CloudVM -Name 'crm-web01' -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NotConnected,HybridCmdlets.Commands.GetCloudVMCommand'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].Exception.Message | Should -BeLike "*'onprem-lon'*"
        $err[0].ErrorDetails.RecommendedAction | Should -BeLike '*Connect-CloudEndpoint -Name onprem-lon*'
    }

    It 'refuses a wrong password and an unknown user with the same InvalidLogin error' {
        $wrongPassword = { Connect-CloudEndpoint -Name 'onprem-lon' -Credential (New-TestCredential -UserName 'operator' -Password 'not-the-password') -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidLogin,HybridCmdlets.Commands.ConnectCloudEndpointCommand' -PassThru
        $unknownUser = { Connect-CloudEndpoint -Name 'onprem-lon' -Credential (New-TestCredential -UserName 'nobody' -Password $script:OperatorPassword) -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidLogin,HybridCmdlets.Commands.ConnectCloudEndpointCommand' -PassThru

        $wrongPassword.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $wrongPassword.Exception.Message | Should -Be 'Cannot complete login due to an incorrect user name or password.'
        $unknownUser.Exception.Message | Should -Be $wrongPassword.Exception.Message
        $unknownUser.Exception.Message | Should -Not -BeLike "*$script:OperatorPassword*"
        $null = Get-CloudVM -Name 'crm-web01' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
    }

    It 'refuses a name after five failed logins, even with the right password (LoginThrottled)' {
        # A name no other test uses: the lockout outlives the lab, as it should.
        $name = 'throttled-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        foreach ($attempt in 1..5) {
            { Connect-CloudEndpoint -Name 'onprem-lon' -Credential (New-TestCredential -UserName $name -Password "guess-$attempt") -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidLogin,HybridCmdlets.Commands.ConnectCloudEndpointCommand'
        }

        $record = { Connect-CloudEndpoint -Name 'onprem-lon' -Credential (New-TestCredential -UserName $name -Password 'any-password') -ErrorAction Stop } |
            Should -Throw -ErrorId 'LoginThrottled,HybridCmdlets.Commands.ConnectCloudEndpointCommand' -PassThru
        $record.Exception.Message | Should -BeLike "Logins as '$name' are refused until *"
    }

    It 'connects nothing with -WhatIf' {
        $connections = Connect-CloudEndpoint -Name 'onprem-lon' -Credential $script:Operator -WhatIf
        $connections | Should -BeNullOrEmpty
        { Get-CloudVM -Name 'crm-web01' -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,HybridCmdlets.Commands.GetCloudVMCommand'
    }

    It 'warns about an endpoint that declares no users and connects to the secured one' {
        $connections = @(Connect-CloudEndpoint -Name 'ovh-rbx', 'onprem-lon' -Credential $script:Operator -WarningVariable warnings -WarningAction SilentlyContinue)
        $connections.Count | Should -Be 1
        $connections[0].Name | Should -Be 'onprem-lon'
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "Endpoint 'ovh-rbx' declares no users*"
    }

    It 'disconnects piped connections, which then say IsConnected False' {
        $connections = @(Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Operator)
        $ended = @($connections | Disconnect-CloudEndpoint -PassThru -Confirm:$false)
        $ended.Count | Should -Be 2
        $connections.IsConnected | Sort-Object -Unique | Should -BeFalse
        { Get-CloudVM -Name 'crm-web01' -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,HybridCmdlets.Commands.GetCloudVMCommand'
    }

    It 'disconnects everything without -Name, and an endpoint not connected is no error' {
        $connections = @(Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Auditor)
        Disconnect-CloudEndpoint -Name 'onprem-lon' -Confirm:$false
        $connections[0].IsConnected | Should -BeFalse
        $connections[1].IsConnected | Should -BeTrue
        { Disconnect-CloudEndpoint -Name 'onprem-lon' -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        Disconnect-CloudEndpoint -Confirm:$false
        $connections[1].IsConnected | Should -BeFalse
    }

    It 'ends the connections when another lab is opened' {
        $connections = @(Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Admin)
        Reset-HybridLab
        $connections | ForEach-Object { $_.IsConnected | Should -BeFalse }
    }
}

Describe 'Permission errors' {
    BeforeEach {
        $null = Open-SecuredLab
    }

    It 'lets a ReadOnly user list and test, and refuses the move with PermissionDenied naming the privilege' {
        $null = Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Auditor
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
        (Get-CloudVM -Name 'crm-web01' | Test-MigrationReadiness -Destination 'avs-westeurope').Verdict | Should -Not -BeNullOrEmpty

        $record = { Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -ErrorAction Stop } |
            Should -Throw -ErrorId 'PermissionDenied,HybridCmdlets.Commands.MoveCloudVMCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $record.TargetObject | Should -Be 'crm-web01'
        $record.Exception.Message | Should -BeLike '*Resource.HotMigrate*'
        $record.Exception.Message | Should -BeLike "*endpoint 'onprem-lon'*"
        $record.Exception.Message | Should -BeLike '*ReadOnly*'
        $record.ErrorDetails.RecommendedAction | Should -BeLike '*Operator or Administrator*'

        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
        Get-CloudTask | Should -BeNullOrEmpty
    }

    It 'moves across endpoints only with a connection and the right role on both sides' {
        $null = Connect-CloudEndpoint -Name 'onprem-lon' -Credential $script:Operator
        $record = { Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,HybridCmdlets.Commands.MoveCloudVMCommand' -PassThru
        $record.Exception.Message | Should -BeLike "*'avs-westeurope'*"

        $null = Connect-CloudEndpoint -Name 'avs-westeurope' -Credential $script:Auditor
        $record = { Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope' -ErrorAction Stop } |
            Should -Throw -ErrorId 'PermissionDenied,HybridCmdlets.Commands.MoveCloudVMCommand' -PassThru
        $record.Exception.Message | Should -BeLike '*Resource.AssignVMToPool*'

        $null = Connect-CloudEndpoint -Name 'avs-westeurope' -Credential $script:Operator
        $result = Move-CloudVM -VM 'crm-web01' -Destination 'avs-westeurope'
        $result.Status | Should -Be 'Succeeded'
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'avs-westeurope'
    }

    It 'goes on past a VM it may not touch and moves the rest of the wave' {
        # pilot-web01 runs on avs-westeurope, to which this session is not connected.
        $null = Connect-CloudEndpoint -Name 'onprem-lon' -Credential $script:Operator
        $results = @(Move-CloudVM -VM 'pilot-web01', 'crm-web01' -Destination 'gcve-europe-west2' -ErrorAction SilentlyContinue -ErrorVariable moveErrors)
        $moveErrors.Count | Should -Be 1
        $moveErrors[0].FullyQualifiedErrorId | Should -Be 'NotConnected,HybridCmdlets.Commands.MoveCloudVMCommand'
        $moveErrors[0].TargetObject | Should -Be 'pilot-web01'
        $results.Count | Should -Be 1
        $results[0].VM | Should -Be 'crm-web01'
        $results[0].Status | Should -Be 'Succeeded'
    }

    It 'leaves creating and removing VMs to an Administrator (PermissionDenied)' {
        $null = Connect-CloudEndpoint -Name 'onprem-lon' -Credential $script:Operator
        $record = { New-CloudVM -Name 'ops-new01' -Endpoint 'onprem-lon' -ErrorAction Stop } |
            Should -Throw -ErrorId 'PermissionDenied,HybridCmdlets.Commands.NewCloudVMCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $record.Exception.Message | Should -BeLike '*VirtualMachine.Inventory.Create*'
        { Remove-CloudVM -VM 'crm-web01' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'PermissionDenied,HybridCmdlets.Commands.RemoveCloudVMCommand'
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'

        $null = Connect-CloudEndpoint -Name 'onprem-lon' -Credential $script:Admin
        (New-CloudVM -Name 'ops-new01' -Endpoint 'onprem-lon').Name | Should -Be 'ops-new01'
    }
}

# Once run through Connect-CloudEndpoint's and Move-CloudVM's command cores (AccessCoreTests); now as a user types them.
Describe 'Access checks the cmdlets make' {
    BeforeEach {
        $null = Open-SecuredLab
    }

    AfterEach {
        Disconnect-CloudEndpoint -Confirm:$false
    }

    It 'checks a piped connect''s password once, so one wrong password counts once towards the lockout' {
        $wrong = New-TestCredential -UserName 'operator' -Password 'wrong-password'
        $null = Get-CloudEndpoint 'onprem-lon', 'avs-westeurope', 'onprem-lon' | Connect-CloudEndpoint -Credential $wrong -ErrorAction SilentlyContinue -ErrorVariable connectErrors
        $connectErrors.Count | Should -Be 1
        $connectErrors[0].FullyQualifiedErrorId | Should -Be 'InvalidLogin,HybridCmdlets.Commands.ConnectCloudEndpointCommand'
        # Five failures lock a name out: after this one and three more, the right password still gets in.
        1..3 | ForEach-Object { $null = Connect-CloudEndpoint 'onprem-lon' -Credential $wrong -ErrorAction SilentlyContinue }
        (Connect-CloudEndpoint 'onprem-lon' -Credential $script:Operator).Name | Should -Be 'onprem-lon'
    }

    It 'refuses a user on an endpoint where it has no role and connects it where it has one' {
        $null = Connect-CloudEndpoint 'onprem-lon', 'avs-westeurope' -Credential $script:Admin
        $null = New-CloudUser -Credential (New-TestCredential -UserName 'contractor' -Password 'C0ntract-Sesame') -Confirm:$false
        $null = New-CloudPermission -Endpoint 'avs-westeurope' -Principal 'contractor' -Role Operator -Confirm:$false
        $connections = @(Connect-CloudEndpoint 'onprem-lon', 'avs-westeurope' -Credential (New-TestCredential -UserName 'contractor' -Password 'C0ntract-Sesame') -ErrorAction SilentlyContinue -ErrorVariable connectErrors)
        $connectErrors.Count | Should -Be 1
        $connectErrors[0].FullyQualifiedErrorId | Should -Be 'PermissionDenied,HybridCmdlets.Commands.ConnectCloudEndpointCommand'
        $connections.Name | Should -Be 'avs-westeurope'
    }

    It 'lets Test-MigrationReadiness judge a move only with a connection at the destination (NotConnected)' {
        $null = Connect-CloudEndpoint 'onprem-lon' -Credential $script:Auditor
        $readiness = Test-MigrationReadiness 'crm-web01' -Destination 'avs-westeurope' -ErrorAction SilentlyContinue -ErrorVariable testErrors
        $readiness | Should -BeNullOrEmpty
        $testErrors.Count | Should -Be 1
        $testErrors[0].FullyQualifiedErrorId | Should -Be 'NotConnected,HybridCmdlets.Commands.TestMigrationReadinessCommand'
    }

    It 'moves to an open endpoint with a connection at the source alone' {
        $null = Connect-CloudEndpoint 'onprem-lon' -Credential $script:Operator
        (Move-CloudVM 'crm-web01' -Destination 'gcve-europe-west2').Status | Should -Be 'Succeeded'
    }

    It 'takes the move privileges at both ends to stop a task (PermissionDenied names the task)' {
        $null = Connect-CloudEndpoint 'onprem-lon', 'avs-westeurope' -Credential $script:Operator
        $task = Move-CloudVM 'crm-web01' -Destination 'avs-westeurope' -RunAsync
        $null = Connect-CloudEndpoint 'avs-westeurope' -Credential $script:Auditor
        $task | Stop-CloudTask -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable stopErrors
        $stopErrors.Count | Should -Be 1
        $stopErrors[0].FullyQualifiedErrorId | Should -Be 'PermissionDenied,HybridCmdlets.Commands.StopCloudTaskCommand'
        $stopErrors[0].TargetObject | Should -Be $task.Id
        $task.IsFinished | Should -BeFalse

        $null = Connect-CloudEndpoint 'avs-westeurope' -Credential $script:Operator
        $task | Stop-CloudTask -Confirm:$false
        $task.State | Should -Be 'Canceled'
    }

    It 'leaves importing an inventory to an Administrator, and changes nothing otherwise' {
        $null = Connect-CloudEndpoint 'onprem-lon' -Credential $script:Operator
        { Import-CloudInventory -Path (Join-Path $PSScriptRoot '../../examples/rvtools/vInfo.csv') -Endpoint 'onprem-lon' -Confirm:$false } |
            Should -Throw -ErrorId 'PermissionDenied,HybridCmdlets.Commands.ImportCloudInventoryCommand'
        (Get-HybridLab).IsModified | Should -BeFalse
    }
}

# Issue 14: the lab's own controls need privileges only Administrator holds, on the endpoints they concern.
Describe 'Changing the lab itself' {
    BeforeEach {
        $null = Open-SecuredLab
    }

    AfterEach {
        Reset-AccessLab
    }

    It 'does not let a ReadOnly user grant itself Administrator and then remove VMs' {
        $null = Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Auditor
        $record = { New-CloudPermission -Endpoint 'onprem-lon' -Principal 'auditor' -Role Administrator -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'PermissionDenied,HybridCmdlets.Commands.NewCloudPermissionCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $record.Exception.Message | Should -BeLike "*Authorization.ModifyPermissions on endpoint 'onprem-lon'*holds the role ReadOnly*"
        $record.ErrorDetails.RecommendedAction | Should -BeLike '*Administrator*'
        (Get-CloudPermission -Endpoint 'onprem-lon' | Where-Object Principal -EQ 'auditor').Role | Should -Be 'ReadOnly'

        { Remove-CloudVM -VM 'crm-web01' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'PermissionDenied,HybridCmdlets.Commands.RemoveCloudVMCommand'
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
        (Get-HybridLab).IsModified | Should -BeFalse
    }

    It 'refuses <Command> to a ReadOnly user with PermissionDenied naming <Privilege>, and changes nothing' -ForEach @(
        @{ Command = 'Set-CloudLink'; Privilege = 'Host.Config.Network'; Run = { Set-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope' -BandwidthMbps 100 -Confirm:$false -ErrorAction Stop } }
        @{ Command = 'Add-CloudFault'; Privilege = 'Global.Diagnostics'; Run = { Add-CloudFault LinkDown -Target 'onprem-lon <-> avs-westeurope' -After '00:05:00' -Confirm:$false -ErrorAction Stop } }
        @{ Command = 'New-CloudUser'; Privilege = 'Authorization.ModifyPermissions'; Run = { New-CloudUser -Credential (New-TestCredential -UserName 'mallory' -Password 'M4llory-Sesame') -Confirm:$false -ErrorAction Stop } }
        @{ Command = 'Set-HybridLabOption'; Privilege = 'Global.Settings'; Run = { Set-HybridLabOption -TimeScale 60 -Confirm:$false -ErrorAction Stop } }
        @{ Command = 'Save-HybridLab'; Privilege = 'Global.Settings'; Run = { Save-HybridLab -Path (Join-Path $TestDrive 'stolen.json') -Confirm:$false -ErrorAction Stop } }
        @{ Command = 'Open-HybridLab'; Privilege = 'Global.Settings'; Run = { Open-HybridLab -Default -Confirm:$false -ErrorAction Stop } }
    ) {
        $null = Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Auditor
        $before = Get-HybridLab
        $bandwidth = (Get-CloudLink | Where-Object { $_.Source -eq 'onprem-lon' -and $_.Destination -eq 'avs-westeurope' }).BandwidthMbps
        $record = $Run | Should -Throw -ErrorId "PermissionDenied,*" -PassThru
        $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $record.Exception.Message | Should -BeLike "*the privilege $Privilege on endpoint 'onprem-lon'*user 'auditor' holds the role ReadOnly*Nothing was changed.*"

        $after = Get-HybridLab
        $after.Path | Should -Be $before.Path
        $after.IsModified | Should -BeFalse
        $after.TimeScale | Should -Be $before.TimeScale
        @(Get-CloudFault).Count | Should -Be 0
        (Get-CloudLink | Where-Object { $_.Source -eq 'onprem-lon' -and $_.Destination -eq 'avs-westeurope' }).BandwidthMbps | Should -Be $bandwidth
        Join-Path $TestDrive 'stolen.json' | Should -Not -Exist
        @(Get-CloudPermission).Count | Should -Be 6
        (Get-CloudVM -Name 'crm-web01').Endpoint | Should -Be 'onprem-lon'
    }

    It 'refuses them without a connection (NotConnected) and to an Operator, and lets the Administrator change the link' {
        { Set-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope' -BandwidthMbps 100 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,HybridCmdlets.Commands.SetCloudLinkCommand'
        $null = Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Operator
        $record = { Set-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope' -BandwidthMbps 100 -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'PermissionDenied,HybridCmdlets.Commands.SetCloudLinkCommand' -PassThru
        $record.Exception.Message | Should -BeLike '*Host.Config.Network*holds the role Operator*'

        $null = Connect-CloudEndpoint -Name 'onprem-lon', 'avs-westeurope' -Credential $script:Admin
        (Set-CloudLink -Source 'onprem-lon' -Destination 'avs-westeurope' -BandwidthMbps 100 -Confirm:$false -PassThru).BandwidthMbps | Should -Be 100
    }
}
