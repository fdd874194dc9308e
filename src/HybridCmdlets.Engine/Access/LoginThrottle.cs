using System;
using System.Collections.Generic;
using System.Linq;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// vCenter Single Sign-On's lockout policy: five failed logins for one user name within three minutes lock that
    /// name for five minutes, whether or not such a user exists, and even the right password is refused meanwhile.
    /// It runs on the wall clock, not the lab's virtual one: it guards people typing, not simulated time.
    /// </summary>
    public sealed class LoginThrottle
    {
        public const int MaxFailures = 5;
        public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(3);
        public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(5);

        private readonly object gate = new object();
        private readonly IWallClock clock;
        private readonly Dictionary<string, List<DateTime>> failures = new Dictionary<string, List<DateTime>>(Names.Comparer);
        private readonly Dictionary<string, DateTime> lockedUntil = new Dictionary<string, DateTime>(Names.Comparer);

        public LoginThrottle(IWallClock clock) => this.clock = clock;

        /// <summary>When logins as <paramref name="user"/> are allowed again, or null when they are allowed now.</summary>
        public DateTime? LockedUntil(string user)
        {
            lock (gate)
            {
                if (!lockedUntil.TryGetValue(user, out var until)) return null;
                if (clock.UtcNow < until) return until;
                lockedUntil.Remove(user);
                return null;
            }
        }

        /// <summary>Counts a failed login; the fifth within the window locks the name.</summary>
        public void Failed(string user)
        {
            lock (gate)
            {
                var now = clock.UtcNow;
                if (!failures.TryGetValue(user, out var times)) failures[user] = times = new List<DateTime>();
                times.RemoveAll(t => now - t >= FailureWindow);
                times.Add(now);
                if (times.Count >= MaxFailures)
                {
                    lockedUntil[user] = now + LockoutPeriod;
                    times.Clear();
                }

                // Names nobody has failed with lately are forgotten, so guessed names do not pile up.
                foreach (var stale in failures.Where(f => f.Value.Count == 0 || now - f.Value[f.Value.Count - 1] >= FailureWindow).Select(f => f.Key).ToList())
                {
                    failures.Remove(stale);
                }
            }
        }

        /// <summary>A successful login forgets the name's earlier failures, as SSO does.</summary>
        public void Succeeded(string user)
        {
            lock (gate) failures.Remove(user);
        }
    }
}
