using UcgSim.Configuration;
using UcgSim.Core.Scenarios;
using UcgSim.Exploration.Designs;
using UcgSim.Exploration.Uncertainties;

namespace UcgSim.Tests.Configuration;

public sealed class ExplorationSectionTests : IDisposable
{
    private readonly ConfigFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_EveryDistributionKind_ReadIntoInputsInTheFilesOrder()
    {
        string path = folder.Write("experiment.yaml", """
            scenarios: [{name: a}, {name: b, popularSupport: 0.7}]
            variants: [{name: baseline}]
            seed: 9
            uncertainties:
              commitmentSlope: {uniform: [4, 7]}
              factionRivalry: {triangular: [0, 0.2, 0.6]}
              supportEntrenchment: {normal: [2, 1]}
              popularSupport: {normal: [0.5, 0.2], within: [0.2, 0.8]}
              regionalSetting: {values: [none, africanUnionAndStrongCommunity]}
              insurgencyActive: {values: [false, true]}
              earlierCoups: {uniform: [0, 4]}
            design: {kind: saltelli, points: 16, scramble: false}
            """);

        var plan = ExperimentFile.Load(path).Exploration!;

        Assert.Equal(["commitmentSlope", "factionRivalry", "supportEntrenchment", "popularSupport", "regionalSetting", "insurgencyActive", "earlierCoups"],
            plan.Inputs.Select(input => input.Name));
        Assert.Equal(new UniformUncertainty(4, 7), plan.Inputs[0].Distribution);
        Assert.Equal(new TriangularUncertainty(0, 0.2, 0.6), plan.Inputs[1].Distribution);
        // Truncated to the parameter's allowed range where the file gives no bounds.
        Assert.Equal(new TruncatedNormalUncertainty(2, 1, 0, 10), plan.Inputs[2].Distribution);
        Assert.Equal(new TruncatedNormalUncertainty(0.5, 0.2, 0.2, 0.8), plan.Inputs[3].Distribution);
        Assert.Equal(new DiscreteUncertainty([(double)RegionalSetting.None, (double)RegionalSetting.AfricanUnionAndStrongCommunity]), plan.Inputs[4].Distribution);
        Assert.Equal(UncertainInputKind.BehaviouralParameter, plan.Uncertainties[0].Kind);
        Assert.Equal(UncertainInputKind.ScenarioCondition, plan.Uncertainties[3].Kind);
        Assert.Equal(new DesignSettings { Kind = DesignKind.Saltelli, Points = 16, Scramble = false }, plan.Design);
        Assert.Equal(16 * 9, plan.CreateDesign(ExperimentFile.Load(path).Experiment).Count);
    }

    [Fact]
    public void At_SetsParametersOnceAndConditionsInEveryScenario_LeavingTheExperimentUntouched()
    {
        string path = folder.Write("experiment.yaml", """
            scenarios: [{name: a}, {name: b, popularSupport: 0.7}]
            variants: [{name: baseline}]
            uncertainties:
              commitmentSlope: {uniform: [4, 7]}
              popularSupport: {uniform: [0.2, 0.8]}
              regionalSetting: {values: [none, africanUnionAndStrongCommunity]}
              insurgencyActive: {values: [false, true]}
              earlierCoups: {uniform: [0, 4]}
            design: {kind: monteCarlo, points: 3}
            """);
        var loaded = ExperimentFile.Load(path);
        var plan = loaded.Exploration!;

        var point = plan.At(loaded.Experiment, [6.5, 0.3, (double)RegionalSetting.AfricanUnionAndStrongCommunity, 1, 2.6]);

        Assert.Equal(6.5, point.Parameters.CommitmentSlope);
        Assert.All(point.Scenarios, scenario =>
        {
            Assert.Equal(0.3, scenario.PopularSupport);
            Assert.Equal(RegionalSetting.AfricanUnionAndStrongCommunity, scenario.RegionalSetting);
            Assert.True(scenario.InsurgencyActive);
            Assert.Equal(3, scenario.EarlierCoups);
        });
        Assert.Equal(["a", "b"], point.Scenarios.Select(scenario => scenario.Name));
        Assert.Equal(loaded.Experiment.Seed, point.Seed);
        Assert.Equal(0.7, loaded.Experiment.Scenarios[1].PopularSupport);
        Assert.Equal(5.5, loaded.Experiment.Parameters.CommitmentSlope);
        Assert.Equal("africanUnionAndStrongCommunity", plan.Uncertainties[2].Spell((double)RegionalSetting.AfricanUnionAndStrongCommunity));
        Assert.Equal("3", plan.Uncertainties[4].Spell(2.6));
    }

    [Fact]
    public void Load_Correlations_ReadByPositionAndWrittenBackTheSame()
    {
        string path = folder.Write("experiment.yaml", """
            scenarios: [{name: a}]
            variants: [{name: baseline}]
            uncertainties:
              popularSupport: {uniform: [0.2, 0.8]}
              factionRivalry: {uniform: [0, 0.6]}
              commitmentSlope: {uniform: [4, 7]}
            correlations:
              - [commitmentSlope, popularSupport, -0.5]
            design: {kind: latinHypercube, points: 10}
            """);
        var loaded = ExperimentFile.Load(path);

        Assert.Equal([new InputCorrelation(2, 0, -0.5)], loaded.Exploration!.Correlations);
        string resolved = folder.Write("resolved.yaml", ExplorationWriter.Write(ConfigurationWriter.Write(loaded.Experiment), loaded.Exploration));
        var again = ExperimentFile.Load(resolved).Exploration!;
        Assert.Equal(loaded.Exploration.Correlations, again.Correlations);
        Assert.Equal(loaded.Exploration.Inputs, again.Inputs);
        Assert.Equal(loaded.Exploration.Design, again.Design);
    }

    [Fact]
    public void Load_WithoutExplorationSections_HasNoPlan()
    {
        string path = folder.Write("experiment.yaml", "scenarios: [{name: a}]\nvariants: [{name: baseline}]\n");
        Assert.Null(ExperimentFile.Load(path).Exploration);
    }
}
