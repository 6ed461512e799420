using UcgSim.Exploration.Backtest;

namespace UcgSim.Tests.Exploration;

public sealed class ForecastScoresTests
{
    private static readonly Forecast[] Forecasts = [new(0.8, true), new(0.3, false), new(0.1, true), new(0.5, false)];

    [Fact]
    public void Brier_IsTheMeanSquaredErrorOfTheProbabilities()
    {
        // (0.2^2 + 0.3^2 + 0.9^2 + 0.5^2) / 4
        Assert.Equal((0.04 + 0.09 + 0.81 + 0.25) / 4, ForecastScores.Brier(Forecasts), 12);
    }

    [Fact]
    public void Log_IsTheMeanNegativeLogProbabilityOfWhatHappened()
    {
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.1) + Math.Log(0.5)) / 4, ForecastScores.Log(Forecasts), 12);
    }

    [Fact]
    public void Log_CertainForecastThatMissed_IsCostlyButFinite()
    {
        double score = ForecastScores.Log([new Forecast(0, true)]);

        Assert.Equal(-Math.Log(ForecastScores.Floor), score, 12);
    }

    [Fact]
    public void Scores_PerfectForecastsBeatTheBaseRate()
    {
        Forecast[] perfect = [new(1, true), new(0, false), new(0, false), new(1, true)];
        Forecast[] baseRate = [new(0.5, true), new(0.5, false), new(0.5, false), new(0.5, true)];

        Assert.True(ForecastScores.Brier(perfect) < ForecastScores.Brier(baseRate));
        Assert.True(ForecastScores.Log(perfect) < ForecastScores.Log(baseRate));
    }

    [Fact]
    public void Reliability_GroupsForecastsByProbability()
    {
        var bins = ForecastScores.Reliability(Forecasts, 2);

        Assert.Equal(2, bins.Count);
        Assert.Equal((2, 0.2, 0.5), (bins[0].Forecasts, bins[0].MeanForecast, bins[0].ObservedFrequency));
        Assert.Equal((2, 0.65, 0.5), (bins[1].Forecasts, bins[1].MeanForecast, bins[1].ObservedFrequency));
    }
}
