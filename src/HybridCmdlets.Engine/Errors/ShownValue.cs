using System.Globalization;
using System.Text;

namespace HybridCmdlets.Engine.Errors
{
    /// <summary>
    /// A value a user or a file gave, as an error message quotes it: at most <see cref="MaxShown"/> characters, then
    /// "… (N characters)", so that a 1 MB cell gives a short message; and with control characters, unpaired
    /// surrogates and text-direction marks written as PowerShell's `u{XX}, so that quoting a value never
    /// resets or recolours the terminal that shows the error.
    /// </summary>
    public static class ShownValue
    {
        public const int MaxShown = 80;

        public static string Of(string? value)
        {
            if (value == null) return "";
            if (value.Length <= MaxShown && IsPlain(value)) return value;
            var shown = new StringBuilder(MaxShown + 32);
            var end = value.Length <= MaxShown ? value.Length : MaxShown;
            // Never cut a surrogate pair in two.
            if (end < value.Length && char.IsHighSurrogate(value[end - 1]) && char.IsLowSurrogate(value[end])) end--;
            for (var i = 0; i < end; i++)
            {
                var c = value[i];
                var paired = char.IsHighSurrogate(c) ? i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                    : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]);
                if (IsHidden(c) || (char.IsSurrogate(c) && !paired)) shown.Append("`u{").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append('}');
                else shown.Append(c);
            }

            if (end < value.Length) shown.Append(string.Format(CultureInfo.InvariantCulture, "\u2026 ({0} characters)", value.Length));
            return shown.ToString();
        }

        private static bool IsPlain(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (IsHidden(c)) return false;
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
                else if (char.IsSurrogate(c)) return false;
            }

            return true;
        }

        private static bool IsHidden(char c) =>
            c < ' ' || (c >= '\u007F' && c <= '\u009F') || (c >= '\u2028' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
