using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Model;

namespace UcgSim.Tests.Validation;

/// <summary>
/// The stylized facts of the model brief (section 7). Each case scenario runs under its historical policy
/// (configs/experiments/validation.yaml, the diagonal). A single case is one draw of a stochastic world, so
/// the test is that the observed history sits inside the bulk of the simulated distribution: the event is
/// not rare, and its observed month lies within the central 90% of the simulated months.
/// </summary>
public sealed class StylizedFactsTests
{
    private static readonly Lazy<ExperimentSummary> Validation = new(() =>
    {
        var experiment = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml")).Experiment
            with { Replicates = ReplicateScale.Of(4000) };
        return ExperimentRunner.Run(experiment, 2);
    });

    private const int Mali2020 = 0, Mali2021 = 1, Sudan2021 = 2, Afghanistan2021 = 3, Democratic2010s = 4;

    [Fact]
    public void ValidationExperiment_PairsEachCaseWithItsHistoricalPolicy()
    {
        var experiment = Validation.Value.Experiment;
        for (int i = 0; i < experiment.Scenarios.Count; i++)
            Assert.StartsWith(experiment.Scenarios[i].Name[..8], experiment.Variants[i].Name);
    }

    [Fact]
    public void Mali2020_QuickTransitionAndLiftedSanctions_ThenSecondCoupAfterNineMonths()
    {
        AssertInsideBulk(Mali2020, EventKind.TransitionAgreed, observedMonth: 1);
        AssertInsideBulk(Mali2020, EventKind.RegionalSanctionsLifted, observedMonth: 2);
        AssertInsideBulk(Mali2020, EventKind.CounterCoup, observedMonth: 9);
    }

    [Fact]
    public void Mali2021_UpdatedMandateSanctionsExpulsionAndWithdrawal_NoTransition()
    {
        AssertInsideBulk(Mali2021, EventKind.MandateUpdated, observedMonth: 1);
        AssertInsideBulk(Mali2021, EventKind.RegionalSanctionsImposed, observedMonth: 7);
        AssertInsideBulk(Mali2021, EventKind.MissionAskedToLeave, observedMonth: 25);
        AssertInsideBulk(Mali2021, EventKind.RegionalWithdrawal, observedMonth: 32);
        AssertLikelyAbsent(Mali2021, EventKind.CivilianRuleRestored, byMonth: 48);
    }

    [Fact]
    public void Mali2021_MissionAskedToLeaveBeforeWithdrawal_IsAPossibleSequence()
    {
        // Mali asked MINUSMA to leave at about 25 months and left ECOWAS at about 32: the model must allow
        // that order, not only each event on its own.
        var experiment = Validation.Value.Experiment;
        int replicates = ReplicateScale.Of(4000), both = 0, leaveFirst = 0;
        for (long i = 0; i < replicates; i++)
        {
            var history = CountryAfterUcg.Simulate(experiment.Scenarios[Mali2021], experiment.Variants[Mali2021],
                experiment.Parameters, new UcgSim.Core.Randomness.ReplicateRandom(experiment.Seed, i), experiment.Horizon);
            if (history.MonthOf(EventKind.MissionAskedToLeave) is not int left || history.MonthOf(EventKind.RegionalWithdrawal) is not int exit) continue;
            both++;
            if (left < exit) leaveFirst++;
        }
        Assert.True(both > replicates / 40, $"only {both} of {replicates} replicates with both events");
        Assert.True(leaveFirst >= 0.1 * both, $"the mission left first in only {leaveFirst} of {both}");
    }

    [Fact]
    public void Mali2021_HarshSanctions_RallySupportAfterImposition()
    {
        // Support in the months after sanctions exceeds what it was just before them, on average across the
        // replicates that saw sanctions at month 7 (report: ECOWAS sanctions raised support for the junta).
        var experiment = Validation.Value.Experiment;
        var scenario = experiment.Scenarios[Mali2021];
        var variant = experiment.Variants[Mali2021] with
        {
            SanctionsTrigger = UcgSim.Core.Policy.SanctionsTrigger.AtMonth, SanctionsMonth = 7,
            SanctionsLifting = UcgSim.Core.Policy.SanctionsLifting.Never,
        };
        double before = 0, after = 0;
        int replicates = ReplicateScale.Of(2000), counted = 0;
        for (long i = 0; i < replicates; i++)
        {
            var history = CountryAfterUcg.Simulate(scenario, variant, experiment.Parameters,
                new UcgSim.Core.Randomness.ReplicateRandom(experiment.Seed, i), 24);
            if (history.MonthOf(EventKind.RegionalSanctionsImposed) != 7) continue;
            var support = history.Trajectory(TrajectoryMeasure.PopularSupport);
            before += support[6];
            after += support[12];
            counted++;
        }
        Assert.True(counted > replicates / 4, $"sanctions at month 7 in only {counted} of {replicates} replicates");
        Assert.True(after / counted > before / counted, $"before {before / counted:F3}, after {after / counted:F3}");
    }

