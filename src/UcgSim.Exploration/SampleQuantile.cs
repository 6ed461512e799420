namespace UcgSim.Exploration;

/// <summary>Quantiles of a sample, by linear interpolation between order statistics (Hyndman and Fan's type 7, as R and NumPy default to).</summary>
public static class SampleQuantile
{
    /// <summary>The <paramref name="probability"/> quantile of <paramref name="sorted"/>, which is in ascending order; NaN if it is empty.</summary>
    public static double Of(double[] sorted, double probability)
    {
        if (sorted.Length == 0) return double.NaN;
        double position = probability * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
