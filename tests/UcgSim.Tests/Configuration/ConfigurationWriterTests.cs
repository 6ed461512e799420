using System.Reflection;
using System.Text.Json;
using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Tests.Configuration;

public sealed class ConfigurationWriterTests : IDisposable
{
    private readonly ConfigFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Write_ExperimentAwayFromEveryDefault_ReadsBackEqual()
    {
        var experiment = new Experiment
        {
            Name = "round trip",
            Description = "Quotes ' \" a colon: a hash # and\na second line",
            Parameters = new BehaviouralParameters { CoupAttemptBase = 0.1 + 0.2 },
            Scenarios =
            [
                new ScenarioConditions
                {
                    Name = "true", // text that reads as a boolean must come back as text
                    Description = "  leading spaces",
                    UcgType = UcgType.DemocraticCoup,
                    PopularSupport = 1.0 / 3,
                    EarlierCoups = 0,
                    FactionRivalry = Math.PI / 4,
                    UnPresence = UnPresence.None,
                    MandateTasks = MandateTasks.None,
                    RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity,
                    CouncilPolarization = 5e-324,
                    ChinaRelationship = -0.999999999999,
                    Penholder = PermanentMemberName.France,
                    AlternativePartnerAvailable = false,
                    CredentialsContested = true,
                },
                new ScenarioConditions
                {
                    Name = "none",
                    MissionPersonnel = 30000,
                    MandateTasks = MandateTasks.AidCoordination | MandateTasks.StateAuthority,
                    CouncilPolarizationShockMonth = 240,
                    CouncilPolarizationShock = -1,
                },
            ],
            Variants =
            [
                new PolicyVariant { Name = "baseline", StrategicAssessmentMonth = 0, RegionalSanctions = SanctionsLevel.None },
                new PolicyVariant
                {
                    Name = "pragmatic",
                    MissionPosture = MissionPosture.Pragmatic,
                    EngagementLevel = EngagementLevel.Local,
                    RegionalLinking = RegionalLinking.IndependentFallback,
                    OneUnIntegration = true,
                    SanctionsTrigger = SanctionsTrigger.AtMonth,
                    SanctionsMonth = 240,
                    SanctionsLifting = SanctionsLifting.Never,
                    CouncilResponse = CouncilResponse.Unchanged,
                    DonorResponse = DonorResponse.Maintain,
                    P5TargetedSanctions = P5TargetedSanctions.Withhold,
                    Credentials = CredentialsRecognition.Recognize,
                },
            ],
            Replicates = 123_456_789_012,
            FirstReplicate = 5_000,
            Seed = ulong.MaxValue,
            Horizon = Experiment.MaxHorizon,
        };
        string path = folder.Write("written.yaml", ConfigurationWriter.Write(experiment));

        Experiment read = ExperimentFile.Load(path).Experiment;

        ConfigurationAssert.SameSettings(experiment, read);
    }

    [Fact]
    public void Write_DefaultExperiment_WritesEverySettingOfEveryRecord()
    {
        var experiment = new Experiment { Scenarios = [new ScenarioConditions()], Variants = [new PolicyVariant()] };

        string yaml = ConfigurationWriter.Write(experiment);

        string[] keys = [.. KeysOf<Experiment>(), .. KeysOf<ScenarioConditions>(), .. KeysOf<PolicyVariant>(), .. KeysOf<BehaviouralParameters>()];
        Assert.All(keys, key => Assert.Contains(key + ":", yaml));
        Assert.Contains("penholder: none", yaml);
        Assert.Contains("mandateTasks: [goodOffices, electionSupport, ruleOfLaw, humanRights]", yaml);
        // The default trigger waits for the timeline to slip, so the default month cannot act and is written as a comment.
        Assert.Contains("\n  # sanctionsMonth: 7 is left out: it cannot act, as sanctions come at a set month only with sanctionsTrigger: atMonth", yaml);
    }

    [Fact]
    public void Write_SettingsThatCannotAct_AreCommentsAndTheFileLoadsAsTheSameExperiment()
    {
        var experiment = new Experiment
        {
            Scenarios = [new ScenarioConditions { UnPresence = UnPresence.None, MissionPersonnel = 30000, MandateTasks = MandateTasks.RuleOfLaw }],
            Variants = [new PolicyVariant { RegionalSanctions = SanctionsLevel.None, SanctionsTrigger = SanctionsTrigger.AtMonth, SanctionsMonth = 12 }],
        };
        string yaml = ConfigurationWriter.Write(experiment);
        string path = folder.Write("written.yaml", yaml);

        Experiment read = ExperimentFile.Load(path).Experiment;

        Assert.Contains("# missionPersonnel: 30000 is left out: it cannot act, as this scenario has unPresence: none", yaml);
        Assert.Contains("# mandateTasks: [ruleOfLaw] is left out: it cannot act", yaml);
        Assert.Contains("# sanctionsTrigger: atMonth is left out: it cannot act, as this variant has regionalSanctions: none", yaml);
        Assert.Contains("# sanctionsMonth: 12 is left out: it cannot act", yaml);
        // Left out, they read back as their defaults, which cannot act either (LeverApplicabilityTests).
        ConfigurationAssert.SameSettings(experiment with
        {
            Scenarios = [experiment.Scenarios[0] with { MissionPersonnel = 500, MandateTasks = new ScenarioConditions().MandateTasks }],
            Variants = [experiment.Variants[0] with { SanctionsTrigger = SanctionsTrigger.WhenTimelineSlips, SanctionsMonth = 7 }],
        }, read);
    }

    [Fact]
    public void WriteParameters_Defaults_PutsEvidenceAndRangeAboveEachParameter()
    {
        string yaml = ConfigurationWriter.WriteParameters(new BehaviouralParameters());

        string[] lines = yaml.Split('\n');
        foreach (PropertyInfo parameter in typeof(BehaviouralParameters).GetProperties())
        {
            int keyLine = Array.FindIndex(lines, line => line.StartsWith(CamelCase(parameter.Name) + ": ", StringComparison.Ordinal));
            Assert.True(keyLine > 0, $"{parameter.Name} is not written.");
            string evidence = parameter.GetCustomAttribute<EvidenceAttribute>()?.Source ?? "No evidence recorded";
            Assert.StartsWith($"# {evidence} (allowed: ", lines[keyLine - 1]);
            if (parameter.GetCustomAttribute<AllowedRangeAttribute>() is { } range)
                Assert.Contains($"between {range.Minimum} and {range.Maximum}", lines[keyLine - 1]);
        }
        Assert.Contains("\ncoupAttemptBase: " + new BehaviouralParameters().CoupAttemptBase.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "\n", yaml);
    }

    [Fact]
    public void WriteParameters_ChangedParameters_ReadsBackEqual()
    {
        var parameters = new BehaviouralParameters { CoupAttemptBase = 0.0012345678901234567 };
        string path = folder.Write("parameters.yaml", ConfigurationWriter.WriteParameters(parameters));

        Assert.Equal(parameters, ParameterFile.Load(path));
    }

    private static IEnumerable<string> KeysOf<TRecord>() =>
        typeof(TRecord).GetProperties().Where(property => property.SetMethod is not null).Select(property => CamelCase(property.Name));

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
