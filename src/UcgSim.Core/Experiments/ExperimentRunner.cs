using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;

namespace UcgSim.Core.Experiments;

/// <summary>Receives replicate records in a fixed order (scenario, replicate, variant), from one thread at a time.</summary>
public interface IReplicateRecordSink
{
    void Write(IReadOnlyList<ReplicateRecord> records);
}

/// <summary>How far a run has got, for progress displays.</summary>
public readonly record struct RunProgress(long ReplicatesDone, long ReplicatesTotal);

/// <summary>
/// Runs an experiment on every core. Work is cut into blocks of replicate indices; a block runs each of
/// its replicates under every variant in turn (paired by construction), and blocks are handed to the sink
/// and merged into the totals in block order, so records and totals do not depend on the thread count.
/// Memory holds one wave of blocks at a time, whatever the number of replicates.
/// </summary>
public static class ExperimentRunner
{
    public const int BlockSize = 256;

    public static ExperimentSummary Run(
        Experiment experiment,
        int threads,
        IReplicateRecordSink? sink = null,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var summary = new ExperimentSummary(experiment);
        int variants = experiment.Variants.Count;
        long blocksPerScenario = (experiment.Replicates + BlockSize - 1) / BlockSize;
        long totalBlocks = blocksPerScenario * experiment.Scenarios.Count;
        long totalReplicates = experiment.Replicates * experiment.Scenarios.Count * variants;
        int wave = threads * 4;
        long done = 0;

        for (long first = 0; first < totalBlocks; first += wave)
        {
            cancellation.ThrowIfCancellationRequested();
            int count = (int)Math.Min(wave, totalBlocks - first);
            var results = new BlockResult[count];
            Parallel.For(0, count,
                new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation },
                i => results[i] = RunBlock(experiment, first + i, blocksPerScenario, sink is not null));

            foreach (var block in results)
            {
                if (sink is not null) sink.Write(block.Records!);
                for (int v = 0; v < variants; v++) summary.Tally(block.Scenario, v).Merge(block.Tallies[v]);
                done += block.Tallies[0].Replicates * variants;
            }
            progress?.Report(new RunProgress(done, totalReplicates));
        }
        return summary;
    }

    private sealed record BlockResult(int Scenario, VariantTally[] Tallies, List<ReplicateRecord>? Records);

    private static BlockResult RunBlock(Experiment experiment, long blockIndex, long blocksPerScenario, bool keepRecords)
    {
        int scenarioIndex = (int)(blockIndex / blocksPerScenario);
        long start = experiment.FirstReplicate + (blockIndex % blocksPerScenario) * BlockSize;
        long end = Math.Min(start + BlockSize, experiment.FirstReplicate + experiment.Replicates);
        var scenario = experiment.Scenarios[scenarioIndex];
        int variants = experiment.Variants.Count;
        var tallies = new VariantTally[variants];
        for (int v = 0; v < variants; v++) tallies[v] = new VariantTally(experiment.Horizon, v);
        var records = keepRecords ? new List<ReplicateRecord>((int)(end - start) * variants) : null;
        var histories = new ReplicateHistory[variants];

        for (long replicate = start; replicate < end; replicate++)
        {
            // The replicate index alone keys the draws: every variant and scenario sees the same stream.
            var random = new ReplicateRandom(experiment.Seed, replicate);
            for (int v = 0; v < variants; v++)
            {
                var history = histories[v] = CountryAfterUcg.Simulate(
                    scenario, experiment.Variants[v], experiment.Parameters, random, experiment.Horizon);
                tallies[v].Add(history, histories.AsSpan(0, v));
                records?.Add(history.ToRecord(scenarioIndex, v, replicate));
            }
        }
        return new BlockResult(scenarioIndex, tallies, records);
    }
}
