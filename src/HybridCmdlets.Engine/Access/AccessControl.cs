using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// Who may do what in a lab: its users, their roles per endpoint, and this session's connections. An endpoint on
    /// which no role is granted is open: everyone may do everything there without connecting, as in a lab that
    /// declares no users at all. One that has a role granted is secured, as a vCenter is: each operation needs a
    /// connection to it whose role holds the privilege the operation needs.
    /// </summary>
    public sealed class AccessControl
    {
        /// <summary>vCenter Single Sign-On's default password policy asks for at least 8 characters.</summary>
        public const int MinimumPasswordLength = 8;

        private readonly object gate = new object();
        private readonly Estate estate;
        private readonly LoginThrottle throttle;
        private readonly Dictionary<string, CloudUser> users = new Dictionary<string, CloudUser>(Names.Comparer);
        /// <summary>The users in the order they were declared, which is the order they are saved in.</summary>
        private readonly List<CloudUser> declared = new List<CloudUser>();
        private readonly List<CloudPermission> permissions = new List<CloudPermission>();
        private readonly HashSet<string> secured = new HashSet<string>(Names.Comparer);
        private readonly Dictionary<string, CloudConnection> connections = new Dictionary<string, CloudConnection>(Names.Comparer);

        internal AccessControl(LabAccess? document, Estate estate, LoginThrottle throttle)
        {
            this.estate = estate;
            this.throttle = throttle;
            foreach (var user in document?.Users ?? new List<CloudUser>())
            {
                var copy = new CloudUser { Name = user.Name, PasswordHash = user.PasswordHash };
                users[copy.Name] = copy;
                declared.Add(copy);
            }

            foreach (var permission in document?.Permissions ?? new List<CloudPermission>())
            {
                permissions.Add(new CloudPermission { Principal = permission.Principal, Endpoint = permission.Endpoint, Role = permission.Role });
                secured.Add(permission.Endpoint);
            }
        }

        /// <summary>The roles granted, in the order they were granted.</summary>
        public IReadOnlyList<CloudPermission> Permissions { get { lock (gate) return permissions.ToArray(); } }

        public IReadOnlyList<CloudUser> Users { get { lock (gate) return declared.ToArray(); } }

        /// <summary>The endpoints this session is connected to, and as whom.</summary>
        public IReadOnlyList<CloudConnection> Connections { get { lock (gate) return connections.Values.ToArray(); } }

        /// <summary>True when a role is granted on the endpoint, so that it takes a connection to use it.</summary>
        public bool IsSecured(string endpoint)
        {
            lock (gate) return secured.Contains(endpoint);
        }

        /// <summary>The endpoints that have a role granted, in the order of their first grant: where a lab-wide change is checked.</summary>
        public IReadOnlyList<string> SecuredEndpoints
        {
            get { lock (gate) return permissions.Select(p => p.Endpoint).Distinct(Names.Comparer).ToArray(); }
        }

        /// <summary>True when this session may see the endpoint's inventory: it is open, or connected.</summary>
        public bool CanRead(string endpoint)
        {
            lock (gate) return !secured.Contains(endpoint) || connections.ContainsKey(endpoint);
        }

        /// <summary>The secured endpoints this session is not connected to, as a set to filter VMs with.</summary>
        public HashSet<string> Unreadable()
        {
            lock (gate)
            {
                var hidden = new HashSet<string>(secured, Names.Comparer);
                hidden.ExceptWith(connections.Keys);
                return hidden;
            }
        }

        public AccessRole? RoleOf(string user, string endpoint)
        {
            lock (gate)
            {
                var permission = permissions.FirstOrDefault(p => Names.Equal(p.Principal, user) && Names.Equal(p.Endpoint, endpoint));
                return permission?.Role;
            }
        }

        /// <summary>
        /// Checks the password of <paramref name="user"/>. A wrong password and an unknown user are the same
        /// InvalidLogin error; both count towards the name's lockout, and a locked name is refused (LoginThrottled)
        /// before any password is checked. Every login costs the same, whatever the name, the password and the
        /// iteration count of the user's hash: it verifies at the user's count, then spends the iterations missing up
        /// to the highest count among the lab's users (all of them for an unknown name).
        /// </summary>
        public Login LogIn(string user, SecureString? password)
        {
            // PowerShell's [pscredential]::Empty has no password: it is a wrong one, not a crash.
            password ??= new SecureString();
            if (throttle.LockedUntil(user) is DateTime until) throw EngineErrors.LoginThrottled(user, until, LoginThrottle.MaxFailures, LoginThrottle.FailureWindow, LoginThrottle.LockoutPeriod);
            CloudUser? account;
            int highest;
            lock (gate)
            {
                users.TryGetValue(user, out account);
                highest = HighestIterations();
            }

            var verified = account != null && PasswordHash.Verify(password, account.PasswordHash);
            var spent = account == null ? 0 : PasswordHash.IterationsOf(account.PasswordHash) ?? 0;
            // So that the time taken tells neither a wrong name from a wrong password nor one user's hash from another's.
            PasswordHash.Spend(highest - spent);
            if (account == null || !verified)
            {
                throttle.Failed(user);
                throw EngineErrors.InvalidLogin(user);
            }

            throttle.Succeeded(user);
            return new Login(this, account.Name);
        }

        /// <summary>What every login costs: the highest iteration count among the users (the default one when there are none). Callers hold the gate.</summary>
        private int HighestIterations() =>
            declared.Select(u => PasswordHash.IterationsOf(u.PasswordHash) ?? 0).DefaultIfEmpty(PasswordHash.DefaultIterations).Max();

        /// <summary>
        /// Connects this session to a secured endpoint as a logged-in user, replacing any connection it had there.
        /// A user with no role there is refused (PermissionDenied), as vCenter refuses a login without System.Read.
        /// </summary>
        public CloudConnection Connect(Login login, string endpoint)
        {
            if (!ReferenceEquals(login.Issuer, this)) throw new ArgumentException("The login was made in another lab.", nameof(login));
            var name = estate.GetEndpoint(endpoint).Name;
            if (!(RoleOf(login.User, name) is AccessRole))
            {
                throw EngineErrors.NoRoleOnEndpoint(login.User, name, Privileges.Read);
            }

            lock (gate)
            {
                var connection = new CloudConnection(this, name, login.User);
                connections[name] = connection;
                return connection;
            }
        }

        /// <summary>Ends the session's connection to the endpoint; null when there was none.</summary>
        public CloudConnection? Disconnect(string endpoint)
        {
            lock (gate)
            {
                if (!connections.TryGetValue(endpoint, out var connection)) return null;
                connections.Remove(endpoint);
                return connection;
            }
        }

        /// <summary>Another lab replaces this one: its connections end with it.</summary>
        internal void DisconnectAll()
        {
            lock (gate) connections.Clear();
        }

        internal bool IsCurrent(CloudConnection connection)
        {
            lock (gate) return connections.TryGetValue(connection.Name, out var current) && ReferenceEquals(current, connection);
        }

        /// <summary>
        /// Throws, and so changes nothing, unless every endpoint the operation touches is open, or connected with a
        /// role that holds the privilege it needs there: NotConnected, or PermissionDenied naming the privilege.
        /// </summary>
        public void Demand(AccessDemand demand)
        {
            foreach (var (endpoint, privilege) in demand.Needs)
            {
                CloudConnection? connection;
                AccessRole? role;
                lock (gate)
                {
                    if (!secured.Contains(endpoint)) continue;
                    connections.TryGetValue(endpoint, out connection);
                    role = connection == null ? null : RoleOf(connection.User, endpoint);
                }

                if (connection == null) throw EngineErrors.NotConnected(endpoint, demand.Operation, demand.Target);
                if (!(role is AccessRole held) || !Privileges.Grants(held, privilege))
                {
                    throw EngineErrors.PermissionDenied(demand.Operation, privilege, endpoint, connection.User, role, Privileges.RolesGranting(privilege), demand.Target);
                }
            }
        }

        /// <summary>
        /// Declares a user with a salted hash of the password (New-CloudUser); the password is not kept. Needs
        /// Authorization.ModifyPermissions on every secured endpoint (PermissionDenied or NotConnected, nothing declared).
        /// </summary>
        public CloudUser AddUser(string name, SecureString password) => AddUser(name, password, PasswordHash.DefaultIterations);

        /// <summary>As <see cref="AddUser(string, SecureString)"/>, with a cheaper hash for tests.</summary>
        internal CloudUser AddUser(string name, SecureString password, int iterations)
        {
            if (!Names.IsValidObjectName(name)) throw EngineErrors.InvalidName("user name", name);
            if (password == null || password.Length < MinimumPasswordLength) throw EngineErrors.PasswordTooShort(name, MinimumPasswordLength);
            Demand(AccessDemand.AddUser(name, SecuredEndpoints));
            ThrowIfUserExists(name);

            // Hashed outside the lock: it takes a good part of a second.
            var user = new CloudUser { Name = name, PasswordHash = PasswordHash.Create(password, iterations) };
            lock (gate)
            {
                ThrowIfUserExists(name);
                users.Add(name, user);
                declared.Add(user);
            }

            return user;
        }

        private void ThrowIfUserExists(string name)
        {
            lock (gate)
            {
                if (users.ContainsKey(name)) throw EngineErrors.UserNameInUse(users[name].Name);
            }
        }

        /// <summary>True when the lab declares a user of that name (in any case).</summary>
        public bool HasUser(string name)
        {
            lock (gate) return users.ContainsKey(name);
        }

        /// <summary>
        /// Grants <paramref name="role"/> to a user on an endpoint, or changes the role the user has there: one
        /// permission per user and endpoint, as vCenter keeps one per principal and object. The endpoint is secured from now on.
        /// On a secured endpoint it needs Authorization.ModifyPermissions and every privilege of the role granted, held
        /// through this session's connection there (an Administrator): PermissionDenied or NotConnected, and nothing changes.
        /// </summary>
        public CloudPermission Grant(string principal, string endpoint, AccessRole role)
        {
            if (!Enum.IsDefined(typeof(AccessRole), role)) throw EngineErrors.ValueOutOfRange("Role", role, "ReadOnly, Operator or Administrator");
            var endpointName = estate.GetEndpoint(endpoint).Name;
            Demand(AccessDemand.Grant(principal, endpointName, role));
            lock (gate)
            {
                if (!users.TryGetValue(principal, out var user)) throw EngineErrors.UserNotFound(principal);
                var existing = permissions.FirstOrDefault(p => Names.Equal(p.Principal, user.Name) && Names.Equal(p.Endpoint, endpointName));
                if (existing != null)
                {
                    existing.Role = role;
                    return existing;
                }

                var permission = new CloudPermission { Principal = user.Name, Endpoint = endpointName, Role = role };
                permissions.Add(permission);
                secured.Add(endpointName);
                return permission;
            }
        }

        /// <summary>The section of the lab file; null when the lab declares nothing, so that such a lab saves as before.</summary>
        internal LabAccess? ToDocument()
        {
            lock (gate)
            {
                if (users.Count == 0 && permissions.Count == 0) return null;
                return new LabAccess
                {
                    Users = declared.Select(u => new CloudUser { Name = u.Name, PasswordHash = u.PasswordHash }).ToList(),
                    Permissions = permissions.Select(p => new CloudPermission { Principal = p.Principal, Endpoint = p.Endpoint, Role = p.Role }).ToList(),
                };
            }
        }
    }
}
