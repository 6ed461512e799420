using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Kernel;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Model;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Kernel;

/// <summary>
/// The batch kernel reproduces the reference model exactly: for every replicate, its outcome, every event month and
/// every trajectory value, bit for bit (tests/UcgSim.Tests/Kernel/EngineComparison.cs).
/// </summary>
public sealed class KernelAgreementTests
{
    private const int Replicates = 2000;

    public static TheoryData<string> ScenarioFiles() =>
        new(Directory.GetFiles(Path.Combine(RepositoryPaths.Configs, "scenarios"), "*.yaml").Select(Path.GetFileName)!);

    /// <summary>Each shipped scenario under every shipped variant, with the shipped parameters.</summary>
    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Kernel_ShippedScenarioUnderEveryShippedVariant_SameHistoriesAsReference(string scenarioFile)
    {
        var experiment = new Experiment
        {
            Scenarios = [ScenarioFile.Load(Path.Combine(RepositoryPaths.Configs, "scenarios", scenarioFile))],
            Variants = Directory.GetFiles(Path.Combine(RepositoryPaths.Configs, "variants"), "*.yaml").Order()
                .SelectMany(VariantFile.Load).ToList(),
            Parameters = ParameterFile.Load(Path.Combine(RepositoryPaths.Configs, "parameters.yaml")),
            Replicates = Replicates,
            Seed = 20250301,
            Horizon = 60,
        };
        EngineComparison.AssertAgree(experiment);
    }

    public static TheoryData<string> ExperimentFiles() => ShippedConfigsTests.ExperimentFiles();

    /// <summary>The shipped experiments as they are run: their seeds and horizons.</summary>
    [Theory]
    [MemberData(nameof(ExperimentFiles))]
    public void Kernel_ShippedExperiment_SameHistoriesAsReference(string fileName)
    {
        var experiment = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", fileName)).Experiment
            with { Replicates = Replicates };
        EngineComparison.AssertAgree(experiment);
    }

    /// <summary>Every block size from 0 to 257, so every tail of a group of four lanes, from a first replicate off any boundary.</summary>
    [Fact]
    public void Kernel_EveryBlockSizeTo257_SameHistoriesAsReference()
    {
        var experiment = GoldenRunTests.DefaultExperiment() with { FirstReplicate = 1001 };
        const int largest = 257;
        var reference = new ReplicateHistory[largest, experiment.Variants.Count];
        for (int r = 0; r < largest; r++)
            for (int v = 0; v < experiment.Variants.Count; v++)
                reference[r, v] = EngineComparison.ReferenceHistory(experiment, 0, v, experiment.FirstReplicate + r);

        for (int size = 0; size <= largest; size++)
        {
            var kernel = EngineComparison.KernelHistories(experiment, 0, experiment.FirstReplicate, size);
            Assert.Equal(size, kernel.GetLength(0));
            for (int r = 0; r < size; r++)
                for (int v = 0; v < experiment.Variants.Count; v++)
                    EngineComparison.AssertSame(reference[r, v], kernel[r, v], $"block of {size}, replicate {r}, variant {v}");
        }
    }

    [Fact]
    public void Kernel_BlockOfZero_WritesNothing()
    {
        var experiment = GoldenRunTests.DefaultExperiment();
        var tallies = experiment.Variants.Select((_, v) => new VariantTally(experiment.Horizon, v)).ToArray();
        var records = new RecordBlock(experiment.Variants.Count, 4);
        new BatchKernel(experiment, 0).Run(7, 0, tallies, records);
        Assert.All(tallies, tally => Assert.Equal(0, tally.Replicates));
        Assert.Equal(0, records.Count);
    }

    [Fact]
    public void Kernel_DefaultExperiment_ReproducesTheGoldenFileExactly()
    {
        var experiment = GoldenRunTests.DefaultExperiment();
        var histories = EngineComparison.KernelHistories(experiment, 0, experiment.FirstReplicate, (int)experiment.Replicates);
        GoldenRunTests.AssertMatchesGolden(
            from r in Enumerable.Range(0, histories.GetLength(0))
            from v in Enumerable.Range(0, histories.GetLength(1))
            select (0, v, experiment.FirstReplicate + r, histories[r, v]),
            experiment);
    }
}
