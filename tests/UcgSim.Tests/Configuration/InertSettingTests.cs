using UcgSim.Configuration;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Tests.Configuration;

/// <summary>
/// Settings that cannot act: within one file a mistake (exit 2, file:line:column, key and fix), a lever that cannot act in
/// one scenario of an experiment a warning. Which settings cannot act is LeverApplicability's, held to the model by
/// LeverApplicabilityTests; these tests hold the files and messages.
/// </summary>
public sealed class InertSettingTests : IDisposable
{
    private readonly ConfigFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_SanctionsMonthWithTheDefaultTrigger_SaysToSetAtMonthOrRemoveIt()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: a\n    sanctionsMonth: 4\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 3, "sanctionsMonth",
            "key 'sanctionsMonth' cannot act: sanctions come at a set month only with sanctionsTrigger: atMonth, and this variant's sanctionsTrigger is whenTimelineSlips (the default).",
            "Set 'sanctionsTrigger: atMonth', or remove 'sanctionsMonth'.");
    }

    [Fact]
    public void Load_SanctionsMonthWithAnotherTrigger_NamesTheTriggerWritten()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: a\n    sanctionsTrigger: atOnset\n    sanctionsMonth: 4\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 4, "sanctionsMonth", "this variant's sanctionsTrigger is atOnset.");
    }

    [Theory]
    [InlineData("sanctionsTrigger: atOnset")]
    [InlineData("sanctionsMonth: 4")]
    [InlineData("sanctionsEscalation: true")]
    [InlineData("interventionThreat: true")]
    public void Load_SanctionsLeverWithoutSanctions_SaysTheLeverCannotAct(string lever)
    {
        string path = folder.Write("v.yaml", $"variants:\n  - name: a\n    regionalSanctions: none\n    {lever}\n");
        string key = lever[..lever.IndexOf(':')];

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 4, key,
            $"key '{key}' cannot act: this variant has regionalSanctions: none,", $"Remove '{key}', or set regionalSanctions to targeted or harsh.");
    }

    [Fact]
    public void Load_SwitchesOffWithoutSanctions_AskForNothingAndLoad()
    {
        string path = folder.Write("v.yaml",
            "variants:\n  - name: a\n    regionalSanctions: none\n    sanctionsEscalation: false\n    interventionThreat: false\n    sanctionsLifting: never\n");

        Assert.Equal(SanctionsLifting.Never, Assert.Single(VariantFile.Load(path)).SanctionsLifting);
    }

    [Fact]
    public void Load_LiftingWithNoSanctionsAndNoSuspension_SaysThereIsNothingToLift()
    {
        string path = folder.Write("v.yaml",
            "variants:\n  - name: a\n    regionalSuspension: false\n    regionalSanctions: none\n    sanctionsLifting: never\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 5, "sanctionsLifting",
            "there are no regional measures to lift", "Remove 'sanctionsLifting', or give the variant regional sanctions or a suspension.");
    }

    [Fact]
    public void Load_EscalationOfHarshSanctions_SaysToTargetThemFirst()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: a\n    regionalSanctions: harsh\n    sanctionsEscalation: true\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 4, "sanctionsEscalation",
            "harsh from the start", "Remove 'sanctionsEscalation', or set 'regionalSanctions: targeted'.");
    }

    [Fact]
    public void Load_DialogueWithoutSuspension_SaysToSuspend()
    {
        string path = folder.Write("v.yaml", "variants:\n  - name: a\n    regionalDialogue: true\n    regionalSuspension: false\n");

        ConfigurationAssert.Fails(() => VariantFile.Load(path), path, 3, "regionalDialogue",
            "dialogue is held with a suspended state", "Remove 'regionalDialogue', or set 'regionalSuspension: true'.");
    }

    [Fact]
    public void Load_ContradictionInAnInlineVariant_PointsIntoTheExperimentFile()
    {
        string path = folder.Write("e.yaml", "scenarios:\n  - name: s\nvariants:\n  - name: a\n    sanctionsMonth: 4\n");

        ConfigurationAssert.Fails(() => ExperimentFile.Load(path), path, 5, "sanctionsMonth", "Set 'sanctionsTrigger: atMonth'");
    }

    [Theory]
    [InlineData("missionPersonnel: 300")]
    [InlineData("monthsToMandateRenewal: 6")]
    [InlineData("mandateTasks: [goodOffices]")]
    public void Load_MissionSettingWithNoMission_SaysThereIsNoMission(string setting)
    {
        string path = folder.Write("s.yaml", $"name: niger\nunPresence: none\n{setting}\n");
        string key = setting[..setting.IndexOf(':')];

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 3, key,
            $"key '{key}' cannot act: this scenario has unPresence: none, so there is no mission to staff, mandate or renew.",
            $"Remove '{key}', or give the scenario a mission (unPresence: specialPoliticalMission or peacekeepingOperation).");
    }

    [Fact]
    public void Load_NoMissionWithNoStaffAndNoTasks_Loads()
    {
        string path = folder.Write("s.yaml", "unPresence: none\nmissionPersonnel: 0\nmandateTasks: []\n");

        Assert.Equal(MandateTasks.None, ScenarioFile.Load(path).MandateTasks);
    }

    [Fact]
    public void Load_PolarizationShockWithoutMonth_SaysToAddTheMonth()
    {
        string path = folder.Write("s.yaml", "councilPolarization: 0.4\ncouncilPolarizationShock: 0.3\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 2, "councilPolarizationShock",
            "which this scenario does not give", "Add 'councilPolarizationShockMonth: <month>', or remove 'councilPolarizationShock'.");
    }

    [Theory]
    [InlineData("", " (not given).")]
    [InlineData("councilPolarizationShock: 0\n", " is 0.")]
    public void Load_PolarizationShockMonthWithoutShock_SaysToAddTheShock(string shock, string said)
    {
        string path = folder.Write("s.yaml", $"{shock}councilPolarizationShockMonth: 9\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, shock.Length == 0 ? 1 : 2, "councilPolarizationShockMonth",
            said, "Add 'councilPolarizationShock: <change, -1 to 1>', or remove 'councilPolarizationShockMonth'.");
    }

    [Fact]
    public void Load_MandateTaskListedTwice_PointsAtTheSecondAndNamesTheFirst()
    {
        string path = folder.Write("s.yaml", "mandateTasks: [goodOffices, humanRights, goodOffices]\n");

        var error = ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 1, "mandateTasks",
            "key 'mandateTasks' lists 'goodOffices' twice (first at line 1, column 16). List each item once.");
        Assert.Equal(42, error.Column);
    }

    [Fact]
    public void Warnings_InterventionThreatWithoutAStrongCommunity_WarnsForThatScenarioOnly()
    {
        string variants = folder.Write("variants.yaml", "variants:\n  - name: baseline\n  - name: threat\n    regionalSanctions: harsh\n    interventionThreat: true\n");
        string au = folder.Write("au.yaml", "name: au\nregionalSetting: africanUnionOnly\n");
        folder.Write("ecowas.yaml", "name: ecowas\nregionalSetting: africanUnionAndStrongCommunity\n");
        string path = folder.Write("e.yaml", "scenarios: [au.yaml, ecowas.yaml]\nvariants: variants.yaml\n");

        var warning = Assert.Single(ExperimentFile.Load(path).Warnings());

        Assert.Equal((variants, 5, 5, "interventionThreat"), (warning.FilePath, warning.Line, warning.Column, warning.Key));
        Assert.Equal(
            $"{variants}:5:5: lever 'interventionThreat' of variant 'threat' has no effect in scenario 'au' ({au}): only a community with a strong anti-UCG norm "
            + "(regionalSetting: africanUnionAndStrongCommunity) threatens intervention, and this scenario has regionalSetting: africanUnionOnly. "
            + "If the variant is meant for this scenario, remove 'interventionThreat'; if the scenario's regional body should be such a community, set its regionalSetting: africanUnionAndStrongCommunity.",
            warning.Message);
    }

    [Fact]
    public void Warnings_RegionalLeversWithNoRegionalBody_WarnForEachLeverWrittenThatAsksForSomething()
    {
        folder.Write("none.yaml", "name: afghanistan\nregionalSetting: none\n");
        string path = folder.Write("e.yaml", """
            scenarios: [none.yaml]
            variants:
              - name: regional
                regionalSuspension: false
                regionalSanctions: targeted
                sanctionsTrigger: atMonth
                sanctionsMonth: 3
                sanctionsLifting: never
                sanctionsEscalation: true
                regionalDialogue: false
                regionalLinking: independentFallback
                missionPosture: pragmatic
            """);

        var warnings = ExperimentFile.Load(path).Warnings();

        Assert.Equal(
            ["regionalSanctions", "sanctionsTrigger", "sanctionsMonth", "sanctionsLifting", "sanctionsEscalation", "regionalLinking"],
            warnings.Select(warning => warning.Key));
        Assert.Equal([5, 6, 7, 8, 9, 11], warnings.Select(warning => warning.Line));
        Assert.All(warnings, warning => Assert.Contains(
            $"has no effect in scenario 'afghanistan' ({Path.Combine(folder.Root, "none.yaml")}): it has regionalSetting: none, so no regional body", warning.Message));
        Assert.All(warnings, warning => Assert.EndsWith(
            $"remove '{warning.Key}'; if the scenario should have a regional organization, set its regionalSetting.", warning.Message));
    }

    [Fact]
    public void Warnings_MissionLeversWithNoMission_WarnOnlyForThoseThatNeedAMissionInTheField()
    {
        string path = folder.Write("e.yaml", """
            scenarios:
              - name: envoy
                unPresence: none
                missionPersonnel: 0
                mandateTasks: []
            variants:
              - name: mission
                missionPosture: pragmatic
                engagementLevel: local
                strategicAssessmentMonth: 3
                regionalLinking: independentFallback
                oneUnIntegration: true
                humanRightsReporting: quietTraining
                mandateTaskHandling: freezeIrrelevant
                councilResponse: unchanged
                exitOption: threatenWhenTransgressed
            """);

        var warnings = ExperimentFile.Load(path).Warnings();

        Assert.Equal(["strategicAssessmentMonth", "mandateTaskHandling", "councilResponse", "exitOption"], warnings.Select(warning => warning.Key));
        Assert.All(warnings, warning => Assert.Contains(
            $"has no effect in scenario 'envoy' ({path}:2): it has unPresence: none, so there is no mission", warning.Message));
    }

    [Fact]
    public void Warnings_TaskHandlingForAMissionWithNoTasks_Warns()
    {
        string path = folder.Write("e.yaml",
            "scenarios:\n  - name: empty\n    mandateTasks: []\nvariants:\n  - name: freeze\n    mandateTaskHandling: shiftToGoodOffices\n");

        var warning = Assert.Single(ExperimentFile.Load(path).Warnings());

        Assert.Equal("mandateTaskHandling", warning.Key);
        Assert.Contains("its mission has no mandate tasks (mandateTasks: []) to freeze or shift.", warning.Message);
    }

    [Fact]
    public void WarningsFor_ThePairsRunOnly()
    {
        string path = folder.Write("e.yaml", """
            scenarios:
              - name: no-body
                regionalSetting: none
              - name: au
            variants:
              - name: for-no-body
              - name: for-au
                regionalDialogue: true
            """);
        var loaded = ExperimentFile.Load(path);

        Assert.Empty(loaded.WarningsFor([(0, 0), (1, 1)]));
        Assert.Equal("regionalDialogue", Assert.Single(loaded.Warnings()).Key);
    }
}
