using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace HybridCmdlets.Testing
{
    /// <summary>Random inputs aimed at what parsers get wrong: edge spaces, separators, wildcards, escapes, odd Unicode, odd numbers.</summary>
    internal static class Inputs
    {
        /// <summary>Characters with a meaning to some parser here (paths, PowerShell wildcards and escapes, regexes, JSON), and blanks of every kind.</summary>
        public const string Special = "/\\*?[]`-^$.|(){}+,:;'\"# \t\r\n\u00a0\u2003\u200b\u0000";

        public static readonly Gen<char> Char = Gen.Frequency(
            (5, Gen.Elements("abcmxyzABCMXYZ0129_".ToCharArray())),
            (5, Gen.Elements(Special.ToCharArray())),
            (1, Gen.Elements('é', 'ß', 'İ', 'ı', 'Σ', 'ς', '日', '\uFEFF', '\uFFFF', '\uD83D', '\uDE00')),
            (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

        /// <summary>Strings a user might type, or paste, or a CSV might hold: any length up to the run's size, never null.</summary>
        public static readonly Gen<string> Text = Gen.Frequency(
            (12, Char.ArrayOf().Select(cs => new string(cs))),
            (3, Gen.Elements(
                "", " ", "\t", "\u00a0", "/", "//", "a/", "/b", "a//b", "a/b/c", " a / b ", "*", "?", "[", "]", "[]", "[a", "a]", "[z-a]", "[a-z]",
                "[!a]", "[^a]", "[-]", "[a-]", "`", "``", "`*", "`[", "a`", "[`]", "[``]", "\\", "a\\b", "avs-westeurope", "AVS-WESTEUROPE/Cluster-1",
                "onprem-lon/Prod-Cluster-01", "web*", "w?b01", "crm-web01", "é/ü", "\U0001F600", "\uD83D", "\0", new string('a', 81), new string('x', 5000))),
            (2, ArbMap.Default.GeneratorFor<string>().Where(s => s != null)));

        public static readonly Gen<string?> TextOrNull = Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (9, Text.Select(s => (string?)s)));

        /// <summary>Doubles at and around every boundary a range check meets, and the ones a check forgets (NaN, infinities, -0).</summary>
        public static readonly Gen<double> Double = Gen.Frequency(
            (4, Gen.Elements(
                double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
                1e308, -1e308, 1e-308, 0.001, 0.0009999, 1, -1, 99.999, 99.9991, 100, 2000, 2000.0001, 400_000, 400_000.5, 63_488, 62 * 1024 + 0.1, 1e9)),
            (3, ArbMap.Default.GeneratorFor<double>()),
            (4, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 100.0)));

        public static readonly Gen<int> Int = Gen.Frequency(
            (3, Gen.Elements(int.MinValue, int.MinValue + 1, -1, 0, 1, 2, 3, 4, 7, 768, 769, 4096, 1 << 20, 24 * 1024 * 1024, 24 * 1024 * 1024 + 1, int.MaxValue)),
            (3, ArbMap.Default.GeneratorFor<int>()),
            (3, Gen.Choose(-10, 1000)));

        public static Gen<T?> OrNull<T>(Gen<T> gen, int nullWeight = 1, int valueWeight = 3)
            where T : class =>
            Gen.Frequency((nullWeight, Gen.Constant<T?>(null)), (valueWeight, gen.Select(v => (T?)v)));

        public static Gen<T?> OrNone<T>(Gen<T> gen, int noneWeight = 1, int valueWeight = 3)
            where T : struct =>
            Gen.Frequency((noneWeight, Gen.Constant<T?>(null)), (valueWeight, gen.Select(v => (T?)v)));

        /// <summary>The same text in a random mix of upper and lower case: names are compared without regard to case.</summary>
        public static Gen<string> AnyCase(string text) =>
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), text.Length)
                .Select(upper => new string(text.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()));

        /// <summary>A generated value that shows itself readably (strings escaped) in a counterexample.</summary>
        public sealed class Displayed<T>
        {
            public Displayed(T value) => Value = value;

            public T Value { get; }

            public override string ToString() => Value is string s ? Show(s) : Value?.ToString() ?? "null";
        }

        public static Gen<Displayed<T>> Shown<T>(Gen<T> gen) => gen.Select(v => new Displayed<T>(v));

        /// <summary>Shows a string with its invisible and odd characters escaped, for failure messages.</summary>
        public static string Show(string? text) =>
            text == null ? "null" : "\"" + string.Concat(text.Select(c => c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? "\\u" + ((int)c).ToString("x4") : c.ToString())) + "\"";
    }
}
