using System;
using System.Linq;
using System.Threading;
using HybridCmdlets.Engine.Generation;
using HybridCmdlets.Engine.Inventory;
using HybridCmdlets.Engine.Migration;
using HybridCmdlets.Engine.Simulation;

namespace HybridCmdlets.Engine.Tests
{
    public class MigrationTimelineTests
    {
        private static readonly DateTime Epoch = new DateTime(2026, 11, 22, 20, 0, 0, DateTimeKind.Utc);

        /// <summary>A wall clock that only moves when the timeline sleeps, or when the test says so.</summary>
        private sealed class FakeWall : IWallClock
        {
            public DateTime UtcNow { get; set; } = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

            public TimeSpan Slept { get; private set; }

            public void Sleep(TimeSpan duration, CancellationToken cancellation)
            {
                UtcNow += duration;
                Slept += duration;
            }
        }

        private static Estate NewEstate()
        {
            var doc = LabGenerator.CreateDefault();
            return new Estate(doc.Endpoints, doc.Links, doc.VMs);
        }

        private static MigrationPlan ToAvs(Estate estate, string vm, MigrationType type = MigrationType.Auto) =>
            MigrationPlanner.Plan(estate, new MigrationRequest { VMId = estate.FindVM("onprem-lon", vm)!.Id, DestinationEndpoint = "avs-westeurope", Type = type });

        [Fact]
        public void Submitting_returns_at_once_and_time_moves_only_while_someone_waits()
        {
            var estate = NewEstate();
            var timeline = new MigrationTimeline(estate, Epoch);
            var task = timeline.Submit(ToAvs(estate, "crm-web01"), MigrationAlgorithm.vSphere);

            Assert.Equal("task-1", task.Id);
            Assert.Equal(MigrationStatus.Running, task.State);
            Assert.Equal(Epoch, timeline.VirtualNow);
            Assert.NotNull(estate.FindVM("onprem-lon", "crm-web01"));

            timeline.WaitFor(new[] { task }, CancellationToken.None);

            Assert.Equal(MigrationStatus.Succeeded, task.State);
            Assert.Equal(100, task.PercentComplete);
            Assert.Equal(task.Result.EndTime, timeline.VirtualNow);
            Assert.NotNull(estate.FindVM("avs-westeurope", "crm-web01"));
        }

        [Fact]
        public void At_time_scale_0_each_look_moves_the_clock_to_the_next_change_of_the_tasks_looked_at()
        {
            var estate = NewEstate();
            var wall = new FakeWall();
            var timeline = new MigrationTimeline(estate, Epoch, wall);
            // Two separate submissions, as two commands would make them: neither advances the clock. HCX runs its
            // vMotions one at a time, so the second waits in the queue.
            var first = timeline.Submit(ToAvs(estate, "crm-web01", MigrationType.vMotion), MigrationAlgorithm.vSphere);
            var second = timeline.Submit(ToAvs(estate, "crm-web02", MigrationType.vMotion), MigrationAlgorithm.vSphere);
            Assert.Equal(Epoch, timeline.VirtualNow);
            var phase = first.Phase;

            timeline.CatchUpForLook(new[] { first, second }, CancellationToken.None);

            Assert.True(timeline.VirtualNow > Epoch);
            Assert.NotEqual(phase, first.Phase);
            Assert.Equal(MigrationStatus.Queued, second.State);
            Assert.Equal(TimeSpan.Zero, wall.Slept);

            // A polling loop on the first task: every look shows a change, and the loop ends.
            var looks = 0;
            while (!first.IsFinished)
            {
                var before = (first.State, first.Phase);
                timeline.CatchUpForLook(new[] { first }, CancellationToken.None);
                Assert.NotEqual(before, (first.State, first.Phase));
                Assert.True(++looks < 1000, "the loop does not end");
            }

            Assert.Equal(MigrationStatus.Succeeded, first.State);
            Assert.NotNull(estate.FindVM("avs-westeurope", "crm-web01"));
        }

