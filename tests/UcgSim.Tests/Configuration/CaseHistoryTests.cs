using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Configuration;

public sealed class CaseHistoryTests : IDisposable
{
    private readonly ConfigFolder folder = new();

    public void Dispose() => folder.Dispose();

    private const string Conditions = "name: mali-2021\npopularSupport: 0.79\n";

    [Fact]
    public void LoadHistory_EveryKindOfItem_ReadsEachFact()
    {
        string path = folder.Write("mali.yaml", Conditions + """
            observed:
              - event: missionAskedToLeave
                month: 25
                source: "IPI report, Coordinating with Regional Organizations"
              - event: CIVILIANRULERESTORED
                absentBy: 48
                source: report, Recent Trends
              - event: transitionAgreed
                inMostCasesBy: 16
                source: Burkina Faso 2014, Zimbabwe 2017, Sudan 2019
              - outcome: entrenched
                source: report
            """);

        CaseHistory history = ScenarioFile.LoadHistory(path);

        Assert.Equal<ObservedFact>(
        [
            new EventAtMonth(EventKind.MissionAskedToLeave, 25, "IPI report, Coordinating with Regional Organizations"),
            new EventAbsentBy(EventKind.CivilianRuleRestored, 48, "report, Recent Trends"),
            new EventInMostCasesBy(EventKind.TransitionAgreed, 16, "Burkina Faso 2014, Zimbabwe 2017, Sudan 2019"),
            new OutcomeAtHorizon(Outcome.Entrenched, "report"),
        ], history.Facts);
        Assert.False(history.DeclaresBaseRates);
    }

    [Fact]
    public void Load_ScenarioWithObservedHistory_ReadsTheSameConditionsAsWithout()
    {
        string plain = folder.Write("plain.yaml", Conditions);
        string withHistory = folder.Write("case.yaml", Conditions + "observed:\n  - event: civilWar\n    month: 18\n    source: report\n");

        Assert.Equal(ScenarioFile.Load(plain), ScenarioFile.Load(withHistory));
        Assert.True(ScenarioFile.LoadHistory(plain).IsEmpty);
        Assert.Same(CaseHistory.None, ScenarioFile.LoadHistory(plain));
    }

    [Fact]
    public void LoadHistory_UnknownEvent_NamesFileLineAndSuggestsTheEvent()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - event: missionAskedToLeeve\n    month: 25\n    source: report\n");

