using System.Linq;
using HybridCmdlets.Engine.Errors;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Lab;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Readiness;
using HybridCmdlets.Testing;

namespace HybridCmdlets.Engine.Tests
{
    /// <summary>
    /// Issue 12: capacity that adds up. VMs tested together are one wave whose memory and disks add up at the
    /// destination; moves in flight hold their destination's memory; powered-off VMs hold none.
    /// </summary>
    public class WaveCapacityTests
    {
        // AVS's Cluster-1: 3 hosts of 768 GB, 20 GB held by the pilots, a 25% HA reserve: 1708 GB for powered-on VMs.
        private const double AvsAvailableGB = 1708;

        private static LabSession LabWith(params (string VM, int MemoryGB)[] sizes)
        {
            var document = LabGenerator.CreateDefault();
            foreach (var (name, gb) in sizes) document.VMs.Single(v => v.Name == name).MemoryMB = gb * 1024;
            return LabSession.FromDocument(document, new ManualClock());
        }

        private static ReadinessCheck Memory(MigrationReadiness readiness) => readiness.Checks.Single(c => c.Id == "compute.memory");

        private static MigrationReadiness Test(LabSession lab, string vm, Wave? wave) =>
            LabMoves.Test(lab, lab.Estate.FindVM("onprem-lon", vm)!, MoveTarget.Parse("avs-westeurope", null, MigrationType.Bulk), wave);

        [Fact]
        public void A_VM_that_fits_alone_fails_when_the_VMs_before_it_in_its_wave_took_the_room()
        {
            var lab = LabWith(("crm-app01", 1000), ("crm-app02", 1000));
            Assert.Equal(CheckStatus.Pass, Memory(Test(lab, "crm-app01", null)).Status);
            Assert.Equal(CheckStatus.Pass, Memory(Test(lab, "crm-app02", null)).Status);

            var wave = new Wave();
            var first = Test(lab, "crm-app01", wave);
            var second = Test(lab, "crm-app02", wave);

            Assert.Equal(CheckStatus.Pass, Memory(first).Status);
            Assert.Equal(CheckStatus.Fail, Memory(second).Status);
            Assert.Contains("the 1 VM(s) before VM 'crm-app02' in this wave take 1000 GB of it; it needs 1000 GB", Memory(second).Message);
            Assert.Contains(AvsAvailableGB.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " GB", Memory(second).Message);
            Assert.Equal(ReadinessVerdict.NotReady, second.Verdict);
            Assert.Equal((1000.0, 1), wave.MemoryOn(lab.Estate.GetEndpoint("avs-westeurope").FindCluster("Cluster-1")!));
        }

        [Fact]
        public void A_VM_found_not_ready_takes_nothing_from_the_VMs_after_it()
        {
            var lab = LabWith(("crm-app01", 1900), ("crm-app02", 1000));
            var wave = new Wave();
            Assert.Equal(ReadinessVerdict.NotReady, Test(lab, "crm-app01", wave).Verdict);
            Assert.Equal(CheckStatus.Pass, Memory(Test(lab, "crm-app02", wave)).Status);
        }

        [Fact]
        public void Moves_in_flight_hold_their_destinations_memory_so_a_wave_moved_one_by_one_cannot_overcommit_it()
        {
            var lab = LabWith(("crm-app01", 1000), ("crm-app02", 1000));
            var first = LabMoves.Plan(lab, lab.Estate.FindVM("onprem-lon", "crm-app01")!, MoveTarget.Parse("avs-westeurope", null, MigrationType.Bulk));
            var task = lab.Submit(first);

            var refused = Assert.Throws<HybridException>(() => LabMoves.Plan(lab, lab.Estate.FindVM("onprem-lon", "crm-app02")!, MoveTarget.Parse("avs-westeurope", null, MigrationType.Bulk)));
            Assert.Equal("MigrationNotReady", refused.ErrorId);
            Assert.Contains("compute.memory", (string[])refused.Data["FailingChecks"]!);
            Assert.NotNull(lab.Estate.FindVM("onprem-lon", "crm-app02"));

            lab.WaitFor(new[] { task }, default);
            // Landed, the first VM holds the memory as an allocation: the second still does not fit.
            Assert.Equal(CheckStatus.Fail, Memory(Test(lab, "crm-app02", null)).Status);
        }

        [Fact]
        public void Powered_off_VMs_hold_no_memory_at_the_destination_nor_at_their_cluster()
        {
            var lab = LabWith(("crm-app01", 1900));
            Assert.Equal(CheckStatus.Fail, Memory(Test(lab, "crm-app01", null)).Status);
            lab.SetPower(lab.Estate.FindVM("onprem-lon", "crm-app01")!, PowerAction.PowerOff);
            var cold = LabMoves.Test(lab, lab.Estate.FindVM("onprem-lon", "crm-app01")!, MoveTarget.Parse("avs-westeurope", null, MigrationType.Cold));
            Assert.Equal(CheckStatus.Pass, Memory(cold).Status);
            Assert.Contains("powered off: it takes no memory", Memory(cold).Message);

            // Powering a big VM off gives its memory back to its own cluster.
            var cluster = lab.Estate.GetEndpoint("onprem-lon").FindCluster("Prod-Cluster-01")!;
            var before = lab.Estate.UnallocatedMemoryGB(cluster);
            lab.SetPower(lab.Estate.FindVM("onprem-lon", "crm-web01")!, PowerAction.PowerOff);
            Assert.Equal(before + lab.Estate.FindVM("onprem-lon", "crm-web01")!.MemoryGB, lab.Estate.UnallocatedMemoryGB(cluster), 6);
        }

        [Fact]
        public void A_waves_disks_add_up_on_the_destination_datastore()
        {
            var document = LabGenerator.CreateDefault();
            var datastore = document.Endpoints.Single(e => e.Name == "avs-westeurope").Datastores.Single();
            var one = document.VMs.Single(v => v.Name == "crm-app01");
            var two = document.VMs.Single(v => v.Name == "crm-app02");
            // Room for either VM's disks, not for both.
            datastore.FreeSpaceGB = System.Math.Round(System.Math.Max(one.UsedSpaceGB, two.UsedSpaceGB) + 1, 2);
            var lab = LabSession.FromDocument(document, new ManualClock());
            var wave = new Wave();
            Assert.Equal(CheckStatus.Pass, Test(lab, "crm-app01", wave).Checks.Single(c => c.Id == "compute.datastore").Status);
            var second = Test(lab, "crm-app02", wave).Checks.Single(c => c.Id == "compute.datastore");
            Assert.Equal(CheckStatus.Fail, second.Status);
            Assert.Contains("before VM 'crm-app02' in this wave", second.Message);
        }
    }
}
