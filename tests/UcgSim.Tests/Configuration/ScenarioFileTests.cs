using UcgSim.Configuration;
using UcgSim.Core.Scenarios;
using YamlDotNet.Core;

namespace UcgSim.Tests.Configuration;

public sealed class ScenarioFileTests : IDisposable
{
    private readonly ConfigFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_SomeSettingsGiven_KeepsDefaultsForTheRest()
    {
        string path = folder.Write("mali.yaml", "name: mali-2021\npopularSupport: 0.79\n");

        ScenarioConditions scenario = ScenarioFile.Load(path);

        Assert.Equal(new ScenarioConditions { Name = "mali-2021", PopularSupport = 0.79 }, scenario);
    }

    [Fact]
    public void Load_EveryKindOfSetting_ReadsEachValue()
    {
        string path = folder.Write("sudan.yaml", """
            name: sudan-2021
            description: "Burhan and Hemedti: two armed forces"
            ucgType: ARMEDGROUPTAKEOVER
            earlierCoups: 3
            factionRivalry: 1
            unPresence: peacekeepingOperation
            missionPersonnel: 15000
            mandateTasks: [goodOffices, protectionOfCivilians]
            regionalSetting: noAntiUcgNorm
            franceRelationship: -0.5
            penholder: unitedKingdom
            alternativePartnerAvailable: false
            credentialsContested: true
            """);

        ScenarioConditions scenario = ScenarioFile.Load(path);

        var expected = new ScenarioConditions
        {
            Name = "sudan-2021",
            Description = "Burhan and Hemedti: two armed forces",
            UcgType = UcgType.ArmedGroupTakeover,
            EarlierCoups = 3,
            FactionRivalry = 1,
            UnPresence = UnPresence.PeacekeepingOperation,
            MissionPersonnel = 15000,
            MandateTasks = MandateTasks.GoodOffices | MandateTasks.ProtectionOfCivilians,
            RegionalSetting = RegionalSetting.NoAntiUcgNorm,
            FranceRelationship = -0.5,
            Penholder = PermanentMemberName.UnitedKingdom,
            AlternativePartnerAvailable = false,
            CredentialsContested = true,
        };
        Assert.Equal(expected, scenario);
    }

    [Fact]
    public void Load_EmptyMandateTaskList_GivesNoTasks()
    {
        string path = folder.Write("s.yaml", "mandateTasks: []\n");

        Assert.Equal(MandateTasks.None, ScenarioFile.Load(path).MandateTasks);
    }

