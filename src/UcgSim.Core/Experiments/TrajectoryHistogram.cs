using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>
/// Month-by-month histograms of one trajectory measure over the replicates still running that month. Fixed bins make the quantile
/// bands mergeable across threads with integer adds (so bit-identical whatever the split) and keep memory
/// independent of the number of replicates; the price is a quantile resolution of one bin width.
/// </summary>
public sealed class TrajectoryHistogram
{
    public const int Bins = 200;

    private readonly long[] _counts;

    public TrajectoryHistogram(TrajectoryMeasure measure, int horizon)
    {
        Months = horizon + 1;
        (Minimum, Maximum) = RangeOf(measure);
        _counts = new long[Months * Bins];
    }

    public int Months { get; }
    public double Minimum { get; }
    public double Maximum { get; }

    /// <summary>The span of values a measure can take: support, relationship and hardship are shares; aid can exceed its pre-UCG level.</summary>
    public static (double Minimum, double Maximum) RangeOf(TrajectoryMeasure measure) =>
        measure == TrajectoryMeasure.AidLevel ? (0.0, 1.5) : (0.0, 1.0);

    public void Add(int month, double value)
    {
        double position = (value - Minimum) / (Maximum - Minimum) * Bins;
        int bin = Math.Clamp((int)position, 0, Bins - 1);
        _counts[month * Bins + bin]++;
    }

    public void Merge(TrajectoryHistogram other)
    {
        for (int i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
    }

    /// <summary>How many replicates gave a value at <paramref name="month"/>: those still running then.</summary>
    public long Count(int month)
    {
        long total = 0;
        foreach (long c in new ReadOnlySpan<long>(_counts, month * Bins, Bins)) total += c;
        return total;
    }

    /// <summary>The <paramref name="probability"/> quantile at <paramref name="month"/>, interpolated within its bin.</summary>
    public double Quantile(int month, double probability)
    {
        var row = new ReadOnlySpan<long>(_counts, month * Bins, Bins);
        long total = Count(month);
        if (total == 0) return double.NaN;
        double target = probability * total;
        double width = (Maximum - Minimum) / Bins;
        long cumulative = 0;
        for (int bin = 0; bin < Bins; bin++)
        {
            long next = cumulative + row[bin];
            if (row[bin] > 0 && next >= target)
            {
                double within = (target - cumulative) / row[bin];
                return Minimum + (bin + within) * width;
            }
            cumulative = next;
        }
        return Maximum;
    }
}
