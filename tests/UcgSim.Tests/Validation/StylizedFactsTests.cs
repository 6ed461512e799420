using UcgSim.Configuration;
using UcgSim.Core.Experiments;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Model;

namespace UcgSim.Tests.Validation;

/// <summary>
/// The stylized facts of the model brief (section 7), as declared under 'observed:' in the case scenario files,
/// judged by the same code as `ucgsim validate`: each case scenario under its historical policy (scenario i of
/// configs/experiments/validation.yaml under variant i), over all replicates. A single case is one draw of a
/// stochastic world, so each target asks that the observed history lie inside the bulk of the distribution.
/// </summary>
public sealed class StylizedFactsTests
{
    private static readonly string ValidationFile = Path.Combine(RepositoryPaths.Configs, "experiments", "validation.yaml");

    private static readonly Lazy<LoadedExperiment> Loaded = new(() => ExperimentFile.Load(ValidationFile));

    private static readonly Lazy<IReadOnlyList<CaseVerdict>> Verdicts = new(() =>
    {
        var experiment = Loaded.Value.Experiment with { Replicates = ReplicateScale.Of(4000) };
        var powellThyne = CoupDatasets.LoadPowellThyne(Path.Combine(RepositoryPaths.SharedData, "powell_thyne_coups_ptcoups_2023-03.csv"));
        foreach (var history in Loaded.Value.CaseHistories) history.RequireWithin(experiment.Horizon);
        return CaseValidation.Run(experiment, Loaded.Value.CaseHistories.Select(history => history.Targets(powellThyne)).ToList(), 2);
    });

    public static TheoryData<string> Cases() => new(ExperimentFile.Load(ValidationFile).Experiment.Scenarios.Select(scenario => scenario.Name));

