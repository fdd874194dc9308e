namespace HybridCmdlets.Engine.Inventory
{
    /// <summary>Who runs the vCenter behind an endpoint. Short names are the ones VMware engineers use.</summary>
    public enum CloudProvider
    {
        /// <summary>A customer's own vSphere estate.</summary>
        OnPremises,
        /// <summary>VMware Cloud on AWS.</summary>
        VMC,
        /// <summary>Azure VMware Solution.</summary>
        AVS,
        /// <summary>Google Cloud VMware Engine.</summary>
        GCVE,
        /// <summary>OVHcloud Hosted Private Cloud, the former vCloud Air business.</summary>
        OVHcloud,
        /// <summary>IBM Cloud for VMware (vCenter Server instances).</summary>
        IBMCloud,
    }

    public enum PowerState { PoweredOn, PoweredOff, Suspended }

    /// <summary>A host's state in vCenter, as PowerCLI's VMHost.ConnectionState names it.</summary>
    public enum HostConnectionState { Connected, Disconnected, NotResponding, Maintenance }

    public enum CpuVendor { Intel, AMD }

    public enum DatastoreType { VMFS, vSAN, NFS }

    public enum NetworkKind { StandardPortGroup, DistributedPortGroup, NsxSegment }

    /// <summary>The kinds of connection between two sites, as providers sell them.</summary>
    public enum LinkKind { DirectConnect, ExpressRoute, CloudInterconnect, OVHcloudConnect, DirectLink, IPsecVpn }

    /// <summary>What a VM does; it drives its workload profile and where the default lab places it.</summary>
    public enum WorkloadRole { Web, App, Database, File, Infrastructure, DevTest, Desktop }

    /// <summary>VMware Tools status as vSphere reports it (toolsOk, toolsOld, ...).</summary>
    public enum ToolsStatus { ToolsOk, ToolsOld, ToolsNotRunning, ToolsNotInstalled }

    public enum DiskType { Flat, RawVirtual, RawPhysical }

    public enum DiskSharing { NoSharing, MultiWriter }

    public enum StorageFormat { Thin, Thick, EagerZeroedThick }

    public enum AdapterType { Vmxnet3, E1000e, E1000 }
}
