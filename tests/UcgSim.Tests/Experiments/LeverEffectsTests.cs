using System.Reflection;
using UcgSim.Core.Experiments;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Model;

namespace UcgSim.Tests.Experiments;

public sealed class LeverEffectsTests
{
    private static readonly Experiment Tiny = new()
    {
        Scenarios = [ModelProbe.Generic],
        Variants = [new PolicyVariant { Name = "baseline" }],
        Replicates = 300,
        Seed = 5,
    };

    private static readonly Lazy<LeverEffectsTable> OnTwoThreads = new(() => LeverEffects.Estimate(Tiny, 0, threads: 2));

    private static IEnumerable<PropertyInfo> Levers => typeof(PolicyVariant).GetProperties()
        .Where(property => property.Name is not (nameof(PolicyVariant.Name) or nameof(PolicyVariant.Description)));

    [Fact]
    public void ChangesFrom_EveryLeverOfAVariant_HasARowForEachSettingTheBaselineDoesNotMake()
    {
        var baseline = new PolicyVariant();
        var changes = LeverEffects.ChangesFrom(ModelProbe.Generic, baseline);

        foreach (var lever in Levers)
        {
            var rows = changes.Where(change => change.Lever == lever.Name).ToList();
            Type type = Nullable.GetUnderlyingType(lever.PropertyType) ?? lever.PropertyType;
            int expected = type.IsEnum ? Enum.GetValues(type).Length - 1 : 1;
            Assert.True(rows.Count == expected, $"{lever.Name}: {rows.Count} rows, expected {expected}");
            Assert.All(rows, row => Assert.NotEqual(LeverKind.StructuralCondition, row.Kind));
            Assert.All(rows, row => Assert.Equal(row.Value, lever.GetValue(row.Variant)));
        }
    }

    [Fact]
    public void ChangesFrom_EachRow_ChangesOnlyItsOwnSettingOfTheBaselineOrTheScenario()
    {
        var baseline = new PolicyVariant { StrategicAssessmentMonth = 18, OneUnIntegration = true };
        var scenario = ModelProbe.Generic;

        foreach (var change in LeverEffects.ChangesFrom(scenario, baseline))
        {
            string[] changed = [.. Differences(scenario, change.Scenario), .. Differences(baseline, change.Variant)];
            Assert.Equal([change.Lever], changed);
        }
        Assert.Contains(LeverEffects.ChangesFrom(scenario, baseline),
            change => change is { Lever: nameof(PolicyVariant.StrategicAssessmentMonth), Value: null });
    }

    [Fact]
    public void ChangesFrom_AConditionTheScenarioAlreadyHas_IsLeftOut()
    {
        var popular = ModelProbe.Generic with { PopularSupport = 0.8, RegionalSetting = RegionalSetting.None };

        var conditions = LeverEffects.ChangesFrom(popular, new PolicyVariant()).Where(c => c.Kind == LeverKind.StructuralCondition).ToList();

        Assert.Equal([0.2], conditions.Where(c => c.Lever == nameof(ScenarioConditions.PopularSupport)).Select(c => c.Value));
        Assert.Equal([RegionalSetting.AfricanUnionAndStrongCommunity],
            conditions.Where(c => c.Lever == nameof(ScenarioConditions.RegionalSetting)).Select(c => c.Value));
        Assert.Equal(7, conditions.Select(c => c.Lever).Distinct().Count());
    }

    [Fact]
    public void Estimate_OneAndTwoThreads_GiveTheSameEffectsInTheSameOrder()
    {
        var one = LeverEffects.Estimate(Tiny, 0, threads: 1);

        Assert.Equal(Fingerprint(one), Fingerprint(OnTwoThreads.Value));
    }

