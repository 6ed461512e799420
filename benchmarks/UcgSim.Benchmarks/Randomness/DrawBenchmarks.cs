using BenchmarkDotNet.Attributes;
using UcgSim.Core.Randomness;

namespace UcgSim.Benchmarks.Randomness;

/// <summary>
/// The price of counter-based draws: a Philox uniform addressed by (seed, replicate, month, stream)
/// against the built-in stateful generator, which the model cannot use (its draws depend on call order).
/// </summary>
[MemoryDiagnoser]
public class DrawBenchmarks
{
    private const int Draws = 4096;
    private readonly Random _builtIn = new(1);

    [Benchmark(Baseline = true, OperationsPerInvoke = Draws)]
    public double BuiltInRandom()
    {
        double sum = 0;
        for (int i = 0; i < Draws; i++) sum += _builtIn.NextDouble();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    public double PhiloxUniform()
    {
        double sum = 0;
        var random = new ReplicateRandom(1, 17);
        for (int i = 0; i < Draws; i++) sum += random.Uniform(i & 63, (DrawStream)(1 + (i >> 6) % 24));
        return sum;
    }
}
