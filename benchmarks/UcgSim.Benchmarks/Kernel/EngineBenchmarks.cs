using BenchmarkDotNet.Attributes;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Kernel;
using UcgSim.Results;

namespace UcgSim.Benchmarks.Kernel;

/// <summary>
/// The default experiment (generic scenario, three variants, 60 months) through <see cref="ExperimentRunner"/>, records
/// serialized as for replicates.msgpack (to a null stream): the reference model on one thread, the batch kernel on one
/// thread and on every core, and the floor, which only makes the kernel's draws and writes the records. One operation
/// is one replicate-month of one variant, so 1 / Mean is replicate-months per second.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Replicates = 4096;

    private Experiment _experiment = null!;
    private KernelFloor _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _experiment = ExperimentFile.Load(Path.Combine(RepositoryRoot(), "configs", "experiments", "default.yaml")).Experiment
            with { Replicates = Replicates };
        if (_experiment.Variants.Count != 3 || _experiment.Horizon != 60)
            throw new InvalidOperationException("OperationsPerInvoke assumes the default experiment's 3 variants and 60 months.");
        var kernel = new BatchKernel(_experiment, 0) { DrawLog = [] };
        var tallies = _experiment.Variants.Select((_, v) => new VariantTally(_experiment.Horizon, v)).ToArray();
        for (long first = 0; first < Replicates; first += ExperimentRunner.BlockSize)
            kernel.Run(first, ExperimentRunner.BlockSize, tallies, null);
        _floor = new KernelFloor(_experiment, kernel.DrawLog);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Replicates * 3 * 60)]
    public long ReferenceOneThread() => Run(1, SimulationEngine.Reference);

    [Benchmark(OperationsPerInvoke = Replicates * 3 * 60)]
    public long KernelOneThread() => Run(1, SimulationEngine.Kernel);

    [Benchmark(OperationsPerInvoke = Replicates * 3 * 60)]
    public long KernelAllCores() => Run(Environment.ProcessorCount, SimulationEngine.Kernel);

    [Benchmark(OperationsPerInvoke = Replicates * 3 * 60)]
    public long FloorOneThread()
    {
        _floor.Rewind();
        using var records = new ReplicateRecordFile(Stream.Null, _experiment);
        ExperimentRunner.Run(_experiment, 1, records, null, CancellationToken.None, _ => _floor);
        return _experiment.Replicates;
    }

    private long Run(int threads, SimulationEngine engine)
    {
        using var records = new ReplicateRecordFile(Stream.Null, _experiment);
        return ExperimentRunner.Run(_experiment, threads, records, engine: engine).Tally(0, 0).Replicates;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "UcgSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("UcgSim.sln not found above " + AppContext.BaseDirectory);
    }
}
