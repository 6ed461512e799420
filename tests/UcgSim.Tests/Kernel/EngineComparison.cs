using UcgSim.Core.Experiments;
using UcgSim.Core.Kernel;
using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Kernel;

/// <summary>Runs replicates through the batch kernel and the reference model and asserts they agree bit for bit.</summary>
internal static class EngineComparison
{
    /// <summary>The kernel's histories of <paramref name="count"/> replicates from <paramref name="first"/>, [replicate, variant].</summary>
    public static ReplicateHistory[,] KernelHistories(Experiment experiment, int scenario, long first, int count)
    {
        var histories = new ReplicateHistory[count, experiment.Variants.Count];
        var tallies = experiment.Variants.Select((_, v) => new VariantTally(experiment.Horizon, v)).ToArray();
        new BatchKernel(experiment, scenario).Run(first, count, tallies, null, histories);
        return histories;
    }

    public static ReplicateHistory ReferenceHistory(Experiment experiment, int scenario, int variant, long replicate) =>
        CountryAfterUcg.Simulate(experiment.Scenarios[scenario], experiment.Variants[variant], experiment.Parameters,
            new ReplicateRandom(experiment.Seed, replicate), experiment.Horizon);

    /// <summary>Every replicate of every scenario and variant of the experiment, in blocks of <paramref name="blockSize"/>.</summary>
    public static void AssertAgree(Experiment experiment, int blockSize = ExperimentRunner.BlockSize)
    {
        for (int s = 0; s < experiment.Scenarios.Count; s++)
            for (long first = experiment.FirstReplicate; first < experiment.FirstReplicate + experiment.Replicates; first += blockSize)
            {
                int count = (int)Math.Min(blockSize, experiment.FirstReplicate + experiment.Replicates - first);
                AssertAgree(experiment, s, first, KernelHistories(experiment, s, first, count));
            }
    }

    public static void AssertAgree(Experiment experiment, int scenario, long first, ReplicateHistory[,] kernel)
    {
        for (int r = 0; r < kernel.GetLength(0); r++)
            for (int v = 0; v < kernel.GetLength(1); v++)
                AssertSame(ReferenceHistory(experiment, scenario, v, first + r), kernel[r, v],
                    $"{experiment.Scenarios[scenario].Name}, variant {experiment.Variants[v].Name}, replicate {first + r}");
    }

    public static void AssertSame(ReplicateHistory reference, ReplicateHistory kernel, string where)
    {
        if (reference.Outcome != kernel.Outcome)
            Assert.Fail($"{where}: outcome {kernel.Outcome}, reference {reference.Outcome}.");
        foreach (var kind in SimulationVocabulary.Events)
            if (reference.MonthOf(kind) != kernel.MonthOf(kind))
                Assert.Fail($"{where}: {kind} in month {kernel.MonthOf(kind)}, reference {reference.MonthOf(kind)}.");
        foreach (var measure in SimulationVocabulary.Measures)
        {
            var expected = reference.Trajectory(measure);
            var actual = kernel.Trajectory(measure);
            for (int month = 0; month < expected.Length; month++)
                if (BitConverter.DoubleToInt64Bits(expected[month]) != BitConverter.DoubleToInt64Bits(actual[month]))
                    Assert.Fail($"{where}: {measure} in month {month} is {actual[month]:R}, reference {expected[month]:R}.");
        }
    }
}
