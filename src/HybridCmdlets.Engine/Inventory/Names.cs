using System;
using System.Globalization;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// vCenter compares inventory names without regard to case; so does the lab. The rules a name must follow are
    /// here, for every way one enters the lab (a cmdlet's parameter, an RVTools export, a lab file, the generator).
    /// </summary>
    public static class Names
    {
        public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

        /// <summary>Tags are 'Category/Name'; vSphere allows 256 characters for a tag's name and as many for its category.</summary>
        public const int MaxTagLength = 2 * 256 + 1;

        public static bool Equal(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>A name a user may give to a new object: see <see cref="NameProblem"/>.</summary>
        public static bool IsValidObjectName(string? name) => NameProblem(name) == null;

        /// <summary>
        /// Why <paramref name="name"/> cannot name an inventory object (VM, endpoint, cluster, host, datastore, network,
        /// user), or null when it can: 1 to 80 characters (vSphere's limit), no spaces at either end, no wildcard
        /// characters or slashes (they would make it unreachable by -Name and by paths), and no control characters,
        /// unpaired surrogates, invisible text-direction marks or U+FFFD (they change a terminal, or do not survive
        /// saving, or stand for a character already lost).
        /// </summary>
        public static string? NameProblem(string? name)
        {
            if (name == null || name.Length == 0) return "it is empty";
            if (name.Length > VSphereLimits.MaxNameLength)
            {
                return string.Format(CultureInfo.InvariantCulture, "it is {0} characters long, and vSphere allows {1}", name.Length, VSphereLimits.MaxNameLength);
            }

            if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[name.Length - 1])) return "it begins or ends with a space";
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (c == '*' || c == '?' || c == '[' || c == ']') return "it holds the wildcard character '" + c + "'";
                if (c == '/' || c == '\\') return "it holds the slash '" + c + "'";
                if (CharacterProblem(name, ref i, allowLineBreaks: false) is string problem) return problem;
            }

            return null;
        }

        /// <summary>Why a tag ('Category/Name') cannot be held, or null: as a name, but one slash is allowed and the length is a tag's.</summary>
        public static string? TagProblem(string? tag) => TextProblem(tag, MaxTagLength, allowEmpty: false);

        /// <summary>
        /// Why free text (a region, a folder, a model, a guest OS) cannot be held, or null: at most
        /// <paramref name="maxLength"/> characters, and none that a terminal obeys or that does not survive saving
        /// (tabs and line breaks are text, as a quoted CSV cell may hold them).
        /// </summary>
        public static string? TextProblem(string? text, int maxLength = VSphereLimits.MaxTextLength, bool allowEmpty = true)
        {
            if (text == null || text.Length == 0) return allowEmpty ? null : "it is empty";
            if (text.Length > maxLength)
            {
                return string.Format(CultureInfo.InvariantCulture, "it is {0} characters long, and at most {1} are allowed", text.Length, maxLength);
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (CharacterProblem(text, ref i, allowLineBreaks: true) is string problem) return problem;
            }

            return null;
        }

        /// <summary>
        /// The problem with the character at <paramref name="i"/>, or null; a surrogate pair is stepped over whole.
        /// Checked by ranges, not by a regular expression: this runs for every name of a 100,000-VM lab.
        /// </summary>
        private static string? CharacterProblem(string text, ref int i, bool allowLineBreaks)
        {
            var c = text[i];
            if (allowLineBreaks && (c == '\t' || c == '\n' || c == '\r')) return null;
            if (c < ' ' || (c >= '\u007F' && c <= '\u009F')) return At("the control character", c, i);
            if (c >= '\u2028' && c <= '\u202E') return At("the line separator or text-direction mark", c, i);
            if (c >= '\u2066' && c <= '\u2069') return At("the text-direction mark", c, i);
            // What a decoder puts where it lost a character (a lone surrogate escape in JSON, a bad byte): never a real name's.
            if (c == '\uFFFD') return At("the replacement character", c, i);
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    return null;
                }

                return At("the unpaired surrogate", c, i);
            }

            return char.IsLowSurrogate(c) ? At("the unpaired surrogate", c, i) : null;
        }

        private static string At(string what, char c, int index) =>
            string.Format(CultureInfo.InvariantCulture, "it holds {0} U+{1:X4} at character {2}", what, (int)c, index + 1);
    }
}
