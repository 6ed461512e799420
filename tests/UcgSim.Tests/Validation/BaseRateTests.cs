using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

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

    [Theory]
    [InlineData(12)]
    [InlineData(24)]
    [InlineData(60)]
    public void PowellThyne_AfricaSince1990_AttemptsAtLeastAsCommonAsSuccessesOverEnoughCoups(int window)
    {
        // The subset the generic scenario stands for (configs/scenarios/generic.yaml): counted from the file here.
        var events = CoupDatasets.LoadPowellThyne(PowellThyne);
        var africa = new CoupSubset(CoupRegion.Africa, 1990, int.MaxValue);
        var successful = CoupDatasets.RecurrenceAfterSuccessfulCoups(events, africa, window, FollowingCoup.Successful);
        var attempts = CoupDatasets.RecurrenceAfterSuccessfulCoups(events, africa, window, FollowingCoup.AnyAttempt);

        Assert.True(successful.Total >= 25, $"only {successful.Total} coups with a {window}-month window");
        Assert.Equal(successful.Total, attempts.Total);
        Assert.True(attempts.Count >= successful.Count);
        Assert.True(attempts.Count > 0);
    }

    [Fact]
    public void CoupSubset_Africa_HoldsTheAfricanStatesWithEgypt()
    {
        var africa = new CoupSubset(CoupRegion.Africa, 1990, 2022);
        var events = CoupDatasets.LoadPowellThyne(PowellThyne);

        Assert.Contains(events, e => e is { Country: "Mali", Year: 2020 } && africa.Contains(e));
        Assert.Contains(events, e => e is { Country: "Egypt", Year: 2013 } && africa.Contains(e));
        Assert.DoesNotContain(events, e => e.Country is "Thailand" or "Myanmar" or "Iraq" && africa.Contains(e));
        Assert.All(events.Where(africa.Contains), e => Assert.True(e.CowCode is >= 400 and <= 626 or 651, e.Country));
        Assert.False(africa.Contains(new CoupEvent("Mali", 432, 1989, 1, true)));
    }

    [Fact]
    public void Recurrence_BothDatasets_AgreeWithinTheirIntervals()
    {
        var since1990 = new CoupSubset(CoupRegion.World, 1990, 2022);
        var powell = CoupDatasets.RecurrenceAfterSuccessfulCoups(CoupDatasets.LoadPowellThyne(PowellThyne), since1990, 60, FollowingCoup.Successful);
        var cline = CoupDatasets.RecurrenceAfterSuccessfulCoups(CoupDatasets.LoadClineCenter(ClineCenter), since1990, 60, FollowingCoup.Successful);
        Assert.True(powell.Lower <= cline.Upper && cline.Lower <= powell.Upper, $"P&T {powell}, Cline {cline}");
    }

    [Fact]
    public void Recurrence_SyntheticHistory_CountsOnlyFollowUpsInsideWindow()
    {
        var events = new List<CoupEvent>
        {
            new("A", 1, 2000, 1, true), new("A", 1, 2001, 6, true),   // followed after 17 months
            new("B", 2, 2000, 1, true), new("B", 2, 2010, 1, true),   // followed only after 10 years
            new("C", 3, 2000, 1, true), new("C", 3, 2000, 3, false),  // only a failed attempt
            new("D", 4, 2014, 1, true),                               // window runs past the data's end
        };
        var rate = CoupDatasets.RecurrenceAfterSuccessfulCoups(events, new CoupSubset(CoupRegion.World, 2000, 2014), 24, FollowingCoup.Successful);
        Assert.Equal(5, rate.Total);   // all but D 2014, whose window runs past the last event (2014-01)
        Assert.Equal(1, rate.Count);   // only A 2000 is followed by a success inside 24 months

        var anyAttempt = CoupDatasets.RecurrenceAfterSuccessfulCoups(events, new CoupSubset(CoupRegion.World, 2000, 2014), 24, FollowingCoup.AnyAttempt);
        Assert.Equal(2, anyAttempt.Count);   // C's failed attempt counts as well
    }
}
