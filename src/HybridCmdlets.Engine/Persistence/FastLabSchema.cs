using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using HybridCmdlets.Engine.Inventory;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace HybridCmdlets.Engine.Persistence
{
    /// <summary>
    /// What <see cref="FastLabReader"/> and <see cref="FastLabWriter"/> assume about the VM types, checked once
    /// against the contracts Newtonsoft.Json builds for them (the ones <see cref="LabJson"/> uses). If a property
    /// is added, renamed, retyped or reordered, or an attribute changes how one is written, the check fails and
    /// every load and save goes through Newtonsoft alone, as before the fast path existed: slower, never wrong.
    /// The engine tests assert that the check passes, so such a change is noticed and the fast path updated.
    /// </summary>
    internal static class FastLabSchema
    {
        /// <summary>Each type's serialized properties, in the order Newtonsoft writes them.</summary>
        private static readonly (Type Type, (string Member, Type PropertyType)[] Properties)[] Expected =
        {
            (typeof(LabDocument), new[]
            {
                (nameof(LabDocument.SchemaVersion), typeof(int)),
                (nameof(LabDocument.Name), typeof(string)),
                (nameof(LabDocument.Options), typeof(Lab.LabOptions)),
                (nameof(LabDocument.Clock), typeof(DateTime)),
                (nameof(LabDocument.Endpoints), typeof(List<CloudEndpoint>)),
                (nameof(LabDocument.Links), typeof(List<CloudLink>)),
                (nameof(LabDocument.Access), typeof(Access.LabAccess)),
                (nameof(LabDocument.VMs), typeof(List<CloudVM>)),
            }),
            (typeof(CloudVM), new[]
            {
                (nameof(CloudVM.Name), typeof(string)),
                (nameof(CloudVM.Id), typeof(string)),
                (nameof(CloudVM.PowerState), typeof(PowerState)),
                (nameof(CloudVM.NumCpu), typeof(int)),
                (nameof(CloudVM.CoresPerSocket), typeof(int)),
                (nameof(CloudVM.MemoryMB), typeof(int)),
                (nameof(CloudVM.HardwareVersion), typeof(string)),
                (nameof(CloudVM.GuestId), typeof(string)),
                (nameof(CloudVM.GuestOS), typeof(string)),
                (nameof(CloudVM.ToolsStatus), typeof(ToolsStatus)),
                (nameof(CloudVM.Endpoint), typeof(string)),
                (nameof(CloudVM.Provider), typeof(CloudProvider)),
                (nameof(CloudVM.Cluster), typeof(string)),
                (nameof(CloudVM.VMHost), typeof(string)),
                (nameof(CloudVM.Datastore), typeof(string)),
                (nameof(CloudVM.Folder), typeof(string)),
                (nameof(CloudVM.CpuBaseline), typeof(string)),
                (nameof(CloudVM.Role), typeof(WorkloadRole)),
                (nameof(CloudVM.Workload), typeof(WorkloadProfile)),
                (nameof(CloudVM.Tags), typeof(IReadOnlyList<string>)),
                (nameof(CloudVM.HardDisks), typeof(IReadOnlyList<HardDisk>)),
                (nameof(CloudVM.NetworkAdapters), typeof(IReadOnlyList<NetworkAdapter>)),
                (nameof(CloudVM.CdDrives), typeof(IReadOnlyList<CdDrive>)),
                (nameof(CloudVM.UsbDevices), typeof(IReadOnlyList<UsbDevice>)),
                (nameof(CloudVM.PassthroughDevices), typeof(IReadOnlyList<string>)),
                (nameof(CloudVM.VGpuProfile), typeof(string)),
                (nameof(CloudVM.FaultToleranceEnabled), typeof(bool)),
                (nameof(CloudVM.Snapshots), typeof(IReadOnlyList<VMSnapshot>)),
            }),
            (typeof(WorkloadProfile), new[]
            {
                (nameof(WorkloadProfile.DirtyRateMBps), typeof(double)),
                (nameof(WorkloadProfile.HotSetMB), typeof(double?)),
                (nameof(WorkloadProfile.WritableWorkingSetMB), typeof(double)),
                (nameof(WorkloadProfile.TouchedMemoryPercent), typeof(double)),
                (nameof(WorkloadProfile.DiskWriteRateMBps), typeof(double)),
                (nameof(WorkloadProfile.IsEstimated), typeof(bool)),
            }),
            (typeof(HardDisk), new[]
            {
                (nameof(HardDisk.Name), typeof(string)),
                (nameof(HardDisk.CapacityGB), typeof(double)),
                (nameof(HardDisk.UsedGB), typeof(double)),
                (nameof(HardDisk.Datastore), typeof(string)),
                (nameof(HardDisk.StorageFormat), typeof(StorageFormat)),
                (nameof(HardDisk.DiskType), typeof(DiskType)),
                (nameof(HardDisk.Sharing), typeof(DiskSharing)),
            }),
            (typeof(NetworkAdapter), new[]
            {
                (nameof(NetworkAdapter.Name), typeof(string)),
                (nameof(NetworkAdapter.NetworkName), typeof(string)),
                (nameof(NetworkAdapter.MacAddress), typeof(string)),
                (nameof(NetworkAdapter.Type), typeof(AdapterType)),
                (nameof(NetworkAdapter.Connected), typeof(bool)),
            }),
            (typeof(CdDrive), new[]
            {
                (nameof(CdDrive.Name), typeof(string)),
                (nameof(CdDrive.IsoPath), typeof(string)),
                (nameof(CdDrive.HostDevice), typeof(string)),
                (nameof(CdDrive.RemoteDevice), typeof(string)),
                (nameof(CdDrive.Connected), typeof(bool)),
            }),
            (typeof(UsbDevice), new[]
            {
                (nameof(UsbDevice.Name), typeof(string)),
                (nameof(UsbDevice.VMotionSupported), typeof(bool)),
            }),
            (typeof(VMSnapshot), new[]
            {
                (nameof(VMSnapshot.Name), typeof(string)),
                (nameof(VMSnapshot.Created), typeof(DateTime)),
                (nameof(VMSnapshot.SizeGB), typeof(double)),
            }),
        };

        private static readonly Type[] Enums =
        {
            typeof(PowerState), typeof(ToolsStatus), typeof(CloudProvider), typeof(WorkloadRole),
            typeof(StorageFormat), typeof(DiskType), typeof(DiskSharing), typeof(AdapterType),
        };

        private static readonly Dictionary<(Type, string), string> JsonNames = new Dictionary<(Type, string), string>();

        static FastLabSchema()
        {
            try
            {
                Mismatch = Check();
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is ArgumentException)
            {
                Mismatch = "the contracts could not be inspected: " + e.Message;
            }
        }

        /// <summary>True when the fast reader and writer may be used.</summary>
        public static bool IsSupported => Mismatch == null;

        /// <summary>Why the fast path is off, or null when it is on.</summary>
        public static string? Mismatch { get; }

        /// <summary>The JSON name Newtonsoft uses for a member (camelCase unless an attribute says otherwise).</summary>
        public static string JsonName(Type type, string member) =>
            JsonNames.TryGetValue((type, member), out var name) ? name : throw new InvalidOperationException("No JSON name for " + type.Name + "." + member + ": " + (Mismatch ?? "unknown member") + ".");

        private static string? Check()
        {
            var resolver = LabJson.Resolver;
            foreach (var (type, expected) in Expected)
            {
                if (!(resolver.ResolveContract(type) is JsonObjectContract contract)) return type.Name + " is not serialized as an object";
                if (contract.Converter != null || contract.OverrideCreator != null || contract.CreatorParameters.Count > 0 || contract.DefaultCreator == null
                    || contract.ItemRequired != null || contract.MissingMemberHandling != null || contract.ExtensionDataSetter != null || contract.IsReference == true
                    || contract.OnDeserializedCallbacks.Count > 0 || contract.OnDeserializingCallbacks.Count > 0 || contract.OnSerializedCallbacks.Count > 0 || contract.OnSerializingCallbacks.Count > 0)
                {
                    return type.Name + " has a converter, creator, callback or setting the fast path does not reproduce";
                }

                var actual = contract.Properties.Where(p => !p.Ignored).ToList();
                var actualNames = string.Join(", ", actual.Select(p => p.UnderlyingName + ":" + p.PropertyType?.Name));
                var expectedNames = string.Join(", ", expected.Select(p => p.Member + ":" + p.PropertyType.Name));
                if (actual.Count != expected.Length || actual.Where((p, i) => p.UnderlyingName != expected[i].Member || p.PropertyType != expected[i].PropertyType).Any())
                {
                    return type.Name + " serializes [" + actualNames + "] but the fast path handles [" + expectedNames + "]";
                }

                foreach (var p in actual)
                {
                    var isString = p.PropertyType == typeof(string);
                    var isStringList = p.PropertyType == typeof(IReadOnlyList<string>);
                    var isList = p.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType);
                    if (!p.Readable || !p.Writable || p.PropertyName == null
                        || p.Converter != (isString ? LabJson.LabContractResolver.Pooled : null)
                        || p.ItemConverter != (isStringList ? LabJson.LabContractResolver.Pooled : null)
                        || (p.ShouldSerialize != null) != isList || p.ShouldDeserialize != null || p.GetIsSpecified != null
                        || p.NullValueHandling != null || p.DefaultValueHandling != null || p.ObjectCreationHandling != null || p.Required != Required.Default
                        || p.TypeNameHandling != null || p.IsReference != null || p.ReferenceLoopHandling != null || p.ItemIsReference != null || p.ItemTypeNameHandling != null
                        || p.DefaultValue != null)
                    {
                        return type.Name + "." + p.UnderlyingName + " has a setting the fast path does not reproduce";
                    }

                    JsonNames[(type, p.UnderlyingName!)] = p.PropertyName;
                }
            }

            foreach (var e in Enums)
            {
                if (e.IsDefined(typeof(FlagsAttribute), false)) return e.Name + " is a flags enum";
                if (e.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(EnumMemberAttribute), false))) return e.Name + " renames a value with [EnumMember]";
                var values = Enum.GetValues(e).Cast<object>().Select(Convert.ToInt64).ToArray();
                if (!values.SequenceEqual(Enumerable.Range(0, values.Length).Select(i => (long)i))) return e.Name + "'s values are not 0, 1, 2, ...";
            }

            var converters = LabJson.CreateSerializer().Converters;
            if (converters.Count != 1 || !(converters[0] is Newtonsoft.Json.Converters.StringEnumConverter enums) || enums.NamingStrategy != null || enums.AllowIntegerValues)
            {
                return "the serializer's converters are not the ones the fast path reproduces";
            }

            return null;
        }
    }
}
