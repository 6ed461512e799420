namespace UcgSim.Exploration.Sensitivity;

internal static class Bootstrap
{
    /// <summary>The percentile interval of the resampled values around the full-sample estimate.</summary>
    public static Estimate Percentile(double estimate, double[] resampled, double confidence)
    {
        double[] sorted = [.. resampled.Order()];
        double tail = (1 - confidence) / 2;
        return new Estimate(estimate, Quantile(sorted, tail), Quantile(sorted, 1 - tail));
    }

    // Linear interpolation between order statistics (Hyndman and Fan's type 7, as R and NumPy default to).
    public static double Quantile(double[] sorted, double probability)
    {
        if (sorted.Length == 0) return double.NaN;
        double position = probability * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
