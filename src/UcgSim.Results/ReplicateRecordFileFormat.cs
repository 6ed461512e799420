using MessagePack;

namespace UcgSim.Results;

// The on-disk shapes of replicates.msgpack. Keys are positional and must never be renumbered or reused:
// files written by earlier versions have to stay readable (see the golden-file test).

[MessagePackObject]
internal sealed class RecordFileHeader
{
    [Key(0)] public int FormatVersion { get; set; }
    [Key(1)] public string ExperimentName { get; set; } = "";
    [Key(2)] public string[] ScenarioNames { get; set; } = [];
    [Key(3)] public string[] VariantNames { get; set; } = [];
    // In EventKind order when written; the reader maps by name, so events added later do not shift. Format 1 wrote
    // the C# names (TransitionToCivilianRule), format 2 on the words of summary.csv (transition to civilian rule).
    [Key(4)] public string[] EventNames { get; set; } = [];
    [Key(5)] public string[] OutcomeNames { get; set; } = [];
    [Key(6)] public int Horizon { get; set; }
    [Key(7)] public ulong Seed { get; set; }
    [Key(8)] public long Replicates { get; set; }
    // Format 2 on: the name of each field of a record, in its positional order, so that a reader without our code
    // knows what the arrays hold. Absent (empty) in format 1 files.
    [Key(9)] public string[] RecordFields { get; set; } = [];
    // Format 3 on: the replicates the file holds, [FirstReplicate, FirstReplicate + Replicates), and how many records
    // that makes, so that a file cut short between records is told from a whole one. Zero in earlier files.
    [Key(10)] public long FirstReplicate { get; set; }
    [Key(11)] public long RecordCount { get; set; }
}

[MessagePackObject]
internal sealed class RecordFileEntry
{
    [Key(0)] public int ScenarioIndex { get; set; }
    [Key(1)] public int VariantIndex { get; set; }
    [Key(2)] public long Replicate { get; set; }
    [Key(3)] public byte Outcome { get; set; }
    // Month of each event in the header's event order; -1 where it did not happen.
    [Key(4)] public short[] EventMonths { get; set; } = [];
}

/// <summary>
/// Format 3 on: the last object of a whole file. A record is an array of five; the footer an array of three that starts
/// with <see cref="Mark"/>, so that neither can be taken for the other.
/// </summary>
[MessagePackObject]
internal sealed class RecordFileFooter
{
    public const string Mark = "end of ucgsim records";

    [Key(0)] public string Marker { get; set; } = Mark;
    [Key(1)] public long RecordCount { get; set; }
    // XxHash64 of every byte before the footer: the header and the records.
    [Key(2)] public ulong Checksum { get; set; }
}
