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
                _tallies[s, v] = new VariantTally(experiment.Horizon, v);
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
        return happened == 0 ? null : MonthOfRank(tally, kind, (happened + 1) / 2);
    }

    /// <summary>
    /// The distribution-free 95% interval for <see cref="MedianMonth"/> (see <see cref="MedianInterval"/>); null when
    /// fewer than 6 replicates saw the event.
    /// </summary>
    public (int Lower, int Upper)? MedianMonthInterval(int scenario, int variant, EventKind kind)
    {
        var tally = _tallies[scenario, variant];
        return MedianInterval.Ranks(tally.EventCount(kind)) is { } ranks
            ? (MonthOfRank(tally, kind, ranks.Lower), MonthOfRank(tally, kind, ranks.Upper))
            : null;
    }

    // The month of the rank-th earliest occurrence (1-based) among the replicates in which the event happened.
    private static int MonthOfRank(VariantTally tally, EventKind kind, long rank)
    {
        long cumulative = 0;
        for (int month = 0; month <= tally.Horizon; month++)
        {
            cumulative += tally.EventCountByMonth(kind, month);
            if (cumulative >= rank) return month;
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
        return Difference(scenario, variant, 0, outcome);
    }

    /// <summary><paramref name="variant"/> minus <paramref name="reference"/> in the share of an outcome, paired by replicate index.</summary>
    public PairedDifference Difference(int scenario, int variant, int reference, Outcome outcome)
    {
        if (variant == reference) throw new ArgumentOutOfRangeException(nameof(reference), "A variant has no difference from itself.");
        // The later variant's tally holds the joint counts; the earlier one is the reference there.
        int later = Math.Max(variant, reference), earlier = Math.Min(variant, reference);
        var tally = _tallies[scenario, later];
        long onlyLater = 0, onlyEarlier = 0;
        foreach (var other in SimulationVocabulary.Outcomes)
        {
            if (other == outcome) continue;
            onlyLater += tally.JointCount(earlier, outcome, other);
            onlyEarlier += tally.JointCount(earlier, other, outcome);
        }
        long sum = later == variant ? onlyLater - onlyEarlier : onlyEarlier - onlyLater;
        // Each pair differs by -1, 0 or 1, so the sum of squares is the number of discordant pairs.
        return PairedDifference.FromSums(tally.Replicates, sum, onlyLater + onlyEarlier);
    }
}
