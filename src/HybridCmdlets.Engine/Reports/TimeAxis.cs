using System;
using System.Collections.Generic;
using System.Globalization;

namespace HybridCmdlets.Engine.Reports
{
    /// <summary>Lab time mapped onto a chart's width, with ticks at round steps (a minute, 15 minutes, 2 hours, ...).</summary>
    internal sealed class TimeAxis
    {
        /// <summary>Steps in seconds, the first that gives at most <see cref="MaxTicks"/> ticks is used.</summary>
        private static readonly int[] Steps =
        {
            1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400,
        };

        private const int MaxTicks = 10;
        private readonly double seconds;

        public TimeAxis(DateTime from, DateTime to, double left, double width)
        {
            From = from;
            // A wave of zero length still needs a scale.
            seconds = Math.Max(1, (to - from).TotalSeconds);
            To = from.AddSeconds(seconds);
            Left = left;
            Width = width;
        }

        public DateTime From { get; }

        public DateTime To { get; }

        public double Left { get; }

        public double Width { get; }

        public double X(DateTime time) => Left + (time - From).TotalSeconds / seconds * Width;

        /// <summary>The width of <paramref name="span"/> in pixels.</summary>
        public double Length(TimeSpan span) => span.TotalSeconds / seconds * Width;

        /// <summary>The lab time <paramref name="pixels"/> wide.</summary>
        public TimeSpan Span(double pixels) => TimeSpan.FromSeconds(pixels / Width * seconds);

        public int StepSeconds
        {
            get
            {
                foreach (var step in Steps)
                {
                    if (seconds / step <= MaxTicks) return step;
                }

                return (int)Math.Ceiling(seconds / MaxTicks / 86400) * 86400;
            }
        }

        /// <summary>Ticks at whole multiples of the step since midnight, within the axis.</summary>
        public IReadOnlyList<DateTime> Ticks()
        {
            var step = StepSeconds;
            var midnight = From.Date;
            var first = Math.Ceiling((From - midnight).TotalSeconds / step) * step;
            var ticks = new List<DateTime>();
            for (var t = midnight.AddSeconds(first); t <= To; t = t.AddSeconds(step)) ticks.Add(t);
            return ticks;
        }

        /// <summary>"08:15", "08:15:30" under a minute's step; across days "24 Nov 08:00", or "24 Nov" for steps of days ("24 Nov 2027" across years).</summary>
        public string Label(DateTime tick)
        {
            string format;
            if (StepSeconds >= 86400) format = From.Year == To.Year ? "d MMM" : "d MMM yyyy";
            else if (seconds >= 86400) format = "d MMM HH:mm";
            else format = StepSeconds < 60 ? "HH:mm:ss" : "HH:mm";
            return tick.ToString(format, CultureInfo.InvariantCulture);
        }
    }
}
