using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>
/// Running totals for one scenario under one variant: outcome counts, event-month histograms,
/// trajectory histograms of the replicates still running each month and, for a non-baseline variant, the
/// paired differences against the baseline. All integer, so merging partial tallies in any order gives the same totals.
/// </summary>
public sealed class VariantTally
{
    private readonly int _months;

    public VariantTally(int horizon)
    {
        Horizon = horizon;
        _months = horizon + 1;
        OutcomeCounts = new long[SimulationVocabulary.Outcomes.Length];
        EventMonthCounts = new long[SimulationVocabulary.Events.Length * _months];
        PairedSums = new long[SimulationVocabulary.Outcomes.Length];
        PairedSquares = new long[SimulationVocabulary.Outcomes.Length];
        Trajectories = SimulationVocabulary.Measures.Select(m => new TrajectoryHistogram(m, horizon)).ToArray();
    }

    public int Horizon { get; }
    public long Replicates { get; private set; }
    public long[] OutcomeCounts { get; }
    /// <summary>Event-major: the count of replicates whose first <c>event</c> fell in <c>month</c>.</summary>
    public long[] EventMonthCounts { get; }
    public long[] PairedSums { get; }
    public long[] PairedSquares { get; }
    public TrajectoryHistogram[] Trajectories { get; }

    public void Add(ReplicateHistory history, ReplicateHistory? baseline)
    {
        Replicates++;
        OutcomeCounts[(int)history.Outcome]++;
        for (int e = 0; e < history.EventMonths.Length; e++)
        {
            int month = history.EventMonths[e];
            if (month != ReplicateRecord.NotObserved) EventMonthCounts[e * _months + month]++;
        }
        // A counter-coup ends the replicate: the months after it hold its last values carried forward, not a state
        // of the country, so they stay out of the bands (which then describe the replicates still running).
        int lastMonth = history.MonthOf(EventKind.CounterCoup) ?? Horizon;
        for (int m = 0; m < Trajectories.Length; m++)
        {
            var path = history.Trajectory((TrajectoryMeasure)m);
            for (int month = 0; month <= lastMonth; month++) Trajectories[m].Add(month, path[month]);
        }
        if (baseline is null) return;
        for (int o = 0; o < OutcomeCounts.Length; o++)
        {
            int difference = (history.Outcome == (Outcome)o ? 1 : 0) - (baseline.Outcome == (Outcome)o ? 1 : 0);
            PairedSums[o] += difference;
            PairedSquares[o] += difference * difference;
        }
    }

    public void Merge(VariantTally other)
    {
        Replicates += other.Replicates;
        AddInto(OutcomeCounts, other.OutcomeCounts);
        AddInto(EventMonthCounts, other.EventMonthCounts);
        AddInto(PairedSums, other.PairedSums);
        AddInto(PairedSquares, other.PairedSquares);
        for (int m = 0; m < Trajectories.Length; m++) Trajectories[m].Merge(other.Trajectories[m]);
    }

    private static void AddInto(long[] target, long[] source)
    {
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
