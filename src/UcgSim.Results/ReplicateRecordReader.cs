using System.Globalization;
using System.IO.Hashing;
using MessagePack;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// Reads records files of every format and checks them as it goes: the header's fields, each record's place in the
/// order the runner writes (scenario, replicate, variant), its outcome and event months, and, from format 3 on, the
/// footer's count and checksum. Every damage is an <see cref="DamagedRecordsException"/> naming the record and byte.
/// </summary>
internal static class ReplicateRecordReader
{
    // A record takes under 100 bytes; a header grows with the names in it. Anything longer is damage, and capping it
    // keeps a damaged length field from making the reader take in a whole large file.
    private const int LargestHeader = 1 << 24;
    private const int LargestRecord = 1 << 12;

    private const string ResumeAdvice = "'ucgsim resume <its results folder>' finishes a run that was stopped.";

    public static RecordedReplicates Open(string path)
    {
        using var stream = OpenForReading(path);
        var objects = new MessagePackObjects(stream, LargestHeader);
        var header = ReadHeader(path, objects);
        return new RecordedReplicates(PublicHeader(header), ReadRecords(path, header));
    }

    private static RecordFileHeader ReadHeader(string path, MessagePackObjects objects)
    {
        switch (objects.Next())
        {
            case NextObject.EndOfFile:
                throw new DamagedRecordsException($"{path} is empty: it holds no header and no records. The run that made it stopped before writing anything; run it again.", 0);
            case NextObject.CutShort:
                throw new DamagedRecordsException(
                    $"{path} ends at byte {objects.BytesRead:N0}, inside its header: the file was cut short while it was being created. Run the experiment again.", 0);
            case NextObject.NotMessagePack:
                throw Foreign(path, $"its first bytes are not MessagePack ({objects.Problem})");
        }
        RecordFileHeader header;
        try
        {
            header = MessagePackSerializer.Deserialize<RecordFileHeader>(objects.Current, ReplicateRecordFile.Options);
        }
        catch (MessagePackSerializationException)
        {
            throw Foreign(path, $"it starts with the bytes {FirstBytes(objects.Ahead(4))}, a MessagePack {Describe(objects.Current)} rather than a records header");
        }
        if (header.FormatVersion is < 1 or > ReplicateRecordFile.FormatVersion)
            throw new DamagedRecordsException(
                $"{path} has records format {header.FormatVersion}; this version of ucgsim reads formats 1 to {ReplicateRecordFile.FormatVersion}. Read it with a newer ucgsim, or the file is damaged.",
                0);
        if (HeaderProblem(header) is { } problem)
            throw new DamagedRecordsException($"{path}: its header is damaged: {problem}. The records cannot be placed without it; run the experiment again.", 0);
        return header;
    }

    // What makes a header that MessagePack could read impossible for a run to have written.
    private static string? HeaderProblem(RecordFileHeader header)
    {
        if (header.ScenarioNames.Length == 0) return "it names no scenario";
        if (header.VariantNames.Length == 0) return "it names no variant";
        if (header.OutcomeNames.Length == 0) return "it names no outcome";
        if (header.Horizon is < 1 or > Experiment.MaxHorizon) return $"its horizon is {header.Horizon} months, outside 1 to {Experiment.MaxHorizon}";
        if (header.Replicates < 0 || header.FirstReplicate < 0)
            return string.Create(CultureInfo.InvariantCulture, $"it holds {header.Replicates} replicates from replicate {header.FirstReplicate}");
        if (header.FormatVersion >= 3)
        {
            long expected = (long)header.ScenarioNames.Length * header.VariantNames.Length * header.Replicates;
            if (header.RecordCount != expected)
                return string.Create(CultureInfo.InvariantCulture,
                    $"it announces {header.RecordCount:N0} records, but {header.ScenarioNames.Length} scenario(s) x {header.VariantNames.Length} variant(s) x {header.Replicates:N0} replicates make {expected:N0}");
        }
        foreach (string outcome in header.OutcomeNames)
            if (!OutcomesByName.ContainsKey(outcome)) return $"it has an outcome this version does not know: '{outcome}'";
        return null;
    }

