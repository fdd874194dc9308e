using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HybridCmdlets.Demo
{
    /// <summary>
    /// Renders objects as PowerShell would with the module's own HybridCmdlets.Format.ps1xml table views, so the
    /// tour shows exactly the columns a pwsh user sees.
    /// </summary>
    internal sealed class FormatViews
    {
        private readonly Dictionary<string, List<(string Label, string Property, string? Format, bool Right)>> tables =
            new Dictionary<string, List<(string, string, string?, bool)>>(StringComparer.Ordinal);

        public FormatViews(string formatFile)
        {
            foreach (var view in XDocument.Load(formatFile).Descendants("View"))
            {
                var type = (string)view.Element("ViewSelectedBy")!.Element("TypeName")!;
                var headers = view.Descendants("TableColumnHeader").ToList();
                var items = view.Descendants("TableColumnItem").ToList();
                if (headers.Count == 0) continue;
                // A ScriptBlock column is shown from the first property its script reads ($_.Name), by the C# twin in Cell.
                tables[type] = headers.Zip(items, (h, i) => (
                    (string)h.Element("Label")!,
                    (string?)i.Element("PropertyName") ?? Regex.Match((string)i.Element("ScriptBlock")!, @"\$_\.(\w+)").Groups[1].Value,
                    (string?)i.Element("FormatString"),
                    (string?)h.Element("Alignment") == "Right")).ToList();
            }
        }

        public string Table(IReadOnlyList<object> items)
        {
            if (items.Count == 0) return "";
            var type = items[0].GetType();
            if (!tables.TryGetValue(type.FullName!, out var columns))
            {
                return string.Join(Environment.NewLine, items.Select(i => i.ToString())) + Environment.NewLine;
            }

            var cells = items.Select(item => columns.Select(c => Cell(item, c.Property, c.Format)).ToArray()).ToList();
            var widths = columns.Select((c, i) => Math.Max(c.Label.Length, cells.Max(row => row[i].Length))).ToArray();
            string Pad(string text, int i) => columns[i].Right ? text.PadLeft(widths[i]) : text.PadRight(widths[i]);
            var sb = new StringBuilder();
            sb.AppendLine(string.Join(" ", columns.Select((c, i) => Pad(c.Label, i))).TrimEnd());
            sb.AppendLine(string.Join(" ", columns.Select((c, i) => Pad(new string('-', c.Label.Length), i))).TrimEnd());
            foreach (var row in cells) sb.AppendLine(string.Join(" ", row.Select((cell, i) => Pad(cell, i))).TrimEnd());
            return sb.ToString();
        }

        private static string Cell(object item, string property, string? format)
        {
            var value = item.GetType().GetProperty(property)?.GetValue(item);
            if (value == null) return "";
            // The MigrationResult view's Duration and Downtime script blocks: days and hours only when there are any.
            if (value is TimeSpan span && format == null)
            {
                var pattern = property.EndsWith("Downtime", StringComparison.Ordinal)
                    ? (span.TotalHours >= 1 ? @"h\:mm\:ss\.fff" : @"mm\:ss\.fff")
                    : (span.Days > 0 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss");
                return span.ToString(pattern, CultureInfo.InvariantCulture);
            }

            return format != null ? string.Format(CultureInfo.InvariantCulture, format, value) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        public static string Locate()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "out", "HybridCmdlets", "HybridCmdlets.Format.ps1xml");
                if (File.Exists(candidate)) return candidate;
            }

            throw new FileNotFoundException("out/HybridCmdlets/HybridCmdlets.Format.ps1xml was not found; build the module first.");
        }
    }
}
