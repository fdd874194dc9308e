namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>A place VMs live in: a cluster, a host, a datastore or a network (what Get-VM's -Location, -Datastore and -Network take).</summary>
    public interface IVMContainer
    {
        bool Holds(CloudVM vm);
    }

    /// <summary>A compute place VMs run in, a cluster or a host: PowerCLI's VIContainer, as Get-VM -Location and Move-VM -Destination take it.</summary>
    public interface IVMLocation : IVMContainer
    {
    }
}