    private static IEnumerable<ReplicateRecord> ReadRecords(string path, RecordFileHeader header)
    {
        int[] eventSlots = header.EventNames
            .Select(name => EventsByName.TryGetValue(name, out var kind) ? (int)kind : -1)
            .ToArray();
        Outcome[] outcomes = header.OutcomeNames.Select(name => OutcomesByName[name]).ToArray();
        bool hasFooter = header.FormatVersion >= 3;

        using var stream = OpenForReading(path);
        var objects = new MessagePackObjects(stream, LargestHeader);
        var checksum = new XxHash64();
        objects.Next();
        checksum.Append(objects.Current.Span);
        var place = new RecordPlace(path, header);
        for (long number = 1; !hasFooter || number <= header.RecordCount; number++)
        {
            place.Number = number;
            place.Offset = objects.Offset + objects.Current.Length;
            switch (objects.Next())
            {
                case NextObject.EndOfFile when !hasFooter:
                    yield break;
                case NextObject.EndOfFile:
                    throw new DamagedRecordsException(
                        $"{path} ends at byte {place.Offset:N0}, after {number - 1:N0} of the {header.RecordCount:N0} records its header announces, with no footer: the run that wrote it stopped early. {ResumeAdvice}",
                        place.Offset, number);
                case NextObject.CutShort:
                    throw place.Damage(
                        $"runs past the end of the file at byte {objects.BytesRead:N0}: the file was cut short (its run stopped while writing, or a copy was cut), or a length in the record is damaged. {ResumeAdvice}");
                case NextObject.NotMessagePack:
                    throw place.Damage($"is not MessagePack ({objects.Problem}): the file is damaged from there on.");
            }
            checksum.Append(objects.Current.Span);
            yield return place.Check(objects.Current, eventSlots, outcomes);
        }
        ReadFooter(path, header, objects, checksum.GetCurrentHashAsUInt64());
    }

    private static void ReadFooter(string path, RecordFileHeader header, MessagePackObjects objects, ulong checksum)
    {
        long offset = objects.Offset + objects.Current.Length;
        switch (objects.Next())
        {
            case NextObject.EndOfFile:
                throw new DamagedRecordsException(
                    $"{path} ends at byte {offset:N0}, after all {header.RecordCount:N0} of its records but with no footer: the run that wrote it stopped as it finished. {ResumeAdvice}",
                    offset);
            case NextObject.CutShort:
                throw new DamagedRecordsException(
                    $"{path} ends at byte {objects.BytesRead:N0}, inside the footer that starts at byte {offset:N0}: the file was cut short as it was finished, or when copied.",
                    offset);
            case NextObject.NotMessagePack:
                throw new DamagedRecordsException(
                    $"{path}: the footer at byte {offset:N0}, after the {header.RecordCount:N0} records, is not MessagePack ({objects.Problem}): the file is damaged there.",
                    offset);
        }
        RecordFileFooter? footer = null;
        try
        {
            footer = MessagePackSerializer.Deserialize<RecordFileFooter>(objects.Current, ReplicateRecordFile.Options);
        }
        catch (MessagePackSerializationException)
        {
            // Said below, with what was found instead.
        }
        if (footer is null || footer.Marker != RecordFileFooter.Mark)
            throw new DamagedRecordsException(
                $"{path}: after the {header.RecordCount:N0} records its header announces, byte {offset:N0} holds a MessagePack {Describe(objects.Current)}, not the footer: records were added to the file, or its header is damaged.",
                offset);
        if (footer.RecordCount != header.RecordCount)
            throw new DamagedRecordsException(
                $"{path}: the footer at byte {offset:N0} counts {footer.RecordCount:N0} records where the header announces {header.RecordCount:N0}: one of the two is damaged.",
                offset);
        if (footer.Checksum != checksum)
            throw new DamagedRecordsException(
                $"{path}: the checksum of bytes 0 to {offset - 1:N0} is {checksum:x16}, but the footer at byte {offset:N0} says {footer.Checksum:x16}: some byte of the header or the records was changed after the file was written. Its records cannot be trusted; run the experiment again.",
                offset);
        long end = offset + objects.Current.Length;
        if (objects.Next() != NextObject.EndOfFile)
            throw new DamagedRecordsException(
                $"{path}: the file goes on after its footer, from byte {end:N0} to byte {objects.BytesRead:N0}: something was appended to it. The records before are whole; remove the bytes after the footer.",
                end);
    }

    /// <summary>Where the reader is, and what the record there must be in a file of this header.</summary>
    private sealed class RecordPlace(string path, RecordFileHeader header)
    {
        private readonly long _perScenario = header.Replicates * header.VariantNames.Length;

        public long Number { get; set; }
        public long Offset { get; set; }

        public DamagedRecordsException Damage(FormattableString what) => new(
            $"{path}: record {Number:N0}{Of}, at byte {Offset:N0}, {what.ToString(CultureInfo.InvariantCulture)}", Offset, Number);

        private string Of => header.FormatVersion >= 3 ? string.Create(CultureInfo.InvariantCulture, $" of {header.RecordCount:N0}") : "";

