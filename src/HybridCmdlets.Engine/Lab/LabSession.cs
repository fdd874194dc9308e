using System;
using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Persistence;

namespace HybridCmdlets.Engine.Lab
{
    /// <summary>
    /// The lab the cmdlets work on: its estate, options and file. Opening a lab replaces it only once the new
    /// one has been read and checked in full; a failed open leaves everything as it was.
    /// </summary>
    public sealed class LabSession
    {
        private readonly object gate = new object();
        private string name = "";
        private string? path;
        private LabOrigin origin;
        private LabOptions options = new LabOptions();
        private bool isModified;
        private int schemaVersion;

        private LabSession(LabDocument document)
        {
            Estate = Replace(document, null, LabOrigin.Embedded);
        }

        /// <summary>The embedded default lab, generated the same way at every import.</summary>
        public static LabSession CreateDefault() => new LabSession(LabGenerator.CreateDefault());

        public static LabSession FromDocument(LabDocument document) => new LabSession(document);

        public Estate Estate { get; private set; }

        public string? Path { get { lock (gate) return path; } }

        public LabOptions Options { get { lock (gate) return options.Copy(); } }

        public HybridLab Describe()
        {
            lock (gate)
            {
                return new HybridLab(name, path, origin, schemaVersion, Estate.Endpoints.Count, Estate.VMCount, Estate.Links.Count, options.AutoSave, isModified);
            }
        }

        /// <summary>Replaces the current lab with the one in the file, or throws and changes nothing.</summary>
        public HybridLab Open(string file)
        {
            var document = LabFile.Load(file);
            var fullPath = System.IO.Path.GetFullPath(file);
            if (string.IsNullOrWhiteSpace(document.Name)) document.Name = System.IO.Path.GetFileNameWithoutExtension(fullPath);
            lock (gate) Replace(document, fullPath, LabOrigin.File);

            return Describe();
        }

        /// <summary>Goes back to the embedded default lab, as at import.</summary>
        public HybridLab ResetToDefault()
        {
            var document = LabGenerator.CreateDefault();
            lock (gate) Replace(document, null, LabOrigin.Embedded);

            return Describe();
        }

        /// <summary>Makes <paramref name="document"/> the lab; callers hold the gate (or are constructing).</summary>
        private Estate Replace(LabDocument document, string? file, LabOrigin from)
        {
            name = document.Name;
            path = file;
            origin = from;
            options = document.Options.Copy();
            isModified = false;
            schemaVersion = document.SchemaVersion;
            return Estate = new Estate(document.Endpoints, document.Links, document.VMs);
        }

        /// <summary>Writes the lab to <paramref name="file"/> (or to its own file) and makes that its file.</summary>
        public HybridLab Save(string? file)
        {
            lock (gate)
            {
                var target = file ?? path ?? throw EngineErrors.LabPathRequired();
                var fullPath = System.IO.Path.GetFullPath(target);
                LabFile.Save(ToDocument(), fullPath);
                schemaVersion = LabDocument.CurrentSchemaVersion;
                path = fullPath;
                origin = LabOrigin.File;
                isModified = false;
            }

            return Describe();
        }

        public LabDocument ToDocument()
        {
            lock (gate)
            {
                return new LabDocument
                {
                    SchemaVersion = LabDocument.CurrentSchemaVersion,
                    Name = name,
                    Options = options.Copy(),
                    Endpoints = Estate.Endpoints.ToList(),
                    Links = Estate.Links.ToList(),
                    VMs = Estate.VMs.ToList(),
                };
            }
        }

        /// <summary>Changes options; like any change, follow it with <see cref="RecordChange"/>.</summary>
        public HybridLab SetOptions(bool? autoSave)
        {
            lock (gate)
            {
                var updated = options.Copy();
                if (autoSave.HasValue) updated.AutoSave = autoSave.Value;
                options = updated;
            }

            return Describe();
        }

        /// <summary>
        /// Called after every change to the estate: marks the lab modified and, for a file-backed lab with
        /// AutoSave on, writes it at once so that the file never lags behind what the user saw happen.
        /// </summary>
        public void RecordChange()
        {
            string? saveTo;
            lock (gate)
            {
                isModified = true;
                saveTo = options.AutoSave ? path : null;
            }

            if (saveTo != null) Save(saveTo);
        }
    }
}
