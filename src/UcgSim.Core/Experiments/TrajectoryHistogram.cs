using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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

    private const double TwoTo52 = 4503599627370496.0;
    private const long TwoTo52Bits = 0x4330000000000000;

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

    public void Add(int month, double value) => AddToBin(month, (int)BinsOf(Vector256.Create(value)).ToScalar());

    /// <summary>
    /// The bin of each lane's value: its position on the measure's span, cut to a whole bin and kept within the
    /// span. One implementation for <see cref="Add(int, double)"/> (lane 0) and the batch kernel (four replicates at once), so
    /// that both count every value in the same bin.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<long> BinsOf(Vector256<double> values)
    {
        var offset = values - Vector256.Create(Minimum);
        // Dividing by a span of exactly 1 changes no bit, and a division costs as much as the rest of the binning.
        var position = (Maximum - Minimum == 1 ? offset : offset / (Maximum - Minimum)) * Bins;
        // Kept within [0, Bins - 1] before the cut, which is the same as clamping the cut whole number; NaN goes to bin 0
        // as (int)NaN does.
        var low = Vector256<double>.Zero;
        var high = Vector256.Create(Bins - 1.0);
        var kept = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(position, low),
            Vector256.ConditionalSelect(Vector256.GreaterThan(position, high), high, position), low);
        // The cut toward zero is a floor here; the whole number is then read from the bits of its sum with 2^52.
        // AVX2 has no conversion of doubles to 64-bit integers, and the one .NET emulates took 10% of the kernel's time
        // in a profile (perf, the default experiment, AVX-512 disabled).
        return (Vector256.Floor(kept) + Vector256.Create(TwoTo52)).AsInt64() - Vector256.Create(TwoTo52Bits);
    }

    private void AddToBin(int month, int bin) => _counts[month * Bins + bin]++;

    /// <summary>
    /// Counts the paths of the batch kernel's four replicates, a month's four values at a time (<paramref name="path"/>
    /// from month 0), lane by lane, in the months each lane is still running (<paramref name="lastMonths"/>: one per
    /// real lane). The whole path in one call, so that the span's constants are read once rather than every month.
    /// </summary>
    internal void Add(ReadOnlySpan<Vector256<double>> path, ReadOnlySpan<int> lastMonths)
    {
        for (int month = 0; month < path.Length; month++)
        {
            var bins = BinsOf(path[month]);
            var row = _counts.AsSpan(month * Bins, Bins);
            for (int lane = 0; lane < lastMonths.Length; lane++)
                if (month <= lastMonths[lane]) row[(int)bins[lane]]++;
        }
    }

    public void Merge(TrajectoryHistogram other) => Merge(other._counts);

    /// <summary>Adds counts laid out as <see cref="Counts"/> (month-major, <see cref="Bins"/> per month): those of a checkpoint.</summary>
    public void Merge(ReadOnlySpan<long> counts)
    {
        if (counts.Length != _counts.Length)
            throw new ArgumentException($"{counts.Length} counts for a histogram of {_counts.Length}.", nameof(counts));
        for (int i = 0; i < _counts.Length; i++) _counts[i] += counts[i];
    }

    /// <summary>The count of every bin of every month, month-major, for saving a checkpoint.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    public void Clear() => Array.Clear(_counts);

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
