using System.Globalization;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>The labels vSphere gives a VM's devices in the order they were added: "Hard disk 1", "Network adapter 2"...</summary>
    internal static class DeviceLabels
    {
        private static readonly string[] HardDisks = Numbered("Hard disk ");
        private static readonly string[] NetworkAdapters = Numbered("Network adapter ");
        private static readonly string[] CdDrives = Numbered("CD/DVD drive ");

        public static string HardDisk(int number) => Label(HardDisks, number);

        public static string NetworkAdapter(int number) => Label(NetworkAdapters, number);

        public static string CdDrive(int number) => Label(CdDrives, number);

        /// <summary>The first labels are made once, so that a large lab shares them.</summary>
        private static string[] Numbered(string prefix)
        {
            var labels = new string[17];
            for (var i = 0; i < labels.Length; i++) labels[i] = prefix + i.ToString(CultureInfo.InvariantCulture);
            return labels;
        }

        private static string Label(string[] labels, int number) =>
            number >= 0 && number < labels.Length ? labels[number] : labels[0].Substring(0, labels[0].Length - 1) + number.ToString(CultureInfo.InvariantCulture);
    }
}
