using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Validation;

/// <summary>Every file in configs/ loads and runs (STYLE.md: every shipped config runs in a test).</summary>
public sealed class ShippedConfigsTests
{
    public static TheoryData<string> ExperimentFiles() =>
        new(Directory.GetFiles(Path.Combine(RepositoryPaths.Configs, "experiments"), "*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(ExperimentFiles))]
    public void ExperimentFile_Shipped_LoadsAndRuns(string fileName)
    {
        var loaded = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", fileName));
        var experiment = loaded.Experiment with { Replicates = 300 };
        var summary = ExperimentRunner.Run(experiment, 2);

        Assert.NotEmpty(experiment.Scenarios);
        Assert.True(experiment.Variants.Count >= 1);
        for (int s = 0; s < experiment.Scenarios.Count; s++)
            for (int v = 0; v < experiment.Variants.Count; v++)
                Assert.Equal(300, summary.Tally(s, v).OutcomeCounts.Sum());
    }

    [Fact]
    public void EveryScenarioAndVariantFile_IsUsedByAnExperiment()
    {
        var used = Directory.GetFiles(Path.Combine(RepositoryPaths.Configs, "experiments"), "*.yaml")
            .SelectMany(f => ExperimentFile.Load(f).FilesRead).Select(Path.GetFullPath).ToHashSet();
        foreach (string folder in new[] { "scenarios", "variants" })
            foreach (string file in Directory.GetFiles(Path.Combine(RepositoryPaths.Configs, folder), "*.yaml"))
                Assert.Contains(Path.GetFullPath(file), used);
    }

    [Fact]
    public void DefaultExperiment_EveryLeverCanAct()
    {
        Assert.Empty(ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml")).Warnings());
    }

    [Fact]
    public void ValidationExperiment_EveryCaseLeverCanActInItsCase()
    {
        // ucgsim validate runs scenario i under variant i only; the other cells are counterfactuals of ucgsim run.
        var loaded = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml"));

        Assert.Empty(loaded.WarningsFor(Enumerable.Range(0, loaded.Experiment.Scenarios.Count).Select(i => (i, i))));
    }

    [Fact]
    public void DefaultExperiment_MeetsTheIssueMinimum()
    {
        var experiment = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml")).Experiment;
        Assert.True(experiment.Variants.Count >= 2);
        Assert.True(experiment.Replicates >= 10_000);
        Assert.Equal(60, experiment.Horizon);
    }

    [Fact]
    public void ParametersFile_Shipped_HoldsTheDocumentedDefaults()
    {
        // configs/parameters.yaml is the editable copy of the defaults in BehaviouralParameters; regenerate it
        // with `ucgsim parameters > configs/parameters.yaml` after changing a default.
        Assert.Equal(new BehaviouralParameters(), ParameterFile.Load(Path.Combine(RepositoryPaths.Configs, "parameters.yaml")));
    }

    [Fact]
    public void ScenarioFiles_HoldOnlyMonthZeroConditions()
    {
        // A scenario may not encode its known outcome: no scenario key names an outcome or an event.
        var forbidden = SimulationVocabulary.Events.Select(e => e.ToString())
            .Concat(SimulationVocabulary.Outcomes.Select(o => o.ToString()))
            .Select(name => char.ToLowerInvariant(name[0]) + name[1..]).ToList();
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryPaths.Configs, "scenarios"), "*.yaml"))
        {
            var keys = File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains(':'))
                .Select(l => l[..l.IndexOf(':')].Trim());
            Assert.DoesNotContain(keys, key => forbidden.Contains(key));
        }
    }
}
