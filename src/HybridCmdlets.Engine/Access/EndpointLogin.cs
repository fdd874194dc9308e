using System.Security;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Lab;

namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// One Connect-CloudEndpoint invocation's login: the password is checked once however many endpoints are piped in,
    /// so that a wrong one counts once towards the lockout and is reported once; after a refused login it connects nothing more.
    /// </summary>
    public sealed class EndpointLogin
    {
        private readonly LabSession lab;
        private readonly string user;
        private readonly SecureString? password;
        private Login? login;
        private AccessControl? loginLab;

        /// <param name="password">Handed to the engine as the SecureString it came in; it is not kept past the login.</param>
        public EndpointLogin(LabSession lab, string user, SecureString? password)
        {
            this.lab = lab;
            this.user = user;
            this.password = password;
        }

        public string User => user;

        /// <summary>True once the login was refused (InvalidLogin, LoginThrottled): trying the next endpoint would only count another failure.</summary>
        public bool Refused { get; private set; }

        /// <summary>Connects this session to a secured endpoint, logging in first if this invocation has not yet (or the lab was replaced).</summary>
        public CloudConnection Connect(string endpoint)
        {
            try
            {
                if (login == null || !ReferenceEquals(loginLab, lab.Access))
                {
                    loginLab = lab.Access;
                    login = lab.Access.LogIn(user, password);
                }

                return lab.Access.Connect(login, endpoint);
            }
            catch (HybridException error)
            {
                Refused = error.ErrorId == "InvalidLogin" || error.ErrorId == "LoginThrottled";
                throw;
            }
        }
    }
}
