namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>
    /// A compute place VMs run in, a cluster or a host: PowerCLI's VIContainer, as Get-VM -Location and Move-VM
    /// -Destination take it. A base class, not an interface: PowerShell binds piped objects to an array parameter
    /// without conversion only when their type is the element type or derives from it.
    /// </summary>
    public abstract class VMLocation : IVMContainer
    {
        public abstract bool Holds(CloudVM vm);
    }
}
