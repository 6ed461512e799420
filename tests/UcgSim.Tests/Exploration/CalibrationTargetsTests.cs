using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Exploration.Calibration;

namespace UcgSim.Tests.Exploration;

public sealed class CalibrationTargetsTests
{
    [Theory]
    // Civilian rule not restored by month 48 is met while P(by 48) <= 90%; at 95% it misses by 5 points, half a unit.
    [InlineData(0.95, false, 0.5)]
    [InlineData(0.85, true, 0.0)]
    // Just past the line, a miss still counts as at least the smallest miss.
    [InlineData(0.901, false, CalibrationTargets.SmallestMiss)]
    public void Of_AbsenceTarget_DistanceIsTheShortfallInTenPointUnits(double share, bool passed, double expected)
    {
        var verdict = Verdict(new FactJudgment(new EventAbsentBy(EventKind.CivilianRuleRestored, 48, "test"), share, null, null, passed));

        var target = Assert.Single(CalibrationTargets.Of([verdict], factWeight: 1, baseRateWeight: 1));

        Assert.Equal(expected, target.Distance, 12);
        Assert.Equal(passed, target.Passed);
        Assert.Equal(share, target.Simulated);
    }

    [Theory]
    // Too late: 2% by month 9, 3 points under the 5% edge.
    [InlineData(0.02, 0.01, 0.3)]
    // Too early: 99% already by month 8 (mid-rank 0.995 with 100% by month 9), 4 points over the 95% edge.
    [InlineData(1.0, 0.995, 0.4)]
    public void Of_DatedEventOutsideTheCentralNinety_DistanceToTheNearerEdge(double shareByMonth, double midRank, double expected)
    {
        var verdict = Verdict(new FactJudgment(new EventAtMonth(EventKind.CounterCoup, 9, "test"), shareByMonth, midRank, null, false));

        Assert.Equal(expected, Assert.Single(CalibrationTargets.Of([verdict], 1, 1)).Distance, 12);
    }

    [Fact]
    public void Of_BaseRateAboveItsBand_DistanceToTheUpperEdge()
    {
        var rate = new BaseRateTarget(EventKind.CounterCoup, 24, new Proportion(15, 100, 0.15, 0.10, 0.20), "test");
        var verdict = Verdict(baseRates: [new BaseRateJudgment(rate, 0.32, 0.05, 0.25, false)]);

        var target = Assert.Single(CalibrationTargets.Of([verdict], factWeight: 1, baseRateWeight: 2));

        Assert.Equal(0.7, target.Distance, 12);
        Assert.Equal(2, target.Weight);
        Assert.Equal("counter-coup within 24 months", target.Target);
    }

    [Fact]
    public void Total_IsTheWeightedRootSumOfSquares_AndZeroOnlyWhenEveryTargetIsMet()
    {
        TargetDistance Target(double distance, double weight) => new("case", "target", 0.5, distance == 0, distance, weight);

        Assert.Equal(0, CalibrationTargets.Total([Target(0, 1), Target(0, 3)]));
        Assert.Equal(Math.Sqrt(1 * 0.25 + 4 * 1.0), CalibrationTargets.Total([Target(0.5, 1), Target(1.0, 4)]), 12);
    }

    private static CaseVerdict Verdict(FactJudgment? fact = null, IReadOnlyList<BaseRateJudgment>? baseRates = null) =>
        new(new Core.Scenarios.ScenarioConditions { Name = "case" }, new Core.Policy.PolicyVariant(), new VariantTally(12, 0),
            fact is null ? [] : [fact], baseRates ?? []);
}
