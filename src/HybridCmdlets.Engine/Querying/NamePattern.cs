using System;
using System.Text;
using System.Text.RegularExpressions;
using HybridCmdlets.Engine.Errors;

namespace HybridCmdlets.Engine.Querying
{
    /// <summary>
    /// A name filter with PowerShell's wildcard rules (<c>*</c>, <c>?</c>, <c>[a-c]</c>, backtick escapes),
    /// matched without regard to case, as Get-VM does. The engine cannot use PowerShell's own WildcardPattern.
    /// </summary>
    public sealed class NamePattern
    {
        private readonly string text;
        private readonly Regex? regex;
        private readonly string? literal;

        private NamePattern(string text, string? literal, Regex? regex)
        {
            this.text = text;
            this.literal = literal;
            this.regex = regex;
        }

        /// <summary>True when the pattern holds a wildcard: a miss is then silent, not an error.</summary>
        public bool HasWildcard => regex != null;

        public static bool ContainsWildcard(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '`') { i++; continue; }
                if (c == '*' || c == '?' || c == '[') return true;
            }

            return false;
        }

        public static NamePattern Parse(string pattern)
        {
            if (pattern == null) throw new ArgumentNullException(nameof(pattern));
            if (!ContainsWildcard(pattern))
            {
                return new NamePattern(pattern, Unescape(pattern), null);
            }

            var rx = new StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '`':
                        if (i + 1 < pattern.Length) rx.Append(Regex.Escape(pattern[++i].ToString()));
                        break;
                    case '*':
                        rx.Append(".*");
                        break;
                    case '?':
                        rx.Append('.');
                        break;
                    case '[':
                        i = AppendCharacterClass(pattern, i, rx);
                        break;
                    default:
                        rx.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            rx.Append('$');
            return new NamePattern(pattern, null, new Regex(rx.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline));
        }

        public bool IsMatch(string? name)
        {
            if (name == null) return false;
            return regex == null ? string.Equals(literal, name, StringComparison.OrdinalIgnoreCase) : regex.IsMatch(name);
        }

        public override string ToString() => text;

        private static int AppendCharacterClass(string pattern, int open, StringBuilder rx)
        {
            var close = open + 1;
            while (close < pattern.Length && pattern[close] != ']')
            {
                if (pattern[close] == '`') close++;
                close++;
            }

            if (close >= pattern.Length || close == open + 1)
            {
                throw new HybridException("InvalidWildcardPattern", ErrorKind.InvalidArgument,
                    "'" + ShownValue.Of(pattern) + "' is not a valid wildcard pattern: '[' at position " + (open + 1) + " has no matching ']' or encloses nothing.",
                    pattern, "Close the bracket, or escape it with a backtick (`[) to match it literally.");
            }

            rx.Append('[');
            var previous = '\0';
            for (var i = open + 1; i < close; i++)
            {
                var c = pattern[i];
                if (c == '`') c = pattern[++i];
                if (c == '-' && i > open + 1 && i < close - 1)
                {
                    // A range the wrong way round (z-a) is the user's mistake to hear about, not a Regex exception.
                    var high = pattern[i + 1] == '`' ? pattern[i + 2] : pattern[i + 1];
                    if (high < previous)
                    {
                        throw new HybridException("InvalidWildcardPattern", ErrorKind.InvalidArgument,
                            "'" + ShownValue.Of(pattern) + "' is not a valid wildcard pattern: the range '" + previous + "-" + high + "' at position " + (i + 1) + " runs backwards.",
                            pattern, "Write the range from its lower character to its higher one, as in [a-z] or [0-9].");
                    }

                    rx.Append('-');
                }
                else
                {
                    rx.Append(c == '\\' || c == ']' || c == '[' || c == '^' || c == '-' ? "\\" + c : c.ToString());
                }

                previous = c;
            }

            rx.Append(']');
            return close;
        }

        private static string Unescape(string pattern)
        {
            if (pattern.IndexOf('`') < 0) return pattern;
            var sb = new StringBuilder(pattern.Length);
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '`' && i + 1 < pattern.Length) i++;
                sb.Append(pattern[i]);
            }

            return sb.ToString();
        }
    }
}
