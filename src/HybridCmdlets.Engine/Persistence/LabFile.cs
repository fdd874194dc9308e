using System;
using System.IO;
using System.Text;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Files;
using Newtonsoft.Json;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// Reads and writes lab files. A save goes to a temporary file beside the target and then replaces it in
    /// one rename, so a crash leaves the old lab or the new one, never half of one. A load either returns a
    /// whole, checked document or throws a <see cref="HybridException"/>; it changes nothing but removing the
    /// temporary files that interrupted saves of that lab left behind.
    /// </summary>
    public static class LabFile
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>Lab files are read as UTF-8 that refuses bad bytes: replacing them with U+FFFD would change names silently.</summary>
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Nesting deeper than any lab needs is refused (a lab nests to depth 5: lab, endpoints, cluster, hosts, host).</summary>
        private const int MaxDepth = 32;

        /// <summary>
        /// Writes <paramref name="document"/> to <paramref name="path"/>, or throws and writes nothing: LabInvalid for a lab
        /// that would not open again, LabFileReadOnly for a read-only file, LabFileChanged when the file no longer holds
        /// what <paramref name="opened"/> stamped (the same file only), LabFileUnwritable when the system refuses.
        /// <paramref name="force"/> writes over a read-only or changed file. A symbolic link stays and its final target
        /// is written; an existing file keeps its permissions (and read-only stays read-only); a new one is for its
        /// owner only. Returns the stamp of what was written, for the next save's check.
        /// </summary>
        public static LabFileStamp Save(LabDocument document, string path, LabFileStamp? opened = null, bool force = false)
        {
            // A folder, a pipe or a device is refused (PathNotFile) before anything is written; a link is followed to its target.
            var target = FinalTarget(RegularFile.FullPath(path, "lab file"), EngineErrors.LabFileUnwritable);
            CheckSavable(document, target);
            TemporaryLabFiles.RemoveStale(target);
            var existing = new FileInfo(target);
            if (existing.Exists && existing.IsReadOnly && !force) throw EngineErrors.LabFileReadOnly(target);

            var temporary = TemporaryLabFiles.NewPath(target);
            try
            {
                long length;
                byte[] sha256;
                using (var stream = PlatformFiles.CreateNew(temporary, PlatformFiles.OwnerOnlyMode, 1 << 16))
                using (var hashing = new HashingStream(stream))
                {
                    Write(document, hashing);
                    if (existing.Exists) KeepPermissions(existing, temporary);
                    stream.Flush(flushToDisk: true);
                    length = hashing.Count;
                    sha256 = hashing.Hash();
                }

                // Its time is read after the last write and the mode change (which leaves it alone); the rename keeps it.
                var written = new LabFileStamp(target, length, File.GetLastWriteTimeUtc(temporary), sha256);

                // As late as can be: a change made by another session while this one wrote is still caught.
                if (!force && opened != null && PathsEqual(opened.Path, target) && opened.IsChanged()) throw EngineErrors.LabFileChanged(target);
                if (existing.Exists) Replace(temporary, target, existing.IsReadOnly);
                else File.Move(temporary, target);
                return written;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                TryDelete(temporary);
                throw EngineErrors.LabFileUnwritable(target, e);
            }
            catch
            {
                // Whatever stopped the write (a value the serializer refuses, a changed file), the target is untouched: leave no litter.
                TryDelete(temporary);
                throw;
            }
        }

        /// <summary>A lab this module writes always opens again: it passes the check Open-HybridLab makes, or is not written.</summary>
        private static void CheckSavable(LabDocument document, string target)
        {
            try
            {
                LabValidator.Check(document, target);
            }
            catch (HybridException invalid)
            {
                throw EngineErrors.LabInvalid(document.Name, target, invalid);
            }
        }

        /// <summary>Where a save writes: past every symbolic link, so that the link stays a link.</summary>
        private static string FinalTarget(string fullPath, Func<string, Exception, HybridException> unusable)
        {
            try
            {
                return PlatformFiles.FinalTarget(fullPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // A loop of links, one too deep to follow, or a folder on the way that may not be read.
                throw unusable(fullPath, e);
            }
        }

        /// <summary>
        /// The replaced file's owner and group (where the process may) and permissions (read-only included), given to the
        /// new one before it takes the file's place; the mode last, since a change of owner clears set-id bits.
        /// </summary>
        private static void KeepPermissions(FileInfo existing, string temporary)
        {
            FileOwner.Copy(existing.FullName, temporary);
            if (PlatformFiles.ModeOf(existing.FullName) is int mode) PlatformFiles.SetModeOf(temporary, mode);
        }

        /// <summary>
        /// Puts the temporary file in the target's place in one step. Windows will not replace a read-only file: its
        /// attribute comes off for the replace and back on after (-Force, as Set-Content -Force does).
        /// </summary>
        private static void Replace(string temporary, string target, bool readOnly)
        {
            if (Path.DirectorySeparatorChar == '/' || !readOnly)
            {
                File.Replace(temporary, target, destinationBackupFileName: null);
                return;
            }

            File.SetAttributes(target, File.GetAttributes(target) & ~FileAttributes.ReadOnly);
            File.Replace(temporary, target, destinationBackupFileName: null);
            File.SetAttributes(target, File.GetAttributes(target) | FileAttributes.ReadOnly);
        }

        /// <summary>Compared as Windows and macOS compare names, ignoring case; elsewhere exactly.</summary>
        private static bool PathsEqual(string a, string b) =>
            string.Equals(a, b, System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

        /// <summary>The lab file's bytes, written to <paramref name="stream"/> (left open).</summary>
        internal static void Write(LabDocument document, Stream stream)
        {
            using var text = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
            using var json = new LabJsonWriter(text);
            LabDocumentMapping.Write(json, document);
        }

        /// <summary>
        /// The document a lab file's bytes hold, not yet validated, or null when they hold no lab; throws
        /// <see cref="JsonReaderException"/> with the place of the first thing it cannot read.
        /// </summary>
        internal static LabDocument? Read(Stream stream)
        {
            using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
            using var json = new JsonTextReader(text)
            {
                DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = MaxDepth, PropertyNameTable = new FieldNames(),
            };
            var document = LabDocumentMapping.Read(new LabJsonReader(json, new StringPool()));
            if (document != null && json.Read())
            {
                throw new JsonReaderException("Unexpected content after the lab object.", json.Path, json.LineNumber, json.LinePosition, null);
            }

            return document;
        }

        public static LabDocument Load(string path) => Load(path, out _);

        /// <summary>
        /// The lab in the file, checked, and the stamp of the bytes it was read from (for <see cref="Save"/>'s check that
        /// nobody changed the file since). Removes what interrupted saves of that file left behind.
        /// </summary>
        public static LabDocument Load(string path, out LabFileStamp stamp)
        {
            var fullPath = RegularFile.FullPath(path, "lab file");
            if (!File.Exists(fullPath)) throw EngineErrors.LabFileNotFound(fullPath);

            var target = FinalTarget(fullPath, EngineErrors.LabFileUnreadable);
            TemporaryLabFiles.RemoveStale(target);
            LabDocument? document;
            try
            {
                using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                if (stream.Length == 0) throw EngineErrors.LabFileEmpty(fullPath);

                // Taken before reading: a write made meanwhile changes it, and the next save's check then reads the content.
                var lastWrite = File.GetLastWriteTimeUtc(target);
                using var hashing = new HashingStream(stream);
                document = Read(hashing);
                hashing.ReadToEnd();
                stamp = new LabFileStamp(target, hashing.Count, lastWrite, hashing.Hash());
            }
            catch (JsonReaderException e)
            {
                throw ExplainUnreadable(fullPath, Detail(e.Message), e.LineNumber, e.LinePosition, e);
            }
            catch (DecoderFallbackException e)
            {
                throw InvalidUtf8(fullPath, e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw EngineErrors.LabFileUnreadable(fullPath, e);
            }

            if (document == null)
            {
                if (new FileInfo(fullPath).Length > 0 && IsBlank(fullPath)) throw EngineErrors.LabFileEmpty(fullPath);
                throw EngineErrors.LabFileInvalid(fullPath, "the file holds no lab object.");
            }

            if (document.SchemaVersion > LabDocument.CurrentSchemaVersion)
            {
                throw EngineErrors.LabFileVersionUnsupported(fullPath, document.SchemaVersion, LabDocument.CurrentSchemaVersion);
            }

            LabValidator.Check(document, fullPath);
            return document;
        }

        /// <summary>Bytes that are not UTF-8: named by their offset in the file and their line, found by reading it again.</summary>
        private static HybridException InvalidUtf8(string path, DecoderFallbackException e)
        {
            var decoder = StrictUtf8.GetDecoder();
            var buffer = new byte[1 << 16];
            var chars = new char[StrictUtf8.GetMaxCharCount(buffer.Length)];
            long offset = 0, line = 1;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    try
                    {
                        decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                    }
                    catch (DecoderFallbackException bad)
                    {
                        // Index is where the bad sequence starts in this buffer (negative when it began in the one before).
                        var at = Math.Max(0, Math.Min(read, bad.Index));
                        line += Count(buffer, at);
                        return Utf8Error(path, offset + bad.Index, line, bad);
                    }

                    offset += read;
                    line += Count(buffer, read);
                }

                decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException bad)
            {
                // A sequence cut short by the end of the file.
                return Utf8Error(path, offset + bad.Index, line, bad);
            }
            catch (Exception io) when (io is IOException || io is UnauthorizedAccessException)
            {
                return EngineErrors.LabFileUnreadable(path, io);
            }

            return EngineErrors.LabFileInvalid(path, "it is not UTF-8 text.", inner: e);
        }

        private static HybridException Utf8Error(string path, long offset, long line, DecoderFallbackException e)
        {
            var bytes = e.BytesUnknown == null ? "" : " (" + BitConverter.ToString(e.BytesUnknown).Replace("-", " ") + ")";
            return EngineErrors.LabFileInvalid(path,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, "the bytes at offset {0}{1} are not valid UTF-8; a lab file is UTF-8 text.", offset, bytes),
                line, null, e);
        }

        private static long Count(byte[] buffer, int length)
        {
            long lines = 0;
            for (var i = 0; i < length; i++)
            {
                if (buffer[i] == (byte)'\n') lines++;
            }

            return lines;
        }

        /// <summary>A file from a newer module may fail to parse for that reason alone: say so rather than blame the content.</summary>
        private static HybridException ExplainUnreadable(string path, string detail, int line, int position, Exception inner)
        {
            var version = SchemaVersionOf(path);
            if (version > LabDocument.CurrentSchemaVersion)
            {
                return EngineErrors.LabFileVersionUnsupported(path, version.Value, LabDocument.CurrentSchemaVersion);
            }

            if (line == 0 && IsBlank(path)) return EngineErrors.LabFileEmpty(path);
            return EngineErrors.LabFileInvalid(path, detail, line == 0 ? (long?)null : line, line == 0 ? (long?)null : position, inner);
        }

        /// <summary>Newtonsoft's messages end with "Path '…', line n, position m."; the line is reported separately.</summary>
        private static string Detail(string message)
        {
            var at = message.IndexOf(" Path '", StringComparison.Ordinal);
            if (at < 0) at = message.IndexOf(", line ", StringComparison.Ordinal);
            var head = at > 0 ? message.Substring(0, at) : message;
            var pathStart = message.IndexOf("Path '", StringComparison.Ordinal);
            if (pathStart >= 0)
            {
                var pathEnd = message.IndexOf('\'', pathStart + 6);
                if (pathEnd > pathStart + 6) head += " (at " + message.Substring(pathStart + 6, pathEnd - pathStart - 6) + ")";
            }

            return head;
        }

        /// <summary>Looks for a top-level "schemaVersion" number without reading the whole lab into objects.</summary>
        private static int? SchemaVersionOf(string path)
        {
            try
            {
                using var text = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true);
                using var json = new JsonTextReader(text);
                if (!json.Read() || json.TokenType != JsonToken.StartObject) return null;
                while (json.Read() && json.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)json.Value!;
                    if (!json.Read()) return null;
                    if (string.Equals(name, "schemaVersion", StringComparison.OrdinalIgnoreCase))
                    {
                        return json.TokenType == JsonToken.Integer ? Convert.ToInt32(json.Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
                    }

                    json.Skip();
                }
            }
            // A number too large for a long comes as a BigInteger, which Convert refuses (InvalidCastException) rather than overflows.
            catch (Exception e) when (e is JsonException || e is IOException || e is OverflowException || e is InvalidCastException)
            {
                return null;
            }

            return null;
        }

        private static bool IsBlank(string path)
        {
            try
            {
                return File.ReadAllText(path).Trim().Length == 0;
            }
            catch (IOException)
            {
                return false;
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
                // The save has failed already; a stray temporary file is the lesser problem.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }
}