    [Fact]
    public void Estimate_RanksByTheLargestAbsoluteDifferenceInAnOutcomeShare()
    {
        var effects = OnTwoThreads.Value.Effects;

        Assert.Equal(LeverEffects.ChangesFrom(ModelProbe.Generic, Tiny.Variants[0]).Count, effects.Count);
        Assert.All(effects, effect => Assert.Equal(effect.Outcomes.Max(d => Math.Abs(d.Estimate)), effect.LargestOutcomeEffect));
        var sizes = effects.Select(effect => effect.LargestOutcomeEffect).ToList();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.True(sizes[0] > 0.05, $"largest effect {sizes[0]}");
        Assert.All(effects, effect => Assert.Equal(SimulationVocabulary.Outcomes.Length, effect.Outcomes.Count));
        Assert.All(effects, effect => Assert.All(effect.Outcomes, d => Assert.Equal(Tiny.Replicates, d.Pairs)));
    }

    [Fact]
    public void Estimate_BaselineShares_AreThoseARunOfTheBaselineGives()
    {
        var run = ExperimentRunner.Run(Tiny, threads: 1);
        var table = OnTwoThreads.Value;

        foreach (var outcome in SimulationVocabulary.Outcomes)
            Assert.Equal(run.OutcomeShare(0, 0, outcome), table.BaselineOutcomes[(int)outcome]);
        for (int e = 0; e < LeverEffects.Events.Count; e++)
            Assert.Equal(run.EventShare(0, 0, LeverEffects.Events[e]), table.BaselineEvents[e]);
    }

    [Fact]
    public void Estimate_OutcomeDifferencesOfARow_SumToZero()
    {
        // Every replicate ends in exactly one outcome, so what one outcome gains the others lose.
        Assert.All(OnTwoThreads.Value.Effects, effect => Assert.Equal(0, effect.Outcomes.Sum(d => d.Estimate), precision: 12));
    }

    [Fact]
    public void Estimate_ChangesThatCannotActHere_AreInertAndOthersAreNot()
    {
        var effects = OnTwoThreads.Value.Effects;
        LeverEffect Row(string lever, object value) => effects.Single(e => e.Change.Lever == lever && Equals(e.Change.Value, value));

        // The generic scenario's credentials are uncontested, and only an ECOWAS-like community can threaten intervention.
        Assert.True(Row(nameof(PolicyVariant.Credentials), CredentialsRecognition.Recognize).Inert);
        Assert.True(Row(nameof(PolicyVariant.InterventionThreat), true).Inert);
        var rivalry = Row(nameof(ScenarioConditions.FactionRivalry), 0.6);
        Assert.False(rivalry.Inert);
        Assert.True(rivalry.Outcomes[(int)Outcome.CivilWar].Lower > 0, $"civil war {rivalry.Outcomes[(int)Outcome.CivilWar]}");
    }

    [Fact]
    public void MedianLargestEffect_OddAndEvenCountsAndNone()
    {
        LeverEffect Effect(LeverKind kind, double size) => new(
            new LeverChange("Lever", null, kind, ModelProbe.Generic, new PolicyVariant()),
            [new PairedDifference(1, size, size, size), new PairedDifference(1, -size, -size, -size)], []);
        var effects = new[]
        {
            Effect(LeverKind.MissionLever, 0.03), Effect(LeverKind.MissionLever, 0.01), Effect(LeverKind.MissionLever, 0.2),
            Effect(LeverKind.StructuralCondition, 0.1), Effect(LeverKind.StructuralCondition, 0.4),
        };

        Assert.Equal(0.03, LeverEffects.MedianLargestEffect(effects, LeverKind.MissionLever));
        Assert.Equal(0.25, LeverEffects.MedianLargestEffect(effects, LeverKind.StructuralCondition));
        Assert.Null(LeverEffects.MedianLargestEffect(effects, LeverKind.OtherActorsLever));
    }

    private static IEnumerable<string> Differences<T>(T before, T after) => typeof(T).GetProperties()
        .Where(property => !Equals(property.GetValue(before), property.GetValue(after)))
        .Select(property => property.Name);

    private static string Fingerprint(LeverEffectsTable table) =>
        string.Join(" ", table.BaselineOutcomes.Concat(table.BaselineEvents)) + "\n" + string.Join("\n", table.Effects.Select(effect =>
            $"{effect.Change.Lever}={effect.Change.Value}: {string.Join(" ", effect.Outcomes.Concat(effect.Events))}"));
}
