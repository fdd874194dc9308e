namespace HybridCmdlets.Engine.Generation
{
    /// <summary>
    /// SplitMix64: the same seed gives the same sequence on every runtime, which System.Random does not promise,
    /// so the default lab is the same lab at every import.
    /// </summary>
    internal sealed class DeterministicRandom
    {
        private ulong state;

        private const ulong Golden = 0x9E3779B97F4A7C15UL;

        public DeterministicRandom(int seed)
        {
            state = Start(seed);
        }

        private DeterministicRandom(ulong state)
        {
            this.state = state;
        }

        /// <summary>
        /// The generator of a lab's seed. Seeds one apart started one step apart on the same sequence (the state steps
        /// by the same constant the seed is multiplied by), so labs of seeds 7 and 8 were nearly the same lab: each seed
        /// is mixed first. The embedded lab's seed keeps the start it always had, so the default lab does not change.
        /// </summary>
        public static DeterministicRandom ForLab(int seed, int embeddedSeed) =>
            new DeterministicRandom(Start(embeddedSeed) ^ Mix((ulong)(uint)seed) ^ Mix((ulong)(uint)embeddedSeed));

        public ulong NextUInt64() => Mix(state += Golden);

        private static ulong Start(int seed) => (ulong)(uint)seed * Golden + 0x632BE59BD9B4E019UL;

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>A number in [0, 1).</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>An integer in [min, max] (both included).</summary>
        public int Between(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

        public bool Chance(double probability) => NextDouble() < probability;

        public T Pick<T>(params T[] items) => items[Between(0, items.Length - 1)];
    }
}
