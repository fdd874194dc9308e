using System;
using System.Collections.Generic;
using System.Globalization;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// Reads the cells of one row as the values they stand for, in the file's decimal mark. The first cell that does
    /// not hold what its column should becomes the row's <see cref="Error"/>, which names the line, the column and
    /// the value; later cells of that row are still read, as defaults, so that the caller checks once at the end.
    /// </summary>
    internal sealed class CellReader
    {
        private readonly RvToolsFile file;
        private readonly RowSource source;
        private readonly DecimalMark mark;
        /// <summary>Names already found valid: a file names the same clusters, hosts and networks over and over.</summary>
        private readonly HashSet<string> validNames = new HashSet<string>(StringComparer.Ordinal);
        private int line;
        private string? vm;

        public CellReader(RvToolsFile file, DecimalMark mark)
        {
            this.file = file;
            this.mark = mark;
            source = new RowSource(file);
        }

        public RowSource Source => source;

        public HybridException? Error { get; private set; }

        public int Line => line;

        /// <summary>Starts on the file's current record, which describes <paramref name="vmName"/> (null when unknown).</summary>
        public void Start(string? vmName)
        {
            line = file.Line;
            vm = vmName;
            Error = null;
        }

        public string Cell(RvToolsColumn column) => file[column];

        public string Text(RvToolsColumn column) => file[column].Trim();

        /// <summary>A name the lab can hold (<see cref="Names.NameProblem"/>); null for an empty optional cell.</summary>
        public string? Name(RvToolsColumn column, string what, bool required) => Name(column, file[column], what, required);

        /// <summary>As <see cref="Name(RvToolsColumn, string, bool)"/>, for a cell already read.</summary>
        public string? Name(RvToolsColumn column, string value, string what, bool required)
        {
            if (validNames.Contains(value)) return value;
            if (value.Trim().Length == 0 && !required) return null;
            if (Names.IsValidObjectName(value))
            {
                validNames.Add(value);
                return value;
            }

            // An empty cell is said to be empty by the error itself; any other says what is wrong with it.
            var problem = value.Length == 0 ? "" : " (" + Names.NameProblem(value) + ")";
            return Fail<string?>(column, value, "a " + what + " name" + problem + ". " + EngineErrors.NameRules);
        }

        /// <summary>A cell of free text (a folder, a label, a guest OS), trimmed; "" when empty or when it cannot be held (the row's error).</summary>
        public string FreeText(RvToolsColumn column)
        {
            var value = Text(column);
            if (Names.TextProblem(value) is not string problem) return value;
            return Fail<string>(column, value, "text the lab can hold (" + problem + ")") ?? "";
        }

        public bool Bool(RvToolsColumn column, bool empty)
        {
            var cell = Trimmed(file.Span(column));
            if (cell.Length == 0) return empty;
            if (Is(cell, "True") || Is(cell, "yes") || Is(cell, "1")) return true;
            if (Is(cell, "False") || Is(cell, "no") || Is(cell, "0")) return false;
            return Fail<bool>(column, file[column], "True or False");
        }

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null for an empty optional cell.</summary>
        public int? Whole(RvToolsColumn column, int min, int max, string what, bool required)
        {
            var value = Number(column, min, max, what, required);
            if (value == null) return null;
            if (value.Value != Math.Floor(value.Value)) return Fail<int?>(column, file[column], what + ", a whole number");
            return (int)value.Value;
        }

        /// <summary>A number in the file's decimal mark, from <paramref name="min"/> to <paramref name="max"/>; null for an empty optional cell.</summary>
        public double? Number(RvToolsColumn column, double min, double max, string what, bool required)
        {
            var cell = file.Span(column);
            if (Trimmed(cell).Length == 0)
            {
                return required ? Fail<double?>(column, file[column], what) : null;
            }

            // Most cells are ASCII and read without a string; the others (a no-break space between thousands) as text.
            if (!LocalizedNumber.TryParse(cell, mark, out var value) && !LocalizedNumber.TryParse(file[column], mark, out value))
            {
                var text = file[column];
                return Fail<double?>(column, text, what + (mark == DecimalMark.Comma
                    ? ", written as this file writes numbers (decimal comma, as in 1.024,5)"
                    : ", written as this file writes numbers (decimal point, as in 1,024.5)"));
            }

            if (double.IsNaN(value) || value < min || value > max) return Fail<double?>(column, file[column], what + " from " + Format(min) + " to " + Format(max));
            return value;
        }

        public PowerState Power(RvToolsColumn column)
        {
            var cell = Trimmed(file.Span(column));
            if (Is(cell, "poweredOn")) return PowerState.PoweredOn;
            if (Is(cell, "poweredOff")) return PowerState.PoweredOff;
            if (Is(cell, "suspended")) return PowerState.Suspended;
            return Fail<PowerState>(column, file[column], "poweredOn, poweredOff or suspended");
        }

        /// <summary>Whether the cell is <paramref name="word"/>, ignoring ASCII case.</summary>
        public bool Is(RvToolsColumn column, string word) => Is(Trimmed(file.Span(column)), word);

        private static bool Is(ReadOnlySpan<byte> cell, string word)
        {
            if (cell.Length != word.Length) return false;
            for (var i = 0; i < cell.Length; i++)
            {
                if ((cell[i] | 0x20) != (word[i] | 0x20)) return false;
            }

            return true;
        }

        private static ReadOnlySpan<byte> Trimmed(ReadOnlySpan<byte> cell)
        {
            var start = 0;
            var end = cell.Length;
            while (start < end && (cell[start] == (byte)' ' || cell[start] == (byte)'\t')) start++;
            while (end > start && (cell[end - 1] == (byte)' ' || cell[end - 1] == (byte)'\t')) end--;
            return cell.Slice(start, end - start);
        }

        /// <summary>The datastore of a datastore path such as "[PROD-VMFS-01] web01/web01.vmx"; null for an empty optional cell.</summary>
        public string? Datastore(RvToolsColumn column, string example, bool required)
        {
            var value = Text(column);
            if (value.Length == 0 && !required) return null;
            var close = value.IndexOf(']');
            if (value.StartsWith("[", StringComparison.Ordinal) && close > 1)
            {
                var name = value.Substring(1, close - 1);
                if (Names.IsValidObjectName(name)) return name;
            }

            return Fail<string?>(column, file[column], "a datastore path such as '" + example + "'");
        }

        /// <summary>Records a problem with a cell (the row's first is kept) and returns a default to carry on with.</summary>
        public T Fail<T>(RvToolsColumn column, string value, string expected)
        {
            Error ??= EngineErrors.InventoryFileInvalid(source.At(line, column, value, vm), expected);
            return default!;
        }


        private static string Format(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
    }
}
