using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CsvHelper;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Files;

namespace HybridCmdlets.Engine.Import
{
    /// <summary>
    /// One CSV file of an RVTools export, read record by record: the separator detected, the header checked against
    /// the tab's columns and its generation (MiB or MB), and each cell found by column, with the line it is on.
    /// </summary>
    internal sealed class RvToolsFile : IDisposable
    {
        private const int CancellationCheckInterval = 4096;
        /// <summary>
        /// The largest export read: vCenter 8 registers at most 45,000 VMs, and a row of RVTools 4 is a few KB at most,
        /// so a real tab is well under this; past it the file is not one vCenter's export, and would only exhaust memory.
        /// </summary>
        internal const int MaxBytes = 512 * 1024 * 1024;

        private CsvReader csv;
        /// <summary>The file's bytes, as UTF-8: the reader reads them in place, and lines are counted in them.</summary>
        private readonly byte[] bytes;
        /// <summary>Each column's field index in the file, by column ordinal; -1 when the file has no such column.</summary>
        private readonly int[] fields;
        /// <summary>Each column's header as the file spells it (or as RVTools would, when absent), by column ordinal.</summary>
        private readonly string[] headers;
        private readonly CancellationToken cancellation;
        private int untilCheck = CancellationCheckInterval;
        private int countedTo;
        private int line = 1;

        private RvToolsFile(string path, RvToolsTab tab, byte[] bytes, CsvReader csv, CancellationToken cancellation)
        {
            Path = path;
            Tab = tab;
            this.bytes = bytes;
            this.csv = csv;
            this.cancellation = cancellation;
            HeaderFieldCount = csv.Headers.Count;
            RefuseDuplicateColumns(path, tab, csv);
            Separator = csv.Separator;
            Generation = DetectGeneration(tab, csv);
            fields = new int[tab.Columns.Count];
            headers = new string[tab.Columns.Count];
            foreach (var column in tab.Columns)
            {
                var name = column.NameIn(Generation);
                if (!csv.TryGetFieldIndex(name, out var index) && (column.Alternative == null || !csv.TryGetFieldIndex(name = column.Alternative, out index))) index = -1;
                if (index < 0 && column.Required) throw EngineErrors.InventoryColumnMissing(path, tab.Name, column.NameIn(Generation), Expected(tab, csv));
                fields[column.Ordinal] = index;
                headers[column.Ordinal] = index < 0 ? column.NameIn(Generation) : csv.Headers[index];
            }
        }

        public string Path { get; }
        public RvToolsTab Tab { get; }
        public char Separator { get; }
        public HeaderGeneration Generation { get; }
        public int HeaderFieldCount { get; }

        /// <summary>The line the current record starts on (the header is line 1), counting the lines inside quoted fields.</summary>
        public int Line => line;

        public int FieldCount => csv.FieldCount;

