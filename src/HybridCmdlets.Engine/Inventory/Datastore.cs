
namespace HybridCmdlets.Engine.Inventory
{
    public sealed class Datastore
    {
        public string Name { get; internal set; } = "";
        public string Endpoint { get; internal set; } = "";
        public DatastoreType Type { get; internal set; }
        public double CapacityGB { get; internal set; }
        public double FreeSpaceGB { get; internal set; }
        /// <summary>False for a host's local disk: what lives there cannot follow a vMotion.</summary>
        public bool Shared { get; internal set; }
        /// <summary>For a local datastore, the host that owns it; otherwise null.</summary>
        public string? VMHost { get; internal set; }

        public double UsedSpaceGB => CapacityGB - FreeSpaceGB;

        internal Datastore Copy() => (Datastore)MemberwiseClone();

        public override string ToString() => Name;
    }
}