    [Fact]
    public void Load_MandateTasksAsBlockList_CombinesThem()
    {
        string path = folder.Write("s.yaml", "mandateTasks:\n  - humanRights\n  - stateAuthority\n");

        Assert.Equal(MandateTasks.HumanRights | MandateTasks.StateAuthority, ScenarioFile.Load(path).MandateTasks);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    public void Load_PenholderNone_GivesNoPenholder(string none)
    {
        // Start from a file that sets a penholder, so a reader that ignored 'none' would be caught.
        string withPenholder = folder.Write("france.yaml", "penholder: france\n");
        string withoutPenholder = folder.Write("none.yaml", $"penholder: {none}\n");

        Assert.Equal(PermanentMemberName.France, ScenarioFile.Load(withPenholder).Penholder);
        Assert.Null(ScenarioFile.Load(withoutPenholder).Penholder);
    }

    [Fact]
    public void Load_MisspeltKey_SuggestsTheNearestKeyAndListsAllowedKeys()
    {
        string path = folder.Write("s.yaml", "name: x\nucgType: militaryCoup\npopularSuport: 0.5\n");

        var error = ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 3, "popularSuport",
            "key 'popularSuport' is not a scenario setting.", "Did you mean 'popularSupport'?", "Allowed keys: name, description, ucgType,");
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void Load_KeyInWrongCase_SuggestsTheCamelCaseKey()
    {
        string path = folder.Write("s.yaml", "PopularSupport: 0.5\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "PopularSupport", "Did you mean 'popularSupport'?");
    }

    [Fact]
    public void Load_WordForNumber_SaysANumberInItsRangeIsExpected()
    {
        string path = folder.Write("s.yaml", "name: x\npopularSupport: high\n");

        var error = ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 2, "popularSupport",
            "key 'popularSupport' expects a number between 0 and 1, but found 'high'.");
        Assert.Equal(17, error.Column);
    }

    [Fact]
    public void Load_ValueLeftOut_SaysNothingWasFound()
    {
        string path = folder.Write("s.yaml", "name: x\naidDependence:\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 2, "aidDependence", "expects a number between 0 and 1, but found nothing.");
    }

    [Fact]
    public void Load_MappingForNumber_SaysANumberIsExpected()
    {
        string path = folder.Write("s.yaml", "popularSupport:\n  urban: 0.8\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 2, "popularSupport", "expects a number between 0 and 1, but found a mapping of keys.");
    }

    [Fact]
    public void Load_NumberOutOfRange_QuotesTheRange()
    {
        string path = folder.Write("s.yaml", "popularSupport: 1.5\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "popularSupport",
            "key 'popularSupport' is 1.5, but must be a number between 0 and 1.");
    }

    [Fact]
    public void Load_NegativeRelationshipOutOfRange_QuotesTheNegativeBound()
    {
        string path = folder.Write("s.yaml", "russiaRelationship: -1.01\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "russiaRelationship", "between -1 and 1");
    }

    [Fact]
    public void Load_FractionForWholeNumber_SaysAWholeNumberIsExpected()
    {
        string path = folder.Write("s.yaml", "earlierCoups: 1.5\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "earlierCoups",
            "expects a whole number between 0 and 20, but found '1.5'.");
    }

    [Fact]
    public void Load_WordForTrueOrFalse_SaysTrueOrFalseIsExpected()
    {
        string path = folder.Write("s.yaml", "credentialsContested: maybe\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "credentialsContested", "expects true or false, but found 'maybe'.");
    }

    [Fact]
    public void Load_UnknownChoice_ListsTheAllowedValuesInCamelCase()
    {
        string path = folder.Write("s.yaml", "ucgType: militaryCoupe\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "ucgType",
            "expects one of militaryCoup, armedGroupTakeover, democraticCoup, but found 'militaryCoupe'.", "Did you mean 'militaryCoup'?");
    }

    [Fact]
    public void Load_UnknownPenholder_OffersNoneAmongTheValues()
    {
        string path = folder.Write("s.yaml", "penholder: germany\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "penholder",
            "one of unitedStates, unitedKingdom, france, russia, china, or none");
    }

    [Fact]
    public void Load_UnknownMandateTask_PointsAtTheListItem()
    {
        string path = folder.Write("s.yaml", "mandateTasks:\n  - goodOffices\n  - peaceEnforcement\n");

        var error = ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 3, "mandateTasks",
            "but found 'peaceEnforcement'", "goodOffices, electionSupport, ruleOfLaw", "or [] for none");
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Load_MandateTaskNotInAList_AsksForAList()
    {
        string path = folder.Write("s.yaml", "mandateTasks: goodOffices\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "mandateTasks", "expects a list of any of", "but found 'goodOffices'");
    }

    [Fact]
    public void Load_RepeatedKey_PointsAtTheSecondAndNamesTheFirstLine()
    {
        string path = folder.Write("s.yaml", "popularSupport: 0.2\nname: x\npopularSupport: 0.3\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 3, "popularSupport",
            "key 'popularSupport' appears twice", "first given on line 1", "Keep only one");
    }

    [Fact]
    public void Load_InvalidYaml_ReportsTheLineAndKeepsTheParserError()
    {
        string path = folder.Write("s.yaml", "name: x\npopularSupport: 0.5: 3\nearlierCoups: 2\n");

        var error = ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 2, null, "this is not valid YAML", "Check the indentation");
        Assert.IsAssignableFrom<YamlException>(error.InnerException);
    }

    [Fact]
    public void Load_MissingFile_NamesThePathAndHowToFixIt()
    {
        string path = Path.Combine(folder.Root, "no-such-scenario.yaml");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 0, null, "there is no such file", "Check the path");
    }

    [Fact]
    public void Load_Folder_SaysItIsNotAFile()
    {
        ConfigurationAssert.Fails(() => ScenarioFile.Load(folder.Root), folder.Root, 0, null, "is a folder, not a file");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    public void Load_EmptyFile_SaysItIsEmptyAndWhatItShouldHold(string yaml)
    {
        string path = folder.Write("s.yaml", yaml);

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, null, "the file is empty", "should hold 'key: value' lines", "popularSupport");
    }

    [Fact]
    public void Load_ListInsteadOfMapping_AsksForKeyValueLines()
    {
        string path = folder.Write("s.yaml", "- popularSupport: 0.5\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, null, "the file holds a list, but should hold 'key: value' lines");
    }

    [Fact]
    public void Load_TwoDocuments_AsksForOneDocumentPerFile()
    {
        string path = folder.Write("s.yaml", "name: a\n---\nname: b\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 3, null, "more than one YAML document", "its own file");
    }
}
