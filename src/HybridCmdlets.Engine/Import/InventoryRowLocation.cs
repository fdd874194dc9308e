using System.Globalization;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// A cell of an RVTools file: where a row error is, named in its message, and the target of its error record, so
    /// that a script can read <c>$error[0].TargetObject.Line</c>.
    /// </summary>
    public sealed class InventoryRowLocation
    {
        public InventoryRowLocation(string tab, string file, int line, string column, string value, string? vm)
        {
            Tab = tab;
            File = file;
            Line = line;
            Column = column;
            Value = value;
            VM = vm;
        }

        /// <summary>The RVTools tab the file is an export of: vInfo, vNetwork or vDisk.</summary>
        public string Tab { get; }
        public string File { get; }
        /// <summary>The line of the file where the row starts (the header is line 1).</summary>
        public int Line { get; }
        /// <summary>The column as the file's header names it.</summary>
        public string Column { get; }
        public string Value { get; }
        /// <summary>The VM the row describes, when its name could be read.</summary>
        public string? VM { get; }

        /// <summary>The row, without the column: "vInfo file 'C:\rv\vInfo.csv', line 14".</summary>
        public string Row => string.Format(CultureInfo.InvariantCulture, "{0} file '{1}', line {2}", Tab, File, Line);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}, column '{1}'", Row, Errors.ShownValue.Of(Column));
    }
}
