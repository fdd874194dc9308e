using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// What PowerShell 7 makes of an object's properties, reproduced from its source (no PowerShell runtime here):
    /// Export-Csv writes each property value's own ToString() (ExportCsvHelper.GetToStringValueForProperty), and
    /// ConvertTo-Json (JsonObject.ProcessValue) keeps strings, numbers, enums, DateTime and the like as they are,
    /// turns lists into arrays and other objects into their public properties, and past -Depth (2 by default)
    /// writes an object as a string (LanguagePrimitives.ConvertTo: a list's items joined by spaces).
    /// </summary>
    internal static class PowerShellFlattening
    {
        /// <summary>Property name and cell text, as Export-Csv writes a row of <paramref name="item"/>.</summary>
        public static IReadOnlyList<(string Name, string Cell)> CsvRow(object item) =>
            PublicProperties(item).Select(p => (p.Name, p.GetValue(item)?.ToString() ?? "")).ToList();

        /// <summary>The tree ConvertTo-Json serializes: null, a leaf value, a list or a name-to-value dictionary.</summary>
        public static object? Json(object? value, int maxDepth = 2, int depth = 0)
        {
            if (value == null) return null;
            if (value is string || value is char || value is bool || value is DateTime || value is DateTimeOffset || value is Guid || value is Uri
                || value is double || value is float || value is decimal || value is BigInteger)
            {
                return value;
            }

            var type = value.GetType();
            if (type.IsPrimitive) return value;
            if (type.IsEnum) return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            if (depth > maxDepth) return value is IEnumerable list ? string.Join(" ", list.Cast<object?>().Select(i => i?.ToString())) : value.ToString();
            if (value is IEnumerable items) return items.Cast<object?>().Select(i => Json(i, maxDepth, depth + 1)).ToList();
            return PublicProperties(value).ToDictionary(p => p.Name, p => Json(p.GetValue(value), maxDepth, depth + 1));
        }

        /// <summary>Every string in a JSON tree, with the path to it.</summary>
        public static IEnumerable<(string Path, string Text)> Strings(object? json, string path = "$")
        {
            switch (json)
            {
                case string text:
                    yield return (path, text);
                    break;
                case IDictionary<string, object?> properties:
                    foreach (var property in properties)
                    {
                        foreach (var leaf in Strings(property.Value, path + "." + property.Key)) yield return leaf;
                    }

                    break;
                case IList<object?> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        foreach (var leaf in Strings(list[i], path + "[" + i + "]")) yield return leaf;
                    }

                    break;
            }
        }

        /// <summary>A type name where a value belongs: "System.Collections.Generic.List`1[...]", "HybridCmdlets.Engine...".</summary>
        public static bool IsTypeName(string text) => text.Contains("System.") || text.Contains("HybridCmdlets.");

        private static IEnumerable<PropertyInfo> PublicProperties(object item) =>
            item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod != null);
    }
}
