using System.Buffers;
using MessagePack;
using MessagePack.Resolvers;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>What a records file says about the experiment that wrote it.</summary>
public sealed record ReplicateRecordHeader(
    int FormatVersion,
    string ExperimentName,
    IReadOnlyList<string> ScenarioNames,
    IReadOnlyList<string> VariantNames,
    IReadOnlyList<string> EventNames,
    IReadOnlyList<string> OutcomeNames,
    int Horizon,
    ulong Seed,
    long Replicates,
    IReadOnlyList<string> RecordFields);

/// <summary>A records file opened for reading: its header, and its records read lazily, one at a time.</summary>
public sealed record RecordedReplicates(ReplicateRecordHeader Header, IEnumerable<ReplicateRecord> Records);

/// <summary>
/// <c>replicates.msgpack</c>: a MessagePack stream of one header object followed by one object per
/// replicate record, written as the runner hands blocks over so that memory never holds the whole file.
/// The header names events and outcomes in the words of summary.csv and the figures, and names the fields of
/// a record (<see cref="RecordFields"/>).
/// </summary>
public sealed class ReplicateRecordFile : IReplicateRecordSink, IDisposable
{
    /// <summary>The format this version writes; it reads this and every earlier one.</summary>
    public const int FormatVersion = 2;

    /// <summary>What each positional field of a record holds, as the header of format 2 on says.</summary>
    public static readonly IReadOnlyList<string> RecordFields = ["scenario", "variant", "replicate", "outcome", "event_months"];

    private const int BufferBytes = 1 << 16;

    private static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(StandardResolverAllowPrivate.Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    private readonly Stream _stream;

    /// <summary>Creates the file (failing if it exists) and writes the header for <paramref name="experiment"/>.</summary>
    public ReplicateRecordFile(string path, Experiment experiment)
        : this(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferBytes), experiment)
    {
    }

    /// <summary>Writes the records of <paramref name="experiment"/> to <paramref name="stream"/>, which it then owns.</summary>
    public ReplicateRecordFile(Stream stream, Experiment experiment)
    {
        _stream = stream;
        var header = new RecordFileHeader
        {
            FormatVersion = FormatVersion,
            ExperimentName = experiment.Name,
            ScenarioNames = experiment.Scenarios.Select(s => s.Name).ToArray(),
            VariantNames = experiment.Variants.Select(v => v.Name).ToArray(),
            EventNames = SimulationVocabulary.Events.Select(SimulationVocabulary.Describe).ToArray(),
            OutcomeNames = SimulationVocabulary.Outcomes.Select(SimulationVocabulary.Describe).ToArray(),
            Horizon = experiment.Horizon,
            Seed = experiment.Seed,
            Replicates = experiment.Replicates,
            RecordFields = [.. RecordFields],
        };
        MessagePackSerializer.Serialize(_stream, header, Options);
    }

    /// <summary>
    /// Serializes a block's records on the calling worker thread; the returned write appends them to the file. Each
    /// record is the same MessagePack object as ever, so files do not depend on which thread serialized what.
    /// </summary>
    public Action Prepare(RecordBlock block)
    {
        var buffer = new ArrayBufferWriter<byte>(block.Count * 48);
        var entry = new RecordFileEntry { EventMonths = new short[SimulationVocabulary.Events.Length] };
        for (int i = 0; i < block.Count; i++)
        {
            entry.ScenarioIndex = block.ScenarioIndex;
            entry.VariantIndex = block.Variant(i);
            entry.Replicate = block.Replicate(i);
            entry.Outcome = (byte)block.Outcome(i);
            block.EventMonths(i).CopyTo(entry.EventMonths);
            MessagePackSerializer.Serialize(buffer, entry, Options);
        }
        return () =>
        {
            _stream.Write(buffer.WrittenSpan);
            // Flushing per block means an interrupted run leaves a file that ends on a whole block.
            _stream.Flush();
        };
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// Opens a records file. The header is read at once; the records are read from disk as they are
    /// enumerated, and each enumeration reads the file afresh. Event months are matched to
    /// <see cref="EventKind"/> by name, so a file from a model with fewer events still reads (the
    /// missing ones as not observed).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a records file this version can read.</exception>
    public static RecordedReplicates Read(string path)
    {
        RecordFileHeader header;
        using (var stream = OpenForReading(path))
        using (var reader = new MessagePackStreamReader(stream))
            header = MessagePackSerializer.Deserialize<RecordFileHeader>(
                NextObject(reader) ?? throw new InvalidDataException($"{path} is empty."), Options);

        if (header.FormatVersion is < 1 or > FormatVersion)
            throw new InvalidDataException(
                $"{path} has records format {header.FormatVersion}; this version of ucgsim reads formats 1 to {FormatVersion}.");

        var publicHeader = new ReplicateRecordHeader(
            header.FormatVersion, header.ExperimentName, header.ScenarioNames, header.VariantNames,
            header.EventNames, header.OutcomeNames, header.Horizon, header.Seed, header.Replicates, header.RecordFields);
        return new RecordedReplicates(publicHeader, ReadRecords(path, header));
    }

    private static IEnumerable<ReplicateRecord> ReadRecords(string path, RecordFileHeader header)
    {
        int[] eventSlots = header.EventNames
            .Select(name => EventsByName.TryGetValue(name, out var kind) ? (int)kind : -1)
            .ToArray();
        Outcome[] outcomes = header.OutcomeNames
            .Select(name => OutcomesByName.TryGetValue(name, out var outcome)
                ? outcome
                : throw new InvalidDataException($"{path} has an outcome this version does not know: {name}."))
            .ToArray();

        using var stream = OpenForReading(path);
        using var reader = new MessagePackStreamReader(stream);
        NextObject(reader);
        while (NextObject(reader) is { } sequence)
        {
            var entry = MessagePackSerializer.Deserialize<RecordFileEntry>(sequence, Options);
            var months = new short[SimulationVocabulary.Events.Length];
            Array.Fill(months, ReplicateRecord.NotObserved);
            for (int e = 0; e < entry.EventMonths.Length && e < eventSlots.Length; e++)
                if (eventSlots[e] >= 0) months[eventSlots[e]] = entry.EventMonths[e];
            if (entry.Outcome >= outcomes.Length)
                throw new InvalidDataException($"{path} has a record with outcome {entry.Outcome}, beyond those in its header.");
            yield return new ReplicateRecord(
                entry.ScenarioIndex, entry.VariantIndex, entry.Replicate, outcomes[entry.Outcome], months);
        }
    }

    // Both vocabularies a file may use: the words of format 2 on and the C# names of format 1. They never collide.
    private static readonly Dictionary<string, EventKind> EventsByName = SimulationVocabulary.Events
        .SelectMany(kind => new[] { (SimulationVocabulary.Describe(kind), kind), (kind.ToString(), kind) })
        .ToDictionary(pair => pair.Item1, pair => pair.kind);

    private static readonly Dictionary<string, Outcome> OutcomesByName = SimulationVocabulary.Outcomes
        .SelectMany(outcome => new[] { (SimulationVocabulary.Describe(outcome), outcome), (outcome.ToString(), outcome) })
        .ToDictionary(pair => pair.Item1, pair => pair.outcome);

    private static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);

    // MessagePackStreamReader only reads asynchronously. The file is local and nothing here runs on a
    // synchronization context, so blocking is safe and keeps the reader a plain IEnumerable.
    // A null result is the end of the stream, or a last object cut short by an interrupted run.
    private static ReadOnlySequence<byte>? NextObject(MessagePackStreamReader reader) =>
        reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