        /// <summary>
        /// Opens an export of <paramref name="tab"/>. A missing or unreadable file, one that is not CSV text, and one whose
        /// header lacks a column the importer needs are errors here, before any row is read.
        /// </summary>
        public static RvToolsFile Open(string path, RvToolsTab tab, CancellationToken cancellation)
        {
            RegularFile.Require(path, "inventory file");
            if (!File.Exists(path)) throw EngineErrors.InventoryFileNotFound(path);
            byte[] bytes;
            try
            {
                bytes = RegularFile.ReadAtMost(path, MaxBytes) ?? throw EngineErrors.InventoryFileTooLarge(path, tab.Name, MaxBytes);
            }
            catch (IOException e)
            {
                throw EngineErrors.InventoryFileUnreadable(path, e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw EngineErrors.InventoryFileUnreadable(path, e);
            }

            bytes = AsUtf8Text(bytes, path, tab);
            // Default options throughout: CsvHelper's options have init-only setters, and those of its netstandard2.0
            // build, which the engine compiles against, do not bind to those of the build a .NET 10 host loads.
            var csv = CsvReader.Create(bytes);
            try
            {
                if (csv.Headers.Count == 0 || (csv.Headers.Count == 1 && csv.Headers[0].Trim().Length == 0))
                {
                    throw EngineErrors.InventoryFileNotCsv(path, tab.Name, "it has no header row.");
                }

                var file = new RvToolsFile(path, tab, bytes, csv, cancellation);
                csv = null;
                return file;
            }
            catch (CsvFormatException e)
            {
                throw EngineErrors.InventoryFileNotCsv(path, tab.Name, e.Message);
            }
            finally
            {
                csv?.Dispose();
            }
        }

        /// <summary>
        /// The decimal mark the numbers of <paramref name="numericColumns"/> show (what most of those that tell say),
        /// or null when none tells. Looks at records until a thousand numbers have told, then starts the file again,
        /// so that the next <see cref="Read"/> returns the first record.
        /// </summary>
        public DecimalMark? DetectDecimalMark(IReadOnlyList<RvToolsColumn> numericColumns)
        {
            const int enough = 1000;
            int points = 0, commas = 0;
            if (numericColumns.Count > 0)
            {
                while (points + commas < enough && Read())
                {
                    for (var i = 0; i < numericColumns.Count; i++)
                    {
                        if (!Has(numericColumns[i])) continue;
                        switch (LocalizedNumber.Evidence(this[numericColumns[i]]))
                        {
                            case DecimalMark.Point: points++; break;
                            case DecimalMark.Comma: commas++; break;
                        }
                    }
                }
            }

            csv.Dispose();
            csv = CsvReader.Create(bytes);
            _ = csv.Headers;
            countedTo = 0;
            line = 1;
            untilCheck = CancellationCheckInterval;
            if (points == 0 && commas == 0) return null;
            return points >= commas ? DecimalMark.Point : DecimalMark.Comma;
        }

        /// <summary>Moves to the next record; false at the end of the file.</summary>
        public bool Read()
        {
            if (--untilCheck == 0)
            {
                untilCheck = CancellationCheckInterval;
                cancellation.ThrowIfCancellationRequested();
            }

            bool read;
            try
            {
                read = csv.Read();
            }
            catch (CsvFormatException e)
            {
                throw EngineErrors.InventoryFileNotCsv(Path, Tab.Name, e.Message);
            }

            if (read) CountLinesTo((int)csv.ByteOffset);
            return read;
        }

        public bool Has(RvToolsColumn column) => fields[column.Ordinal] >= 0;

        /// <summary>The cell of the current record in that column, as written; "" when the file has no such column.</summary>
        public string this[RvToolsColumn column]
        {
            get
            {
                var field = fields[column.Ordinal];
                return field < 0 || field >= csv.FieldCount ? "" : csv.GetString(field);
            }
        }

        /// <summary>The cell as UTF-8 bytes, without making a string of it; valid until the next read.</summary>
        public ReadOnlySpan<byte> Span(RvToolsColumn column)
        {
            var field = fields[column.Ordinal];
            return field < 0 || field >= csv.FieldCount ? default : csv.GetSpan(field);
        }

        /// <summary>The column's header as the file spells it, for messages.</summary>
        public string Header(RvToolsColumn column) => headers[column.Ordinal];

        public void Dispose() => csv.Dispose();

        /// <summary>Advances the line count to the record that starts at <paramref name="offset"/>: one more per line feed before it.</summary>
        private void CountLinesTo(int offset)
        {
            var span = new ReadOnlySpan<byte>(bytes, countedTo, offset - countedTo);
            for (var at = span.IndexOf((byte)'\n'); at >= 0; at = span.IndexOf((byte)'\n'))
            {
                line++;
                span = span.Slice(at + 1);
            }

            countedTo = offset;
        }

        /// <summary>
        /// A header that names a column twice: which of the two holds the values is anyone's guess, so neither is read.
        /// Names compare as the importer finds columns, trimmed and in any case; empty ones (trailing separators) are ignored.
        /// </summary>
        private static void RefuseDuplicateColumns(string path, RvToolsTab tab, CsvReader csv)
        {
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < csv.Headers.Count; i++)
            {
                var name = csv.Headers[i].Trim();
                if (name.Length == 0) continue;
                if (seen.TryGetValue(name, out var first)) throw EngineErrors.InventoryColumnDuplicated(path, tab.Name, csv.Headers[first], first + 1, csv.Headers[i], i + 1);
                seen.Add(name, i);
            }
        }