        [Fact]
        public void At_a_time_scale_a_look_at_the_tasks_only_catches_up_with_the_wall_clock()
        {
            var estate = NewEstate();
            var wall = new FakeWall();
            var timeline = new MigrationTimeline(estate, Epoch, wall) { TimeScale = 60 };
            var task = timeline.Submit(ToAvs(estate, "crm-web01"), MigrationAlgorithm.vSphere);

            wall.UtcNow += TimeSpan.FromSeconds(2);
            timeline.CatchUpForLook(new[] { task }, CancellationToken.None);

            Assert.Equal(Epoch.AddMinutes(2), timeline.VirtualNow);
            Assert.Equal(MigrationStatus.Running, task.State);
        }

        [Fact]
        public void Tasks_submitted_together_share_the_timeline_and_give_the_same_results_as_one_batch()
        {
            var names = new[] { "crm-web01", "crm-web02", "hr-web01", "shop-web01" };
            var estate = NewEstate();
            var timeline = new MigrationTimeline(estate, Epoch);
            var tasks = names.Select(n => timeline.Submit(ToAvs(estate, n, MigrationType.Bulk), MigrationAlgorithm.vSphere)).ToList();
            timeline.WaitFor(tasks, CancellationToken.None);

            var other = NewEstate();
            var batch = new MigrationBatch(other, MigrationAlgorithm.vSphere, Epoch);
            var runs = names.Select(n => batch.Add(ToAvs(other, n, MigrationType.Bulk))).ToList();
            batch.RunToEnd();

            Assert.Equal(runs.Select(r => (r.Result.StartTime, r.Result.EndTime, r.Result.Downtime)), tasks.Select(t => (t.Result.StartTime, t.Result.EndTime, t.Result.Downtime)));
            Assert.All(tasks, t => Assert.Equal(Epoch, t.Result.StartTime));
        }

        [Fact]
        public void A_canceled_wait_cancels_the_tasks_still_running_and_leaves_their_vms_at_their_sources()
        {
            var estate = NewEstate();
            var timeline = new MigrationTimeline(estate, Epoch);
            var tasks = new[] { "crm-app01", "erp-app01" }.Select(n => timeline.Submit(ToAvs(estate, n, MigrationType.RAV), MigrationAlgorithm.vSphere)).ToList();
            using var stop = new CancellationTokenSource();
            var calls = 0;
            timeline.WaitFor(tasks, stop.Token, () => { if (++calls == 1) stop.Cancel(); });

            Assert.All(tasks, t => Assert.Equal(MigrationStatus.Canceled, t.State));
            Assert.NotNull(estate.FindVM("onprem-lon", "crm-app01"));
            Assert.NotNull(estate.FindVM("onprem-lon", "erp-app01"));
            Assert.False(estate.IsMigrating(tasks[0].Result.VMId));
        }

        /// <summary>A wall clock that stands still until the reading it is armed for: then it is a second later, and Ctrl+C is pressed.</summary>
        private sealed class LeapingWall : IWallClock
        {
            private readonly CancellationTokenSource press;
            private int reads;
            private int pressAt = -1;
            private bool pressing;

            public LeapingWall(CancellationTokenSource press) => this.press = press;

            public void PressOnReading(int fromNow, bool press)
            {
                pressAt = reads + fromNow;
                this.pressing = press;
            }

            public DateTime UtcNow
            {
                get
                {
                    if (++reads == pressAt && pressing) press.Cancel();
                    return new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(pressAt > 0 && reads >= pressAt ? 1 : 0);
                }
            }

            public void Sleep(TimeSpan duration, CancellationToken cancellation)
            {
            }
        }

