using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Engine.Faults
{
    /// <summary>One firing of a fault that lasts: a link down or degraded, a host out, a datastore full.</summary>
    internal sealed class FaultEffect
    {
        public FaultEffect(CloudFault fault, CloudLink? link, (string Endpoint, string Name)? place)
        {
            Fault = fault;
            Link = link;
            Place = place;
        }

        public CloudFault Fault { get; }

        public FaultKind Kind => Fault.Kind;

        public CloudLink? Link { get; }

        public (string Endpoint, string Name)? Place { get; }

        public bool Ended { get; set; }
    }
}
