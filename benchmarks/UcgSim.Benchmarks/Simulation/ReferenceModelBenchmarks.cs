using BenchmarkDotNet.Attributes;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Benchmarks.Simulation;

/// <summary>
/// Replicates per second of the reference model (one object per agent), the baseline any tuned batch
/// kernel will be measured against. Sixty months of the generic scenario under two variants.
/// </summary>
[MemoryDiagnoser]
public class ReferenceModelBenchmarks
{
    private const int Replicates = 256;
    private readonly BehaviouralParameters _parameters = new();
    private readonly ScenarioConditions _scenario = new() { Name = "benchmark", CouncilPolarization = 0.7 };
    private readonly PolicyVariant _statusQuo = new();
    private readonly PolicyVariant _pragmatic = new() { MissionPosture = MissionPosture.Pragmatic, StrategicAssessmentMonth = 3 };

    [Benchmark(Baseline = true, OperationsPerInvoke = Replicates)]
    public int StatusQuo() => Run(_statusQuo);

    [Benchmark(OperationsPerInvoke = Replicates)]
    public int PragmaticEngagement() => Run(_pragmatic);

    private int Run(PolicyVariant variant)
    {
        int transitions = 0;
        for (int i = 0; i < Replicates; i++)
        {
            var history = CountryAfterUcg.Simulate(_scenario, variant, _parameters, new ReplicateRandom(7, i), 60);
            if (history.Outcome == Outcome.TransitionToCivilianRule) transitions++;
        }
        return transitions;
    }
}
