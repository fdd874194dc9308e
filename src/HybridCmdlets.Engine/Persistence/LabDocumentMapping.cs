using System.Collections.Generic;
using HybridCmdlets.Engine.Access;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// The lab file as a whole: a small, indented header (name, options, clock, endpoints, links, access) and then
    /// the VMs, one per line. Schema 1 files (every field written, all of the file indented) read through the same
    /// mappings: schema 2 only leaves out what schema 1 wrote needlessly.
    /// </summary>
    internal static class LabDocumentMapping
    {
        private const string SchemaVersion = "schemaVersion";
        private const string Name = "name";
        private const string Options = "options";
        private const string Clock = "clock";
        private const string Endpoints = "endpoints";
        private const string Links = "links";
        private const string Access = "access";
        private const string VMs = "vms";

        public static void Write(LabJsonWriter w, LabDocument lab)
        {
            w.WriteStartObject();
            w.Name(SchemaVersion);
            w.WriteValue(LabDocument.CurrentSchemaVersion);
            w.Required(Name, lab.Name);
            w.Name(Options);
            OptionsMapping.Write(w, lab.Options);
            w.Time(Clock, lab.Clock);
            w.List(Endpoints, lab.Endpoints, EndpointMapping.Write);
            w.List(Links, lab.Links, LinkMapping.Write);
            if (lab.Access != null)
            {
                w.Name(Access);
                AccessMapping.Write(w, lab.Access);
            }

            var places = new LabPlaces(lab.Endpoints);
            w.OneLinePerItem(VMs, lab.VMs, (x, vm) => VMMapping.Write(x, vm, places));
            w.WriteEndObject();
        }

        /// <summary>The document, not yet validated; null when the file holds nothing or JSON null.</summary>
        public static LabDocument? Read(LabJsonReader r)
        {
            if (!r.TryRead() || r.IsNull) return null;
            r.StartObject("the lab");
            var lab = new LabDocument();
            JToken? vmsBeforeEndpoints = null;
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case SchemaVersion: lab.SchemaVersion = r.Int(); break;
                    case Name: lab.Name = r.String(); break;
                    case Options: lab.Options = OptionsMapping.Read(r); break;
                    case Clock: lab.Clock = r.Time(); break;
                    case Endpoints: lab.Endpoints = r.List(EndpointMapping.Read); break;
                    case Links: lab.Links = r.List(LinkMapping.Read); break;
                    case Access: lab.Access = AccessMapping.Read(r); break;
                    case VMs:
                        // A VM's left-out fields follow from its endpoint: VMs come after the endpoints, or wait for them.
                        if (lab.Endpoints.Count == 0) vmsBeforeEndpoints = r.Token();
                        else lab.VMs = ReadVMs(r, lab.Endpoints);
                        break;
                    default: throw r.Unknown(field, "the lab");
                }
            }

            if (vmsBeforeEndpoints != null) lab.VMs = ReadVMs(r.Over(vmsBeforeEndpoints), lab.Endpoints);
            return lab;
        }

        private static List<CloudVM> ReadVMs(LabJsonReader r, List<CloudEndpoint> endpoints)
        {
            var places = new LabPlaces(endpoints);
            return r.List((x, i) => VMMapping.Read(x, places));
        }
    }

    internal static class OptionsMapping
    {
        private const string AutoSave = "autoSave";
        private const string TimeScale = "timeScale";
        private const string MigrationAlgorithmField = "migrationAlgorithm";
        private const string DowntimeTargetMs = "downtimeTargetMs";
        private const string AutoConverge = "autoConverge";

        private static readonly LabOptions NewOptions = new LabOptions();

        public static void Write(LabJsonWriter w, LabOptions options)
        {
            w.WriteStartObject();
            w.Flag(AutoSave, options.AutoSave, NewOptions.AutoSave);
            w.Number(TimeScale, options.TimeScale);
            w.Enum(MigrationAlgorithmField, options.MigrationAlgorithm, NewOptions.MigrationAlgorithm);
            w.Number(DowntimeTargetMs, options.DowntimeTargetMs);
            w.Flag(AutoConverge, options.AutoConverge, NewOptions.AutoConverge);
            w.WriteEndObject();
        }

        public static LabOptions Read(LabJsonReader r)
        {
            r.StartObject("the options");
            var options = new LabOptions();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case AutoSave: options.AutoSave = r.Bool(); break;
                    case TimeScale: options.TimeScale = r.Double(); break;
                    case MigrationAlgorithmField: options.MigrationAlgorithm = r.Enum<MigrationAlgorithm>(); break;
                    case DowntimeTargetMs: options.DowntimeTargetMs = r.Double(); break;
                    case AutoConverge: options.AutoConverge = r.Bool(); break;
                    default: throw r.Unknown(field, "the options");
                }
            }

            return options;
        }
    }

    internal static class LinkMapping
    {
        private const string Source = "source";
        private const string Destination = "destination";
        private const string Kind = "kind";
        private const string BandwidthMbps = "bandwidthMbps";
        private const string RttMs = "rttMs";
        private const string LossPercent = "lossPercent";
        /// <summary>Left out when it is 1, as a service mesh starts.</summary>
        private const string NetworkExtensionAppliances = "networkExtensionAppliances";

        public static void Write(LabJsonWriter w, CloudLink link, int index)
        {
            w.WriteStartObject();
            w.Required(Source, link.Source);
            w.Required(Destination, link.Destination);
            w.Enum(Kind, link.Kind);
            w.Number(BandwidthMbps, link.BandwidthMbps);
            w.Number(RttMs, link.RttMs);
            w.Number(LossPercent, link.LossPercent);
            if (link.NetworkExtensionAppliances != 1) w.Number(NetworkExtensionAppliances, link.NetworkExtensionAppliances);
            w.WriteEndObject();
        }

        public static CloudLink Read(LabJsonReader r, int index)
        {
            r.StartObject("a link");
            var link = new CloudLink();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Source: link.Source = r.Pooled(); break;
                    case Destination: link.Destination = r.Pooled(); break;
                    case Kind: link.Kind = r.Enum<LinkKind>(); break;
                    case BandwidthMbps: link.BandwidthMbps = r.Double(); break;
                    case RttMs: link.RttMs = r.Double(); break;
                    case LossPercent: link.LossPercent = r.Double(); break;
                    case NetworkExtensionAppliances: link.NetworkExtensionAppliances = r.Int(); break;
                    default: throw r.Unknown(field, "a link");
                }
            }

            return link;
        }
    }

    /// <summary>The lab's users (a name and a password hash each, never a password) and their roles per endpoint.</summary>
    internal static class AccessMapping
    {
        private const string Users = "users";
        private const string Permissions = "permissions";
        private const string Name = "name";
        private const string PasswordHash = "passwordHash";
        private const string Principal = "principal";
        private const string Endpoint = "endpoint";
        private const string Role = "role";

        public static void Write(LabJsonWriter w, LabAccess access)
        {
            w.WriteStartObject();
            w.List(Users, access.Users, (x, user, i) =>
            {
                x.WriteStartObject();
                x.Required(Name, user.Name);
                x.Required(PasswordHash, user.PasswordHash);
                x.WriteEndObject();
            });
            w.List(Permissions, access.Permissions, (x, permission, i) =>
            {
                x.WriteStartObject();
                x.Required(Principal, permission.Principal);
                x.Required(Endpoint, permission.Endpoint);
                x.Enum(Role, permission.Role);
                x.WriteEndObject();
            });
            w.WriteEndObject();
        }

        public static LabAccess Read(LabJsonReader r)
        {
            r.StartObject("the access section");
            var access = new LabAccess();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Users: access.Users = r.List(ReadUser); break;
                    case Permissions: access.Permissions = r.List(ReadPermission); break;
                    default: throw r.Unknown(field, "the access section");
                }
            }

            return access;
        }

        private static CloudUser ReadUser(LabJsonReader r, int index)
        {
            r.StartObject("a user");
            var user = new CloudUser();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Name: user.Name = r.String(); break;
                    case PasswordHash: user.PasswordHash = r.String(); break;
                    default: throw r.Unknown(field, "a user");
                }
            }

            return user;
        }

        private static CloudPermission ReadPermission(LabJsonReader r, int index)
        {
            r.StartObject("a permission");
            var permission = new CloudPermission();
            while (r.NextField(out var field))
            {
                switch (field)
                {
                    case Principal: permission.Principal = r.Pooled(); break;
                    case Endpoint: permission.Endpoint = r.Pooled(); break;
                    case Role: permission.Role = r.Enum<AccessRole>(); break;
                    default: throw r.Unknown(field, "a permission");
                }
            }

            return permission;
        }
    }
}
