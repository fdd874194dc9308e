using System.Linq;

namespace HybridCmdlets.Engine.Inventory
{
    public sealed class Datastore : IVMContainer
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

        /// <summary>True when the VM's home or any of its disks is on this datastore.</summary>
        public bool Holds(CloudVM vm) =>
            Names.Equal(vm.Endpoint, Endpoint) && (Names.Equal(vm.Datastore, Name) || vm.HardDisks.Any(d => Names.Equal(d.Datastore, Name)));

        internal Datastore Copy() => (Datastore)MemberwiseClone();

        public override string ToString() => Name;
    }
}
