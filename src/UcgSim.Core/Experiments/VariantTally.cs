using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>
/// Running totals for one scenario under one variant: outcome counts, event-month histograms,
/// trajectory histograms of the replicates still running each month and, for every variant run before it on the
/// same replicates, the joint counts of the two outcomes, from which any paired difference follows. All integer, so merging partial tallies in any order gives the same totals.
/// </summary>
public sealed class VariantTally
{
    private readonly int _months;

    /// <param name="horizon">Months simulated.</param>
    /// <param name="earlierVariants">How many variants run before this one on the same replicates (its index).</param>
    public VariantTally(int horizon, int earlierVariants = 0)
    {
        Horizon = horizon;
        _months = horizon + 1;
        OutcomeCounts = new long[SimulationVocabulary.Outcomes.Length];
        EventMonthCounts = new long[SimulationVocabulary.Events.Length * _months];
        JointOutcomeCounts = new long[earlierVariants * OutcomeCount * OutcomeCount];
        Trajectories = SimulationVocabulary.Measures.Select(m => new TrajectoryHistogram(m, horizon)).ToArray();
    }

    public int Horizon { get; }
    public long Replicates { get; private set; }
    public long[] OutcomeCounts { get; }
    /// <summary>Event-major: the count of replicates whose first <c>event</c> fell in <c>month</c>.</summary>
    public long[] EventMonthCounts { get; }
    /// <summary>
    /// Indexed (earlier variant, this outcome, earlier outcome): replicates that ended with this pair of outcomes.
    /// A 5 x 5 table per earlier variant keeps every paired comparison, not only the one against the baseline.
    /// </summary>
    public long[] JointOutcomeCounts { get; }
    public TrajectoryHistogram[] Trajectories { get; }

    private static int OutcomeCount => SimulationVocabulary.Outcomes.Length;

    /// <summary>Adds one replicate, paired with the same replicate under each variant run before this one.</summary>
    public void Add(ReplicateHistory history, ReadOnlySpan<ReplicateHistory> earlierVariants)
    {
        Span<Outcome> earlierOutcomes = stackalloc Outcome[earlierVariants.Length];
        for (int earlier = 0; earlier < earlierVariants.Length; earlier++) earlierOutcomes[earlier] = earlierVariants[earlier].Outcome;
        AddOutcome(history.Outcome, earlierOutcomes);
        AddEvents(history.EventMonths);
        int lastMonth = LastMonthRunning(history.EventMonths);
        for (int m = 0; m < Trajectories.Length; m++)
        {
            var path = history.Trajectory((TrajectoryMeasure)m);
            for (int month = 0; month <= lastMonth; month++) Trajectories[m].Add(month, path[month]);
        }
    }

    /// <summary>
    /// The last month whose measures go into the bands. A counter-coup ends the replicate: the months after it hold its
    /// last values carried forward, not a state of the country, so they stay out of the bands (which then describe the
    /// replicates still running).
    /// </summary>
    internal int LastMonthRunning(ReadOnlySpan<short> eventMonths) =>
        eventMonths[(int)EventKind.CounterCoup] is var month && month != ReplicateRecord.NotObserved ? month : Horizon;

    /// <summary>Counts one replicate's outcome, and its pair with the same replicate's outcome under each earlier variant.</summary>
    internal void AddOutcome(Outcome outcome, ReadOnlySpan<Outcome> earlierOutcomes)
    {
        Replicates++;
        OutcomeCounts[(int)outcome]++;
        for (int earlier = 0; earlier < earlierOutcomes.Length; earlier++)
            JointOutcomeCounts[JointIndex(earlier, outcome, earlierOutcomes[earlier])]++;
    }

    /// <summary>Counts the month of each event that happened in one replicate (indexed by <see cref="EventKind"/>).</summary>
    internal void AddEvents(ReadOnlySpan<short> eventMonths)
    {
        for (int e = 0; e < eventMonths.Length; e++)
        {
            int month = eventMonths[e];
            if (month != ReplicateRecord.NotObserved) EventMonthCounts[e * _months + month]++;
        }
    }

    /// <summary>Replicates that ended in <paramref name="outcome"/> here and in <paramref name="earlierOutcome"/> under the earlier variant.</summary>
    public long JointCount(int earlierVariant, Outcome outcome, Outcome earlierOutcome) =>
        JointOutcomeCounts[JointIndex(earlierVariant, outcome, earlierOutcome)];

    private static int JointIndex(int earlierVariant, Outcome outcome, Outcome earlierOutcome) =>
        (earlierVariant * OutcomeCount + (int)outcome) * OutcomeCount + (int)earlierOutcome;

    public void Merge(VariantTally other)
    {
        MergeCounts(other.Replicates, other.OutcomeCounts, other.EventMonthCounts, other.JointOutcomeCounts);
        for (int m = 0; m < Trajectories.Length; m++) Trajectories[m].Merge(other.Trajectories[m]);
    }

    /// <summary>
    /// Adds counts saved from a tally of the same shape (a checkpoint), as <see cref="Merge(VariantTally)"/> adds a tally:
    /// <paramref name="trajectoryCounts"/> holds each measure's <see cref="TrajectoryHistogram.Counts"/>.
    /// </summary>
    public void Merge(
        long replicates, ReadOnlySpan<long> outcomeCounts, ReadOnlySpan<long> eventMonthCounts, ReadOnlySpan<long> jointOutcomeCounts,
        IReadOnlyList<long[]> trajectoryCounts)
    {
        if (trajectoryCounts.Count != Trajectories.Length)
            throw new ArgumentException($"{trajectoryCounts.Count} trajectory histograms for a tally of {Trajectories.Length}.", nameof(trajectoryCounts));
        MergeCounts(replicates, outcomeCounts, eventMonthCounts, jointOutcomeCounts);
        for (int m = 0; m < Trajectories.Length; m++) Trajectories[m].Merge(trajectoryCounts[m]);
    }

    private void MergeCounts(long replicates, ReadOnlySpan<long> outcomeCounts, ReadOnlySpan<long> eventMonthCounts, ReadOnlySpan<long> jointOutcomeCounts)
    {
        Replicates += replicates;
        AddInto(OutcomeCounts, outcomeCounts);
        AddInto(EventMonthCounts, eventMonthCounts);
        AddInto(JointOutcomeCounts, jointOutcomeCounts);
    }

    /// <summary>Back to no replicates, so that a worker can count its next stretch of blocks in the same arrays.</summary>
    public void Clear()
    {
        Replicates = 0;
        Array.Clear(OutcomeCounts);
        Array.Clear(EventMonthCounts);
        Array.Clear(JointOutcomeCounts);
        foreach (var histogram in Trajectories) histogram.Clear();
    }

    private static void AddInto(long[] target, ReadOnlySpan<long> source)
    {
        if (source.Length != target.Length)
            throw new ArgumentException($"{source.Length} counts where the tally holds {target.Length}.", nameof(source));
        for (int i = 0; i < target.Length; i++) target[i] += source[i];
    }

    public long EventCount(EventKind kind)
    {
        long total = 0;
        for (int month = 0; month < _months; month++) total += EventMonthCounts[(int)kind * _months + month];
        return total;
    }

    public long EventCountByMonth(EventKind kind, int month) => EventMonthCounts[(int)kind * _months + month];
}