        [Fact]
        public void A_cancel_during_a_long_step_at_a_high_time_scale_stops_it_within_a_few_hundred_events()
        {
            long EventsOfTheWave(CancellationTokenSource stop, bool press, out System.Collections.Generic.List<CloudTask> tasks)
            {
                var estate = NewEstate();
                var wall = new LeapingWall(stop);
                var timeline = new MigrationTimeline(estate, Epoch, wall);
                tasks = new System.Collections.Generic.List<CloudTask>();
                foreach (var vm in estate.VMs.Where(v => v.Endpoint == "onprem-lon" && v.PowerState == PowerState.PoweredOn))
                {
                    try
                    {
                        tasks.Add(timeline.Submit(ToAvs(estate, vm.Name, MigrationType.Bulk), MigrationAlgorithm.vSphere));
                    }
                    catch (Errors.HybridException)
                    {
                        // A VM the planner cannot send to AVS (a network AVS does not carry): not part of the wave.
                    }
                }

                // Submitted at time scale 0, so that nothing runs before the wait.
                timeline.TimeScale = 1_000_000;
                var before = timeline.EventsProcessed;
                // The wait reads the clock twice to catch up, then once as its first step begins: a second passes then,
                // and at 1,000,000x the whole wave is due in that one step, as Ctrl+C is pressed.
                wall.PressOnReading(3, press);
                timeline.WaitFor(tasks, stop.Token);
                return timeline.EventsProcessed - before;
            }

            using var never = new CancellationTokenSource();
            var whole = EventsOfTheWave(never, press: false, out var finished);
            Assert.All(finished, t => Assert.Equal(MigrationStatus.Succeeded, t.State));
            Assert.True(whole > 2 * 256, "the wave needs only " + whole + " events");

            using var stop = new CancellationTokenSource();
            var ran = EventsOfTheWave(stop, press: true, out var tasks);
            // The step stopped at its first look for Ctrl+C: what ended by then stands, the rest was canceled.
            Assert.InRange(ran, 1, 256);
            Assert.All(tasks, t => Assert.Contains(t.State, new[] { MigrationStatus.Succeeded, MigrationStatus.Canceled }));
            Assert.Contains(tasks, t => t.State == MigrationStatus.Canceled);
        }

        [Fact]
        public void A_lab_left_at_the_highest_time_scale_keeps_a_clock_a_date_can_hold()
        {
            var estate = NewEstate();
            var wall = new FakeWall();
            var timeline = new MigrationTimeline(estate, Epoch, wall) { TimeScale = 1_000_000 };
            wall.UtcNow = wall.UtcNow.AddDays(30);   // 82,000 years of lab time at that scale

            timeline.CatchUp();

            Assert.Equal(Epoch.AddDays(36525), timeline.VirtualNow);
            var task = timeline.Submit(ToAvs(estate, "crm-web01"), MigrationAlgorithm.vSphere);
            timeline.TimeScale = 0;
            timeline.WaitFor(new[] { task }, CancellationToken.None);
            Assert.Equal(MigrationStatus.Succeeded, task.State);
        }

        [Fact]
        public void With_a_time_scale_waiting_plays_the_timeline_back_at_that_speed()
        {
            var estate = NewEstate();
            var wall = new FakeWall();
            var timeline = new MigrationTimeline(estate, Epoch, wall) { TimeScale = 50 };
            var task = timeline.Submit(ToAvs(estate, "crm-app01"), MigrationAlgorithm.vSphere);
            var progress = new System.Collections.Generic.List<int>();

            timeline.WaitFor(new[] { task }, CancellationToken.None, () => progress.Add(task.PercentComplete));

            // Played back at 50x: the wall time slept is the virtual duration over 50, within the 1 ms steps.
            var virtualSeconds = task.Result.Duration.TotalSeconds;
            Assert.InRange(wall.Slept.TotalSeconds, virtualSeconds / 50 * 0.95, virtualSeconds / 50 * 1.05 + 0.1);
            Assert.True(progress.Count > 5);
            Assert.Contains(progress, p => p > 0 && p < 100);
            Assert.Equal(100, progress.Last());
            Assert.Equal(progress.OrderBy(p => p), progress);
        }

        [Fact]
        public void With_a_time_scale_asking_catches_the_timeline_up_with_the_wall_clock()
        {
            var estate = NewEstate();
            var wall = new FakeWall();
            var timeline = new MigrationTimeline(estate, Epoch, wall) { TimeScale = 10 };
            var task = timeline.Submit(ToAvs(estate, "shop-app01", MigrationType.Bulk), MigrationAlgorithm.vSphere);

            wall.UtcNow += TimeSpan.FromSeconds(2);
            timeline.CatchUp();

            Assert.Equal(Epoch.AddSeconds(20), timeline.VirtualNow);
            Assert.Equal(MigrationStatus.Running, task.State);
            Assert.InRange(task.PercentComplete, 1, 99);
        }

        [Fact]
        public void A_negative_time_scale_is_refused()
        {
            var timeline = new MigrationTimeline(NewEstate(), Epoch);
            Assert.Equal("ValueOutOfRange", Assert.Throws<Errors.HybridException>(() => timeline.TimeScale = -1).ErrorId);
        }
    }
}
