using System.Buffers;
using System.IO.Hashing;
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
    IReadOnlyList<string> RecordFields,
    long FirstReplicate,
    long RecordCount);

/// <summary>A records file opened for reading: its header, and its records read lazily, one at a time.</summary>
public sealed record RecordedReplicates(ReplicateRecordHeader Header, IEnumerable<ReplicateRecord> Records);

/// <summary>How far a records file had got at a checkpoint: its length, the records in it and the checksum of its bytes.</summary>
public readonly record struct RecordsCheckpoint(long Bytes, long Records, ulong Checksum);

/// <summary>
/// <c>replicates.msgpack</c>: a MessagePack stream of one header object, one object per replicate record, and (format 3
/// on) a footer with the count of records and a checksum of every byte before it. Written as the runner hands blocks
/// over, so that memory never holds the whole file. The header names events and outcomes in the words of summary.csv and
/// the figures, names the fields of a record (<see cref="RecordFields"/>) and says which replicates the file holds.
/// </summary>
public sealed class ReplicateRecordFile : IReplicateRecordSink, IDisposable
{
    /// <summary>The format this version writes; it reads this and every earlier one.</summary>
    public const int FormatVersion = 3;

    /// <summary>What each positional field of a record holds, as the header of format 2 on says.</summary>
    public static readonly IReadOnlyList<string> RecordFields = ["scenario", "variant", "replicate", "outcome", "event_months"];

    internal const int BufferBytes = 1 << 16;

    // Untrusted-data mode: a records file may come from anywhere (a cluster's scratch disk, an e-mail), and this mode
    // bounds the depth and hashing costs a crafted file can impose.
    internal static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard
        .WithResolver(StandardResolverAllowPrivate.Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData);

    private readonly Stream _stream;
    private readonly XxHash64 _checksum = new();
    private readonly long _expectedRecords;
    private long _bytes;
    private long _records;

    /// <summary>Creates the file (failing if it exists) and writes the header for <paramref name="experiment"/>.</summary>
    public ReplicateRecordFile(string path, Experiment experiment)
        : this(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, BufferBytes), experiment)
    {
    }

    /// <summary>Writes the records of <paramref name="experiment"/> to <paramref name="stream"/>, which it then owns.</summary>
    public ReplicateRecordFile(Stream stream, Experiment experiment)
        : this(stream, ExpectedRecords(experiment))
    {
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
            FirstReplicate = experiment.FirstReplicate,
            RecordCount = _expectedRecords,
        };
        Append(MessagePackSerializer.Serialize(header, Options));
    }

    private ReplicateRecordFile(Stream stream, long expectedRecords)
    {
        _stream = stream;
        _expectedRecords = expectedRecords;
    }

    /// <summary>Records a whole run of <paramref name="experiment"/> holds: one per scenario, replicate and variant.</summary>
    public static long ExpectedRecords(Experiment experiment) =>
        experiment.Scenarios.Count * experiment.Variants.Count * experiment.Replicates;

    /// <summary>Where the file stands after the blocks written so far; the footer is not counted.</summary>
    public RecordsCheckpoint Checkpoint => new(_bytes, _records, _checksum.GetCurrentHashAsUInt64());

    /// <summary>
    /// Reopens the file of an interrupted run of <paramref name="experiment"/> at <paramref name="checkpoint"/>: cuts
    /// off what was written after it and checks that the bytes before it are those the checkpoint saw.
    /// </summary>
    /// <exception cref="DamagedRecordsException">The file is shorter than at the checkpoint, or its bytes changed since.</exception>
    public static ReplicateRecordFile Reopen(string path, Experiment experiment, RecordsCheckpoint checkpoint)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, BufferBytes);
        var file = new ReplicateRecordFile(stream, ExpectedRecords(experiment));
        try
        {
            if (stream.Length < checkpoint.Bytes)
                throw new DamagedRecordsException(
                    $"{path} holds {stream.Length:N0} bytes, fewer than the {checkpoint.Bytes:N0} it held at the last checkpoint: it was cut after the run stopped.", stream.Length);
            stream.SetLength(checkpoint.Bytes);
            stream.Position = 0;
            file._checksum.Append(stream);
            file._bytes = checkpoint.Bytes;
            file._records = checkpoint.Records;
            if (file._checksum.GetCurrentHashAsUInt64() != checkpoint.Checksum)
                throw new DamagedRecordsException(
                    $"{path}: its first {checkpoint.Bytes:N0} bytes are not those written before the last checkpoint (checksum {file._checksum.GetCurrentHashAsUInt64():x16}, not {checkpoint.Checksum:x16}): it was changed after the run stopped.", 0);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
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
        int records = block.Count;
        return () =>
        {
            Append(buffer.WrittenSpan);
            _records += records;
            // Flushing per block means an interrupted run leaves a file that ends on a whole block.
            _stream.Flush();
        };
    }

    /// <summary>Appends one record, already serialized (and checked) by a run: for merging the records of shards.</summary>
    internal void AppendRecord(ReadOnlySpan<byte> record)
    {
        Append(record);
        _records++;
    }

    /// <summary>Makes the records written so far durable (on disk, not only in the operating system's cache), for a checkpoint.</summary>
    public void FlushToDisk()
    {
        if (_stream is FileStream file) file.Flush(flushToDisk: true);
        else _stream.Flush();
    }

    /// <summary>Ends a run that wrote every record: appends the footer and makes the file durable.</summary>
    /// <exception cref="InvalidOperationException">Fewer or more records were written than the header announces.</exception>
    public void Complete()
    {
        if (_records != _expectedRecords)
            throw new InvalidOperationException($"{_records} records written where the header announces {_expectedRecords}.");
        var footer = new RecordFileFooter { RecordCount = _records, Checksum = _checksum.GetCurrentHashAsUInt64() };
        _stream.Write(MessagePackSerializer.Serialize(footer, Options));
        FlushToDisk();
    }

    public void Dispose() => _stream.Dispose();

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        _checksum.Append(bytes);
        _bytes += bytes.Length;
    }

    /// <summary>
    /// Opens a records file. The header is read and checked at once; the records are read from disk as they are
    /// enumerated, and each enumeration reads the file afresh and checks it to its end (see <see cref="ReplicateRecordReader"/>).
    /// </summary>
    /// <exception cref="DamagedRecordsException">The file is not a records file this version can read.</exception>
    public static RecordedReplicates Read(string path) => ReplicateRecordReader.Open(path);
}
