namespace UcgSim.Exploration.Sensitivity;

internal static class Bootstrap
{
    /// <summary>The percentile interval of the resampled values around the full-sample estimate.</summary>
    public static Estimate Percentile(double estimate, double[] resampled, double confidence)
    {
        double[] sorted = [.. resampled.Order()];
        double tail = (1 - confidence) / 2;
        return new Estimate(estimate, SampleQuantile.Of(sorted, tail), SampleQuantile.Of(sorted, 1 - tail));
    }
}
