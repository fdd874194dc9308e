namespace HybridCmdlets.Engine.Inventory
{
    public static class ProviderNames
    {
        public static string Of(CloudProvider provider) => provider switch
        {
            CloudProvider.OnPremises => "vSphere (on premises)",
            CloudProvider.VMC => "VMware Cloud on AWS",
            CloudProvider.AVS => "Azure VMware Solution",
            CloudProvider.GCVE => "Google Cloud VMware Engine",
            CloudProvider.OVHcloud => "OVHcloud Hosted Private Cloud",
            CloudProvider.IBMCloud => "IBM Cloud for VMware",
            _ => provider.ToString(),
        };
    }
}
