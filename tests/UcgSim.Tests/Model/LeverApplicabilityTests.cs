using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Model;

/// <summary>
/// Holds every rule of <see cref="LeverApplicability"/> to the model: where a rule says a setting cannot act, a few
/// hundred replicates with and without it are bit for bit the same; where the blocking state is lifted, they differ.
/// A rule added without a case here fails <see cref="Rule_BlockedSetting_LeavesEveryHistoryUnchanged"/>.
/// </summary>
public sealed class LeverApplicabilityTests
{
    private const int Replicates = 300;
    private const ulong Seed = 20250301;

    private static readonly ScenarioConditions Generic = ModelProbe.Generic;
    private static readonly ScenarioConditions EcowasLike = Generic with { RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity };
    private static readonly ScenarioConditions NoRegionalBody = Generic with { RegionalSetting = RegionalSetting.None };
    private static readonly ScenarioConditions EnvoyOnly = Generic with { UnPresence = UnPresence.None };
    private static readonly PolicyVariant HarshAtOnset = new() { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset };

    // For each rule: a setup where it blocks the setting, the change that sets the setting to a value that asks for
    // something, and the change to the blocking state that lets it act.
    private static readonly Dictionary<(string Setting, InertReason Reason), RuleCase> Cases = new()
    {
        [(nameof(PolicyVariant.SanctionsTrigger), InertReason.NoRegionalSanctions)] = new(
            new(EcowasLike, new() { RegionalSanctions = SanctionsLevel.None }),
            Lever(v => v with { SanctionsTrigger = SanctionsTrigger.AtOnset }),
            Lever(v => v with { RegionalSanctions = SanctionsLevel.Targeted })),
        [(nameof(PolicyVariant.SanctionsMonth), InertReason.NoRegionalSanctions)] = new(
            new(EcowasLike, new() { RegionalSanctions = SanctionsLevel.None, SanctionsTrigger = SanctionsTrigger.AtMonth }),
            Lever(v => v with { SanctionsMonth = 2 }),
            Lever(v => v with { RegionalSanctions = SanctionsLevel.Targeted })),
        [(nameof(PolicyVariant.SanctionsMonth), InertReason.SanctionsTriggerNotAtMonth)] = new(
            new(EcowasLike, new()),
            Lever(v => v with { SanctionsMonth = 2 }),
            Lever(v => v with { SanctionsTrigger = SanctionsTrigger.AtMonth })),
        [(nameof(PolicyVariant.SanctionsEscalation), InertReason.NoRegionalSanctions)] = new(
            new(EcowasLike, new() { RegionalSanctions = SanctionsLevel.None, SanctionsTrigger = SanctionsTrigger.AtOnset }),
            Lever(v => v with { SanctionsEscalation = true }),
            Lever(v => v with { RegionalSanctions = SanctionsLevel.Targeted })),
        [(nameof(PolicyVariant.SanctionsEscalation), InertReason.SanctionsAlreadyHarsh)] = new(
            new(EcowasLike, HarshAtOnset),
            Lever(v => v with { SanctionsEscalation = true }),
            Lever(v => v with { RegionalSanctions = SanctionsLevel.Targeted })),
        [(nameof(PolicyVariant.InterventionThreat), InertReason.NoRegionalSanctions)] = new(
            new(EcowasLike, HarshAtOnset with { RegionalSanctions = SanctionsLevel.None }),
            Lever(v => v with { InterventionThreat = true }),
            Lever(v => v with { RegionalSanctions = SanctionsLevel.Harsh })),
        [(nameof(PolicyVariant.SanctionsLifting), InertReason.NoRegionalMeasures)] = new(
            new(EcowasLike, new() { RegionalSanctions = SanctionsLevel.None, RegionalSuspension = false }),
            Lever(v => v with { SanctionsLifting = SanctionsLifting.Never }),
            // A suspension alone is enough: the lifting rule also decides readmission on an agreement.
            Lever(v => v with { RegionalSuspension = true })),
        [(nameof(PolicyVariant.RegionalDialogue), InertReason.NoRegionalSuspension)] = new(
            new(Generic, new() { RegionalSuspension = false }),
            Lever(v => v with { RegionalDialogue = true }),
            Lever(v => v with { RegionalSuspension = true })),

        [(nameof(ScenarioConditions.MissionPersonnel), InertReason.NoMission)] = new(
            new(EnvoyOnly with { MissionPersonnel = 0 }, new()),
            Condition(s => s with { MissionPersonnel = 15000 }),
            Condition(s => s with { UnPresence = UnPresence.SpecialPoliticalMission })),
        [(nameof(ScenarioConditions.MonthsToMandateRenewal), InertReason.NoMission)] = new(
            new(EnvoyOnly, new()),
            Condition(s => s with { MonthsToMandateRenewal = 2 }),
            Condition(s => s with { UnPresence = UnPresence.SpecialPoliticalMission })),
        [(nameof(ScenarioConditions.MandateTasks), InertReason.NoMission)] = new(
            new(EnvoyOnly with { MandateTasks = MandateTasks.None }, new()),
            Condition(s => s with { MandateTasks = Generic.MandateTasks }),
            Condition(s => s with { UnPresence = UnPresence.SpecialPoliticalMission })),
        [(nameof(ScenarioConditions.CouncilPolarizationShock), InertReason.NoPolarizationShockMonth)] = new(
            new(Generic, new()),
            Condition(s => s with { CouncilPolarizationShock = 0.3 }),
            Condition(s => s with { CouncilPolarizationShockMonth = 3 })),
        [(nameof(ScenarioConditions.CouncilPolarizationShockMonth), InertReason.NoPolarizationShock)] = new(
            new(Generic, new()),
            Condition(s => s with { CouncilPolarizationShockMonth = 3 }),
            Condition(s => s with { CouncilPolarizationShock = 0.3 })),

        [(nameof(PolicyVariant.RegionalSuspension), InertReason.NoRegionalOrganization)] = RegionalLever(
            new() { RegionalSuspension = false }, v => v with { RegionalSuspension = true }),
        [(nameof(PolicyVariant.RegionalSanctions), InertReason.NoRegionalOrganization)] = RegionalLever(
            new() { RegionalSanctions = SanctionsLevel.None }, v => v with { RegionalSanctions = SanctionsLevel.Harsh }),
        [(nameof(PolicyVariant.SanctionsTrigger), InertReason.NoRegionalOrganization)] = RegionalLever(
            new(), v => v with { SanctionsTrigger = SanctionsTrigger.AtOnset }),
        [(nameof(PolicyVariant.SanctionsMonth), InertReason.NoRegionalOrganization)] = RegionalLever(
            new() { SanctionsTrigger = SanctionsTrigger.AtMonth }, v => v with { SanctionsMonth = 2 }),
        [(nameof(PolicyVariant.SanctionsLifting), InertReason.NoRegionalOrganization)] = RegionalLever(
            new(), v => v with { SanctionsLifting = SanctionsLifting.Never }),
        [(nameof(PolicyVariant.SanctionsEscalation), InertReason.NoRegionalOrganization)] = RegionalLever(
            new() { SanctionsTrigger = SanctionsTrigger.AtOnset }, v => v with { SanctionsEscalation = true }),
        [(nameof(PolicyVariant.InterventionThreat), InertReason.NoRegionalOrganization)] = RegionalLever(
            HarshAtOnset, v => v with { InterventionThreat = true }),
        [(nameof(PolicyVariant.RegionalDialogue), InertReason.NoRegionalOrganization)] = RegionalLever(
            new(), v => v with { RegionalDialogue = true }),
        [(nameof(PolicyVariant.RegionalLinking), InertReason.NoRegionalOrganization)] = RegionalLever(
            new(), v => v with { RegionalLinking = RegionalLinking.IndependentFallback }),
        [(nameof(PolicyVariant.InterventionThreat), InertReason.NoStrongRegionalCommunity)] = new(
            new(Generic, HarshAtOnset),
            Lever(v => v with { InterventionThreat = true }),
            Condition(s => s with { RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity })),

        [(nameof(PolicyVariant.StrategicAssessmentMonth), InertReason.NoMission)] = MissionLever(
            v => v with { StrategicAssessmentMonth = 3 }),
        [(nameof(PolicyVariant.MandateTaskHandling), InertReason.NoMission)] = MissionLever(
            v => v with { MandateTaskHandling = MandateTaskHandling.ShiftToGoodOffices }),
        [(nameof(PolicyVariant.ExitOption), InertReason.NoMission)] = MissionLever(
            v => v with { ExitOption = MissionExitOption.ThreatenWhenTransgressed }),
        [(nameof(PolicyVariant.CouncilResponse), InertReason.NoMission)] = MissionLever(
            v => v with { CouncilResponse = CouncilResponse.Unchanged }),
        [(nameof(PolicyVariant.MandateTaskHandling), InertReason.NoMandateTasks)] = new(
            new(Generic with { MandateTasks = MandateTasks.None }, new()),
            Lever(v => v with { MandateTaskHandling = MandateTaskHandling.ShiftToGoodOffices }),
            Condition(s => s with { MandateTasks = Generic.MandateTasks })),
    };

