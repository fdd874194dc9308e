using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// How a lab maps to JSON: camelCase names, enums as text, empty lists and nulls left out, unknown
    /// properties refused (a typo in a hand-edited lab must not pass silently), and the inventory's
    /// read-only properties filled in on load.
    /// </summary>
    internal static class LabJson
    {
        internal static readonly LabContractResolver Resolver = new LabContractResolver();

        /// <summary>The reader's nesting limit for a whole lab file.</summary>
        internal const int MaxDepth = 32;

        public static JsonSerializer CreateSerializer(StringPool? pool = null) => CreateSerializer(pool, MaxDepth);

        /// <summary>
        /// <paramref name="maxDepth"/> is lower than <see cref="MaxDepth"/> only when a part of a file is read on its own
        /// (<see cref="FastLabReader"/>), so that the part hits the limit exactly where the whole file would.
        /// </summary>
        internal static JsonSerializer CreateSerializer(StringPool? pool, int maxDepth)
        {
            var serializer = JsonSerializer.Create(new JsonSerializerSettings
            {
                ContractResolver = Resolver,
                NullValueHandling = NullValueHandling.Ignore,
                MissingMemberHandling = MissingMemberHandling.Error,
                ObjectCreationHandling = ObjectCreationHandling.Replace,
                DateParseHandling = DateParseHandling.None,
                DateTimeZoneHandling = DateTimeZoneHandling.Utc,
                FloatParseHandling = FloatParseHandling.Double,
                Formatting = Formatting.Indented,
                MaxDepth = maxDepth,
                Context = new StreamingContext(StreamingContextStates.All, pool ?? new StringPool()),
            });
            serializer.Converters.Add(new StringEnumConverter { AllowIntegerValues = false });
            return serializer;
        }

        internal sealed class LabContractResolver : DefaultContractResolver
        {
            internal static readonly PooledStringConverter Pooled = new PooledStringConverter();

            public LabContractResolver()
            {
                NamingStrategy = new CamelCaseNamingStrategy();
            }

            protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
            {
                var property = base.CreateProperty(member, memberSerialization);
                if (member is PropertyInfo info && !property.Writable && info.GetSetMethod(nonPublic: true) != null)
                {
                    property.Writable = true;
                }

                if (property.PropertyType == typeof(string))
                {
                    property.Converter = Pooled;
                }
                else if (property.PropertyType == typeof(IReadOnlyList<string>))
                {
                    property.ItemConverter = Pooled;
                }

                if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
                {
                    var getter = property.ValueProvider!;
                    property.ShouldSerialize = owner => getter.GetValue(owner) is ICollection { Count: > 0 };
                }

                return property;
            }
        }

        /// <summary>Reads every string through the load's pool, so 100,000 VMs share one "Prod-Cluster-01".</summary>
        internal sealed class PooledStringConverter : JsonConverter
        {
            public override bool CanConvert(Type objectType) => objectType == typeof(string);

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            {
                if (reader.TokenType == JsonToken.Null) return null;
                if (reader.TokenType != JsonToken.String)
                {
                    throw new JsonSerializationException("Expected a string but found " + reader.TokenType + ".");
                }

                var text = (string)reader.Value!;
                return serializer.Context.Context is StringPool pool ? pool.Intern(text) : text;
            }

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => writer.WriteValue((string?)value);
        }
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
