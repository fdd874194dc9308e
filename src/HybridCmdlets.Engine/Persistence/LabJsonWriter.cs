using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// Newtonsoft's <see cref="JsonTextWriter"/> with the lab file's conventions: a value equal to its default is left
    /// out, and the items of one list (the VMs) are written one per line with no indentation, so that the bulk of the
    /// file stays small and a diff shows one line per changed VM, while the small header stays indented.
    /// </summary>
    internal sealed class LabJsonWriter : JsonTextWriter
    {
        private readonly TextWriter text;
        /// <summary>Nesting depth of the list being written one item per line; 0 when none.</summary>
        private int linesAt;

        public LabJsonWriter(TextWriter text)
            : base(text)
        {
            this.text = text;
            Formatting = Formatting.Indented;
            Indentation = 1;
            IndentChar = '\t';
            DateTimeZoneHandling = DateTimeZoneHandling.Utc;
            // NaN and infinities stay numbers (not strings), so that the file reads back to what was saved.
            FloatFormatHandling = FloatFormatHandling.Symbol;
        }

        /// <summary>Writes <paramref name="items"/> as a list whose items are one line each, unindented.</summary>
        public void OneLinePerItem<T>(string name, IReadOnlyList<T> items, Action<LabJsonWriter, T> write)
        {
            WritePropertyName(name, escape: false);
            WriteStartArray();
            Formatting = Formatting.None;
            linesAt = Top;
            text.Write('\n');
            for (var i = 0; i < items.Count; i++) write(this, items[i]);
            text.Write('\n');
            linesAt = 0;
            WriteEndArray();
            Formatting = Formatting.Indented;
        }

        protected override void WriteValueDelimiter()
        {
            base.WriteValueDelimiter();
            if (Top == linesAt) text.Write('\n');
        }

        public void Name(string name) => WritePropertyName(name, escape: false);

        /// <summary>Always written: the fields that identify an object.</summary>
        public void Required(string name, string value)
        {
            WritePropertyName(name, escape: false);
            WriteValue(value);
        }

        public void String(string name, string? value, string? byDefault = "")
        {
            if (value == byDefault || (value == null && byDefault == "")) return;
            WritePropertyName(name, escape: false);
            WriteValue(value);
        }

        public void Number(string name, int value)
        {
            if (value == 0) return;
            WritePropertyName(name, escape: false);
            WriteValue(value);
        }

        public void Number(string name, int? value)
        {
            if (value == null) return;
            WritePropertyName(name, escape: false);
            WriteValue(value.Value);
        }

        /// <summary>A whole number of GB or MB is written without Newtonsoft's ".0": two bytes a figure, several figures a VM.</summary>
        public void Number(string name, double value)
        {
            if (value == 0) return;
            WritePropertyName(name, escape: false);
            if (value == Math.Truncate(value) && Math.Abs(value) < MaxExactWhole) WriteValue((long)value);
            else WriteValue(value);
        }

        /// <summary>A value that may be absent: absent is left out, and 0 is written, since it differs from absent.</summary>
        public void Number(string name, double? value)
        {
            if (value == null) return;
            WritePropertyName(name, escape: false);
            if (value.Value == Math.Truncate(value.Value) && Math.Abs(value.Value) < MaxExactWhole) WriteValue((long)value.Value);
            else WriteValue(value.Value);
        }

        /// <summary>2^53: every whole number below it is a double exactly.</summary>
        private const double MaxExactWhole = 9007199254740992;

        public void Flag(string name, bool value, bool byDefault)
        {
            if (value == byDefault) return;
            WritePropertyName(name, escape: false);
            WriteValue(value);
        }

        public void Time(string name, DateTime value)
        {
            WritePropertyName(name, escape: false);
            WriteValue(value);
        }

        /// <summary>An enum by its name; left out only when the mapping names a default.</summary>
        public void Enum<T>(string name, T value) where T : struct, System.Enum
        {
            WritePropertyName(name, escape: false);
            WriteValue(EnumNames<T>.Of(value));
        }

        public void Enum<T>(string name, T value, T byDefault) where T : struct, System.Enum
        {
            if (EqualityComparer<T>.Default.Equals(value, byDefault)) return;
            Enum(name, value);
        }

        /// <summary>A list, left out when empty; <paramref name="write"/> gets each item and its place.</summary>
        public void List<T>(string name, IReadOnlyList<T> items, Action<LabJsonWriter, T, int> write)
        {
            if (items.Count == 0) return;
            WritePropertyName(name, escape: false);
            WriteStartArray();
            for (var i = 0; i < items.Count; i++) write(this, items[i], i);
            WriteEndArray();
        }

        public void Strings(string name, IReadOnlyList<string> items)
        {
            if (items.Count == 0) return;
            WritePropertyName(name, escape: false);
            WriteStartArray();
            for (var i = 0; i < items.Count; i++) WriteValue(items[i]);
            WriteEndArray();
        }
    }

    /// <summary>An enum's names, as the lab file spells them, both ways (reading ignores case, as it always has).</summary>
    internal static class EnumNames<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Names = new Dictionary<T, string>();
        private static readonly Dictionary<string, T> Values = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);

        static EnumNames()
        {
            foreach (T value in System.Enum.GetValues(typeof(T)))
            {
                var name = value.ToString();
                Names[value] = name;
                Values[name] = value;
            }
        }

        public static string All => string.Join(", ", Names.Values);

        /// <summary>A value outside the enum is a bug in the engine, not in a file: the save stops and writes nothing.</summary>
        public static string Of(T value) =>
            Names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, typeof(T).Name + " has no such value; the lab was not saved.");

        public static bool TryParse(string name, out T value) => Values.TryGetValue(name, out value);
    }
}
