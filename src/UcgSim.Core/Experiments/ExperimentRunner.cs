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
/// tallies and prepares the block's records; the records are written in block order. Blocks are grouped in stretches
/// (epochs) longer than the window of blocks in flight; once the writer has written a stretch, the workers' tallies of
/// it, integer counts, are added to the run's summary and the state is committed to the checkpoint sink. The summary
/// therefore always holds exactly the blocks written, a run can be resumed from any committed state, and neither
/// records nor totals depend on the thread count. Memory holds a bounded window of blocks whatever the number of
/// replicates. Cancellation stops handing out blocks, lets the workers finish the ones they hold, writes and commits
/// them, then throws.
/// </summary>
public static class ExperimentRunner
{
    public const int BlockSize = 256;

    // Blocks a worker may run ahead of the writer, per worker: enough to ride out one slow write.
    private const int BlocksInFlightPerThread = 4;

    // The shortest stretch of blocks between two commits: each commit adds every worker's tallies to the summary, and
    // this keeps that below a few percent of the work of the blocks.
    private const int MinimumEpochBlocks = 16;

    public static ExperimentSummary Run(
        Experiment experiment,
        int threads,
        IReplicateRecordSink? sink = null,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellation = default,
        SimulationEngine engine = SimulationEngine.Kernel,
        IRunCheckpointSink? checkpoints = null,
        RunState? resumeFrom = null) =>
        Run(experiment, threads, sink, progress, cancellation, engine == SimulationEngine.Kernel
            ? scenario => new BatchKernel(experiment, scenario)
            : scenario => new ReferenceBlockEngine(experiment, scenario), checkpoints, resumeFrom);

    /// <summary>As the public overload, with each worker's engine for a scenario made by <paramref name="engineFor"/> (benchmarks pass their own).</summary>
    internal static ExperimentSummary Run(
        Experiment experiment,
        int threads,
        IReplicateRecordSink? sink,
        IProgress<RunProgress>? progress,
        CancellationToken cancellation,
        Func<int, IBlockEngine> engineFor,
        IRunCheckpointSink? checkpoints = null,
        RunState? resumeFrom = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (resumeFrom is not null && resumeFrom.Experiment != experiment)
            throw new ArgumentException("The state to resume from is of another experiment.", nameof(resumeFrom));
        var summary = resumeFrom?.Summary ?? new ExperimentSummary(experiment);
        long blocksPerScenario = RunState.BlocksPerScenario(experiment);
        long totalBlocks = RunState.TotalBlocks(experiment);
        long totalReplicates = experiment.Replicates * experiment.Scenarios.Count * experiment.Variants.Count;
        long written = resumeFrom?.BlocksDone ?? 0;

        int capacity = threads * BlocksInFlightPerThread;
        // No worker can then run a block two epochs ahead of the one the writer is committing, so two sets of tallies
        // per worker suffice: the writer empties one while the workers fill the other.
        long epochBlocks = Math.Max(capacity, MinimumEpochBlocks);
        var window = new BlockWindow(written, totalBlocks, capacity);
        // Registered before any worker starts, so that a run cancelled before it began hands out no block.
        using var stopOnCancel = cancellation.Register(window.StopHandingOut);
        var workers = new Worker[threads];
        var workerThreads = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            var worker = workers[w] = new Worker(experiment, engineFor, blocksPerScenario, epochBlocks, sink, window);
            workerThreads[w] = new Thread(worker.Work) { IsBackground = true, Name = $"ucgsim worker {w}" };
            workerThreads[w].Start();
        }

        long done = resumeFrom?.ReplicateRunsDone ?? 0;
        try
        {
            for (long block = written; block < totalBlocks; block++)
            {
                if (window.WaitFor(block) is not { } finished) break;
                finished.Write?.Invoke();
                written = block + 1;
                done += finished.Replicates;
                progress?.Report(new RunProgress(done, totalReplicates));
                if (written % epochBlocks == 0 && written < totalBlocks)
                {
                    foreach (var worker in workers) worker.MoveInto(summary, Worker.SlotOf(block, epochBlocks));
                    checkpoints?.Commit(new RunState(written, summary));
                }
            }
        }
        finally
        {
            window.Stop();
            foreach (var thread in workerThreads) thread.Join();
        }
        window.Failure?.Throw();

