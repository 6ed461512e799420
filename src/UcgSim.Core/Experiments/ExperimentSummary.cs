using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>The aggregate result of an experiment: one <see cref="VariantTally"/> per scenario and variant.</summary>
public sealed class ExperimentSummary
{
    private readonly VariantTally[,] _tallies;

    public ExperimentSummary(Experiment experiment)
    {
        Experiment = experiment;
        _tallies = new VariantTally[experiment.Scenarios.Count, experiment.Variants.Count];
        for (int s = 0; s < experiment.Scenarios.Count; s++)
            for (int v = 0; v < experiment.Variants.Count; v++)
                _tallies[s, v] = new VariantTally(experiment.Horizon);
    }

    public Experiment Experiment { get; }

    public VariantTally Tally(int scenario, int variant) => _tallies[scenario, variant];

    public Proportion OutcomeShare(int scenario, int variant, Outcome outcome)
    {
        var tally = _tallies[scenario, variant];
        return Proportion.Wilson(tally.OutcomeCounts[(int)outcome], tally.Replicates);
    }

    /// <summary>Share of replicates in which the event happened by the horizon.</summary>
    public Proportion EventShare(int scenario, int variant, EventKind kind)
    {
        var tally = _tallies[scenario, variant];
        return Proportion.Wilson(tally.EventCount(kind), tally.Replicates);
    }

    /// <summary>Median month of the event among the replicates in which it happened; null if it never did.</summary>
    public double? MedianMonth(int scenario, int variant, EventKind kind)
    {
        var tally = _tallies[scenario, variant];
        long happened = tally.EventCount(kind);
        if (happened == 0) return null;
        long cumulative = 0;
        for (int month = 0; month <= tally.Horizon; month++)
        {
            cumulative += tally.EventCountByMonth(kind, month);
            if (2 * cumulative >= happened) return month;
        }
        return tally.Horizon;
    }

    /// <summary>Share of all replicates in which the event had happened by each month (a cumulative incidence curve).</summary>
    public double[] CumulativeIncidence(int scenario, int variant, EventKind kind) =>
        new EventTiming(_tallies[scenario, variant], kind).ShareByMonth();

    /// <summary>The cumulative incidence curve with a pointwise 95% interval at each month (not a band for the whole curve).</summary>
    public Proportion[] CumulativeIncidenceIntervals(int scenario, int variant, EventKind kind)
    {
        var timing = new EventTiming(_tallies[scenario, variant], kind);
        return Enumerable.Range(0, timing.Horizon + 1).Select(timing.IntervalBy).ToArray();
    }

    /// <summary>Replicates still running (not ended by a counter-coup) at <paramref name="month"/>.</summary>
    public long RunningAt(int scenario, int variant, int month) => _tallies[scenario, variant].Trajectories[0].Count(month);

    /// <summary>
    /// The monthly <paramref name="probability"/> quantile of a measure across the replicates still running that
    /// month; NaN in a month none is.
    /// </summary>
    public double[] QuantilePath(int scenario, int variant, TrajectoryMeasure measure, double probability)
    {
        var histogram = _tallies[scenario, variant].Trajectories[(int)measure];
        var path = new double[histogram.Months];
        for (int month = 0; month < path.Length; month++) path[month] = histogram.Quantile(month, probability);
        return path;
    }

    /// <summary>Variant minus baseline (variant 0) in the share of an outcome, paired by replicate index.</summary>
    public PairedDifference DifferenceFromBaseline(int scenario, int variant, Outcome outcome)
    {
        if (variant == 0) throw new ArgumentOutOfRangeException(nameof(variant), "The baseline has no difference from itself.");
        var tally = _tallies[scenario, variant];
        return PairedDifference.FromSums(tally.Replicates, tally.PairedSums[(int)outcome], tally.PairedSquares[(int)outcome]);
    }
}
