using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Model;

namespace UcgSim.Tests.Validation;

/// <summary>The validation judgment on synthetic tallies, where every share and quantile can be worked out by hand.</summary>
public sealed class CaseValidationTests
{
    private const int Horizon = 60;

    private static readonly CaseTargets NoTargets = new([], []);

    // A tally of replicates given as (how many, the months of their events, their outcome).
    private static VariantTally Tally(params (int Count, (EventKind Kind, int Month)[] Events, Outcome Outcome)[] groups)
    {
        var tally = new VariantTally(Horizon);
        foreach (var (count, events, outcome) in groups)
            for (int i = 0; i < count; i++)
            {
                var history = new ReplicateHistory(Horizon) { Outcome = outcome };
                foreach (var (kind, month) in events) history.Mark(kind, month);
                tally.Add(history, []);
            }
        return tally;
    }

    private static (int, (EventKind, int)[], Outcome) Replicates(int count, EventKind kind, int month, Outcome outcome = Outcome.Entrenched) =>
        (count, [(kind, month)], outcome);

    private static (int, (EventKind, int)[], Outcome) Without(int count, Outcome outcome = Outcome.Entrenched) => (count, [], outcome);

    [Fact]
    public void EventTiming_EventInSomeReplicates_NeverCountsAsLaterThanTheHorizon()
    {
        var timing = new EventTiming(Tally(Replicates(3, EventKind.CivilWar, 5), Without(7)), EventKind.CivilWar);

        Assert.Equal(0.0, timing.ShareBy(4));
        Assert.Equal(0.3, timing.ShareBy(5), 12);
        Assert.Equal(0.3, timing.ShareBy(Horizon), 12);
        Assert.Equal(5, timing.Quantile(0.05));
        Assert.Equal(5, timing.Quantile(0.3));
        Assert.Null(timing.Quantile(0.31));
        // Mid-distribution: none earlier, half of the three at month 5.
        Assert.Equal(0.15, timing.Percentile(5), 12);
        Assert.Equal(0.3, timing.Percentile(6), 12);
    }

    [Fact]
    public void EventTiming_MonthBeyondTheHorizon_Throws()
    {
        var timing = new EventTiming(Tally(Without(1)), EventKind.CivilWar);

        Assert.Throws<ArgumentOutOfRangeException>(() => timing.ShareBy(Horizon + 1));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(18, true)]
    [InlineData(19, false)]
    public void EventAtMonth_MonthsSpreadEvenly_PassesInsideTheCentralNinetyPercent(int observed, bool passes)
    {
        // One replicate at each month 0..19: the 5% quantile is month 0 (1 of 20), the 95% quantile month 18 (19 of 20).
        var tally = Tally(Enumerable.Range(0, 20).Select(m => Replicates(1, EventKind.MissionAskedToLeave, m)).ToArray());

        var judgment = new EventAtMonth(EventKind.MissionAskedToLeave, observed, "test").Judge(tally);

        Assert.Equal(new SimulatedMonths(0, 18), judgment.Central);
        Assert.Equal(passes, judgment.Passed);
    }

    [Theory]
    [InlineData(3, 41, "3 to 41")]
    [InlineData(3, null, "3 to >60")]
    [InlineData(null, null, ">60")]
    public void SimulatedMonths_Describe_SaysLaterThanTheHorizonForAMissingEnd(int? low, int? high, string expected)
    {
        Assert.Equal(expected, new SimulatedMonths(low, high).Describe(Horizon));
    }

    [Fact]
    public void EventAtMonth_LateObservationOfAnEventHalfTheReplicatesNeverSee_Passes()
    {
        // Among the replicates that see it the event comes in months 1-10, so a conditional judgment would reject
        // month 40; counted over all replicates the 95% quantile lies later than the horizon, so month 40 is typical.
        var groups = Enumerable.Range(1, 10).Select(m => Replicates(5, EventKind.RegionalWithdrawal, m)).Append(Without(50)).ToArray();

        var judgment = new EventAtMonth(EventKind.RegionalWithdrawal, 40, "test").Judge(Tally(groups));

        Assert.Equal(new SimulatedMonths(1, null), judgment.Central);
        Assert.True(judgment.Passed);
        Assert.Equal(0.5, judgment.Share, 12);
        Assert.Equal(0.5, judgment.Percentile!.Value, 12);
    }

    [Fact]
    public void EventAtMonth_RareEventAtTheObservedMonth_Fails()
    {
        // Every replicate that sees the event sees it at the observed month, but only 3% of replicates see it.
        var judgment = new EventAtMonth(EventKind.CounterCoup, 9, "test").Judge(Tally(Replicates(3, EventKind.CounterCoup, 9), Without(97)));

        Assert.Equal(new SimulatedMonths(null, null), judgment.Central);
        Assert.False(judgment.Passed);
    }

    [Fact]
    public void EventAtMonth_EveryReplicateEndedEarlyByACounterCoup_Fails()
    {
        var tally = Tally(Replicates(100, EventKind.CounterCoup, 2, Outcome.CounterCoup));

        var judgment = new EventAtMonth(EventKind.MissionAskedToLeave, 25, "test").Judge(tally);

        Assert.Equal(0.0, judgment.Share);
        Assert.False(judgment.Passed);
    }