    public static TheoryData<string, InertReason> Rules()
    {
        var rules = new TheoryData<string, InertReason>();
        foreach (var (setting, reason) in LeverApplicability.VariantRules.Select(rule => (rule.Setting, rule.Reason))
                     .Concat(LeverApplicability.ScenarioRules.Select(rule => (rule.Setting, rule.Reason)))
                     .Concat(LeverApplicability.PairingRules.Select(rule => (rule.Setting, rule.Reason))))
            rules.Add(setting, reason);
        return rules;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_BlockedSetting_LeavesEveryHistoryUnchanged(string setting, InertReason reason)
    {
        Assert.True(Cases.TryGetValue((setting, reason), out RuleCase? rule), $"No case for the rule {setting} / {reason}: add one to Cases.");
        Setup set = rule.SetSetting(rule.Blocked);

        Assert.Equal(reason, Assert.Single(Reported(set, setting)).Reason);
        Assert.Equal(-1, FirstDifference(rule.Blocked, set));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_StateLifted_TheSettingActs(string setting, InertReason reason)
    {
        RuleCase rule = Cases[(setting, reason)];
        Setup without = rule.Unblock(rule.Blocked);
        Setup with = rule.Unblock(rule.SetSetting(rule.Blocked));

        Assert.Empty(Reported(with, setting));
        Assert.True(FirstDifference(without, with) >= 0, $"{setting} changed no history in {Replicates} replicates even where it can act.");
    }

    [Fact]
    public void InScenario_LeverNotWritten_IsNotReported()
    {
        var threat = new PolicyVariant { InterventionThreat = true };

        Assert.Empty(LeverApplicability.InScenario(Generic, threat, new HashSet<string>()));
        Assert.Single(LeverApplicability.InScenario(Generic, threat, new HashSet<string> { nameof(PolicyVariant.InterventionThreat) }));
    }

    [Fact]
    public void InScenario_SwitchWrittenOff_AsksForNothingSoIsNotReported()
    {
        var written = new HashSet<string> { nameof(PolicyVariant.InterventionThreat), nameof(PolicyVariant.RegionalSanctions), nameof(PolicyVariant.ExitOption) };
        var off = new PolicyVariant { InterventionThreat = false, RegionalSanctions = SanctionsLevel.None, ExitOption = MissionExitOption.Never };

        Assert.Empty(LeverApplicability.InScenario(NoRegionalBody with { UnPresence = UnPresence.None }, off, written));
    }

    [Fact]
    public void WithinVariant_SettingBlockedTwice_IsReportedOnceForTheFirstRule()
    {
        var variant = new PolicyVariant { RegionalSanctions = SanctionsLevel.None, SanctionsTrigger = SanctionsTrigger.AtOnset };

        var inert = LeverApplicability.WithinVariant(variant, new HashSet<string> { nameof(PolicyVariant.SanctionsMonth) });

        Assert.Equal([new InertSetting(nameof(PolicyVariant.SanctionsMonth), InertReason.NoRegionalSanctions)], inert);
    }

    // Whatever any of the three rule sets reports for this one setting, as if only it were written.
    private static IReadOnlyList<InertSetting> Reported(Setup setup, string setting)
    {
        var written = new HashSet<string> { setting };
        return
        [
            .. LeverApplicability.WithinVariant(setup.Variant, written),
            .. LeverApplicability.WithinScenario(setup.Scenario, written),
            .. LeverApplicability.InScenario(setup.Scenario, setup.Variant, written),
        ];
    }

    // The first replicate whose history differs in any bit between the two setups, or -1 when none does.
    private static long FirstDifference(Setup a, Setup b)
    {
        var parameters = new BehaviouralParameters();
        for (long replicate = 0; replicate < Replicates; replicate++)
        {
            var first = CountryAfterUcg.Simulate(a.Scenario, a.Variant, parameters, new ReplicateRandom(Seed, replicate), ModelProbe.Horizon);
            var second = CountryAfterUcg.Simulate(b.Scenario, b.Variant, parameters, new ReplicateRandom(Seed, replicate), ModelProbe.Horizon);
            if (!Identical(first, second)) return replicate;
        }
        return -1;
    }

    private static bool Identical(ReplicateHistory a, ReplicateHistory b) =>
        a.Outcome == b.Outcome
        && a.EventMonths.AsSpan().SequenceEqual(b.EventMonths)
        && SimulationVocabulary.Measures.All(measure =>
            Bits(a.Trajectory(measure)).AsSpan().SequenceEqual(Bits(b.Trajectory(measure))));

    private static long[] Bits(Span<double> path)
    {
        var bits = new long[path.Length];
        for (int month = 0; month < path.Length; month++) bits[month] = BitConverter.DoubleToInt64Bits(path[month]);
        return bits;
    }

    private static Func<Setup, Setup> Lever(Func<PolicyVariant, PolicyVariant> change) => setup => setup with { Variant = change(setup.Variant) };

    private static Func<Setup, Setup> Condition(Func<ScenarioConditions, ScenarioConditions> change) =>
        setup => setup with { Scenario = change(setup.Scenario) };

    private static RuleCase RegionalLever(PolicyVariant blocked, Func<PolicyVariant, PolicyVariant> setLever) =>
        new(new(NoRegionalBody, blocked), Lever(setLever),
            Condition(s => s with { RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity }));

    private static RuleCase MissionLever(Func<PolicyVariant, PolicyVariant> setLever) =>
        new(new(EnvoyOnly, new()), Lever(setLever), Condition(s => s with { UnPresence = UnPresence.SpecialPoliticalMission }));

    private sealed record Setup(ScenarioConditions Scenario, PolicyVariant Variant);

    private sealed record RuleCase(Setup Blocked, Func<Setup, Setup> SetSetting, Func<Setup, Setup> Unblock);
}