        public ReplicateRecord Check(ReadOnlyMemory<byte> bytes, int[] eventSlots, Outcome[] outcomes)
        {
            RecordFileEntry entry;
            try
            {
                entry = MessagePackSerializer.Deserialize<RecordFileEntry>(bytes, ReplicateRecordFile.Options);
            }
            catch (MessagePackSerializationException)
            {
                throw Damage($"is a MessagePack {Describe(bytes)}, not a record: the file is damaged there.");
            }
            if (header.FormatVersion >= 3)
            {
                long index = Number - 1;
                int scenario = (int)(index / _perScenario);
                long replicate = header.FirstReplicate + index % _perScenario / header.VariantNames.Length;
                int variant = (int)(index % header.VariantNames.Length);
                if ((entry.ScenarioIndex, entry.VariantIndex, entry.Replicate) != (scenario, variant, replicate))
                    throw Damage(
                        $"is for scenario {entry.ScenarioIndex}, variant {entry.VariantIndex}, replicate {entry.Replicate:N0}, where scenario {scenario}, variant {variant}, replicate {replicate:N0} belongs: the file is damaged there.");
            }
            else if (entry.ScenarioIndex < 0 || entry.ScenarioIndex >= header.ScenarioNames.Length
                     || entry.VariantIndex < 0 || entry.VariantIndex >= header.VariantNames.Length)
            {
                throw Damage($"is for scenario {entry.ScenarioIndex}, variant {entry.VariantIndex}, beyond those of its header: the file is damaged there.");
            }
            if (entry.Outcome >= outcomes.Length)
                throw Damage($"has outcome {entry.Outcome}, beyond the {outcomes.Length} outcomes of its header: the file is damaged there.");
            var months = new short[SimulationVocabulary.Events.Length];
            Array.Fill(months, ReplicateRecord.NotObserved);
            for (int e = 0; e < entry.EventMonths.Length && e < eventSlots.Length; e++)
            {
                short month = entry.EventMonths[e];
                if (month != ReplicateRecord.NotObserved && (month < 0 || month > header.Horizon))
                    throw Damage(
                        $"has month {month} for '{header.EventNames[e]}', outside 0 to the horizon of {header.Horizon}: the file is damaged there.");
                if (eventSlots[e] >= 0) months[eventSlots[e]] = month;
            }
            return new ReplicateRecord(entry.ScenarioIndex, entry.VariantIndex, entry.Replicate, outcomes[entry.Outcome], months);
        }
    }

    private static DamagedRecordsException Foreign(string path, FormattableString why) => new(
        $"{path} is not a ucgsim records file: {why.ToString(CultureInfo.InvariantCulture)}. Records files are the replicates.msgpack of a results folder.", 0);

    private static string FirstBytes(ReadOnlySpan<byte> bytes) =>
        string.Join(' ', bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    // What a MessagePack object is, in a few words, for messages about finding it where something else belongs.
    private static string Describe(ReadOnlyMemory<byte> bytes)
    {
        var reader = new MessagePackReader(bytes);
        return reader.NextMessagePackType switch
        {
            MessagePackType.Array => $"array of {reader.ReadArrayHeader()}",
            MessagePackType.Map => $"map of {reader.ReadMapHeader()} entries",
            var type => type.ToString().ToLowerInvariant(),
        };
    }

    private static ReplicateRecordHeader PublicHeader(RecordFileHeader header) => new(
        header.FormatVersion, header.ExperimentName, header.ScenarioNames, header.VariantNames, header.EventNames,
        header.OutcomeNames, header.Horizon, header.Seed, header.Replicates, header.RecordFields, header.FirstReplicate,
        header.FormatVersion >= 3 ? header.RecordCount : (long)header.ScenarioNames.Length * header.VariantNames.Length * header.Replicates);

    // Both vocabularies a file may use: the words of format 2 on and the C# names of format 1. They never collide.
    private static readonly Dictionary<string, EventKind> EventsByName = SimulationVocabulary.Events
        .SelectMany(kind => new[] { (SimulationVocabulary.Describe(kind), kind), (kind.ToString(), kind) })
        .ToDictionary(pair => pair.Item1, pair => pair.kind);

    private static readonly Dictionary<string, Outcome> OutcomesByName = SimulationVocabulary.Outcomes
        .SelectMany(outcome => new[] { (SimulationVocabulary.Describe(outcome), outcome), (outcome.ToString(), outcome) })
        .ToDictionary(pair => pair.Item1, pair => pair.outcome);

    private static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReplicateRecordFile.BufferBytes);
}
