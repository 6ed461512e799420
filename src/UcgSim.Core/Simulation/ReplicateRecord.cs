namespace UcgSim.Core.Simulation;

/// <summary>
/// What one replicate leaves behind: its final outcome and the month of each event (brief §6).
/// <see cref="EventMonths"/> is indexed by <see cref="EventKind"/>; <see cref="NotObserved"/> marks an
/// event that did not happen before the horizon.
/// </summary>
public sealed class ReplicateRecord
{
    public const short NotObserved = -1;

    public ReplicateRecord(int scenarioIndex, int variantIndex, long replicate, Outcome outcome, short[] eventMonths)
    {
        if (eventMonths.Length != SimulationVocabulary.Events.Length)
            throw new ArgumentException($"Expected {SimulationVocabulary.Events.Length} event months.", nameof(eventMonths));
        ScenarioIndex = scenarioIndex;
        VariantIndex = variantIndex;
        Replicate = replicate;
        Outcome = outcome;
        EventMonths = eventMonths;
    }

    public int ScenarioIndex { get; }
    public int VariantIndex { get; }
    public long Replicate { get; }
    public Outcome Outcome { get; }
    public short[] EventMonths { get; }

    public int? MonthOf(EventKind kind) =>
        EventMonths[(int)kind] == NotObserved ? null : EventMonths[(int)kind];
}
