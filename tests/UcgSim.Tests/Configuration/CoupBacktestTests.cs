using UcgSim.Configuration;
using UcgSim.Core.Scenarios;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Configuration;

public sealed class CoupBacktestTests
{
    private static readonly IReadOnlyList<CoupEvent> PowellThyne =
        CoupDatasets.LoadPowellThyne(Path.Combine(RepositoryPaths.SharedData, "powell_thyne_coups_ptcoups_2023-03.csv"));

    [Fact]
    public void Cases_Mali2012_CountsEarlierCoupsAndTheFollowingCoupsFromTheData()
    {
        var cases = CoupBacktest.Cases(PowellThyne, [12, 24]);

        var mali = cases.Single(c => c.Coup.Country == "Mali" && c.Coup.Year == 2012);
        // Powell & Thyne: successful coups in Mali in 1968 and 1991 before 2012, and none again until 2020.
        Assert.Equal(2, mali.EarlierCoups);
        Assert.Equal([false, false], mali.SuccessfulWithin);
    }

    [Fact]
    public void Cases_EveryWindowEndsBeforeTheDataAndTheBaselineUsesOnlyEarlierYears()
    {
        var cases = CoupBacktest.Cases(PowellThyne, [12, 24]);
        int lastObserved = PowellThyne.Max(e => e.MonthIndex);

        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            Assert.True(c.Coup.Year >= CoupBacktest.FromYear && c.Coup.MonthIndex + 24 <= lastObserved);
            Assert.All(c.BaselineSuccessful.Concat(c.BaselineAttempt), rate => Assert.InRange(rate, 0, 1));
        });
        // A coup cannot inform its own baseline: the first and a later coup of one year share theirs.
        var first = cases.GroupBy(c => c.Coup.Year).First(g => g.Count() > 1);
        Assert.Single(first.Select(c => c.BaselineSuccessful[1]).Distinct());
    }

    [Theory]
    [InlineData(1995, 432, 0.3, RegionalSetting.NoAntiUcgNorm)]
    [InlineData(2012, 432, 0.3, RegionalSetting.AfricanUnionAndStrongCommunity)]
    [InlineData(2012, 625, 0.3, RegionalSetting.AfricanUnionOnly)]
    [InlineData(2023, 436, 0.7, RegionalSetting.AfricanUnionAndStrongCommunity)]
    public void Scenario_EraAndRegion_SetCouncilPolarizationAndRegionalNorms(int year, int cowCode, double polarization, RegionalSetting regional)
    {
        var coup = new BacktestCoup(new CoupEvent("x", cowCode, year, 7, true), 3, [false], [false], [0.1], [0.2]);

        var scenario = CoupBacktest.Scenario(new ScenarioConditions(), coup);

        Assert.Equal(polarization, scenario.CouncilPolarization);
        Assert.Equal(regional, scenario.RegionalSetting);
        Assert.Equal(3, scenario.EarlierCoups);
    }

    [Fact]
    public void Scenario_Coup2021_GetsTheFebruary2022RiseInPolarization()
    {
        var coup = new BacktestCoup(new CoupEvent("Mali", 432, 2021, 5, true), 4, [false], [false], [0.1], [0.2]);

        var scenario = CoupBacktest.Scenario(new ScenarioConditions(), coup);

        Assert.Equal(0.4, scenario.CouncilPolarization);
        Assert.Equal(9, scenario.CouncilPolarizationShockMonth);
        Assert.Equal(0.3, scenario.CouncilPolarizationShock);
    }
}
