using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;

namespace UcgSim.Results;

/// <summary>
/// How much a run will write, worked out from the formats before it starts, so that a run too big for its disk is
/// refused at once rather than failing hours in with a full disk (issue 9: <c>-n 99999999999</c> set off 8.7 TB).
/// </summary>
public static class DiskEstimate
{
    // Summary, trajectories, figures and report: a few megabytes whatever the replicates; this is a generous bound.
    private const long TablesAndFigures = 64L << 20;

    /// <summary>
    /// An upper bound of replicates.msgpack's length: every record as long as the last replicate's with every event
    /// observed. Months up to 127 and "not observed" take one byte each, as do the small indices, so with a horizon
    /// within 127 months the bound is within a byte or two per record of the real length.
    /// </summary>
    public static long RecordsBytes(Experiment experiment)
    {
        long lastReplicate = experiment.FirstReplicate + experiment.Replicates - 1;
        long record = 1 + IntegerBytes(experiment.Scenarios.Count - 1) + IntegerBytes(experiment.Variants.Count - 1)
            + IntegerBytes(lastReplicate) + 1 + ArrayHeaderBytes(SimulationVocabulary.Events.Length)
            + SimulationVocabulary.Events.Length * IntegerBytes(experiment.Horizon);
        const long headerAndFooter = 64 << 10;
        return SaturatingMultiply(ReplicateRecordFile.ExpectedRecords(experiment), record) + headerAndFooter;
    }

    /// <summary>Everything else a run writes: the checkpoint (twice while it is replaced) and the tables and figures.</summary>
    public static long OtherBytes(Experiment experiment)
    {
        long counts = (long)experiment.Scenarios.Count * experiment.Variants.Count
            * SimulationVocabulary.Measures.Length * (experiment.Horizon + 1) * TrajectoryHistogram.Bins;
        return 2 * counts * 9 + TablesAndFigures;
    }

    /// <summary>
    /// An upper bound of what <c>--trajectories N</c> writes: a CSV row per replicate, scenario, variant, measure and
    /// month (the longest names, a 20-digit replicate, a 25-character value), and as much again for the Parquet copy.
    /// </summary>
    public static long ReplicateTrajectoriesBytes(Experiment experiment, long? replicates, bool parquet)
    {
        if (replicates is not { } first) return 0;
        long rows = first * experiment.Scenarios.Count * experiment.Variants.Count * SimulationVocabulary.Measures.Length * (experiment.Horizon + 1);
        long row = experiment.Scenarios.Max(scenario => scenario.Name.Length) + experiment.Variants.Max(variant => variant.Name.Length)
                   + SimulationVocabulary.Measures.Max(measure => SimulationVocabulary.Describe(measure).Length) + 20 + 3 + 25 + 10;
        return SaturatingMultiply(SaturatingMultiply(rows, row), parquet ? 2 : 1);
    }

    // MessagePack's shortest encoding of a non-negative integer, as the serializer writes it.
    private static int IntegerBytes(long value) => value switch
    {
        < 128 => 1,
        <= byte.MaxValue => 2,
        <= ushort.MaxValue => 3,
        <= uint.MaxValue => 5,
        _ => 9,
    };

    private static int ArrayHeaderBytes(int length) => length < 16 ? 1 : length <= ushort.MaxValue ? 3 : 5;

    private static long SaturatingMultiply(long a, long b) => a > long.MaxValue / b ? long.MaxValue : a * b;
}
