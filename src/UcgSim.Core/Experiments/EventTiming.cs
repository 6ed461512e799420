using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>
/// The month an event first happened, over every replicate of a tally. A replicate in which it had not
/// happened by the horizon, including one ended early by a counter-coup, counts as "later than the
/// horizon". Leaving such replicates out would judge the model only on the replicates that agree with
/// the observation, so an event the model almost never produces could still look well timed.
/// </summary>
public sealed class EventTiming
{
    // Replicates in which the event had happened by each month.
    private readonly long[] _happenedBy;

    public EventTiming(VariantTally tally, EventKind kind)
    {
        Horizon = tally.Horizon;
        Replicates = tally.Replicates;
        _happenedBy = new long[Horizon + 1];
        long cumulative = 0;
        for (int month = 0; month <= Horizon; month++)
        {
            cumulative += tally.EventCountByMonth(kind, month);
            _happenedBy[month] = cumulative;
        }
    }

    public int Horizon { get; }

    public long Replicates { get; }

    /// <summary>Share of all replicates in which the event had happened by <paramref name="month"/>; NaN with no replicates.</summary>
    public double ShareBy(int month) => Replicates == 0 ? double.NaN : (double)_happenedBy[Checked(month)] / Replicates;

    /// <summary>Share of all replicates in which the event had not happened by <paramref name="month"/>, from the counts, so that 10 of 100 is exactly 10%.</summary>
    public double ShareNotBy(int month) => Replicates == 0 ? double.NaN : (double)(Replicates - _happenedBy[Checked(month)]) / Replicates;

    /// <summary><see cref="ShareBy"/> with its pointwise 95% Wilson interval.</summary>
    public Proportion IntervalBy(int month) => Proportion.Wilson(_happenedBy[Checked(month)], Replicates);

    /// <summary>The cumulative incidence curve: <see cref="ShareBy"/> for every month from 0 to the horizon.</summary>
    public double[] ShareByMonth() => Enumerable.Range(0, Horizon + 1).Select(ShareBy).ToArray();

    /// <summary>
    /// Where <paramref name="month"/> falls in the distribution of event months, from 0 to 1: the share of
    /// replicates in which the event came earlier plus half of those in which it came that month (the
    /// mid-distribution percentile, which does not favour either side of a month many replicates share).
    /// </summary>
    public double Percentile(int month)
    {
        if (Replicates == 0) return double.NaN;
        long before = month == 0 ? 0 : _happenedBy[Checked(month) - 1];
        return (before + 0.5 * (_happenedBy[Checked(month)] - before)) / Replicates;
    }

    /// <summary>
    /// The first month by which at least <paramref name="probability"/> of all replicates had seen the
    /// event; null when that share is not reached by the horizon (the quantile lies later than the horizon).
    /// </summary>
    public int? Quantile(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        if (Replicates == 0) return null;
        // In decimal, 0.95 x 20 is exactly 19; in double it may round either side, moving a quantile by a month.
        decimal needed = (decimal)probability * Replicates;
        for (int month = 0; month <= Horizon; month++)
            if (_happenedBy[month] >= needed) return month;
        return null;
    }

    private int Checked(int month)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(month);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, Horizon);
        return month;
    }
}