        foreach (var worker in workers)
            for (int slot = 0; slot < Worker.Slots; slot++) worker.MoveInto(summary, slot);
        checkpoints?.Commit(new RunState(written, summary));
        if (written < totalBlocks) cancellation.ThrowIfCancellationRequested();
        return summary;
    }

    /// <summary>What a finished block leaves for the writer: the write its records need, and how many replicates it ran.</summary>
    private sealed record FinishedBlock(Action? Write, long Replicates);

    /// <summary>
    /// Hands out block indices in order and holds finished blocks until the writer takes them, never letting a worker
    /// get more than a fixed number of blocks ahead of the writer.
    /// </summary>
    private sealed class BlockWindow(long firstBlock, long totalBlocks, int capacity)
    {
        private readonly object _gate = new();
        private readonly FinishedBlock?[] _slots = new FinishedBlock?[capacity];
        private long _nextToRun = firstBlock;
        private long _nextToWrite = firstBlock;
        private bool _stopped;
        private bool _handingOutStopped;

        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>The next block to run, or null when all are handed out or the run stopped.</summary>
        public long? Take()
        {
            lock (_gate)
            {
                while (!_stopped && !_handingOutStopped && _nextToRun < totalBlocks && _nextToRun >= _nextToWrite + capacity) Monitor.Wait(_gate);
                if (_stopped || _handingOutStopped || _nextToRun >= totalBlocks) return null;
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

        /// <summary>Waits for a block to finish and frees its place; null when the run stopped first, or the block was never handed out.</summary>
        public FinishedBlock? WaitFor(long block)
        {
            lock (_gate)
            {
                while (!_stopped && !(_handingOutStopped && block >= _nextToRun) && _slots[block % capacity] is null) Monitor.Wait(_gate);
                if (_stopped || _slots[block % capacity] is null) return null;
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

        /// <summary>Hands out no more blocks; those already handed out are still finished and written.</summary>
        public void StopHandingOut()
        {
            lock (_gate)
            {
                _handingOutStopped = true;
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

    /// <summary>
    /// One worker thread: its engines (one per scenario, made when first needed), its record block, and two sets of
    /// tallies (per scenario, made when first needed), one for even epochs and one for odd.
    /// </summary>
    private sealed class Worker(
        Experiment experiment, Func<int, IBlockEngine> engineFor, long blocksPerScenario, long epochBlocks, IReplicateRecordSink? sink,
        BlockWindow window)
    {
        public const int Slots = 2;

        private readonly IBlockEngine?[] _engines = new IBlockEngine?[experiment.Scenarios.Count];
        private readonly VariantTally[]?[][] _tallies =
            Enumerable.Range(0, Slots).Select(_ => new VariantTally[]?[experiment.Scenarios.Count]).ToArray();
        private readonly RecordBlock? _records = sink is null ? null : new RecordBlock(experiment.Variants.Count, BlockSize);

        public static int SlotOf(long block, long epochBlocks) => (int)(block / epochBlocks % Slots);

        public void Work()
        {
            try
            {
                while (window.Take() is { } block)
                {
                    int scenario = (int)(block / blocksPerScenario);
                    long first = experiment.FirstReplicate + block % blocksPerScenario * BlockSize;
                    int count = (int)Math.Min(BlockSize, experiment.FirstReplicate + experiment.Replicates - first);
                    var tallies = _tallies[SlotOf(block, epochBlocks)][scenario] ??= NewTallies();
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

        /// <summary>Adds one set of tallies to the summary and empties it for the epoch after next.</summary>
        public void MoveInto(ExperimentSummary summary, int slot)
        {
            var scenarios = _tallies[slot];
            for (int s = 0; s < scenarios.Length; s++)
            {
                if (scenarios[s] is not { } tallies) continue;
                for (int v = 0; v < tallies.Length; v++)
                {
                    summary.Tally(s, v).Merge(tallies[v]);
                    tallies[v].Clear();
                }
            }
        }
    }
}
