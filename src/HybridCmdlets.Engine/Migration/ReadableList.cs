using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace HybridCmdlets.Engine.Migration
{
    /// <summary>
    /// A read-only list whose ToString() is its items as text: "path.link=Pass; path.rtt=Warning". Export-Csv writes
    /// each property's ToString(), which for a List or an array is its type name; PowerShell still enumerates this
    /// list as any other (member enumeration, Format-List, ConvertTo-Json arrays).
    /// </summary>
    public sealed class ReadableList<T> : IReadOnlyList<T>
    {
        private readonly IReadOnlyList<T> items;
        private readonly Func<T, string> text;
        private readonly string separator;

        public ReadableList(IReadOnlyList<T> items, Func<T, string> text, string separator)
        {
            this.items = items;
            this.text = text;
            this.separator = separator;
        }

        public int Count => items.Count;

        public T this[int index] => items[index];

        public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

        public override string ToString()
        {
            var joined = new StringBuilder();
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0) joined.Append(separator);
                joined.Append(text(items[i]));
            }

            return joined.ToString();
        }
    }
}
