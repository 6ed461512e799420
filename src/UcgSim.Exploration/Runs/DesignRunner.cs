using UcgSim.Core.Experiments;
using UcgSim.Exploration.Designs;

namespace UcgSim.Exploration.Runs;

/// <summary>One design point run: its index, its input values and the summary of the experiment at those values.</summary>
public sealed record DesignPointResult(long Index, IReadOnlyList<double> Values, ExperimentSummary Summary);

/// <summary>Which of a design's points one process runs: the <c>Part</c>-th of <c>Parts</c> contiguous ranges of indices (1-based).</summary>
/// <summary>
/// Runs design points, each an experiment at the point's values under the same seed and replicate indices as every other
/// point (common random numbers), so that differences between points, and between variants at a point, are paired.
/// Points run in parallel, one thread each; results are handed to the writer in index order, a bounded number at a time,
/// so that memory does not grow with the design and the rows do not depend on the thread count or on how the design
/// is split across processes.
/// </summary>
public static class DesignRunner
{
    // Points a worker may run ahead of the writer: enough to keep every thread busy across points of uneven cost.
    private const int PointsInFlightPerThread = 4;

    public static void Run(Design design, Func<IReadOnlyList<double>, Experiment> experimentAt, Shard split, int threads,
        Action<DesignPointResult> write, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var (first, end) = split.Range(design.Count);
        long done = 0, total = end - first;
        int wave = threads * PointsInFlightPerThread;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };
        for (long start = first; start < end; start += wave)
        {
            int count = (int)Math.Min(wave, end - start);
            var results = new DesignPointResult[count];
            Parallel.For(0, count, options, i => results[i] = RunPoint(design, experimentAt, start + i));
            foreach (var result in results) write(result);
            done += count;
            progress?.Report(new RunProgress(done, total));
        }
    }

    /// <summary>Runs point <paramref name="index"/> of <paramref name="design"/> on the calling thread.</summary>
    public static DesignPointResult RunPoint(Design design, Func<IReadOnlyList<double>, Experiment> experimentAt, long index)
    {
        double[] values = design.Values(index);
        return new DesignPointResult(index, values, ExperimentRunner.Run(experimentAt(values), threads: 1));
    }
}
