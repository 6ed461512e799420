using UcgSim.Core.Numerics;
namespace UcgSim.Exploration.Backtest;

/// <summary>One probability forecast of a yes-or-no event and what happened.</summary>
public readonly record struct Forecast(double Probability, bool Happened);

/// <summary>Predicted against observed in one bin of forecast probabilities.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Forecasts, double MeanForecast, double ObservedFrequency);

/// <summary>
/// Proper scoring rules for probability forecasts (Gneiting and Raftery 2007): the Brier score (mean squared error of the
/// probability; 0 is perfect) and the logarithmic score (mean negative log probability given to what happened; 0 is
/// perfect), with probabilities kept within [<see cref="Floor"/>, 1 - Floor] so that one confident miss is costly but
/// finite. Lower is better for both.
/// </summary>
public static class ForecastScores
{
    public const double Floor = 0.001;

    public static double Brier(IReadOnlyList<Forecast> forecasts) =>
        forecasts.Average(f => (f.Probability - (f.Happened ? 1 : 0)) * (f.Probability - (f.Happened ? 1 : 0)));

    public static double Log(IReadOnlyList<Forecast> forecasts) =>
        forecasts.Average(f =>
        {
            double p = Math.Clamp(f.Probability, Floor, 1 - Floor);
            return -DeterministicMath.Log(f.Happened ? p : 1 - p);
        });

    /// <summary>Forecasts grouped into <paramref name="bins"/> equal bins of probability; empty bins are left out.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<Forecast> forecasts, int bins)
    {
        var result = new List<ReliabilityBin>();
        for (int b = 0; b < bins; b++)
        {
            double lower = (double)b / bins, upper = (double)(b + 1) / bins;
            var inBin = forecasts.Where(f => f.Probability >= lower && (f.Probability < upper || (b == bins - 1 && f.Probability <= upper))).ToList();
            if (inBin.Count == 0) continue;
            result.Add(new ReliabilityBin(lower, upper, inBin.Count, inBin.Average(f => f.Probability), inBin.Average(f => f.Happened ? 1.0 : 0.0)));
        }
        return result;
    }
}
