using System;
using System.Security;
using System.Threading;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Testing
{
    /// <summary>
    /// Labs with users for the access-control tests of both projects: the default lab with an administrator, an
    /// operator and a read-only auditor, hashed at the lowest cost a lab file takes, so that a login costs tens of
    /// milliseconds and a lab saved by a test opens again.
    /// </summary>
    internal static class AccessFixtures
    {
        public const string AdminPassword = "Adm1n-Sesame!";
        public const string OperatorPassword = "0perat0r-Sesame!";
        public const string AuditorPassword = "Aud1tor-Sesame!";

        /// <summary>
        /// onprem-lon and avs-westeurope are secured: admin is Administrator on both, operator is Operator on both, and
        /// auditor is ReadOnly on both and Operator on nothing. The other endpoints stay open.
        /// </summary>
        public static LabSession SecuredLab(IWallClock? clock = null)
        {
            var lab = LabSession.FromDocument(LabGenerator.CreateDefault(), clock ?? new ManualClock());
            AddUsers(lab.Access);
            var endpoints = new[] { "onprem-lon", "avs-westeurope" };
            // The first grant secures an open endpoint; the others need an Administrator connected there.
            foreach (var endpoint in endpoints) lab.Access.Grant("admin", endpoint, AccessRole.Administrator);
            ConnectAs(lab, "admin", AdminPassword, endpoints);
            foreach (var endpoint in endpoints)
            {
                lab.Access.Grant("operator", endpoint, AccessRole.Operator);
                lab.Access.Grant("auditor", endpoint, AccessRole.ReadOnly);
                lab.Access.Disconnect(endpoint);
            }

            return lab;
        }

        public static void AddUsers(AccessControl access)
        {
            access.AddUser("admin", Secure(AdminPassword), PasswordHash.MinimumIterations);
            access.AddUser("operator", Secure(OperatorPassword), PasswordHash.MinimumIterations);
            access.AddUser("auditor", Secure(AuditorPassword), PasswordHash.MinimumIterations);
        }

        /// <summary>Connects the lab's session to both secured endpoints of <see cref="SecuredLab"/> as its Administrator, who may change the lab itself.</summary>
        public static void ConnectAsAdmin(LabSession lab) => ConnectAs(lab, "admin", AdminPassword, "onprem-lon", "avs-westeurope");

        /// <summary>Connects the lab's session to each endpoint as the user.</summary>
        public static void ConnectAs(LabSession lab, string user, string password, params string[] endpoints)
        {
            var login = lab.Access.LogIn(user, Secure(password));
            foreach (var endpoint in endpoints) lab.Access.Connect(login, endpoint);
        }

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }

    /// <summary>A wall clock that moves only when told: lockout tests pass minutes without sleeping.</summary>
    internal sealed class ManualClock : IWallClock
    {
        public DateTime UtcNow { get; private set; } = new DateTime(2030, 1, 1, 8, 0, 0, DateTimeKind.Utc);

        public void Advance(TimeSpan by) => UtcNow += by;

        public void Sleep(TimeSpan duration, CancellationToken cancellation) => UtcNow += duration;
    }
}
