using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Model;

namespace UcgSim.Tests.Validation;

/// <summary>
/// The model against the coup datasets in shared/data. Rates are computed from the files here; the
/// model's share must fall inside the data's 95% interval.
/// </summary>
public sealed class BaseRateTests
{
    private static string PowellThyne => Path.Combine(RepositoryPaths.SharedData, "powell_thyne_coups_ptcoups_2023-03.csv");
    private static string ClineCenter => Path.Combine(RepositoryPaths.SharedData, "cline_center_coup_data_v2.1.2.csv");

    [Fact]
    public void PowellThyne_Loads_AllEventsWithOutcome()
    {
        var events = CoupDatasets.LoadPowellThyne(PowellThyne);
        Assert.True(events.Count > 400);
        Assert.Contains(events, e => e is { Country: "Mali", Year: 2021, Successful: true });
        Assert.Contains(events, e => !e.Successful);
    }

    [Fact]
    public void ClineCenter_Loads_QuotedCells()
    {
        var events = CoupDatasets.LoadClineCenter(ClineCenter);
        Assert.True(events.Count > 900);
        Assert.Contains(events, e => e is { Country: "Afghanistan", Year: 1973, Successful: true });
    }

    [Fact]
    public void CounterCoupShare_GenericScenario_InsidePostColdWarRecurrenceInterval()
    {
        // Successful coups since 1990 followed by another successful coup in the same country within the horizon.
        var experiment = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml")).Experiment
            with { Replicates = ReplicateScale.Of(4000) };
        var data = CoupDatasets.RecurrenceAfterSuccessfulCoups(
            CoupDatasets.LoadPowellThyne(PowellThyne), 1990, 2022, experiment.Horizon);
        var model = ExperimentRunner.Run(experiment, 2).OutcomeShare(0, 0, Outcome.CounterCoup);

        Assert.True(data.Total >= 30, $"only {data.Total} coups in the window");
        Assert.InRange(model.Estimate, data.Lower, data.Upper);
    }

    [Fact]
    public void Recurrence_BothDatasets_AgreeWithinTheirIntervals()
    {
        var powell = CoupDatasets.RecurrenceAfterSuccessfulCoups(CoupDatasets.LoadPowellThyne(PowellThyne), 1990, 2022, 60);
        var cline = CoupDatasets.RecurrenceAfterSuccessfulCoups(CoupDatasets.LoadClineCenter(ClineCenter), 1990, 2022, 60);
        Assert.True(powell.Lower <= cline.Upper && cline.Lower <= powell.Upper, $"P&T {powell}, Cline {cline}");
    }

    [Fact]
    public void Recurrence_SyntheticHistory_CountsOnlyFollowUpsInsideWindow()
    {
        var events = new List<CoupEvent>
        {
            new("A", 2000, 1, true), new("A", 2001, 6, true),   // followed after 17 months
            new("B", 2000, 1, true), new("B", 2010, 1, true),   // followed only after 10 years
            new("C", 2000, 1, true), new("C", 2000, 3, false),  // only a failed attempt
            new("D", 2014, 1, true),                            // window runs past the data's end
        };
        var rate = CoupDatasets.RecurrenceAfterSuccessfulCoups(events, 2000, 2014, 24);
        Assert.Equal(5, rate.Total);   // all but D 2014, whose window runs past the last event (2014-01)
        Assert.Equal(1, rate.Count);   // only A 2000 is followed by a success inside 24 months
    }
}
