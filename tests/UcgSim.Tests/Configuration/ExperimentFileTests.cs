using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Tests.Configuration;

public sealed class ExperimentFileTests : IDisposable
{
    private const string GenericScenario = "name: generic\npopularSupport: 0.6\npenholder: france\n";
    private const string Parameters = "coupAttemptBase: 0.01\n";

    private static readonly ScenarioConditions ExpectedGeneric = new() { Name = "generic", PopularSupport = 0.6, Penholder = PermanentMemberName.France };
    private static readonly BehaviouralParameters ExpectedParameters = new() { CoupAttemptBase = 0.01 };
    private static readonly PolicyVariant[] ExpectedVariants =
        [new PolicyVariant { Name = "baseline" }, new PolicyVariant { Name = "pragmatic", MissionPosture = MissionPosture.Pragmatic }];

    private readonly ConfigFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_PathsToOtherFiles_ResolvesThemFromTheExperimentFolder()
    {
        string parameters = folder.Write("configs/parameters.yaml", Parameters);
        string scenario = folder.Write("configs/scenarios/generic.yaml", GenericScenario);
        string variants = folder.Write("configs/variants/default.yaml", "variants:\n  - name: baseline\n  - name: pragmatic\n    missionPosture: pragmatic\n");
        string path = folder.Write("configs/experiments/default.yaml", """
            name: default
            description: Two policy variants on the generic scenario
            parameters: ../parameters.yaml
            scenarios:
              - ../scenarios/generic.yaml
            variants: ../variants/default.yaml
            replicates: 5000
            seed: 20250301
            horizon: 48
            """);

        LoadedExperiment loaded = ExperimentFile.Load(path);

        Experiment experiment = loaded.Experiment;
        Assert.Equal("default", experiment.Name);
        Assert.Equal("Two policy variants on the generic scenario", experiment.Description);
        Assert.Equal(ExpectedParameters, experiment.Parameters);
        Assert.Equal([ExpectedGeneric], experiment.Scenarios);
        Assert.Equal(ExpectedVariants, experiment.Variants);
        Assert.Equal(5000, experiment.Replicates);
        Assert.Equal(20250301UL, experiment.Seed);
        Assert.Equal(48, experiment.Horizon);
        Assert.Equal(path, loaded.SourcePath);
        Assert.Equal([path, parameters, scenario, variants], loaded.FilesRead);
    }

    [Fact]
    public void Load_InlineForms_ReadLikeTheirFiles()
    {
        string path = folder.Write("experiment.yaml", """
            parameters:
              coupAttemptBase: 0.01
            scenarios:
              - name: generic
                popularSupport: 0.6
                penholder: france
            variants:
              - name: baseline
              - name: pragmatic
                missionPosture: pragmatic
            """);

        LoadedExperiment loaded = ExperimentFile.Load(path);

        Assert.Equal(ExpectedParameters, loaded.Experiment.Parameters);
        Assert.Equal([ExpectedGeneric], loaded.Experiment.Scenarios);
        Assert.Equal(ExpectedVariants, loaded.Experiment.Variants);
        Assert.Equal([path], loaded.FilesRead);
    }

    [Fact]
    public void Load_InlineAndFileScenariosMixed_KeepsTheirOrder()
    {
        folder.Write("generic.yaml", GenericScenario);
        string path = folder.Write("experiment.yaml", "scenarios:\n  - name: first\n  - generic.yaml\n  - {name: last}\nvariants: [{name: baseline}]\n");

        IReadOnlyList<ScenarioConditions> scenarios = ExperimentFile.Load(path).Experiment.Scenarios;

        Assert.Equal([new ScenarioConditions { Name = "first" }, ExpectedGeneric, new ScenarioConditions { Name = "last" }], scenarios);
    }

    [Fact]
    public void Load_OnlyScenariosAndVariants_KeepsEveryOtherDefault()
    {
        string path = folder.Write("experiment.yaml", "scenarios: [{name: generic}]\nvariants: [{name: baseline}]\n");

        Experiment experiment = ExperimentFile.Load(path).Experiment;

        var defaults = new Experiment
        {
            Scenarios = [new ScenarioConditions { Name = "generic" }],
            Variants = [new PolicyVariant { Name = "baseline" }],
        };
        ConfigurationAssert.SameSettings(defaults, experiment);
    }

