using System.IO;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>What the charts draw alike: the time grid with its labels, and a legend's swatch.</summary>
    internal static class Chart
    {
        /// <summary>A vertical line at each tick from <paramref name="top"/> to <paramref name="bottom"/>, labelled above and below.</summary>
        public static void TimeGrid(TextWriter w, TimeAxis axis, double top, double bottom)
        {
            foreach (var tick in axis.Ticks())
            {
                var x = Markup.Number(axis.X(tick));
                var label = axis.Label(tick);
                w.Write("<line class=\"grid\" x1=\"");
                w.Write(x);
                w.Write("\" x2=\"");
                w.Write(x);
                w.Write("\" y1=\"");
                w.Write(Markup.Number(top));
                w.Write("\" y2=\"");
                w.Write(Markup.Number(bottom));
                w.Write("\"/>");
                Label(w, x, top - 7, label);
                Label(w, x, bottom + 15, label);
            }

            w.Write('\n');
        }

        private static void Label(TextWriter w, string x, double y, string text)
        {
            w.Write("<text class=\"axis-label\" x=\"");
            w.Write(x);
            w.Write("\" y=\"");
            w.Write(Markup.Number(y));
            w.Write("\" text-anchor=\"middle\">");
            w.Write(text);
            w.Write("</text>");
        }

        /// <summary>A legend entry: a square of the class's colour (or of <paramref name="colour"/>) and its text.</summary>
        public static void Swatch(TextWriter w, string swatchClass, string text, string? colour = null)
        {
            w.Write("<span><i class=\"swatch ");
            w.Write(swatchClass);
            w.Write('"');
            if (colour != null)
            {
                w.Write(" style=\"background:");
                w.Write(colour);
                w.Write('"');
            }

            w.Write("></i>");
            Markup.Text(w, text);
            w.Write("</span>");
        }
    }
}
