using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Generation
{
    /// <summary>The things that make a VM hard to move; the default lab carries each of them at least once.</summary>
    [System.Flags]
    internal enum Complication
    {
        None = 0,
        IsoOnLocalDatastore = 1,
        ClientCdrom = 2,
        PhysicalRdm = 4,
        MultiWriterDisk = 8,
        VGpu = 16,
        LargeVGpu = 32,
        FaultTolerance = 64,
        UsbWithoutVMotion = 128,
        DirectPathIO = 256,
        IsolatedNetwork = 512,
    }

    /// <summary>A VM the generator will build: who it is and where it lives; sizes are drawn from its role.</summary>
    internal sealed class VMBlueprint
    {
        public string Name = "";
        public WorkloadRole Role;
        public string Application = "";
        public string? Wave;
        public string Environment = "Production";
        public string Folder = "";
        public string Endpoint = SiteCatalog.OnPrem;
        public string Cluster = "";
        public string Network = "";
        public string? SecondNetwork;
        public string GuestId = "";
        public int? HardwareVersion;
        public int? NumCpu;
        public int? MemoryGB;
        public double[]? DataDisksGB;
        public PowerState? Power;
        public string? PinnedHost;
        public Complication Complications;
    }
}
