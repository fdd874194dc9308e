
using System;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// The decimal separator of the machine that exported the file: RVTools writes numbers in its culture, so an
    /// export from a German Windows reads "1.024,50" where an English one reads "1,024.50".
    /// </summary>
    public enum DecimalMark { Point, Comma }

    /// <summary>Reads numbers written with either decimal mark, and tells which mark a number shows it was written with.</summary>
    internal static class LocalizedNumber
    {
        /// <summary>
        /// The mark a number can only have been written with, or null when it could be either ("1,024" is 1024 with
        /// a decimal point and 1.024 with a decimal comma; "4" says nothing).
        /// </summary>
        public static DecimalMark? Evidence(string text)
        {
            int points = 0, commas = 0, last = -1, firstDigit = -1;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '.') { points++; last = i; }
                else if (c == ',') { commas++; last = i; }
                else if (firstDigit < 0 && c >= '0' && c <= '9') firstDigit = i;
            }

            if (points + commas == 0) return null;
            var lastMark = text[last] == '.' ? DecimalMark.Point : DecimalMark.Comma;
            // Both: the last one is the decimal mark ("1.024,50").
            if (points > 0 && commas > 0) return lastMark;
            // One mark, several times: it groups thousands, so the other is the decimal mark ("2.097.152").
            if (points + commas > 1) return lastMark == DecimalMark.Point ? DecimalMark.Comma : DecimalMark.Point;
            // Once: a decimal mark unless exactly three digits follow, or when nothing but a zero comes before ("0,500").
            var digitsAfter = 0;
            for (var i = last + 1; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++) digitsAfter++;
            var integerPart = text.Substring(0, last).Trim().TrimStart('-', '+');
            if (digitsAfter != 3 || integerPart.Length == 0 || integerPart == "0") return lastMark;
            return null;
        }

        /// <summary>
        /// Parses a number written with <paramref name="mark"/> as its decimal separator and, optionally, the other mark
        /// or spaces grouping thousands by three. Surrounding whitespace is ignored.
        /// </summary>
        public static bool TryParse(string text, DecimalMark mark, out double value) => TryParse(text.AsSpan(), mark, out value);

        /// <summary>As <see cref="TryParse(string, DecimalMark, out double)"/>, for a cell read as UTF-8 bytes; false for anything but ASCII.</summary>
        public static bool TryParse(ReadOnlySpan<byte> utf8, DecimalMark mark, out double value)
        {
            value = 0;
            if (utf8.Length > 64) return false;
            Span<char> text = stackalloc char[utf8.Length];
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] >= 0x80) return false;
                text[i] = (char)utf8[i];
            }

            return TryParse(text, mark, out value);
        }

        private static bool TryParse(ReadOnlySpan<char> text, DecimalMark mark, out double value)
        {
            value = 0;
            var decimalChar = mark == DecimalMark.Point ? '.' : ',';
            var groupChar = mark == DecimalMark.Point ? ',' : '.';
            int i = 0, end = text.Length;
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            while (end > i && char.IsWhiteSpace(text[end - 1])) end--;
            var negative = i < end && text[i] == '-';
            if (i < end && (text[i] == '-' || text[i] == '+')) i++;

            // Digits go into an integer and a count of decimals: exact for the up to 15 significant digits of any size here.
            long digits = 0;
            var significant = 0;
            var decimals = 0;
            var digitsInGroup = 0;
            var integerDigits = 0;
            var grouped = false;
            for (; i < end; i++)
            {
                var c = text[i];
                if (c >= '0' && c <= '9')
                {
                    if (!Append(ref digits, ref significant, c)) return false;
                    digitsInGroup++;
                    integerDigits++;
                }
                else if (c == groupChar || c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'' || c == '\u2019')
                {
                    // Thousands: one to three digits first, then groups of exactly three.
                    if (integerDigits == 0 || (grouped && digitsInGroup != 3) || digitsInGroup > 3) return false;
                    grouped = true;
                    digitsInGroup = 0;
                }
                else
                {
                    break;
                }
            }

            if (grouped && digitsInGroup != 3) return false;
            if (i < end)
            {
                if (text[i] != decimalChar) return false;
                for (i++; i < end && text[i] >= '0' && text[i] <= '9'; i++, decimals++)
                {
                    if (!Append(ref digits, ref significant, text[i])) return false;
                }

                if (decimals == 0 || i < end) return false;
            }

            if ((integerDigits == 0 && decimals == 0) || decimals >= PowersOfTen.Length) return false;
            value = digits / PowersOfTen[decimals];
            if (negative) value = -value;
            return true;
        }

        private static readonly double[] PowersOfTen = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18 };

        /// <summary>Adds a digit; false past 18 digits (leading zeros not counted), which no size in an export has.</summary>
        private static bool Append(ref long digits, ref int significant, char digit)
        {
            if (digits != 0 || digit != '0') significant++;
            if (significant > 18) return false;
            digits = digits * 10 + (digit - '0');
            return true;
        }
    }
}
