using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Experiments;

public sealed class VariantTallyTests
{
    private const int Horizon = 12;

    private static ReplicateHistory History(double hardship, int? counterCoupMonth)
    {
        var history = new ReplicateHistory(Horizon);
        foreach (var measure in SimulationVocabulary.Measures) history.Trajectory(measure).Fill(hardship);
        if (counterCoupMonth is { } month)
        {
            history.Mark(EventKind.CounterCoup, month);
            history.Outcome = Outcome.CounterCoup;
        }
        return history;
    }

    private static ExperimentSummary Summary(params ReplicateHistory[] histories)
    {
        var summary = new ExperimentSummary(new Experiment
        {
            Scenarios = [new ScenarioConditions()], Variants = [new PolicyVariant()], Replicates = histories.Length, Horizon = Horizon,
        });
        foreach (var history in histories) summary.Tally(0, 0).Add(history, []);
        return summary;
    }

    [Fact]
    public void Add_ReplicateEndedByCounterCoup_LeavesTheBandsAfterItsMonth()
    {
        // Ended at month 4 with hardship 0.9 carried forward; the other two run to the horizon at 0.2.
        var summary = Summary(History(0.9, counterCoupMonth: 4), History(0.2, null), History(0.2, null));

        Assert.Equal(3, summary.RunningAt(0, 0, 4));
        Assert.Equal(2, summary.RunningAt(0, 0, 5));
        Assert.Equal(2, summary.RunningAt(0, 0, Horizon));
        Assert.True(summary.QuantilePath(0, 0, TrajectoryMeasure.Hardship, 0.95)[4] > 0.85);
        Assert.True(summary.QuantilePath(0, 0, TrajectoryMeasure.Hardship, 0.95)[5] < 0.25);
    }

    [Fact]
    public void CumulativeIncidenceIntervals_EachMonth_TheWilsonIntervalOfTheCountSoFar()
    {
        var summary = Summary(History(0.5, counterCoupMonth: 3), History(0.5, counterCoupMonth: 7), History(0.5, null), History(0.5, null));

        var curve = summary.CumulativeIncidenceIntervals(0, 0, EventKind.CounterCoup);

        Assert.Equal(Horizon + 1, curve.Length);
        Assert.Equal(Proportion.Wilson(0, 4), curve[2]);
        Assert.Equal(Proportion.Wilson(1, 4), curve[3]);
        Assert.Equal(Proportion.Wilson(2, 4), curve[Horizon]);
        Assert.All(curve, point => Assert.InRange(point.Estimate, point.Lower, point.Upper));
    }
}
