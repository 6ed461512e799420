using MathNet.Numerics.Distributions;

namespace UcgSim.Core.Experiments;

/// <summary>A share of replicates with its 95% Wilson score interval (sound near 0 and 1, unlike the Wald interval).</summary>
public readonly record struct Proportion(long Count, long Total, double Estimate, double Lower, double Upper)
{
    // The standard normal's 0.975 quantile, written out rather than computed at start-up: MathNet's InvCDF goes through
    // the platform's C library (and gives a double two units in the last place below this one on Linux x64), so the
    // intervals of summary.csv would depend on the machine. The literal rounds to the nearest double.
    public const double Z95 = 1.959963984540054235524594430520551528;

    public static Proportion Wilson(long count, long total)
    {
        if (total == 0) return new Proportion(0, 0, double.NaN, double.NaN, double.NaN);
        double n = total;
        double p = count / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Proportion(count, total, p, Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth));
    }
}

/// <summary>
/// The paired difference of a share between a variant and the baseline over the same replicate indices
/// (common random numbers), with a 95% normal interval on the mean of the per-replicate differences.
/// </summary>
public readonly record struct PairedDifference(long Pairs, double Estimate, double Lower, double Upper)
{
    /// <param name="pairs">Number of replicate indices run under both the variant and the baseline.</param>
    /// <param name="sum">Sum over pairs of (variant indicator - baseline indicator), each in {-1, 0, 1}.</param>
    /// <param name="sumOfSquares">Sum of the squared differences: the number of discordant pairs.</param>
    public static PairedDifference FromSums(long pairs, long sum, long sumOfSquares)
    {
        if (pairs == 0) return new PairedDifference(0, double.NaN, double.NaN, double.NaN);
        double n = pairs;
        double mean = sum / n;
        double variance = pairs > 1 ? (sumOfSquares - n * mean * mean) / (n - 1) : 0;
        double halfWidth = Proportion.Z95 * Math.Sqrt(Math.Max(0, variance) / n);
        return new PairedDifference(pairs, mean, mean - halfWidth, mean + halfWidth);
    }
}

/// <summary>
/// The distribution-free 95% interval for a median: the order statistics of ranks l and n - l + 1, with l the
/// largest rank for which Binomial(n, 1/2) falls below l with probability at most 2.5%. It assumes nothing about
/// the distribution; with months tied, coverage is at least 95%.
/// </summary>
public static class MedianInterval
{
    /// <summary>The 1-based ranks of the interval's ends among <paramref name="n"/> sorted values; null when n is below 6, too few for 95%.</summary>
    public static (long Lower, long Upper)? Ranks(long n)
    {
        const double tail = 0.025;
        if (n > int.MaxValue)
        {
            // Beyond MathNet's int count the normal approximation to the binomial is exact to far below one rank.
            long approximate = (long)Math.Floor(n / 2.0 - Proportion.Z95 * Math.Sqrt(n) / 2);
            return (approximate, n - approximate + 1);
        }
        if (n < 1 || Binomial.CDF(0.5, (int)n, 0) > tail) return null;
        // P(B <= k - 1) grows with k: search for the last k with it still within the tail.
        long low = 1, high = (n + 1) / 2;
        while (low < high)
        {
            long middle = (low + high + 1) / 2;
            if (Binomial.CDF(0.5, (int)n, middle - 1) <= tail) low = middle;
            else high = middle - 1;
        }
        return (low, n - low + 1);
    }
}
