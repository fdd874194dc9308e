using System;
using System.Collections.Generic;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>
    /// The virtual timeline: actions ordered by time, and by order of scheduling among equal times, so that the
    /// same inputs always replay the same way (netstandard2.0 has no PriorityQueue; this is a plain binary heap).
    /// </summary>
    public sealed class EventQueue
    {
        private readonly List<(double Time, long Sequence, Action Action)> heap = new List<(double, long, Action)>();
        private long sequence;

        /// <summary>Virtual seconds since the start of the simulation.</summary>
        public double Now { get; private set; }

        public int Count => heap.Count;

        /// <summary>Events run so far: the simulation's unit of work, reported by the benchmarks.</summary>
        public long Processed { get; private set; }

        public void At(double time, Action action)
        {
            if (double.IsNaN(time) || time < Now) time = Now;
            heap.Add((time, sequence++, action));
            var child = heap.Count - 1;
            while (child > 0)
            {
                var parent = (child - 1) / 2;
                if (!Before(heap[child], heap[parent])) break;
                (heap[child], heap[parent]) = (heap[parent], heap[child]);
                child = parent;
            }
        }

        public void After(double seconds, Action action) => At(Now + seconds, action);

        /// <summary>The time of the next event, or +infinity when none is scheduled.</summary>
        public double NextTime => heap.Count == 0 ? double.PositiveInfinity : heap[0].Time;

        /// <summary>
        /// Moves the clock forward to <paramref name="time"/> without running anything, but never past the next
        /// event: between events nothing changes but the progress of transfers, which is read off the clock.
        /// </summary>
        public void AdvanceTo(double time)
        {
            if (time > Now) Now = Math.Min(time, NextTime);
        }

        /// <summary>Runs the next event; false when there is none.</summary>
        public bool Step()
        {
            if (heap.Count == 0) return false;
            var next = heap[0];
            var last = heap[heap.Count - 1];
            heap.RemoveAt(heap.Count - 1);
            if (heap.Count > 0)
            {
                heap[0] = last;
                var parent = 0;
                while (true)
                {
                    var left = 2 * parent + 1;
                    if (left >= heap.Count) break;
                    var smallest = left + 1 < heap.Count && Before(heap[left + 1], heap[left]) ? left + 1 : left;
                    if (!Before(heap[smallest], heap[parent])) break;
                    (heap[smallest], heap[parent]) = (heap[parent], heap[smallest]);
                    parent = smallest;
                }
            }

            Now = next.Time;
            Processed++;
            next.Action();
            return true;
        }

        public void RunToEnd()
        {
            while (Step())
            {
            }
        }

        private static bool Before((double Time, long Sequence, Action _) a, (double Time, long Sequence, Action _) b) =>
            a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);
    }
}
