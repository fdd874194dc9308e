namespace HybridCmdlets.Engine.Import
{
    /// <summary>A file's path and header names: what a row error needs to say where it is.</summary>
    internal sealed class RowSource
    {
        private readonly string[] headers;

        public RowSource(RvToolsFile file)
        {
            Tab = file.Tab.Name;
            Path = file.Path;
            headers = new string[file.Tab.Columns.Count];
            foreach (var column in file.Tab.Columns) headers[column.Ordinal] = file.Header(column);
        }

        public string Tab { get; }
        public string Path { get; }

        public InventoryRowLocation At(int line, RvToolsColumn column, string value, string? vm) =>
            new InventoryRowLocation(Tab, Path, line, headers[column.Ordinal], value, vm);
    }

    /// <summary>A row that cannot be imported, and the VM it concerns (which is then not imported either).</summary>
    internal sealed class InventoryProblem
    {
        public InventoryProblem(Errors.HybridException error, string? vm)
        {
            Error = error;
            VM = vm;
        }

        public Errors.HybridException Error { get; }
        public string? VM { get; }
    }
}
