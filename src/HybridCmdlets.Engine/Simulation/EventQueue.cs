using System;

namespace HybridCmdlets.Engine.Simulation
{
    /// <summary>
    /// The virtual timeline: actions ordered by time, and by order of scheduling among equal times, so that the
    /// same inputs always replay the same way (netstandard2.0 has no PriorityQueue; this is a plain binary heap).
    /// </summary>
    public sealed class EventQueue
    {
        private Entry[] heap = new Entry[16];
        private int count;
        private long sequence;

        /// <summary>Virtual seconds since the start of the simulation.</summary>
        public double Now { get; private set; }

        public int Count => count;

        /// <summary>Events run so far: the simulation's unit of work, reported by the benchmarks.</summary>
        public long Processed { get; private set; }

        public void At(double time, Action action) => Push(Clamp(time), action, null);

        public void After(double seconds, Action action) => At(Now + seconds, action);

        /// <summary>The time of the next event, or +infinity when none is scheduled.</summary>
        public double NextTime => count == 0 ? double.PositiveInfinity : heap[0].Time;

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
            if (count == 0) return false;
            var next = heap[0];
            RemoveAt(0);
            if (next.Timer != null) next.Timer.Index = -1;
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

        /// <summary>
        /// Schedules the timer's action at <paramref name="time"/>, or moves it there if it is already scheduled. It
        /// then runs after the events already scheduled for that time, exactly as a newly scheduled event would.
        /// </summary>
        internal void Schedule(Timer timer, double time)
        {
            if (timer.Index < 0)
            {
                Push(Clamp(time), timer.Action, timer);
                return;
            }

            // Moved in place, with the sequence number a new event would get: the order stays that of scheduling.
            var at = timer.Index;
            heap[at].Time = Clamp(time);
            heap[at].Sequence = sequence++;
            if (at > 0 && Before(in heap[at], in heap[(at - 1) / 2])) Up(at);
            else Down(at);
        }

        /// <summary>Takes the timer's action off the timeline, if it is on it.</summary>
        internal void Unschedule(Timer timer)
        {
            if (timer.Index < 0) return;
            RemoveAt(timer.Index);
            timer.Index = -1;
        }

        private double Clamp(double time) => double.IsNaN(time) || time < Now ? Now : time;

        private void Push(double time, Action action, Timer? timer)
        {
            if (count == heap.Length) Array.Resize(ref heap, heap.Length * 2);
            heap[count] = new Entry { Time = time, Sequence = sequence++, Action = action, Timer = timer };
            if (timer != null) timer.Index = count;
            count++;
            Up(count - 1);
        }

        private void RemoveAt(int at)
        {
            count--;
            if (at != count)
            {
                Place(at, heap[count]);
                heap[count] = default;
                if (at > 0 && Before(in heap[at], in heap[(at - 1) / 2])) Up(at);
                else Down(at);
            }
            else
            {
                heap[count] = default;
            }
        }

        private void Up(int child)
        {
            var entry = heap[child];
            while (child > 0)
            {
                var parent = (child - 1) / 2;
                if (!Before(in entry, in heap[parent])) break;
                Place(child, heap[parent]);
                child = parent;
            }

            Place(child, entry);
        }

        private void Down(int parent)
        {
            var entry = heap[parent];
            while (true)
            {
                var left = 2 * parent + 1;
                if (left >= count) break;
                var smallest = left + 1 < count && Before(in heap[left + 1], in heap[left]) ? left + 1 : left;
                if (!Before(in heap[smallest], in entry)) break;
                Place(parent, heap[smallest]);
                parent = smallest;
            }

            Place(parent, entry);
        }

        private void Place(int at, in Entry entry)
        {
            heap[at] = entry;
            if (entry.Timer != null) entry.Timer.Index = at;
        }

        private static bool Before(in Entry a, in Entry b) =>
            a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

        private struct Entry
        {
            public double Time;
            public long Sequence;
            public Action Action;
            public Timer? Timer;
        }

        /// <summary>
        /// An event that can be moved or taken back, such as a link's next completion, which changes whenever a flow
        /// starts or ends: moving it keeps the timeline free of superseded events (once half of all it ran).
        /// </summary>
        internal sealed class Timer
        {
            public Timer(Action action)
            {
                Action = action;
            }

            public Action Action { get; }

            /// <summary>Its place in the heap, or -1 when it is not scheduled.</summary>
            internal int Index { get; set; } = -1;
        }
    }
}