        /// <summary>
        /// The file as UTF-8 text, whatever RVTools wrote: UTF-8 with or without a byte order mark is kept; UTF-16 (with
        /// its byte order mark, or without one when every other byte is zero) is converted; anything else that is not
        /// valid UTF-8 is the Windows-1252 of the exports older releases write on Windows, and is converted from it.
        /// An empty file, an Excel workbook and other binary files are named as such, rather than as a CSV without the
        /// right columns.
        /// </summary>
        private static byte[] AsUtf8Text(byte[] bytes, string path, RvToolsTab tab)
        {
            if (bytes.Length == 0) throw EngineErrors.InventoryFileNotCsv(path, tab.Name, "it is empty.");
            var utf16 = Utf16Of(bytes, out var bom);
            if (utf16 != null)
            {
                if ((bytes.Length - bom) % 2 != 0) throw EngineErrors.InventoryFileNotCsv(path, tab.Name, "it looks like UTF-16 text but has an odd number of bytes.");
                try
                {
                    bytes = Encoding.UTF8.GetBytes(utf16.GetString(bytes, bom, bytes.Length - bom));
                }
                catch (DecoderFallbackException e)
                {
                    throw EngineErrors.InventoryFileNotCsv(path, tab.Name, "it is not valid UTF-16 text (" + e.Message + ")");
                }

                if (bytes.Length == 0) throw EngineErrors.InventoryFileNotCsv(path, tab.Name, "it is empty.");
            }

            if (bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] == 3 && bytes[3] == 4)
            {
                throw EngineErrors.InventoryFileNotCsv(path, tab.Name, "it is an Excel workbook (xlsx), not CSV text.");
            }

            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 4096)) >= 0)
            {
                throw EngineErrors.InventoryFileNotCsv(path, tab.Name, "it is a binary file, not CSV text.");
            }

            if (IsUtf8(bytes)) return bytes;
            return Encoding.UTF8.GetBytes(Windows1252.GetString(bytes));
        }

        private static readonly Encoding StrictUtf16LE = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        private static readonly Encoding StrictUtf16BE = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

        /// <summary>
        /// UTF-16 by its byte order mark (<paramref name="bom"/> is its length), or without one when the start of the
        /// file has a zero byte in every odd (little-endian) or every even (big-endian) place, as ASCII text in UTF-16 does.
        /// </summary>
        private static Encoding? Utf16Of(byte[] bytes, out int bom)
        {
            bom = 0;
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) { bom = 2; return StrictUtf16LE; }
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) { bom = 2; return StrictUtf16BE; }
            var sample = Math.Min(bytes.Length, 512) & ~1;
            if (sample < 4) return null;
            bool evenZero = true, oddZero = true;
            for (var i = 0; i < sample; i += 2)
            {
                evenZero &= bytes[i] == 0 && bytes[i + 1] != 0;
                oddZero &= bytes[i + 1] == 0 && bytes[i] != 0;
            }

            return oddZero ? StrictUtf16LE : evenZero ? StrictUtf16BE : null;
        }

        private static bool IsUtf8(byte[] bytes)
        {
            try
            {
                StrictUtf8.GetCharCount(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        /// <summary>MB when the file names a size column the 3.x way and none the 4.x way; MiB otherwise.</summary>
        private static HeaderGeneration DetectGeneration(RvToolsTab tab, CsvReader csv)
        {
            var mb = false;
            foreach (var column in tab.Columns)
            {
                if (column.MBName == null) continue;
                if (csv.TryGetFieldIndex(column.Name, out _)) return HeaderGeneration.MiB;
                mb |= csv.TryGetFieldIndex(column.MBName, out _);
            }

            return mb ? HeaderGeneration.MB : HeaderGeneration.MiB;
        }

        /// <summary>What a header should hold: the tab's required columns in the generation the file seems to be, or in both.</summary>
        private static string Expected(RvToolsTab tab, CsvReader csv)
        {
            if (!tab.Columns.Any(c => c.MBName != null)) return "the columns " + tab.RequiredHeaders(HeaderGeneration.MiB);
            var known = false;
            foreach (var column in tab.Columns)
            {
                if (column.MBName == null) continue;
                known |= csv.TryGetFieldIndex(column.Name, out _) || csv.TryGetFieldIndex(column.MBName, out _);
            }

            if (!known)
            {
                return "the columns of RVTools 4.x (" + tab.RequiredHeaders(HeaderGeneration.MiB) + ") or of RVTools 3.x (" + tab.RequiredHeaders(HeaderGeneration.MB) + ")";
            }

            var generation = DetectGeneration(tab, csv);
            return "the columns of RVTools " + (generation == HeaderGeneration.MiB ? "4.x" : "3.x") + ", as the file's size columns suggest: " + tab.RequiredHeaders(generation);
        }
    }
}