    [Fact]
    public void Load_MissingScenarioFile_PointsAtTheReferringLine()
    {
        string path = folder.Write("experiments/e.yaml", "variants: [{name: baseline}]\nscenarios:\n  - ../scenarios/mali.yaml\n");

        var error = ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, "scenarios",
            "key 'scenarios' refers to '../scenarios/mali.yaml'", Path.Combine(folder.Root, "scenarios", "mali.yaml") + ": there is no such file",
            "relative to the folder the file is in");
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Load_MissingParametersFile_PointsAtTheParametersKey()
    {
        string path = folder.Write("e.yaml", "scenarios: [{name: a}]\nvariants: [{name: b}]\nparameters: nowhere.yaml\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, "parameters", "refers to 'nowhere.yaml'", "there is no such file");
    }

    [Fact]
    public void Load_MistakeInAReferencedFile_IsReportedInThatFile()
    {
        string scenario = folder.Write("mali.yaml", "name: mali\npopularSupport: 7\n");
        string path = folder.Write("e.yaml", "scenarios: [mali.yaml]\nvariants: [{name: b}]\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), scenario, 2, "popularSupport", "between 0 and 1");
    }

    [Fact]
    public void Load_MistakeInAnInlineScenario_IsReportedInTheExperimentFile()
    {
        string path = folder.Write("e.yaml", "variants: [{name: b}]\nscenarios:\n  - name: a\n    ucgType: putsch\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 4, "ucgType", "one of militaryCoup, armedGroupTakeover, democraticCoup");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Load_ReplicatesBelowOne_AsksForAtLeastOne(string replicates)
    {
        string path = folder.Write("e.yaml", $"scenarios: [{{name: a}}]\nvariants: [{{name: b}}]\nreplicates: {replicates}\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, "replicates", "must be a whole number of at least 1.");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    public void Load_HorizonOutOfRange_QuotesOneToMaxHorizon(string horizon)
    {
        string path = folder.Write("e.yaml", $"scenarios: [{{name: a}}]\nvariants: [{{name: b}}]\nhorizon: {horizon}\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, "horizon", $"must be a whole number between 1 and {Experiment.MaxHorizon}.");
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("tomorrow")]
    public void Load_SeedNotAWholeNumber_SaysWhatASeedIs(string seed)
    {
        string path = folder.Write("e.yaml", $"scenarios: [{{name: a}}]\nvariants: [{{name: b}}]\nseed: {seed}\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, "seed", $"expects a whole number of at least 0, but found '{seed}'.");
    }

    [Theory]
    [InlineData("seed", "-1", "between 0 and 18446744073709551615")]
    [InlineData("seed", "18446744073709551616", "between 0 and 18446744073709551615")]
    [InlineData("replicates", "9223372036854775808", "between 1 and 9223372036854775807")]
    [InlineData("replicates", "-99999999999999999999999999999999999999999", "between 1 and 9223372036854775807")]
    [InlineData("horizon", "99999999999999999999", "between 1 and 600")]
    public void Load_WholeNumberBeyondItsType_SaysTheLeastAndTheMost(string key, string value, string bounds)
    {
        string path = folder.Write("e.yaml", $"scenarios: [{{name: a}}]\nvariants: [{{name: b}}]\n{key}: {value}\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, key, $"but must be a whole number {bounds}.");
    }

    [Fact]
    public void Load_NumberInQuotes_IsText_NotANumber()
    {
        string path = folder.Write("e.yaml", "scenarios: [{name: a}]\nvariants: [{name: b}]\nhorizon: \"60\"\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, "horizon", "found '60' written as text (in quotes)", "without quotes");
    }

    [Fact]
    public void Load_LargestSeed_IsAccepted()
    {
        string path = folder.Write("e.yaml", "scenarios: [{name: a}]\nvariants: [{name: b}]\nseed: 18446744073709551615\n");

        Assert.Equal(ulong.MaxValue, ExperimentFile.Load(path).Experiment.Seed);
    }

    [Fact]
    public void Load_NoScenarios_AsksForAtLeastOne()
    {
        string path = folder.Write("e.yaml", "variants: [{name: b}]\nscenarios: []\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 2, "scenarios", "lists nothing", "List at least one scenario");
    }

    [Fact]
    public void Load_ScenariosKeyAbsent_AsksForScenarios()
    {
        string path = folder.Write("e.yaml", "name: e\nvariants: [{name: b}]\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 1, "scenarios", "'scenarios' is missing", "List at least one scenario");
    }

    [Fact]
    public void Load_NoInlineVariants_AsksForAtLeastOne()
    {
        string path = folder.Write("e.yaml", "scenarios: [{name: a}]\nvariants: []\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 2, "variants", "lists nothing", "the first is the baseline");
    }

    [Fact]
    public void Load_RepeatedInlineVariantNames_PointsAtTheSecond()
    {
        string path = folder.Write("e.yaml", "scenarios: [{name: a}]\nvariants:\n  - name: same\n  - name: same\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 4, "name", "variant name 'same' is already used by the variant at line 3.");
    }

    [Fact]
    public void Load_RepeatedScenarioNames_PointsAtTheSecond()
    {
        folder.Write("generic.yaml", GenericScenario);
        string path = folder.Write("e.yaml", "variants: [{name: b}]\nscenarios:\n  - generic.yaml\n  - name: generic\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 4, "scenarios", "scenario name 'generic' is already used by the scenario at line 3.");
    }

    [Fact]
    public void Load_ParametersAsAList_SaysWhatParametersMayBe()
    {
        string path = folder.Write("e.yaml", "scenarios: [{name: a}]\nvariants: [{name: b}]\nparameters: [0.01]\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, "parameters",
            "expects a path to a parameters file or a mapping of parameters, but found a list.");
    }

    [Fact]
    public void Load_MisspeltExperimentKey_SuggestsTheKey()
    {
        string path = folder.Write("e.yaml", "scenarios: [{name: a}]\nvariants: [{name: b}]\nreplicate: 100\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 3, "replicate", "is not an experiment setting.", "Did you mean 'replicates'?");
    }
}
