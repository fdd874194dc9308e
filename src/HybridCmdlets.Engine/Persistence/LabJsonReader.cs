using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// Newtonsoft's <see cref="JsonReader"/> with the lab file's conventions, for the mappings that read objects field by
    /// field: a null value is the same as no value (the field keeps its default), a value of the wrong kind or an unknown
    /// field stops the read with its place in the file, and strings that repeat across VMs are read once.
    /// </summary>
    internal sealed class LabJsonReader
    {
        private readonly JsonReader json;
        private readonly StringPool pool;

        public LabJsonReader(JsonReader json, StringPool pool)
        {
            this.json = json;
            this.pool = pool;
        }

        /// <summary>Where the reader stands, as a path (<c>vms[12].numCpu</c>) for error messages.</summary>
        public string Path => json.Path;

        public bool IsNull => json.TokenType == JsonToken.Null;

        /// <summary>Moves to the first token; false when there is none.</summary>
        public bool TryRead() => json.Read();

        /// <summary>A reader of <paramref name="token"/> (read earlier by <see cref="Token"/>), at its start, sharing this reader's pool.</summary>
        public LabJsonReader Over(Newtonsoft.Json.Linq.JToken token)
        {
            var reader = new LabJsonReader(token.CreateReader(), pool);
            reader.Read();
            return reader;
        }

        /// <summary>Moves to the next token; the file must not end here.</summary>
        public void Read()
        {
            if (!json.Read()) throw Fail("the file ends here, in the middle of the lab");
        }

        /// <summary>True, at the value of the next field, with its name; false at the end of the object. Fields whose value is null are passed over.</summary>
        public bool NextField(out string name)
        {
            while (true)
            {
                Read();
                if (json.TokenType == JsonToken.EndObject)
                {
                    name = "";
                    return false;
                }

                name = (string)json.Value!;
                Read();
                if (json.TokenType != JsonToken.Null) return true;
            }
        }

        /// <summary>True, at the next item of the list; false at its end. A null item is refused.</summary>
        public bool NextItem()
        {
            Read();
            if (json.TokenType == JsonToken.EndArray) return false;
            if (json.TokenType == JsonToken.Null) throw Fail("is null");
            return true;
        }

        public void StartObject(string what)
        {
            if (json.TokenType != JsonToken.StartObject) throw Fail("expected " + what + " (an object in braces), found " + Found());
        }

        public void StartList()
        {
            if (json.TokenType != JsonToken.StartArray) throw Fail("expected a list in brackets, found " + Found());
        }

        public List<T> List<T>(Func<LabJsonReader, int, T> read)
        {
            StartList();
            var items = new List<T>();
            while (NextItem()) items.Add(read(this, items.Count));
            return items;
        }

        /// <summary>An exact-size array, as the generator makes them: a loaded lab keeps a VM's lists for the whole session.</summary>
        public T[] Array<T>(Func<LabJsonReader, int, T> read)
        {
            var items = List(read);
            return items.Count == 0 ? System.Array.Empty<T>() : items.ToArray();
        }

        public string[] Strings()
        {
            StartList();
            var items = new List<string>();
            while (NextItem()) items.Add(Pooled());
            return items.Count == 0 ? System.Array.Empty<string>() : items.ToArray();
        }

        /// <summary>A string that is unique in the lab, such as a VM's id: not worth pooling.</summary>
        public string String()
        {
            if (json.TokenType != JsonToken.String) throw Fail("expected a string in quotes, found " + Found());
            return (string)json.Value!;
        }

        /// <summary>A string that many objects share, such as a cluster's name: one copy for all of them.</summary>
        public string Pooled() => pool.Intern(String());

        public int Int()
        {
            if (json.TokenType == JsonToken.Integer && json.Value is long value && value >= int.MinValue && value <= int.MaxValue) return (int)value;
            throw Fail("expected a whole number from " + int.MinValue.ToString(CultureInfo.InvariantCulture) + " to " + int.MaxValue.ToString(CultureInfo.InvariantCulture) + ", found " + Found());
        }

        public double Double()
        {
            switch (json.Value)
            {
                case double d when json.TokenType == JsonToken.Float: return d;
                case long l when json.TokenType == JsonToken.Integer: return l;
                case BigInteger b when json.TokenType == JsonToken.Integer: return (double)b;
                default: throw Fail("expected a number, found " + Found());
            }
        }

        public bool Bool()
        {
            if (json.TokenType == JsonToken.Boolean) return (bool)json.Value!;
            throw Fail("expected true or false, found " + Found());
        }

        public T Enum<T>() where T : struct, System.Enum
        {
            if (json.TokenType == JsonToken.String && EnumNames<T>.TryParse((string)json.Value!, out var value)) return value;
            throw Fail("expected one of " + EnumNames<T>.All + ", found " + Found());
        }

        /// <summary>An ISO 8601 time; one without a zone is taken as UTC, one with an offset is turned into UTC.</summary>
        public DateTime Time()
        {
            if (json.TokenType == JsonToken.String
                && DateTime.TryParse((string)json.Value!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
            {
                return time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
            }

            throw Fail("expected a UTC time like \"2026-11-23T08:00:00Z\", found " + Found());
        }

        /// <summary>The value here, read whole into a token, to be mapped later (see <see cref="LabDocumentMapping"/>).</summary>
        public Newtonsoft.Json.Linq.JToken Token() =>
            Newtonsoft.Json.Linq.JToken.ReadFrom(json, new Newtonsoft.Json.Linq.JsonLoadSettings { LineInfoHandling = Newtonsoft.Json.Linq.LineInfoHandling.Load });

        public JsonReaderException Unknown(string field, string what) =>
            Fail("'" + field + "' is not a field of " + what + " (names are case-sensitive)");

        public JsonReaderException Fail(string problem)
        {
            var line = json as IJsonLineInfo;
            var hasLine = line != null && line.HasLineInfo();
            return new JsonReaderException(
                (json.Path.Length > 0 ? json.Path + ": " : "") + problem, json.Path, hasLine ? line!.LineNumber : 0, hasLine ? line!.LinePosition : 0, null);
        }

        /// <summary>The value here as the file shows it, shortened: what the user has to find and fix.</summary>
        private string Found()
        {
            switch (json.TokenType)
            {
                case JsonToken.String:
                    var text = (string)json.Value!;
                    return "\"" + (text.Length > 40 ? text.Substring(0, 40) + "..." : text) + "\"";
                case JsonToken.Integer:
                case JsonToken.Float:
                    return Convert.ToString(json.Value, CultureInfo.InvariantCulture) ?? "a number";
                case JsonToken.Boolean: return (bool)json.Value! ? "true" : "false";
                case JsonToken.StartObject: return "an object";
                case JsonToken.StartArray: return "a list";
                default: return json.TokenType.ToString();
            }
        }
    }

    /// <summary>
    /// Field names as the reader meets them, each made a string once: without it, every field of every VM would be
    /// a new string (three million of them in a 100,000-VM lab).
    /// </summary>
    internal sealed class FieldNames : JsonNameTable
    {
        private readonly DefaultJsonNameTable names = new DefaultJsonNameTable();

        public override string Get(char[] key, int start, int length) => names.Get(key, start, length) ?? names.Add(new string(key, start, length));
    }

    /// <summary>One copy of each distinct string read from a lab file.</summary>
    internal sealed class StringPool
    {
        private readonly Dictionary<string, string> strings = new Dictionary<string, string>(StringComparer.Ordinal);

        public string Intern(string value)
        {
            if (value.Length > 64) return value;
            if (strings.TryGetValue(value, out var existing)) return existing;
            strings.Add(value, value);
            return value;
        }
    }
}