    [Fact]
    public void Sudan2021_NoUpdatePersonaNonGrataWarAndExpulsion_NoTransition()
    {
        AssertLikelyAbsent(Sudan2021, EventKind.MandateUpdated, byMonth: 24, atLeast: 0.3);
        AssertInsideBulk(Sudan2021, EventKind.HeadOfMissionPersonaNonGrata, observedMonth: 20);
        AssertInsideBulk(Sudan2021, EventKind.CivilWar, observedMonth: 18);
        AssertInsideBulk(Sudan2021, EventKind.MissionAskedToLeave, observedMonth: 25);
        AssertLikelyAbsent(Sudan2021, EventKind.CivilianRuleRestored, byMonth: 48);
    }

    [Fact]
    public void Afghanistan2021_RolloverThenOverhaul_MissionStillPresentAfter48Months_NoTransition()
    {
        AssertInsideBulk(Afghanistan2021, EventKind.MandateUpdated, observedMonth: 7);
        Assert.Equal(0, Validation.Value.EventShare(Afghanistan2021, Afghanistan2021, EventKind.RegionalSanctionsImposed).Count);
        AssertLikelyAbsent(Afghanistan2021, EventKind.MissionAskedToLeave, byMonth: 48);
        AssertLikelyAbsent(Afghanistan2021, EventKind.CivilianRuleRestored, byMonth: 48);
    }

    [Fact]
    public void DemocraticCoups2010s_CivilianLedAdministrationWithinSixteenMonths()
    {
        double agreedBy16 = Validation.Value.CumulativeIncidence(Democratic2010s, Democratic2010s, EventKind.TransitionAgreed)[16];
        Assert.True(agreedBy16 > 0.5, $"only {agreedBy16:P1} agreed a transition within 16 months");
    }

    [Fact]
    public void Entrenchment_Post2020CasesFarLessLikelyToRestoreCivilianRuleThan2010s()
    {
        double Restored(int c) => Validation.Value.EventShare(c, c, EventKind.CivilianRuleRestored).Estimate;
        foreach (int post2020 in new[] { Mali2021, Sudan2021, Afghanistan2021 })
            Assert.True(Restored(post2020) < Restored(Democratic2010s) / 4, $"case {post2020}: {Restored(post2020):P1}");
    }

    private static void AssertInsideBulk(int caseIndex, EventKind kind, int observedMonth)
    {
        var tally = Validation.Value.Tally(caseIndex, caseIndex);
        long happened = tally.EventCount(kind);
        Assert.True(happened >= 0.1 * tally.Replicates, $"{kind} happened in only {happened} of {tally.Replicates} replicates");
        int low = MonthQuantile(tally, kind, happened, 0.05);
        int high = MonthQuantile(tally, kind, happened, 0.95);
        Assert.True(low <= observedMonth && observedMonth <= high,
            $"{kind}: observed month {observedMonth} outside the simulated central 90% [{low}, {high}]");
    }

    private static void AssertLikelyAbsent(int caseIndex, EventKind kind, int byMonth, double atLeast = 0.5)
    {
        double absent = 1 - Validation.Value.CumulativeIncidence(caseIndex, caseIndex, kind)[byMonth];
        Assert.True(absent >= atLeast, $"{kind} absent by month {byMonth} in only {absent:P1} of replicates");
    }

    private static int MonthQuantile(VariantTally tally, EventKind kind, long happened, double probability)
    {
        long cumulative = 0;
        for (int month = 0; month <= tally.Horizon; month++)
        {
            cumulative += tally.EventCountByMonth(kind, month);
            if (cumulative >= probability * happened) return month;
        }
        return tally.Horizon;
    }
}
