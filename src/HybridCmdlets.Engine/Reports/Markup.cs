using System;
using System.Globalization;
using System.IO;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>How the report writes text and numbers: every text HTML-escaped, every number in the invariant culture.</summary>
    internal static class Markup
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
        private static readonly char[] Special = { '&', '<', '>', '"', '\'' };

        /// <summary>Writes <paramref name="text"/> escaped for an element's content or a quoted attribute.</summary>
        public static void Text(TextWriter writer, string? text)
        {
            if (text == null) return;
            if (text.IndexOfAny(Special) < 0)
            {
                writer.Write(text);
                return;
            }

            foreach (var c in text)
            {
                var escaped = Escape(c);
                if (escaped == null) writer.Write(c);
                else writer.Write(escaped);
            }
        }

        private static string? Escape(char c) => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => null,
        };

        /// <summary>A table row of text cells.</summary>
        public static void Row(TextWriter writer, params string?[] cells)
        {
            writer.Write("<tr>");
            foreach (var cell in cells)
            {
                writer.Write("<td>");
                Text(writer, cell);
                writer.Write("</td>");
            }

            writer.Write("</tr>\n");
        }

        /// <summary>A table row of a name and how many, the count aligned right.</summary>
        public static void CountRow(TextWriter writer, string name, int count)
        {
            writer.Write("<tr><td>");
            Text(writer, name);
            writer.Write("</td><td class=\"n\">");
            writer.Write(Count(count));
            writer.Write("</td></tr>\n");
        }

        /// <summary>An SVG coordinate: to a tenth of a pixel, no trailing zeros ("12", "12.5").</summary>
        public static string Number(double value)
        {
            var rounded = Math.Round(value, 1);
            return rounded == 0 ? "0" : rounded.ToString("0.#", Invariant);
        }

        /// <summary>A whole number for markup: invariant, whatever the writer's culture ("-" and ASCII digits).</summary>
        public static string Int(int value) => value.ToString(Invariant);

        public static string Count(int value) => value.ToString("N0", Invariant);

        /// <summary>A figure for a person to read, in the invariant culture: Amount(1234.5, "N1") is "1,234.5".</summary>
        public static string Amount(double value, string format) => value.ToString(format, Invariant);

        /// <summary>A duration as a person reads it: "0.412 s", "41.2 s", "41 min 23 s", "2 h 05 min", "3 d 04 h".</summary>
        public static string Duration(TimeSpan span)
        {
            if (span.TotalSeconds < 10) return span.TotalSeconds.ToString("0.###", Invariant) + " s";
            if (span.TotalMinutes < 1) return span.TotalSeconds.ToString("0.0", Invariant) + " s";
            if (span.TotalHours < 1) return span.Minutes.ToString(Invariant) + " min " + span.Seconds.ToString("00", Invariant) + " s";
            if (span.TotalDays < 1) return span.Hours.ToString(Invariant) + " h " + span.Minutes.ToString("00", Invariant) + " min";
            return ((int)span.TotalDays).ToString(Invariant) + " d " + span.Hours.ToString("00", Invariant) + " h";
        }

        /// <summary>A time on the lab's clock, to the second.</summary>
        public static string Clock(DateTime time) => time.ToString("HH:mm:ss", Invariant);

        public static string Date(DateTime time) => time.ToString("d MMM yyyy", Invariant);
    }
}
