using System.Linq;
using HybridCmdlets.Completion;

namespace HybridCmdlets.Tests
{
    public class NameCompletionTests
    {
        private static readonly string[] Names = { "crm-web01", "crm-web02", "crm-db01", "VM Network", "O'Brien lab", "Crm-App01" };

        [Fact]
        public void Completes_names_starting_with_the_word_sorted_without_regard_to_case()
        {
            Assert.Equal(new[] { "crm-web01", "crm-web02" }, NameCompletion.Complete(Names, "crm-w").Select(r => r.CompletionText));
            Assert.Equal(new[] { "Crm-App01", "crm-db01", "crm-web01", "crm-web02" }, NameCompletion.Complete(Names, "CRM").Select(r => r.CompletionText));
            Assert.Equal(Names.Length, NameCompletion.Complete(Names, "").Count);
        }

        [Fact]
        public void Honours_wildcards_typed_by_the_user()
        {
            Assert.Equal(new[] { "crm-db01" }, NameCompletion.Complete(Names, "*db*").Select(r => r.ListItemText));
        }

        [Fact]
        public void Quotes_names_that_PowerShell_would_split_and_doubles_single_quotes()
        {
            Assert.Equal("'VM Network'", NameCompletion.Complete(Names, "VM").Single().CompletionText);
            Assert.Equal("'O''Brien lab'", NameCompletion.Complete(Names, "O").Single().CompletionText);
            Assert.Equal("'VM Network'", NameCompletion.Complete(Names, "'VM N").Single().CompletionText);
            Assert.Equal("VM Network", NameCompletion.Complete(Names, "VM").Single().ListItemText);
        }

        [Fact]
        public void A_word_with_a_broken_bracket_completes_nothing_rather_than_failing()
        {
            Assert.Empty(NameCompletion.Complete(Names, "crm[*"));
        }
    }
}