    [Theory]
    [InlineData(90, 10, true)]   // 10% never restored: just not rare
    [InlineData(91, 9, false)]
    public void EventAbsentBy_ShareNeverRestored_PassesFromTenPercent(int restored, int never, bool passes)
    {
        var tally = Tally(Replicates(restored, EventKind.CivilianRuleRestored, 30, Outcome.TransitionToCivilianRule), Without(never));

        var judgment = new EventAbsentBy(EventKind.CivilianRuleRestored, 48, "test").Judge(tally);

        Assert.Equal(passes, judgment.Passed);
        Assert.Equal(restored / 100.0, judgment.Share, 12);
    }

    [Fact]
    public void EventAbsentBy_ReplicatesEndedEarlyBeforeTheEvent_CountAsAbsent()
    {
        // 85 restore civilian rule at month 30; 15 end in a counter-coup at month 3 and never do.
        var tally = Tally(
            Replicates(85, EventKind.CivilianRuleRestored, 30, Outcome.TransitionToCivilianRule),
            Replicates(15, EventKind.CounterCoup, 3, Outcome.CounterCoup));

        Assert.True(new EventAbsentBy(EventKind.CivilianRuleRestored, 48, "test").Judge(tally).Passed);
        Assert.False(new EventAbsentBy(EventKind.CivilianRuleRestored, 48, "test").Judge(
            Tally(Replicates(95, EventKind.CivilianRuleRestored, 30), Replicates(5, EventKind.CounterCoup, 3, Outcome.CounterCoup))).Passed);
    }

    [Fact]
    public void EventAbsentBy_EventOnlyAfterTheMonth_Passes()
    {
        var tally = Tally(Replicates(100, EventKind.MandateUpdated, 25));

        Assert.True(new EventAbsentBy(EventKind.MandateUpdated, 24, "test").Judge(tally).Passed);
        Assert.False(new EventAbsentBy(EventKind.MandateUpdated, 25, "test").Judge(tally).Passed);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(5, false)]   // half is not most
    public void EventInMostCasesBy_ShareByTheMonth_PassesAboveHalf(int agreedBy16, bool passes)
    {
        var tally = Tally(Replicates(agreedBy16, EventKind.TransitionAgreed, 16), Replicates(10 - agreedBy16, EventKind.TransitionAgreed, 17));

        Assert.Equal(passes, new EventInMostCasesBy(EventKind.TransitionAgreed, 16, "test").Judge(tally).Passed);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void OutcomeAtHorizon_ShareOfTheOutcome_PassesFromTenPercent(int entrenched, bool passes)
    {
        var tally = Tally(Without(entrenched), Without(10 - entrenched, Outcome.CivilWar));

        var judgment = new OutcomeAtHorizon(Outcome.Entrenched, "test").Judge(tally);

        Assert.Equal(passes, judgment.Passed);
        Assert.Equal(entrenched / 10.0, judgment.Share, 12);
        Assert.Null(judgment.Central);
    }

    [Theory]
    [InlineData(40, true)]
    [InlineData(2, false)]
    [InlineData(60, false)]
    public void BaseRateTarget_ModelShare_PassesInsideTheWidenedInterval(int counterCoupsBy12, bool passes)
    {
        // 6 of 29 coups followed by another within the window: Wilson interval about [9.8%, 38.5%].
        var observed = Proportion.Wilson(6, 29);
        var tally = Tally(Replicates(counterCoupsBy12, EventKind.CounterCoup, 12, Outcome.CounterCoup),
            Replicates(100 - counterCoupsBy12, EventKind.CounterCoup, 13, Outcome.CounterCoup));

        var judgment = new BaseRateTarget(EventKind.CounterCoup, 12, observed, "test").Judge(tally);

        Assert.Equal(counterCoupsBy12 / 100.0, judgment.Simulated, 12);
        Assert.Equal(observed.Lower - BaseRateTarget.Tolerance, judgment.AcceptedFrom, 12);
        Assert.Equal(observed.Upper + BaseRateTarget.Tolerance, judgment.AcceptedTo, 12);
        Assert.Equal(passes, judgment.Passed);
    }

    [Fact]
    public void CaseValidation_EachCase_EqualsItsDiagonalCellOfTheFullGrid()
    {
        var experiment = new Experiment
        {
            Scenarios = [ModelProbe.Generic, ModelProbe.Generic with { Name = "rivals", FactionRivalry = 0.7 }],
            Variants = [new PolicyVariant(), new PolicyVariant { Name = "pragmatic", MissionPosture = MissionPosture.Pragmatic }],
            Replicates = 300,
            Seed = 7,
            Horizon = 36,
        };
        var grid = ExperimentRunner.Run(experiment, 2);
        var fact = new EventAbsentBy(EventKind.CivilWar, 24, "test");

        var verdicts = CaseValidation.Run(experiment, [new CaseTargets([fact], []), NoTargets], 2);

        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(grid.Tally(i, i).EventMonthCounts, verdicts[i].Tally.EventMonthCounts);
            Assert.Equal(grid.Tally(i, i).OutcomeCounts, verdicts[i].Tally.OutcomeCounts);
        }
        Assert.Equal(fact.Judge(grid.Tally(0, 0)), verdicts[0].Facts.Single());
        Assert.Empty(verdicts[1].Facts);
    }

    [Fact]
    public void CaseValidation_FewerVariantsThanScenarios_Throws()
    {
        var experiment = new Experiment { Scenarios = [ModelProbe.Generic, ModelProbe.Generic], Variants = [new PolicyVariant()], Replicates = 1 };

        Assert.Throws<ArgumentException>(() => CaseValidation.Run(experiment, [NoTargets, NoTargets], 1));
    }
}
