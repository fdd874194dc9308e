using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Persistence;
using HybridCmdlets.Engine.Querying;

namespace HybridCmdlets.Bench
{
    /// <summary>
    /// Benchmarks of the engine at scale. They report against targets but never fail the process: timings on a
    /// shared machine vary, and a flaky gate teaches people to ignore it.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? 1 : 0;
            }

            if (string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase))
            {
                IReadOnlyList<int> counts = MigrationBench.DefaultCounts;
                var iterations = 5;
                var seed = LabGenerator.DefaultSeed;
                if (!TryReadOptions(args, new Dictionary<string, Action<string>>
                {
                    ["--vms"] = v => counts = v.Split(',').Select(c => LabBenchOptions.Int(c, 1)).ToArray(),
                    ["--iterations"] = v => iterations = LabBenchOptions.Int(v, 1),
                    ["--seed"] = v => seed = LabBenchOptions.Int(v, int.MinValue),
                }))
                {
                    return 1;
                }

                MigrationBench.Run(counts, iterations, seed);
                return 0;
            }

            if (string.Equals(args[0], "rounds", StringComparison.OrdinalIgnoreCase))
            {
                var o = new RoundsBench.Options();
                if (!TryReadOptions(args, new Dictionary<string, Action<string>>
                {
                    ["--memory-gb"] = v => o.MemoryGB = double.Parse(v, CultureInfo.InvariantCulture),
                    ["--dirty-mbps"] = v => o.DirtyMBps = double.Parse(v, CultureInfo.InvariantCulture),
                    ["--hot-mb"] = v => o.HotSetMB = double.Parse(v, CultureInfo.InvariantCulture),
                    ["--wws-mb"] = v => o.WorkingSetMB = double.Parse(v, CultureInfo.InvariantCulture),
                    ["--link-mbps"] = v => o.LinkMbps = double.Parse(v, CultureInfo.InvariantCulture),
                    ["--rtt-ms"] = v => o.RttMs = double.Parse(v, CultureInfo.InvariantCulture),
                }))
                {
                    return 1;
                }

                RoundsBench.Run(o);
                return 0;
            }

            if (string.Equals(args[0], "soak", StringComparison.OrdinalIgnoreCase))
            {
                var migrations = args.Length > 2 && args[1] == "--migrations" ? LabBenchOptions.Int(args[2], 1) : 50_000;
                FaultSoakBench.Soak(migrations, 20261122);
                return 0;
            }

            if (string.Equals(args[0], "cancel", StringComparison.OrdinalIgnoreCase))
            {
                var moves = args.Length > 2 && args[1] == "--moves" ? LabBenchOptions.Int(args[2], 1) : 10_000;
                FaultSoakBench.CancelLatency(moves);
                return 0;
            }

            if (string.Equals(args[0], "readiness", StringComparison.OrdinalIgnoreCase))
            {
                var vms = 100_000;
                var iterations = 3;
                var destination = "avs-westeurope";
                if (!TryReadOptions(args, new Dictionary<string, Action<string>>
                {
                    ["--vms"] = v => vms = LabBenchOptions.Int(v, 1),
                    ["--iterations"] = v => iterations = LabBenchOptions.Int(v, 1),
                    ["--destination"] = v => destination = v,
                }))
                {
                    return 1;
                }

                ReadinessBench.Run(vms, iterations, LabGenerator.DefaultSeed, destination);
                return 0;
            }

            if (string.Equals(args[0], "import", StringComparison.OrdinalIgnoreCase))
            {
                var rows = 100_000;
                var iterations = 5;
                if (!TryReadOptions(args, new Dictionary<string, Action<string>>
                {
                    ["--rows"] = v => rows = LabBenchOptions.Int(v, 1),
                    ["--iterations"] = v => iterations = LabBenchOptions.Int(v, 1),
                }))
                {
                    return 1;
                }

                ImportBench.Run(rows, iterations);
                return 0;
            }

            if (string.Equals(args[0], "report", StringComparison.OrdinalIgnoreCase))
            {
                var migrations = 10_000;
                var iterations = 5;
                if (!TryReadOptions(args, new Dictionary<string, Action<string>>
                {
                    ["--migrations"] = v => migrations = LabBenchOptions.Int(v, 1),
                    ["--iterations"] = v => iterations = LabBenchOptions.Int(v, 1),
                }))
                {
                    return 1;
                }

                ReportBench.Run(migrations, iterations, LabGenerator.DefaultSeed);
                return 0;
            }

            if (!string.Equals(args[0], "lab", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine("Unknown benchmark '" + args[0] + "'.");
                Console.Error.WriteLine(Usage);
                return 1;
            }

            LabBenchOptions options;
            try
            {
                options = LabBenchOptions.Parse(args.Skip(1).ToArray());
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 1;
            }

            new LabBench(options).Run();
            return 0;
        }

        /// <summary>
        /// Reads a benchmark's "--name value" options (after its name) into the setters given; says what is wrong,
        /// with the usage, and returns false for an unknown option, a missing value or one a setter refuses.
        /// </summary>
        private static bool TryReadOptions(string[] args, IReadOnlyDictionary<string, Action<string>> options)
        {
            try
            {
                for (var i = 1; i < args.Length; i++)
                {
                    if (!options.TryGetValue(args[i], out var set)) throw new ArgumentException("Unknown option '" + args[i] + "'.");
                    if (i + 1 >= args.Length) throw new ArgumentException(args[i] + " needs a value.");
                    set(args[++i]);
                }

                return true;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return false;
            }
        }

        private const string Usage =
            "usage: HybridCmdlets.Bench lab [--vms 100000] [--seed 20261122] [--iterations 5] [--query-iterations 30] [--keep-file PATH] [--no-results]\n" +
            "       HybridCmdlets.Bench migrate [--vms 1000,10000,100000] [--iterations 5] [--seed 20261122]\n" +
            "       HybridCmdlets.Bench rounds [--memory-gb 8] [--dirty-mbps 40] [--hot-mb 64] [--wws-mb 2048] [--link-mbps 1000] [--rtt-ms 0.2]\n" +
            "       HybridCmdlets.Bench readiness [--vms 100000] [--iterations 3] [--destination avs-westeurope]\n" +
            "       HybridCmdlets.Bench import [--rows 100000] [--iterations 5]\n" +
            "       HybridCmdlets.Bench report [--migrations 10000] [--iterations 5]\n" +
            "       HybridCmdlets.Bench soak [--migrations 50000]\n" +
            "       HybridCmdlets.Bench cancel [--moves 10000]";
    }

    internal sealed class LabBenchOptions
    {
        public int VMs { get; private set; } = 100_000;
        public int Seed { get; private set; } = LabGenerator.DefaultSeed;
        public int Iterations { get; private set; } = 5;
        public int QueryIterations { get; private set; } = 30;
        /// <summary>Copy the saved lab here (to compare formats between builds).</summary>
        public string? KeepFile { get; private set; }
        public bool WriteResults { get; private set; } = true;

        public static LabBenchOptions Parse(string[] args)
        {
            var o = new LabBenchOptions();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value.");
                switch (args[i])
                {
                    case "--vms": o.VMs = Int(Next(), 1); break;
                    case "--seed": o.Seed = Int(Next(), int.MinValue); break;
                    case "--iterations": o.Iterations = Int(Next(), 1); break;
                    case "--query-iterations": o.QueryIterations = Int(Next(), 1); break;
                    case "--keep-file": o.KeepFile = Next(); break;
                    case "--no-results": o.WriteResults = false; break;
                    default: throw new ArgumentException("Unknown option '" + args[i] + "'.");
                }
            }

            return o;
        }

        internal static int Int(string value, int min) =>
            int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n : throw new ArgumentException("'" + value + "' is not a whole number of at least " + min + ".");
    }

    internal sealed class LabBench
    {
        private readonly LabBenchOptions options;
        private readonly List<Row> rows = new List<Row>();
        private readonly List<string> notes = new List<string>();

        public LabBench(LabBenchOptions options)
        {
            this.options = options;
        }

        public void Run()
        {
            var machine = MachineInfo();
            Console.WriteLine(machine);
            Console.WriteLine();

            var folder = Path.Combine(Path.GetTempPath(), "hybridcmdlets-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "lab.json");
            try
            {
                RunAll(file);
            }
            finally
            {
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }

            var table = Table();
            Console.WriteLine(table);
            foreach (var note in notes) Console.WriteLine("note: " + note);
            if (options.WriteResults) WriteResults(machine, table);
        }

        private void RunAll(string file)
        {
            // Generation: one warm-up at full size (JIT, catalogs), then timed runs.
            Progress("generate");
            var document = LabGenerator.Create(options.Seed, options.VMs);
            var vmCount = document.VMs.Count;
            rows.Add(Row.Time("Generate lab", Repeat(Math.Min(options.Iterations, 3), () => LabGenerator.Create(options.Seed, options.VMs)), null, vmCount + " VMs"));

            // Save: the same document each time, through the atomic temp-file-and-replace path.
            Progress("save");
            LabFile.Save(document, file);
            var save = Repeat(options.Iterations, () => { LabFile.Save(document, file); return null; });
            var bytes = new FileInfo(file).Length;
            rows.Add(Row.Time("Save lab (LabFile.Save)", save, 1000, Size(bytes)));
            rows.Add(Row.Info("Lab file size", Size(bytes), string.Format(CultureInfo.InvariantCulture, "{0:0} bytes/VM", (double)bytes / vmCount)));
            if (options.KeepFile != null) File.Copy(file, options.KeepFile, overwrite: true);

            // Load: parse, pool strings, validate; what Open-HybridLab waits for.
            Progress("load");
            var loaded = LabFile.Load(file);
            var load = Repeat(options.Iterations, () => LabFile.Load(file));
            rows.Add(Row.Time("Load lab (LabFile.Load, validated)", load, 1000, ""));

            var difference = DeepCompare.FirstDifference(document, loaded, "document");
            notes.Add(difference == null ? "round trip: Load(Save(x)) is identical to x (public properties, deep)." : "ROUND TRIP DIFFERS: " + difference);
            document = null!;

            // Memory: what a session keeps (the Estate), measured with the document and the load's pool gone.
            Progress("memory");
            loaded = null!;
            var perVM = new List<double>();
            for (var i = 0; i < Math.Min(options.Iterations, 3); i++) perVM.Add(RetainedBytesPerVM(file, out _));
            rows.Add(Row.Bytes("Memory per VM after load (Estate)", perVM, 2048, ""));

            // Queries, as Get-CloudVM runs them: a snapshot of the estate's VMs, filtered, materialised.
            Progress("queries");
            var estateDocument = LabFile.Load(file);
            var estate = new Estate(estateDocument.Endpoints, estateDocument.Links, estateDocument.VMs);
            estateDocument = null!;
            var middle = estate.VMs[estate.VMCount / 2];
            Query(estate, "Query -Name 'crm*-web*' (wildcard)", () => new VMQuery(names: new[] { "crm*-web*" }));
            Query(estate, "Query -Name '" + middle.Name + "' (exact)", () => new VMQuery(names: new[] { middle.Name }));
            Query(estate, "Query -Tag 'wave4'", () => new VMQuery(tags: new[] { "wave4" }));
            Query(estate, "Query -Cluster '" + middle.Cluster + "'", () => new VMQuery(clusters: new[] { middle.Cluster }));
            GC.KeepAlive(estate);
        }

        private void Query(Estate estate, string label, Func<VMQuery> query)
        {
            var count = 0;
            var times = Repeat(options.QueryIterations, () =>
            {
                var list = query().Run(estate.VMs).ToList();
                count = list.Count;
                return list;
            }, warmups: 3);
            rows.Add(Row.Time(label, times, 50, "matched " + count.ToString("N0", CultureInfo.InvariantCulture)));
        }

        private static double RetainedBytesPerVM(string file, out int vmCount)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var estate = Build(file);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            vmCount = estate.VMCount;
            GC.KeepAlive(estate);
            return (after - before) / (double)vmCount;
        }

        // Not inlined, so no local of the document outlives the call.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static Estate Build(string file)
        {
            var document = LabFile.Load(file);
            return new Estate(document.Endpoints, document.Links, document.VMs);
        }

        /// <summary>Runs the action <paramref name="warmups"/> times untimed, then times each of the iterations (ms).</summary>
        private static List<double> Repeat(int iterations, Func<object?> action, int warmups = 1)
        {
            for (var i = 0; i < warmups; i++) GC.KeepAlive(action());
            var times = new List<double>(iterations);
            for (var i = 0; i < iterations; i++)
            {
                // Start each run from a collected heap, so one run's garbage is not billed to the next.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var watch = Stopwatch.StartNew();
                var result = action();
                watch.Stop();
                GC.KeepAlive(result);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            return times;
        }

        private static void Progress(string what) => Console.Error.WriteLine("… " + what);

        private static string Size(long bytes) => string.Format(CultureInfo.InvariantCulture, "{0:0.0} MiB", bytes / (1024.0 * 1024.0));

        private string Table()
        {
            var header = new[] { "benchmark", "median", "min", "target", "result", "detail" };
            var cells = rows.Select(r => new[] { r.Name, r.Median, r.Min, r.Target, r.Verdict, r.Detail }).ToList();
            var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
            var sb = new StringBuilder();
            void Line(string[] values) => sb.AppendLine("| " + string.Join(" | ", values.Select((v, i) => i is 1 or 2 ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))) + " |");
            Line(header);
            sb.AppendLine("|" + string.Join("|", widths.Select((w, i) => new string('-', w + 1) + (i is 1 or 2 ? ":" : "-"))) + "|");
            foreach (var c in cells) Line(c);
            return sb.ToString().TrimEnd();
        }

        private string MachineInfo()
        {
            var cpu = CpuModel();
            return string.Join(Environment.NewLine, new[]
            {
                "HybridCmdlets lab benchmark — " + DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                "machine: " + Environment.ProcessorCount + " logical processors" + (cpu == null ? "" : " (" + cpu + ")") + ", " + RuntimeInformation.OSDescription + " " + RuntimeInformation.OSArchitecture,
                "runtime: " + RuntimeInformation.FrameworkDescription + ", GC " + (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? " non-concurrent" : "")
                    + ", " + (IsOptimized() ? "Release (optimised)" : "DEBUG BUILD: figures are not meaningful"),
                "lab: " + options.VMs.ToString("N0", CultureInfo.InvariantCulture) + " VMs requested, seed " + options.Seed + "; " + options.Iterations + " timed runs each (generation and memory: up to 3), " + options.QueryIterations + " per query, after warm-up",
            });
        }

        internal static bool IsOptimized()
        {
            var attribute = typeof(Estate).Assembly.GetCustomAttribute<DebuggableAttribute>();
            return attribute == null || !attribute.IsJITOptimizerDisabled;
        }

        private static string? CpuModel()
        {
            try
            {
                if (!File.Exists("/proc/cpuinfo")) return null;
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                return line?.Substring(line.IndexOf(':') + 1).Trim();
            }
            catch (IOException)
            {
                return null;
            }
        }

        private void WriteResults(string machine, string table)
        {
            try
            {
                var folder = Path.Combine(RepoRoot() ?? Directory.GetCurrentDirectory(), "bench", "results");
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, "lab-" + DateTime.Now.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture) + ".md");
                var text = "# Lab benchmark\n\n```\n" + machine.Replace(Environment.NewLine, "\n") + "\n```\n\n" + table.Replace(Environment.NewLine, "\n") + "\n\n"
                    + string.Concat(notes.Select(n => "- " + n + "\n"));
                File.WriteAllText(path, text);
                Console.WriteLine("results: " + path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("could not write the results file: " + e.Message);
            }
        }

        private static string? RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HybridCmdlets.sln"))) return dir.FullName;
            }

            return null;
        }

        private sealed class Row
        {
            public string Name = "", Median = "", Min = "", Target = "", Verdict = "", Detail = "";

            public static Row Time(string name, List<double> ms, double? targetMs, string detail)
            {
                var median = MedianOf(ms);
                return new Row
                {
                    Name = name, Median = Ms(median), Min = Ms(ms.Min()), Detail = detail,
                    Target = targetMs.HasValue ? "≤ " + Ms(targetMs.Value) : "",
                    Verdict = targetMs.HasValue ? (median <= targetMs.Value ? "PASS" : "FAIL") : "",
                };
            }

            public static Row Bytes(string name, List<double> bytes, double limit, string detail)
            {
                var median = MedianOf(bytes);
                return new Row
                {
                    Name = name, Median = B(median), Min = B(bytes.Min()), Detail = detail,
                    Target = "< " + B(limit), Verdict = median < limit ? "PASS" : "FAIL",
                };
            }

            public static Row Info(string name, string value, string detail) => new Row { Name = name, Median = value, Detail = detail };

            private static double MedianOf(List<double> values)
            {
                var sorted = values.OrderBy(v => v).ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            }

            private static string Ms(double ms) => ms >= 100
                ? ms.ToString("N0", CultureInfo.InvariantCulture) + " ms"
                : ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

            private static string B(double bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";
        }
    }

    /// <summary>Compares two object graphs by their public readable properties, the way a user of the engine sees them.</summary>
    internal static class DeepCompare
    {
        public static string? FirstDifference(object? a, object? b, string path)
        {
            if (a == null || b == null) return a == null && b == null ? null : path + ": one side is null";
            var type = a.GetType();
            // Lists are compared by content: an IReadOnlyList may be an array on one side and a collection on the other.
            if (type != b.GetType() && !(a is IEnumerable && b is IEnumerable && !(a is string))) return path + ": " + type.Name + " vs " + b.GetType().Name;
            if (a is string || type.IsPrimitive || type.IsEnum || a is decimal || a is DateTime || a is DateTimeOffset || a is Guid || a is TimeSpan)
            {
                if (a is DateTime da && b is DateTime db && (da != db || da.Kind != db.Kind)) return path + ": " + Show(a) + " vs " + Show(b);
                return Equals(a, b) ? null : path + ": " + Show(a) + " vs " + Show(b);
            }

            if (a is IEnumerable ea && b is IEnumerable eb)
            {
                var la = ea.Cast<object?>().ToList();
                var lb = eb.Cast<object?>().ToList();
                if (la.Count != lb.Count) return path + ": " + la.Count + " items vs " + lb.Count;
                for (var i = 0; i < la.Count; i++)
                {
                    var d = FirstDifference(la[i], lb[i], path + "[" + i + "]");
                    if (d != null) return d;
                }

                return null;
            }

            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (p.GetIndexParameters().Length > 0 || p.GetMethod == null) continue;
                var d = FirstDifference(p.GetValue(a), p.GetValue(b), path + "." + p.Name);
                if (d != null) return d;
            }

            return null;
        }

        private static string Show(object o) => o is DateTime d ? d.ToString("o", CultureInfo.InvariantCulture) : Convert.ToString(o, CultureInfo.InvariantCulture) ?? "";
    }
}
