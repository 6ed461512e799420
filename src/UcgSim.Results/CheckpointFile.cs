using MessagePack;
using UcgSim.Core.Experiments;

namespace UcgSim.Results;

/// <summary>A run's last checkpoint: its committed state and, when it writes records, how far the records file had got.</summary>
public sealed record SavedCheckpoint(RunState State, RecordsCheckpoint? Records);

/// <summary>
/// <c>checkpoint.msgpack</c>: the integer tallies of a run's committed blocks (see <see cref="RunState"/>) and the
/// length, count and checksum of the records file at that moment, in one file replaced atomically, so that the two
/// always agree whenever the run is killed. A stopped run resumes from it; a finished one keeps it, so that shards of one
/// experiment can be merged into the summary of a single run without reading their records.
/// </summary>
public static class CheckpointFile
{
    public const int FormatVersion = 1;

    public static void Write(string path, RunState state, RecordsCheckpoint? records)
    {
        var experiment = state.Experiment;
        var saved = new SavedTallies
        {
            FormatVersion = FormatVersion,
            ExperimentName = experiment.Name,
            Seed = experiment.Seed,
            FirstReplicate = experiment.FirstReplicate,
            Replicates = experiment.Replicates,
            Horizon = experiment.Horizon,
            Scenarios = experiment.Scenarios.Count,
            Variants = experiment.Variants.Count,
            BlocksDone = state.BlocksDone,
            RecordsBytes = records?.Bytes ?? -1,
            RecordsCount = records?.Records ?? -1,
            RecordsChecksum = records?.Checksum ?? 0,
            Tallies = Enumerable.Range(0, experiment.Scenarios.Count)
                .SelectMany(s => Enumerable.Range(0, experiment.Variants.Count).Select(v => state.Summary.Tally(s, v)))
                .Select(tally => new SavedTally
                {
                    Replicates = tally.Replicates,
                    OutcomeCounts = tally.OutcomeCounts,
                    EventMonthCounts = tally.EventMonthCounts,
                    JointOutcomeCounts = tally.JointOutcomeCounts,
                    TrajectoryCounts = tally.Trajectories.Select(histogram => histogram.Counts.ToArray()).ToArray(),
                })
                .ToArray(),
        };
        AtomicFile.Replace(path, stream => MessagePackSerializer.Serialize(stream, saved, ReplicateRecordFile.Options));
    }

    /// <summary>The checkpoint saved in <paramref name="path"/> by a run of <paramref name="experiment"/>.</summary>
    /// <exception cref="InvalidDataException">The file is damaged, or is of another experiment or replicate range.</exception>
    public static SavedCheckpoint Read(string path, Experiment experiment)
    {
        SavedTallies saved;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            saved = MessagePackSerializer.Deserialize<SavedTallies>(stream, ReplicateRecordFile.Options);
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException($"{path} is not a checkpoint file that this version can read ({e.Message}).");
        }
        if (saved.FormatVersion != FormatVersion
            || (saved.ExperimentName, saved.Seed, saved.FirstReplicate, saved.Replicates, saved.Horizon, saved.Scenarios, saved.Variants)
            != (experiment.Name, experiment.Seed, experiment.FirstReplicate, experiment.Replicates, experiment.Horizon, experiment.Scenarios.Count, experiment.Variants.Count))
            throw new InvalidDataException(
                $"{path} holds the tallies of \"{saved.ExperimentName}\" (seed {saved.Seed}, replicates {saved.FirstReplicate} and {saved.Replicates} more, horizon {saved.Horizon}, {saved.Scenarios} scenario(s) x {saved.Variants} variant(s)), not of the experiment beside it.");
        if (saved.BlocksDone < 0 || saved.BlocksDone > RunState.TotalBlocks(experiment) || saved.Tallies.Length != saved.Scenarios * saved.Variants)
            throw new InvalidDataException($"{path} is damaged: {saved.BlocksDone} blocks done and {saved.Tallies.Length} tallies do not fit the experiment.");
        var summary = new ExperimentSummary(experiment);
        try
        {
            for (int i = 0; i < saved.Tallies.Length; i++)
            {
                var tally = saved.Tallies[i];
                summary.Tally(i / saved.Variants, i % saved.Variants).Merge(
                    tally.Replicates, tally.OutcomeCounts, tally.EventMonthCounts, tally.JointOutcomeCounts, tally.TrajectoryCounts);
            }
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path} is damaged: {e.Message}");
        }
        return new SavedCheckpoint(new RunState(saved.BlocksDone, summary),
            saved.RecordsBytes < 0 ? null : new RecordsCheckpoint(saved.RecordsBytes, saved.RecordsCount, saved.RecordsChecksum));
    }
}

// The on-disk shape of checkpoint.msgpack. Keys are positional and must never be renumbered or reused.
[MessagePackObject]
internal sealed class SavedTallies
{
    [Key(0)] public int FormatVersion { get; set; }
    [Key(1)] public string ExperimentName { get; set; } = "";
    [Key(2)] public ulong Seed { get; set; }
    [Key(3)] public long FirstReplicate { get; set; }
    [Key(4)] public long Replicates { get; set; }
    [Key(5)] public int Horizon { get; set; }
    [Key(6)] public int Scenarios { get; set; }
    [Key(7)] public int Variants { get; set; }
    [Key(8)] public long BlocksDone { get; set; }
    // Scenario-major: scenario 0 under each variant, then scenario 1...
    [Key(9)] public SavedTally[] Tallies { get; set; } = [];
    // The records file's length, record count and XxHash64 when the tallies were saved; -1 when the run writes none.
    [Key(10)] public long RecordsBytes { get; set; } = -1;
    [Key(11)] public long RecordsCount { get; set; } = -1;
    [Key(12)] public ulong RecordsChecksum { get; set; }
}

[MessagePackObject]
internal sealed class SavedTally
{
    [Key(0)] public long Replicates { get; set; }
    [Key(1)] public long[] OutcomeCounts { get; set; } = [];
    [Key(2)] public long[] EventMonthCounts { get; set; } = [];
    [Key(3)] public long[] JointOutcomeCounts { get; set; } = [];
    // One array per trajectory measure, month-major, TrajectoryHistogram.Bins per month.
    [Key(4)] public long[][] TrajectoryCounts { get; set; } = [];
}
