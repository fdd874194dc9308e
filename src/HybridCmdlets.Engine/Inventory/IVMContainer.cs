namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>A place VMs live in: a cluster, a host, a datastore or a network (what Get-VM's -Location, -Datastore and -Network take).</summary>
    public interface IVMContainer
    {
        bool Holds(CloudVM vm);
    }
}