    private static CaseVerdict Case(string name) => Verdicts.Value.Single(verdict => verdict.Scenario.Name == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_ObservedHistory_InsideTheBulkOfTheModel(string caseName)
    {
        var verdict = Case(caseName);
        var misses = verdict.Facts.Where(j => !j.Passed)
            .Select(j => $"{j.Fact.Subject}, {j.Fact.Observation}: P(by month) {j.Share:P1}, simulated 5-95% {j.Central?.Describe(verdict.Tally.Horizon)} ({j.Fact.Rule})")
            .Concat(verdict.BaseRates.Where(j => !j.Passed).Select(j =>
                $"{j.Target.Event} within {j.Target.WithinMonths} months: model {j.Simulated:P1}, accepted {j.AcceptedFrom:P1}-{j.AcceptedTo:P1}"))
            .ToList();

        Assert.NotEmpty(verdict.Facts.Cast<object>().Concat(verdict.BaseRates));
        Assert.True(misses.Count == 0, $"{caseName} missed {misses.Count} target(s):\n{string.Join("\n", misses)}");
    }

    [Fact]
    public void ValidationExperiment_PairsEachCaseWithItsHistoricalPolicy()
    {
        var experiment = Loaded.Value.Experiment;
        Assert.Equal(experiment.Scenarios.Count, experiment.Variants.Count);
        for (int i = 0; i < experiment.Scenarios.Count; i++)
        {
            // mali-2021 with mali-2021-as-happened, democratic-coup-2010s with democratic-2010s-as-happened.
            string[] words = experiment.Scenarios[i].Name.Split('-');
            Assert.StartsWith(words[0], experiment.Variants[i].Name);
            Assert.Contains(words[^1], experiment.Variants[i].Name);
        }
    }

    [Fact]
    public void GenericStatusQuo_IsTheDefaultExperimentsBaseline()
    {
        // The base rates judge the default experiment's baseline, so the validation's copy of it must not drift.
        var baseline = ExperimentFile.Load(Path.Combine(RepositoryPaths.Configs, "experiments", "default.yaml")).Experiment.Variants[0];
        var validation = Loaded.Value.Experiment;
        int generic = validation.Scenarios.ToList().FindIndex(scenario => scenario.Name == "generic");

        Assert.Equal(baseline with { Name = "", Description = "" }, validation.Variants[generic] with { Name = "", Description = "" });
    }

    [Fact]
    public void Mali2021_MissionAskedToLeaveBeforeWithdrawal_IsAPossibleSequence()
    {
        // Mali asked MINUSMA to leave at about 25 months and left ECOWAS at about 32: the model must allow
        // that order, not only each event on its own.
        var experiment = Loaded.Value.Experiment;
        int mali2021 = experiment.Scenarios.ToList().FindIndex(scenario => scenario.Name == "mali-2021");
        int both = 0, leaveFirst = 0;
        for (long i = 0; i < 4000; i++)
        {
            var history = CountryAfterUcg.Simulate(experiment.Scenarios[mali2021], experiment.Variants[mali2021],
                experiment.Parameters, new UcgSim.Core.Randomness.ReplicateRandom(experiment.Seed, i), experiment.Horizon);
            if (history.MonthOf(EventKind.MissionAskedToLeave) is not int left || history.MonthOf(EventKind.RegionalWithdrawal) is not int exit) continue;
            both++;
            if (left < exit) leaveFirst++;
        }
        Assert.True(both > 100, $"only {both} replicates with both events");
        Assert.True(leaveFirst >= 0.1 * both, $"the mission left first in only {leaveFirst} of {both}");
    }

    [Fact]
    public void Mali2021_HarshSanctions_RallySupportAfterImposition()
    {
        // Support in the months after sanctions exceeds what it was just before them, on average across the
        // replicates that saw sanctions at month 7 (report: ECOWAS sanctions raised support for the junta).
        var experiment = Loaded.Value.Experiment;
        var scenario = Case("mali-2021").Scenario;
        var variant = Case("mali-2021").Variant with
        {
            SanctionsTrigger = UcgSim.Core.Policy.SanctionsTrigger.AtMonth, SanctionsMonth = 7,
            SanctionsLifting = UcgSim.Core.Policy.SanctionsLifting.Never,
        };
        double before = 0, after = 0;
        int counted = 0;
        for (long i = 0; i < 2000; i++)
        {
            var history = CountryAfterUcg.Simulate(scenario, variant, experiment.Parameters,
                new UcgSim.Core.Randomness.ReplicateRandom(experiment.Seed, i), 24);
            if (history.MonthOf(EventKind.RegionalSanctionsImposed) != 7) continue;
            var support = history.Trajectory(TrajectoryMeasure.PopularSupport);
            before += support[6];
            after += support[12];
            counted++;
        }
        Assert.True(counted > 500);
        Assert.True(after / counted > before / counted, $"before {before / counted:F3}, after {after / counted:F3}");
    }

    [Fact]
    public void Afghanistan2021_NoRegionalOrganization_NoRegionalSanctions()
    {
        var tally = Case("afghanistan-2021").Tally;

        Assert.Equal(0.0, new EventTiming(tally, EventKind.RegionalSanctionsImposed).ShareBy(tally.Horizon));
    }

    [Fact]
    public void Entrenchment_Post2020CasesFarLessLikelyToRestoreCivilianRuleThan2010s()
    {
        static double Restored(string name) => new EventTiming(Case(name).Tally, EventKind.CivilianRuleRestored).ShareBy(Case(name).Tally.Horizon);
        foreach (string post2020 in new[] { "mali-2021", "sudan-2021", "afghanistan-2021" })
            Assert.True(Restored(post2020) < Restored("democratic-coup-2010s") / 4, $"{post2020}: {Restored(post2020):P1}");
    }

    [Fact]
    public void Entrenchment_GenericPost2020Coup_HandsPowerToCiviliansInAtMostOneInTenBy36Months()
    {
        // 'Recent Trends': none of the post-2020 UCGs led to a transition to democratic civilian rule.
        var tally = Case("generic").Tally;
        double handedOver = new EventTiming(tally, EventKind.CivilianRuleRestored).ShareBy(36);
        Assert.True(handedOver <= 0.10, $"generic status quo: {handedOver:P1} handed power to civilians by month 36");
    }

    [Fact]
    public void DemocraticCoups2010s_CivilianLedAdministrationBy16MonthsInMoreThanHalf()
    {
        var tally = Case("democratic-coup-2010s").Tally;
        double agreed = new EventTiming(tally, EventKind.TransitionAgreed).ShareBy(16);
        Assert.True(agreed > 0.5, $"2010s democratic coups: {agreed:P1} with a civilian-led administration by month 16");
    }
}
