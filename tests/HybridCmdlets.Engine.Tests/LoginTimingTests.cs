using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Testing;
using Xunit.Abstractions;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>Timing tests run alone: the other tests would share the two cores with what they measure.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class TimingCollection
    {
        public const string Name = "Timing";
    }

    /// <summary>
    /// Issue 14: login time must not tell an unknown name from a wrong password, nor one user's iteration count from
    /// another's. Time follows work, and the work of a login is its PBKDF2 iterations: the lab has a user at 20,000
    /// iterations and one at 120,000 (×6), and every login, whatever its outcome, must run the same 120,000. Counting
    /// them is exact; the timing test below compares the distributions of the times themselves, as the issue asks,
    /// with the slack a shared machine needs (bench/pwsh/Measure-LoginTiming.ps1 times the same in pwsh).
    /// </summary>
    [Collection(TimingCollection.Name)]
    public class LoginTimingTests
    {
        private const int Rounds = 11;
        /// <summary>Medians may differ by this factor at most; the ×6 the test guards against is far outside it.</summary>
        private const double MedianTolerance = 2.0;
        /// <summary>
        /// The chance that a login of the slowest kind takes longer than <see cref="Margin"/> times one of the fastest
        /// (Mann-Whitney's common-language effect size, against a scaled distribution): near 0 for one distribution,
        /// 1.0 for the ×6 this guards against. The margin keeps a real but negligible difference from failing it.
        /// </summary>
        private const double MaxProbabilityOfSlower = 0.9;
        private const double Margin = 1.5;
        /// <summary>
        /// A burst of load from another process can skew one sample; a real difference in cost skews every one. So a
        /// sample that looks unequal is measured again, and the test fails only when all of them do.
        /// </summary>
        private const int Attempts = 5;

        private readonly ITestOutputHelper output;

        public LoginTimingTests(ITestOutputHelper output) => this.output = output;

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
    
        [Fact]
        public void Login_times_have_one_distribution_whatever_the_name_the_password_and_the_users_iteration_count()
        {
            var clock = new ManualClock();
            var lab = LabSession.FromDocument(LabGenerator.CreateDefault(), clock);
            lab.Access.AddUser("cheap", AccessFixtures.Secure("Cheap-Sesame-1"), 20_000);
            lab.Access.AddUser("costly", AccessFixtures.Secure("Costly-Sesame-1"), 120_000);
            var kinds = new (string Kind, string User, string Password, bool Succeeds)[]
            {
                ("unknown user", "nobody", "Cheap-Sesame-1", false),
                ("wrong password, 20,000 iterations", "cheap", "wrong-password", false),
                ("wrong password, 120,000 iterations", "costly", "wrong-password", false),
                ("right password, 20,000 iterations", "cheap", "Cheap-Sesame-1", true),
            };

            string? problem = null;
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                problem = Problem(Measure(lab, clock, kinds));
                output.WriteLine("attempt " + attempt + ": " + (problem ?? "one distribution"));
                if (problem == null) return;
            }

            Assert.Fail(problem);
        }

        private Dictionary<string, double[]> Measure(LabSession lab, ManualClock clock, (string Kind, string User, string Password, bool Succeeds)[] kinds)
        {
            var times = kinds.ToDictionary(k => k.Kind, _ => new List<double>());
            for (var round = -1; round < Rounds; round++)
            {
                // Interleaved and rotated, so that a burst of load elsewhere falls on every kind alike; round -1 warms up.
                for (var i = 0; i < kinds.Length; i++)
                {
                    var (kind, user, password, succeeds) = kinds[(i + Math.Max(round, 0)) % kinds.Length];
                    // Past the lockout: the wrong passwords must stay InvalidLogin, not LoginThrottled.
                    clock.Advance(LoginThrottle.LockoutPeriod + LoginThrottle.FailureWindow);
                    var watch = Stopwatch.StartNew();
                    var error = Record.Exception(() => lab.Access.LogIn(user, AccessFixtures.Secure(password)));
                    watch.Stop();
                    if (succeeds) Assert.Null(error);
                    else Assert.Equal("InvalidLogin", Assert.IsType<HybridException>(error).ErrorId);
                    if (round >= 0) times[kind].Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            foreach (var t in times) output.WriteLine($"{t.Key}: median {Median(t.Value):F1} ms, min {t.Value.Min():F1}, max {t.Value.Max():F1}");
            return times.ToDictionary(t => t.Key, t => t.Value.ToArray());
        }

        /// <summary>Null when the kinds' times look like one distribution: medians within the tolerance, and the slowest kind not above the fastest almost always.</summary>
        private static string? Problem(Dictionary<string, double[]> times)
        {
            var byMedian = times.OrderBy(t => Median(t.Value)).ToArray();
            var (fastest, slowest) = (byMedian.First(), byMedian.Last());
            var describe = string.Join("; ", byMedian.Select(t => $"{t.Key} median {Median(t.Value):F1} ms"));
            if (Median(slowest.Value) > Median(fastest.Value) * MedianTolerance) return "Medians differ more than ×" + MedianTolerance + ": " + describe;
            var slower = ProbabilityOfSlower(slowest.Value, fastest.Value.Select(t => t * Margin).ToArray());
            if (slower > MaxProbabilityOfSlower) return $"'{slowest.Key}' took over ×{Margin} the time of '{fastest.Key}' in {slower:P0} of pairs: {describe}";
            return null;
        }

        /// <summary>The share of pairs (x from <paramref name="a"/>, y from <paramref name="b"/>) with x &gt; y, ties counting half.</summary>
        private static double ProbabilityOfSlower(double[] a, double[] b) =>
            a.Sum(x => b.Sum(y => x > y ? 1.0 : x == y ? 0.5 : 0.0)) / (a.Length * (double)b.Length);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
