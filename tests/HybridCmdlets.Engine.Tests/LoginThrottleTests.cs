using System;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    public class LoginThrottleTests
    {
        private readonly ManualClock clock = new ManualClock();

        [Fact]
        public void Five_failures_within_three_minutes_lock_the_name_for_five_minutes()
        {
            var throttle = new LoginThrottle(clock);
            for (var i = 0; i < 4; i++)
            {
                throttle.Failed("alice");
                clock.Advance(TimeSpan.FromSeconds(30));
            }

            Assert.Null(throttle.LockedUntil("alice"));
            throttle.Failed("ALICE");
            var lockedAt = clock.UtcNow;
            Assert.Equal(lockedAt + TimeSpan.FromMinutes(5), throttle.LockedUntil("alice"));
            Assert.Null(throttle.LockedUntil("bob"));

            clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
            Assert.NotNull(throttle.LockedUntil("Alice"));
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Null(throttle.LockedUntil("alice"));
        }

        [Fact]
        public void Failures_spread_over_more_than_the_window_do_not_lock()
        {
            var throttle = new LoginThrottle(clock);
            for (var i = 0; i < 20; i++)
            {
                throttle.Failed("alice");
                clock.Advance(TimeSpan.FromSeconds(50));
                Assert.Null(throttle.LockedUntil("alice"));
            }
        }

        [Fact]
        public void A_successful_login_forgets_the_earlier_failures()
        {
            var throttle = new LoginThrottle(clock);
            for (var i = 0; i < 4; i++) throttle.Failed("alice");
            throttle.Succeeded("alice");
            for (var i = 0; i < 4; i++) throttle.Failed("alice");
            Assert.Null(throttle.LockedUntil("alice"));
            throttle.Failed("alice");
            Assert.NotNull(throttle.LockedUntil("alice"));
        }
    }
}
