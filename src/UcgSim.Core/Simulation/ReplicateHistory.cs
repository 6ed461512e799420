namespace UcgSim.Core.Simulation;

/// <summary>
/// One replicate as the model leaves it: outcome, event months and the monthly path of each
/// <see cref="TrajectoryMeasure"/>. After a counter-coup ends a replicate, its measures keep
/// their last values to the horizon so that bands always cover every replicate.
/// </summary>
public sealed class ReplicateHistory
{
    private readonly double[] _trajectories;

    public ReplicateHistory(int horizon)
    {
        Horizon = horizon;
        EventMonths = new short[SimulationVocabulary.Events.Length];
        Array.Fill(EventMonths, ReplicateRecord.NotObserved);
        _trajectories = new double[SimulationVocabulary.Measures.Length * (horizon + 1)];
    }

    public int Horizon { get; }
    public Outcome Outcome { get; set; } = Outcome.Entrenched;
    public short[] EventMonths { get; }

    public bool Happened(EventKind kind) => EventMonths[(int)kind] != ReplicateRecord.NotObserved;

    public int? MonthOf(EventKind kind) => Happened(kind) ? EventMonths[(int)kind] : null;

    /// <summary>Records the first occurrence of an event; later ones keep the first month.</summary>
    public void Mark(EventKind kind, int month)
    {
        if (!Happened(kind)) EventMonths[(int)kind] = (short)month;
    }

    public Span<double> Trajectory(TrajectoryMeasure measure) =>
        new(_trajectories, (int)measure * (Horizon + 1), Horizon + 1);

    public ReplicateRecord ToRecord(int scenarioIndex, int variantIndex, long replicate) =>
        new(scenarioIndex, variantIndex, replicate, Outcome, (short[])EventMonths.Clone());
}
