using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Issue 14: login time must not tell an unknown name from a wrong password, nor one user's iteration count from
    /// another's. Time follows work, and the work of a login is its PBKDF2 iterations: the lab has a user at 20,000
    /// iterations and one at 120,000 (×6), and every login, whatever its outcome, must run the same 120,000. Counting
    /// them is exact; a stopwatch on a shared machine is not (bench/pwsh/Measure-LoginTiming.ps1 times it in pwsh).
    /// </summary>
    public class LoginTimingTests
    {
        [Theory]
        [InlineData("nobody", "Cheap-Sesame-1", false)]
        [InlineData("cheap", "wrong-password", false)]
        [InlineData("costly", "wrong-password", false)]
        [InlineData("cheap", "Cheap-Sesame-1", true)]
        [InlineData("costly", "Costly-Sesame-1", true)]
        public void Every_login_runs_the_iterations_of_the_costliest_user_whatever_the_name_and_the_password(string user, string password, bool succeeds)
        {
            var clock = new ManualClock();
            var lab = LabSession.FromDocument(LabGenerator.CreateDefault(), clock);
            lab.Access.AddUser("cheap", AccessFixtures.Secure("Cheap-Sesame-1"), 20_000);
            lab.Access.AddUser("costly", AccessFixtures.Secure("Costly-Sesame-1"), 120_000);

            var before = PasswordHash.IterationsOnThisThread;
            var error = Record.Exception(() => lab.Access.LogIn(user, AccessFixtures.Secure(password)));
            var spent = PasswordHash.IterationsOnThisThread - before;

            if (succeeds) Assert.Null(error);
            else Assert.Equal("InvalidLogin", Assert.IsType<HybridException>(error).ErrorId);
            Assert.Equal(120_000, spent);
        }

        [Fact]
        public void A_locked_name_is_refused_before_any_password_is_checked()
        {
            var clock = new ManualClock();
            var lab = LabSession.FromDocument(LabGenerator.CreateDefault(), clock);
            lab.Access.AddUser("cheap", AccessFixtures.Secure("Cheap-Sesame-1"), 20_000);
            foreach (var _ in Enumerable.Range(0, LoginThrottle.MaxFailures))
            {
                Assert.Throws<HybridException>(() => lab.Access.LogIn("cheap", AccessFixtures.Secure("wrong-password")));
            }

            var before = PasswordHash.IterationsOnThisThread;
            var error = Assert.Throws<HybridException>(() => lab.Access.LogIn("cheap", AccessFixtures.Secure("Cheap-Sesame-1")));
            Assert.Equal("LoginThrottled", error.ErrorId);
            Assert.Equal(0, PasswordHash.IterationsOnThisThread - before);
        }
    }
}