        var error = ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 4, "event",
            "'missionAskedToLeeve'", "Did you mean 'missionAskedToLeave'?", "headOfMissionPersonaNonGrata");
        Assert.DoesNotContain("or none", error.Message);
    }

    [Fact]
    public void LoadHistory_UnknownOutcome_ListsTheOutcomes()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - outcome: entrenchd\n    source: report\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 4, "outcome", "Did you mean 'entrenched'?", "transitionToCivilianRule");
    }

    [Theory]
    [InlineData("month: 601", "month")]
    [InlineData("month: -1", "month")]
    [InlineData("absentBy: 1000", "absentBy")]
    public void LoadHistory_MonthOutOfRange_SaysTheRange(string timing, string key)
    {
        string path = folder.Write("s.yaml", Conditions + $"observed:\n  - event: civilWar\n    {timing}\n    source: report\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 5, key, "between 0 and 600");
    }

    [Fact]
    public void LoadHistory_MissingSource_NamesTheItemAndHowToFix()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - event: civilWar\n    month: 18\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 4, "source",
            "'source' is missing", "the report section or the dataset");
    }

    [Fact]
    public void LoadHistory_EmptySource_IsRejected()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - event: civilWar\n    month: 18\n    source: \"  \"\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 6, "source", "'source' is empty");
    }

    [Fact]
    public void LoadHistory_TwoTimings_AsksForExactlyOne()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - event: civilWar\n    month: 18\n    absentBy: 24\n    source: report\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 6, "absentBy", "exactly one of 'month:'", "month and absentBy");
    }

    [Fact]
    public void LoadHistory_EventWithoutTiming_AsksForOne()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - event: civilWar\n    source: report\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 4, null, "exactly one of 'month:'", "gives none");
    }

    [Fact]
    public void LoadHistory_EventAndOutcomeInOneItem_AsksForOneSubject()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - event: civilWar\n    outcome: civilWar\n    month: 18\n    source: report\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 4, "outcome", "exactly one of 'event:', 'outcome:' or 'recurrence:'", "event and outcome");
    }

    [Fact]
    public void LoadHistory_OutcomeWithMonth_ExplainsOutcomesAreJudgedAtTheHorizon()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - outcome: entrenched\n    absentBy: 48\n    source: report\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 5, "absentBy", "does not apply to an 'outcome:' item", "at the experiment's horizon");
    }

    [Fact]
    public void LoadHistory_UnknownKeyInItem_SuggestsTheKey()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - event: civilWar\n    absentby: 48\n    source: report\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 5, "absentby", "Did you mean 'absentBy'?");
    }

    [Fact]
    public void LoadHistory_ItemNotAMapping_ShowsTheShape()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - civilWar at 18\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 4, "observed", "each observed item is a mapping", "event: missionAskedToLeave");
    }

    [Fact]
    public void Load_MisspeltObservedKey_SuggestsIt()
    {
        string path = folder.Write("s.yaml", Conditions + "observd:\n  - event: civilWar\n    month: 18\n    source: report\n");

        ConfigurationAssert.Fails(() => ScenarioFile.Load(path), path, 3, "observd", "Did you mean 'observed'?");
    }

    [Fact]
    public void LoadHistory_RecurrenceOfAnEventTheDatasetsLack_NamesTheTwoThatExist()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - recurrence: civilWar\n    within: [12]\n    region: africa\n    since: 1990\n    source: P&T\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 4, "recurrence", "no counterpart in the coup datasets", "recurrence: counterCoup", "recurrence: coupAttempt");
    }

    [Fact]
    public void LoadHistory_RecurrenceWithoutRegion_AsksForIt()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - recurrence: counterCoup\n    within: [12]\n    since: 1990\n    source: P&T\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 4, "region", "'region' is missing", "world or africa");
    }

    [Fact]
    public void LoadHistory_RecurrenceWindowNotANumber_SaysWhatIsExpected()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - recurrence: counterCoup\n    within: [12, two]\n    region: africa\n    since: 1990\n    source: P&T\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path), path, 5, "within", "a whole number between 1 and 600", "'two'");
    }

    [Fact]
    public void Targets_Recurrence_OneBaseRatePerWindowFromTheEvents()
    {
        string path = folder.Write("s.yaml", Conditions + """
            observed:
              - recurrence: coupAttempt
                within: [12, 24]
                region: africa
                since: 2000
                source: synthetic
            """);
        var events = new List<CoupEvent>
        {
            new("A", 432, 2000, 1, true), new("A", 432, 2001, 6, false),  // Mali: a failed attempt after 17 months
            new("B", 625, 2000, 1, true), new("B", 625, 2000, 7, true),   // Sudan: another coup after 6 months, itself not followed
            new("C", 40, 2000, 1, true), new("C", 40, 2000, 2, true),     // Cuba: outside Africa
            new("D", 432, 1999, 1, true),                                 // before 2000
            new("E", 432, 2005, 1, false),                                // the data's last month
        };

        var targets = ScenarioFile.LoadHistory(path).Targets(events);

        Assert.Empty(targets.Facts);
        Assert.Equal([12, 24], targets.BaseRates.Select(rate => rate.WithinMonths));
        Assert.All(targets.BaseRates, rate => Assert.Equal(EventKind.CoupAttempt, rate.Event));
        Assert.Equal((1, 3), (targets.BaseRates[0].Observed.Count, targets.BaseRates[0].Observed.Total));
        Assert.Equal((2, 3), (targets.BaseRates[1].Observed.Count, targets.BaseRates[1].Observed.Total));
    }

    [Fact]
    public void RequireWithin_MonthBeyondTheHorizon_NamesFileLineAndTheFix()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - event: civilWar\n    month: 18\n    source: report\n  - event: missionAskedToLeave\n    absentBy: 48\n    source: report\n");
        var history = ScenarioFile.LoadHistory(path);

        history.RequireWithin(48);
        ConfigurationAssert.Fails(() => history.RequireWithin(36), path, 7, "observed", "month 48 lies beyond the experiment's 36-month horizon", "Raise 'horizon'");
    }

    [Fact]
    public void RequireWithin_RecurrenceWindowBeyondTheHorizon_NamesTheWindow()
    {
        string path = folder.Write("s.yaml", Conditions + "observed:\n  - recurrence: counterCoup\n    within: [12, 60]\n    region: world\n    since: 1990\n    source: P&T\n");

        ConfigurationAssert.Fails(() => ScenarioFile.LoadHistory(path).RequireWithin(48), path, 4, "observed", "the 60-month window");
    }

    [Fact]
    public void ExperimentLoad_ScenariosFromFilesAndInline_HistoriesInScenarioOrder()
    {
        folder.Write("scenarios/case.yaml", Conditions + "observed:\n  - event: civilWar\n    month: 18\n    source: report\n");
        string experiment = folder.Write("experiments/e.yaml", """
            scenarios:
              - {name: inline}
              - ../scenarios/case.yaml
            variants:
              - name: a
              - name: b
            """);

        var loaded = ExperimentFile.Load(experiment);

        Assert.Equal(2, loaded.CaseHistories.Count);
        Assert.True(loaded.CaseHistories[0].IsEmpty);
        Assert.Equal([new EventAtMonth(EventKind.CivilWar, 18, "report")], loaded.CaseHistories[1].Facts);
        Assert.Equal(new ScenarioConditions { Name = "mali-2021", PopularSupport = 0.79 }, loaded.Experiment.Scenarios[1]);
    }
}
