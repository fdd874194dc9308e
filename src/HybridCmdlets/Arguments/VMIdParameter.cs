using HybridCmdlets.Engine.Inventory;

namespace HybridCmdlets.Arguments
{
    /// <summary>
    /// What a -VM parameter accepts: a <see cref="CloudVM"/> or a name (wildcards allowed), as PowerCLI's -VM does.
    /// PowerShell builds it through one of the constructors, so binding never looks anything up; the command
    /// resolves it and reports a VM that does not exist as a VMNotFound error for that item alone.
    /// </summary>
    public sealed class VMIdParameter
    {
        public VMIdParameter(CloudVM vm)
        {
            VM = vm;
            Name = vm.Name;
        }

        public VMIdParameter(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>The VM object the user passed, or null when they gave a name.</summary>
        public CloudVM? VM { get; }

        public override string ToString() => Name;
    }
}
