using System;
using System.Globalization;
using System.Linq;

namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>Virtual hardware versions ("vmx-19") and the newest one each ESXi release can run.</summary>
    public static class VirtualHardware
    {
        /// <summary>The newest version this module knows (vSphere 8.0 U2 and later).</summary>
        public const int Latest = 21;

        private static readonly string[] Formatted = Enumerable.Range(0, Latest + 1).Select(v => "vmx-" + v.ToString(CultureInfo.InvariantCulture)).ToArray();

        public static string Format(int version) => version >= 0 && version <= Latest ? Formatted[version] : "vmx-" + version.ToString(CultureInfo.InvariantCulture);

        public static bool TryParse(string? text, out int version)
        {
            version = 0;
            if (text == null || !text.StartsWith("vmx-", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return int.TryParse(text.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out version)
                && version >= 4 && version <= Latest;
        }

        /// <summary>Highest hardware version an ESXi release supports (VMware KB 2007240).</summary>
        public static int MaxForEsxi(string esxiVersion)
        {
            var v = Version.Parse(esxiVersion);
            if (v.Major >= 8) return v.Build >= 2 || v.Minor > 0 ? 21 : 20;
            if (v.Major == 7) return v.Build >= 2 ? 19 : v.Build == 1 ? 18 : 17;
            if (v.Major == 6 && v.Minor == 7) return v.Build >= 2 ? 15 : 14;
            if (v.Major == 6 && v.Minor == 5) return 13;
            if (v.Major == 6) return 11;
            return 10;
        }
    }
}
