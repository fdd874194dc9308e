using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;

namespace HybridCmdlets.Engine.Access
{
    /// <summary>
    /// A password as a lab keeps it: PBKDF2 with HMAC-SHA256, a random salt per user, and the iteration count in the
    /// text, so that a later default does not lock out the users of an older lab:
    /// <c>pbkdf2-sha256$600000$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>. The password itself is never stored.
    /// </summary>
    public static class PasswordHash
    {
        public const string Scheme = "pbkdf2-sha256";

        /// <summary>OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023).</summary>
        public const int DefaultIterations = 600_000;

        /// <summary>
        /// The fewest a lab file may hold: a floor against hand-made weak hashes that still lets test fixtures load
        /// in tens of milliseconds.
        /// </summary>
        public const int MinimumIterations = 100_000;

        /// <summary>The most a lab file may hold: more would make every login of that user hang.</summary>
        public const int MaximumIterations = 10_000_000;

        private const int SaltBytes = 16;
        private const int HashBytes = 32;

        /// <summary>What a well-formed hash looks like, for error messages (never the hash that was given).</summary>
        public const string Shape = Scheme + "$<iterations>$<base64 salt>$<base64 hash>";

        /// <summary>A new salted hash of <paramref name="password"/> with the default cost.</summary>
        public static string Create(SecureString password) => Create(password, DefaultIterations);

        /// <summary>As <see cref="Create(SecureString)"/> with another cost; tests use fewer iterations to stay fast.</summary>
        internal static string Create(SecureString password, int iterations)
        {
            if (iterations < 1) throw new ArgumentOutOfRangeException(nameof(iterations));
            var salt = RandomBytes(SaltBytes);
            var hash = Derive(password, salt, iterations);
            return Format(iterations, salt, hash);
        }

        /// <summary>
        /// True when <paramref name="password"/> is the one <paramref name="stored"/> was made from. It always runs the
        /// whole derivation and compares in constant time, so that how long it takes says nothing about the password.
        /// </summary>
        public static bool Verify(SecureString password, string stored)
        {
            if (!TryParse(stored, out var iterations, out var salt, out var expected, out _)) return false;
            return FixedTimeEquals(Derive(password, salt, iterations), expected);
        }

        /// <summary>
        /// PBKDF2 iterations run on this thread so far, verifications and top-ups alike. Equal work is what makes logins
        /// take equal time; tests read it because wall-clock time on a shared machine cannot show it reliably.
        /// </summary>
        [ThreadStatic]
        private static long iterationsOnThisThread;

        internal static long IterationsOnThisThread => iterationsOnThisThread;

        /// <summary>
        /// Spends what <paramref name="iterations"/> iterations of a verification cost, and nothing when it is 0 or less:
        /// a login tops its own verification up to the lab's highest cost with it.
        /// </summary>
        internal static void Spend(int iterations)
        {
            if (iterations <= 0) return;
            iterationsOnThisThread += iterations;
            KeyDerivation.Pbkdf2("", RandomBytes(SaltBytes), KeyDerivationPrf.HMACSHA256, iterations, HashBytes);
        }

        /// <summary>The iteration count of a well-formed hash, or null.</summary>
        internal static int? IterationsOf(string? stored) => TryParse(stored, out var iterations, out _, out _, out _) ? iterations : (int?)null;

        /// <summary>
        /// Null when <paramref name="stored"/> is a hash this lab can use, else what is wrong with it. The text itself is
        /// never repeated: a lab author may have typed a password where the hash belongs.
        /// </summary>
        public static string? Problem(string? stored)
        {
            if (!TryParse(stored, out var iterations, out _, out _, out var problem)) return problem;
            return iterations < MinimumIterations ? IterationsProblem(iterations) : null;
        }

        private static string IterationsProblem(int iterations) =>
            string.Format(CultureInfo.InvariantCulture, "has {0:N0} iterations; a lab takes {1:N0} to {2:N0}", iterations, MinimumIterations, MaximumIterations);

        /// <summary>
        /// The structure of a hash: its scheme, a cost the lab can afford and the sizes of salt and hash. The minimum
        /// cost is a rule for lab files (<see cref="Problem"/>), not for verifying: tests make cheaper hashes in memory.
        /// </summary>
        private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash, out string problem)
        {
            iterations = 0;
            salt = hash = Array.Empty<byte>();
            if (string.IsNullOrEmpty(stored))
            {
                problem = "is missing; expected " + Shape;
                return false;
            }

            var parts = stored!.Split('$');
            if (parts.Length != 4 || parts[0] != Scheme)
            {
                problem = "is not a PBKDF2 hash: expected " + Shape + " (the password itself is never stored; New-CloudUser makes the hash)";
                return false;
            }

            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations))
            {
                problem = "has an iteration count that is not a whole number";
                return false;
            }

            if (iterations < 1 || iterations > MaximumIterations)
            {
                problem = IterationsProblem(iterations);
                return false;
            }

            if (!TryBase64(parts[2], out salt) || salt.Length < SaltBytes)
            {
                problem = "has a salt that is not " + SaltBytes.ToString(CultureInfo.InvariantCulture) + " or more bytes of base64";
                return false;
            }

            if (!TryBase64(parts[3], out hash) || hash.Length != HashBytes)
            {
                problem = "has a hash that is not " + HashBytes.ToString(CultureInfo.InvariantCulture) + " bytes of base64 (HMAC-SHA256)";
                return false;
            }

            problem = "";
            return true;
        }

        private static bool TryBase64(string text, out byte[] bytes)
        {
            try
            {
                bytes = Convert.FromBase64String(text);
                return true;
            }
            catch (FormatException)
            {
                bytes = Array.Empty<byte>();
                return false;
            }
        }

        private static string Format(int iterations, byte[] salt, byte[] hash) =>
            Scheme + "$" + iterations.ToString(CultureInfo.InvariantCulture) + "$" + Convert.ToBase64String(salt) + "$" + Convert.ToBase64String(hash);

        private static byte[] Derive(SecureString password, byte[] salt, int iterations)
        {
            if (password == null) throw new ArgumentNullException(nameof(password));
            var clear = IntPtr.Zero;
            try
            {
                clear = Marshal.SecureStringToGlobalAllocUnicode(password);
                iterationsOnThisThread += iterations;
                // KeyDerivation takes a string: the clear text lives in this call only, and nothing keeps a reference to it.
                return KeyDerivation.Pbkdf2(Marshal.PtrToStringUni(clear, password.Length), salt, KeyDerivationPrf.HMACSHA256, iterations, HashBytes);
            }
            finally
            {
                if (clear != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(clear);
            }
        }

        private static byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return bytes;
        }

        /// <summary>As .NET's CryptographicOperations.FixedTimeEquals, which netstandard2.0 lacks: every byte is looked at.</summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        private static bool FixedTimeEquals(byte[] left, byte[] right)
        {
            if (left.Length != right.Length) return false;
            var difference = 0;
            for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
            return difference == 0;
        }
    }
}
