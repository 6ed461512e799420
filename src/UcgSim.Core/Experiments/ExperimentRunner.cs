using System.Runtime.ExceptionServices;
using UcgSim.Core.Kernel;

namespace UcgSim.Core.Experiments;

/// <summary>
/// Receives the replicate records of a run. Preparing (serializing) runs on the workers, so that writing records
/// keeps up with simulating them; writing runs on one thread in a fixed order.
/// </summary>
public interface IReplicateRecordSink
{
    /// <summary>
    /// Called on worker threads, for several blocks at once, as each block is simulated: turns the block's records into
    /// what is to be written, touching nothing shared (the block is refilled once this returns), and returns the write,
    /// which the runner calls on one thread in block order: scenario, replicate, variant.
    /// </summary>
    Action Prepare(RecordBlock block);
}

/// <summary>How far a run has got, for progress displays.</summary>
public readonly record struct RunProgress(long ReplicatesDone, long ReplicatesTotal);

/// <summary>
/// Runs an experiment on every core. Work is cut into blocks of replicate indices; each worker takes the next
/// block, runs every replicate of it under every variant (paired by construction), adds the results to its own
/// tallies and prepares the block's records; the records are written in block order and the workers' tallies,
/// integer counts, are merged in worker order at the end. Records and totals therefore do not depend on the
/// thread count, and memory holds a bounded window of blocks whatever the number of replicates.
/// </summary>
public static class ExperimentRunner
{
    public const int BlockSize = 256;

    // Blocks a worker may run ahead of the writer, per worker: enough to ride out one slow write.
    private const int BlocksInFlightPerThread = 4;

    public static ExperimentSummary Run(
        Experiment experiment,
        int threads,
        IReplicateRecordSink? sink = null,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellation = default,
        SimulationEngine engine = SimulationEngine.Kernel) =>
        Run(experiment, threads, sink, progress, cancellation, engine == SimulationEngine.Kernel
            ? scenario => new BatchKernel(experiment, scenario)
            : scenario => new ReferenceBlockEngine(experiment, scenario));

    /// <summary>As the public overload, with each worker's engine for a scenario made by <paramref name="engineFor"/> (benchmarks pass their own).</summary>
    internal static ExperimentSummary Run(
        Experiment experiment,
        int threads,
        IReplicateRecordSink? sink,
        IProgress<RunProgress>? progress,
        CancellationToken cancellation,
        Func<int, IBlockEngine> engineFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var summary = new ExperimentSummary(experiment);
        long blocksPerScenario = (experiment.Replicates + BlockSize - 1) / BlockSize;
        long totalBlocks = blocksPerScenario * experiment.Scenarios.Count;
        long totalReplicates = experiment.Replicates * experiment.Scenarios.Count * experiment.Variants.Count;

        var window = new BlockWindow(totalBlocks, threads * BlocksInFlightPerThread);
        var workers = new Worker[threads];
        var workerThreads = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            var worker = workers[w] = new Worker(experiment, engineFor, blocksPerScenario, sink, window);
            workerThreads[w] = new Thread(worker.Work) { IsBackground = true, Name = $"ucgsim worker {w}" };
            workerThreads[w].Start();
        }

        long done = 0;
        using (cancellation.Register(window.Stop))
        {
            try
            {
                for (long block = 0; block < totalBlocks; block++)
                {
                    if (window.WaitFor(block) is not { } finished) break;
                    finished.Write?.Invoke();
                    done += finished.Replicates;
                    progress?.Report(new RunProgress(done, totalReplicates));
                }
            }
            finally
            {
                window.Stop();
                foreach (var thread in workerThreads) thread.Join();
            }
        }
        window.Failure?.Throw();
        cancellation.ThrowIfCancellationRequested();

        foreach (var worker in workers) worker.MergeInto(summary);
        return summary;
    }

    /// <summary>What a finished block leaves for the writer: the write its records need, and how many replicates it ran.</summary>
    private sealed record FinishedBlock(Action? Write, long Replicates);

    /// <summary>
    /// Hands out block indices in order and holds finished blocks until the writer takes them, never letting a worker
    /// get more than a fixed number of blocks ahead of the writer.
    /// </summary>
    private sealed class BlockWindow(long totalBlocks, int capacity)
    {
        private readonly object _gate = new();
        private readonly FinishedBlock?[] _slots = new FinishedBlock?[capacity];
        private long _nextToRun;
        private long _nextToWrite;
        private bool _stopped;

        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>The next block to run, or null when all are handed out or the run stopped.</summary>
        public long? Take()
        {
            lock (_gate)
            {
                while (!_stopped && _nextToRun < totalBlocks && _nextToRun >= _nextToWrite + capacity) Monitor.Wait(_gate);
                if (_stopped || _nextToRun >= totalBlocks) return null;
                return _nextToRun++;
            }
        }

        public void Finish(long block, FinishedBlock finished)
        {
            lock (_gate)
            {
                _slots[block % capacity] = finished;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Waits for a block to finish and frees its place; null when the run stopped first.</summary>
        public FinishedBlock? WaitFor(long block)
        {
            lock (_gate)
            {
                while (!_stopped && _slots[block % capacity] is null) Monitor.Wait(_gate);
                if (_stopped) return null;
                var finished = _slots[block % capacity];
                _slots[block % capacity] = null;
                _nextToWrite = block + 1;
                Monitor.PulseAll(_gate);
                return finished;
            }
        }

        public void Fail(Exception exception)
        {
            lock (_gate)
            {
                Failure ??= ExceptionDispatchInfo.Capture(exception);
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>One worker thread: its engines (one per scenario, made when first needed), its tallies and its record block.</summary>
    private sealed class Worker(
        Experiment experiment, Func<int, IBlockEngine> engineFor, long blocksPerScenario, IReplicateRecordSink? sink, BlockWindow window)
    {
        private readonly IBlockEngine?[] _engines = new IBlockEngine?[experiment.Scenarios.Count];
        private readonly VariantTally[]?[] _tallies = new VariantTally[]?[experiment.Scenarios.Count];
        private readonly RecordBlock? _records = sink is null ? null : new RecordBlock(experiment.Variants.Count, BlockSize);

        public void Work()
        {
            try
            {
                while (window.Take() is { } block)
                {
                    int scenario = (int)(block / blocksPerScenario);
                    long first = experiment.FirstReplicate + block % blocksPerScenario * BlockSize;
                    int count = (int)Math.Min(BlockSize, experiment.FirstReplicate + experiment.Replicates - first);
                    var tallies = _tallies[scenario] ??= NewTallies();
                    var blockEngine = _engines[scenario] ??= engineFor(scenario);
                    blockEngine.Run(first, count, tallies, _records);
                    window.Finish(block, new FinishedBlock(_records is null ? null : sink!.Prepare(_records),
                        (long)count * experiment.Variants.Count));
                }
            }
            catch (Exception exception)
            {
                window.Fail(exception);
            }
        }

        private VariantTally[] NewTallies() =>
            Enumerable.Range(0, experiment.Variants.Count).Select(v => new VariantTally(experiment.Horizon, v)).ToArray();

        public void MergeInto(ExperimentSummary summary)
        {
            for (int s = 0; s < _tallies.Length; s++)
                if (_tallies[s] is { } tallies)
                    for (int v = 0; v < tallies.Length; v++) summary.Tally(s, v).Merge(tallies[v]);
        }
    }
}
