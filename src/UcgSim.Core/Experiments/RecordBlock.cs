using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>
/// The records of one block of replicates, held as arrays rather than an object per record, in the order the
/// records file keeps them: replicate by replicate, each under every variant in turn. A worker fills one block,
/// hands it to <see cref="IReplicateRecordSink.Prepare"/>, and fills it again for its next block.
/// </summary>
public sealed class RecordBlock
{
    private static readonly int EventCount = SimulationVocabulary.Events.Length;

    private readonly Outcome[] _outcomes;
    private readonly short[] _eventMonths;

    public RecordBlock(int variants, int capacity)
    {
        Variants = variants;
        _outcomes = new Outcome[variants * capacity];
        _eventMonths = new short[variants * capacity * EventCount];
    }

    public int Variants { get; }
    public int ScenarioIndex { get; private set; }
    public long FirstReplicate { get; private set; }
    public int Replicates { get; private set; }

    /// <summary>Records in the block: <see cref="Replicates"/> times <see cref="Variants"/>.</summary>
    public int Count => Replicates * Variants;

    /// <summary>Where the record of a replicate (counted from the block's first) under a variant sits.</summary>
    public int IndexOf(int replicateInBlock, int variant) => replicateInBlock * Variants + variant;

    public long Replicate(int index) => FirstReplicate + index / Variants;

    public int Variant(int index) => index % Variants;

    public Outcome Outcome(int index) => _outcomes[index];

    /// <summary>The month of each event, indexed by <see cref="EventKind"/>; <see cref="ReplicateRecord.NotObserved"/> where it did not happen.</summary>
    public ReadOnlySpan<short> EventMonths(int index) => _eventMonths.AsSpan(index * EventCount, EventCount);

    public ReplicateRecord ToRecord(int index) =>
        new(ScenarioIndex, Variant(index), Replicate(index), Outcome(index), EventMonths(index).ToArray());

    public IReadOnlyList<ReplicateRecord> ToRecords() => Enumerable.Range(0, Count).Select(ToRecord).ToList();

    internal void Begin(int scenarioIndex, long firstReplicate, int replicates)
    {
        if (replicates * Variants > _outcomes.Length)
            throw new ArgumentOutOfRangeException(nameof(replicates), $"A block holds at most {_outcomes.Length / Variants} replicates.");
        ScenarioIndex = scenarioIndex;
        FirstReplicate = firstReplicate;
        Replicates = replicates;
    }

    internal void Set(int index, Outcome outcome, ReadOnlySpan<short> eventMonths)
    {
        _outcomes[index] = outcome;
        eventMonths.CopyTo(_eventMonths.AsSpan(index * EventCount, EventCount));
    }
}
