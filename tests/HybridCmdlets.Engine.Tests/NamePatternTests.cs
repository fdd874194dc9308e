using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Querying;

namespace HybridCmdlets.Engine.Tests
{
    public class NamePatternTests
    {
        [Theory]
        [InlineData("web*", "web01", true)]
        [InlineData("web*", "crm-web01", false)]
        [InlineData("*web*", "crm-web01", true)]
        [InlineData("crm-web0?", "crm-web01", true)]
        [InlineData("crm-web0?", "crm-web10", false)]
        [InlineData("crm-web0[1-2]", "crm-web02", true)]
        [InlineData("crm-web0[1-2]", "crm-web03", false)]
        [InlineData("crm-[wd]*", "crm-db01", true)]
        [InlineData("CRM-WEB01", "crm-web01", true)]
        [InlineData("crm-web01", "crm-web011", false)]
        [InlineData("a.b", "axb", false)]
        [InlineData("100%*", "100% done", true)]
        [InlineData("lit`*", "lit*", true)]
        [InlineData("lit`*", "litx", false)]
        [InlineData("x`[1`]", "x[1]", true)]
        public void Matches_like_PowerShell_wildcards_without_regard_to_case(string pattern, string name, bool expected)
        {
            Assert.Equal(expected, NamePattern.Parse(pattern).IsMatch(name));
        }

        [Theory]
        [InlineData("web01", false)]
        [InlineData("web*", true)]
        [InlineData("web?", true)]
        [InlineData("web[12]", true)]
        [InlineData("web`*", false)]
        public void Knows_whether_it_holds_a_wildcard(string pattern, bool wildcard)
        {
            Assert.Equal(wildcard, NamePattern.Parse(pattern).HasWildcard);
        }

        [Theory]
        [InlineData("web[01")]
        [InlineData("web[]")]
        public void An_unclosed_or_empty_bracket_is_a_clear_error(string pattern)
        {
            var error = Assert.Throws<HybridException>(() => NamePattern.Parse(pattern));
            Assert.Equal("InvalidWildcardPattern", error.ErrorId);
            Assert.Equal(pattern, error.Target);
            Assert.Contains(pattern, error.Message);
        }

        /// <summary>
        /// Found by the property tests (ParserProperties): a range whose ends are the wrong way round reached the
        /// Regex constructor, which threw RegexParseException (an ArgumentException) instead of the documented error.
        /// </summary>
        [Theory]
        [InlineData("web[9-0]", "9-0")]
        [InlineData("[z-a]*", "z-a")]
        [InlineData("x[a--]", "a--")]
        public void A_range_that_runs_backwards_is_a_clear_error(string pattern, string range)
        {
            var error = Assert.Throws<HybridException>(() => NamePattern.Parse(pattern));
            Assert.Equal("InvalidWildcardPattern", error.ErrorId);
            Assert.Equal(pattern, error.Target);
            Assert.Contains(pattern, error.Message);
            Assert.Contains("'" + range + "'", error.Message);
            Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
        }
    }
}
