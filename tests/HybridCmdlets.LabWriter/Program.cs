using System;
using System.Globalization;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Persistence;

namespace HybridCmdlets.LabWriter
{
    /// <summary>
    /// Usage: HybridCmdlets.LabWriter PATH VMS. Saves a lab of VMS VMs to PATH again and again, naming each save
    /// "save-N", and prints N after each one, until the process is killed.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var vms) || vms < 1)
            {
                Console.Error.WriteLine("usage: HybridCmdlets.LabWriter PATH VMS");
                return 2;
            }

            var document = LabGenerator.Create(LabGenerator.DefaultSeed, vms);
            for (var n = 1; ; n++)
            {
                document.Name = "save-" + n.ToString(CultureInfo.InvariantCulture);
                LabFile.Save(document, args[0]);
                Console.WriteLine(n.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
