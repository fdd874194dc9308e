using System;
using System.Linq;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    public class PasswordHashTests
    {
        private const int Cheap = 1_000;

        [Fact]
        public void A_hash_names_its_scheme_and_cost_and_holds_a_16_byte_salt_and_a_32_byte_hash()
        {
            var parts = PasswordHash.Create(AccessFixtures.Secure("correct horse"), Cheap).Split('$');
            Assert.Equal(4, parts.Length);
            Assert.Equal("pbkdf2-sha256", parts[0]);
            Assert.Equal("1000", parts[1]);
            Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
            Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        }

        [Fact]
        public void The_default_cost_is_OWASPs_600000_iterations()
        {
            Assert.Equal(600_000, PasswordHash.DefaultIterations);
            Assert.StartsWith("pbkdf2-sha256$600000$", PasswordHash.Create(AccessFixtures.Secure("correct horse")));
        }

        [Fact]
        public void It_is_PBKDF2_HMAC_SHA256_of_the_UTF8_password_as_another_implementation_computes_it()
        {
            // Computed with Python's hashlib.pbkdf2_hmac('sha256', password.encode('utf-8'), bytes(range(16)), 100000, 32).
            const string Salt = "AAECAwQFBgcICQoLDA0ODw==";
            Assert.True(PasswordHash.Verify(AccessFixtures.Secure("correct horse battery staple"), "pbkdf2-sha256$100000$" + Salt + "$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4="));
            Assert.True(PasswordHash.Verify(AccessFixtures.Secure("pässwörd €"), "pbkdf2-sha256$100000$" + Salt + "$w1MevVWFnAj3/XoUQhp1MhgLDPQyXR9bAXqe+Y5TqJs="));
            Assert.False(PasswordHash.Verify(AccessFixtures.Secure("correct horse battery stapler"), "pbkdf2-sha256$100000$" + Salt + "$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4="));
        }

        [Fact]
        public void Verify_accepts_the_password_and_nothing_else()
        {
            var hash = PasswordHash.Create(AccessFixtures.Secure("Tr0ub4dor&3"), Cheap);
            Assert.True(PasswordHash.Verify(AccessFixtures.Secure("Tr0ub4dor&3"), hash));
            foreach (var wrong in new[] { "tr0ub4dor&3", "Tr0ub4dor&", "Tr0ub4dor&33", "", " Tr0ub4dor&3" })
            {
                Assert.False(PasswordHash.Verify(AccessFixtures.Secure(wrong), hash), wrong);
            }
        }

        [Fact]
        public void Two_users_with_the_same_password_get_different_hashes()
        {
            var first = PasswordHash.Create(AccessFixtures.Secure("Summer2026!"), Cheap);
            var second = PasswordHash.Create(AccessFixtures.Secure("Summer2026!"), Cheap);
            Assert.NotEqual(first, second);
            Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
            Assert.True(PasswordHash.Verify(AccessFixtures.Secure("Summer2026!"), first) && PasswordHash.Verify(AccessFixtures.Secure("Summer2026!"), second));
        }

        [Theory]
        [InlineData(null, "is missing")]
        [InlineData("", "is missing")]
        [InlineData("Secr3t-Passw0rd", "is not a PBKDF2 hash")]
        [InlineData("pbkdf2-sha1$600000$AAECAwQFBgcICQoLDA0ODw==$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4=", "is not a PBKDF2 hash")]
        [InlineData("pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw==", "is not a PBKDF2 hash")]
        [InlineData("pbkdf2-sha256$lots$AAECAwQFBgcICQoLDA0ODw==$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4=", "not a whole number")]
        [InlineData("pbkdf2-sha256$-5$AAECAwQFBgcICQoLDA0ODw==$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4=", "not a whole number")]
        [InlineData("pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4=", "has 1,000 iterations; a lab takes 100,000 to 10,000,000")]
        [InlineData("pbkdf2-sha256$2000000000$AAECAwQFBgcICQoLDA0ODw==$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4=", "has 2,000,000,000 iterations")]
        [InlineData("pbkdf2-sha256$600000$c2FsdA==$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4=", "salt")]
        [InlineData("pbkdf2-sha256$600000$not base64!$SdScJfWXhGIJ8Nkud3CrZOHHXpS0zmxQkmXuZxddKh4=", "salt")]
        [InlineData("pbkdf2-sha256$600000$AAECAwQFBgcICQoLDA0ODw==$SdScJfWXhGIJ8Nku", "32 bytes")]
        public void A_malformed_hash_is_described_without_repeating_it(string? stored, string expected)
        {
            var problem = PasswordHash.Problem(stored);
            Assert.NotNull(problem);
            Assert.Contains(expected, problem);
            if (!string.IsNullOrEmpty(stored)) Assert.DoesNotContain(stored!, problem);
            Assert.DoesNotContain("Secr3t", problem);
            Assert.False(PasswordHash.Verify(AccessFixtures.Secure("Secr3t-Passw0rd"), stored!));
        }

        [Fact]
        public void A_hash_made_at_the_default_or_the_minimum_cost_is_one_a_lab_file_takes()
        {
            Assert.Null(PasswordHash.Problem(PasswordHash.Create(AccessFixtures.Secure("correct horse"), PasswordHash.MinimumIterations)));
            Assert.Contains("iterations", PasswordHash.Problem(PasswordHash.Create(AccessFixtures.Secure("correct horse"), PasswordHash.MinimumIterations - 1)));
        }

        [Fact]
        public void The_hash_does_not_contain_the_password_in_any_usual_encoding()
        {
            const string Password = "Pa55word-ABCDEFGH";
            var hash = PasswordHash.Create(AccessFixtures.Secure(Password), Cheap);
            Assert.DoesNotContain(Password, hash, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Password)).TrimEnd('='), hash);
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.Unicode.GetBytes(Password)).TrimEnd('='), hash);
            Assert.DoesNotContain(string.Concat(System.Text.Encoding.UTF8.GetBytes(Password).Select(b => b.ToString("x2"))), hash, StringComparison.OrdinalIgnoreCase);
        }
    }
}
