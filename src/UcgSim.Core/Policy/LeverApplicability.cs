using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Policy;

/// <summary>What stops a setting from acting: the state of the model in which no value of it changes a history.</summary>
public enum InertReason
{
    /// <summary>The variant imposes no regional sanctions (regionalSanctions: none), so none are timed, escalated or backed by a threat.</summary>
    NoRegionalSanctions,
    /// <summary>Sanctions come at a set month only when the trigger is AtMonth.</summary>
    SanctionsTriggerNotAtMonth,
    /// <summary>No regional sanctions and no suspension: nothing for a lifting rule to lift.</summary>
    NoRegionalMeasures,
    /// <summary>Escalation turns targeted sanctions harsh; harsh ones have nowhere to go.</summary>
    SanctionsAlreadyHarsh,
    /// <summary>Dialogue is with a suspended state, and the variant never suspends.</summary>
    NoRegionalSuspension,
    /// <summary>The scenario has no regional organization: nobody suspends, sanctions, mediates or is linked to.</summary>
    NoRegionalOrganization,
    /// <summary>Only a community with a strong anti-UCG norm threatens intervention (ECOWAS in Niger, Box 4).</summary>
    NoStrongRegionalCommunity,
    /// <summary>The scenario has no mission in the field: nothing to staff, assess, mandate, renew or withdraw.</summary>
    NoMission,
    /// <summary>The mission's mandate holds no tasks, so none can be frozen or shifted.</summary>
    NoMandateTasks,
    /// <summary>A Council polarization shock with no month never comes.</summary>
    NoPolarizationShockMonth,
    /// <summary>A month for a Council polarization shock of zero changes nothing.</summary>
    NoPolarizationShock,
}

/// <summary>A setting a file wrote that cannot act, named by its property in <see cref="PolicyVariant"/> or <see cref="ScenarioConditions"/>.</summary>
public sealed record InertSetting(string Setting, InertReason Reason);

/// <summary>
/// When a lever or a scenario condition cannot act, read off the model so that a configuration never asks for
/// something the model silently ignores. Each rule names a setting, the reason and the state that blocks it; a
/// setting is reported only when its file wrote it and the value written asks for something (a switch set to
/// false, regionalSanctions: none, no assessment month, exitOption: never or a shock of zero asks for nothing).
/// A setting is reported once, for the first rule that blocks it. LeverApplicabilityTests hold every rule to the
/// model: with the rule's state, histories are bit for bit the same whatever the setting.
/// </summary>
public static class LeverApplicability
{
    /// <summary>Rules within one variant: a lever another lever of the same variant switches off.</summary>
    public static readonly IReadOnlyList<ApplicabilityRule<PolicyVariant>> VariantRules =
    [
        new(nameof(PolicyVariant.SanctionsTrigger), InertReason.NoRegionalSanctions, _ => true, NoSanctions),
        new(nameof(PolicyVariant.SanctionsMonth), InertReason.NoRegionalSanctions, _ => true, NoSanctions),
        new(nameof(PolicyVariant.SanctionsMonth), InertReason.SanctionsTriggerNotAtMonth, _ => true,
            v => v.SanctionsTrigger != SanctionsTrigger.AtMonth),
        new(nameof(PolicyVariant.SanctionsEscalation), InertReason.NoRegionalSanctions, v => v.SanctionsEscalation, NoSanctions),
        new(nameof(PolicyVariant.SanctionsEscalation), InertReason.SanctionsAlreadyHarsh, v => v.SanctionsEscalation,
            v => v.RegionalSanctions == SanctionsLevel.Harsh),
        new(nameof(PolicyVariant.InterventionThreat), InertReason.NoRegionalSanctions, v => v.InterventionThreat, NoSanctions),
        // The lifting rule also readmits a suspended state on an agreement, so it acts with a suspension alone.
        new(nameof(PolicyVariant.SanctionsLifting), InertReason.NoRegionalMeasures, _ => true,
            v => NoSanctions(v) && !v.RegionalSuspension),
        new(nameof(PolicyVariant.RegionalDialogue), InertReason.NoRegionalSuspension, v => v.RegionalDialogue, v => !v.RegionalSuspension),
    ];

    /// <summary>Rules within one scenario: a condition another condition of the same scenario makes meaningless.</summary>
    public static readonly IReadOnlyList<ApplicabilityRule<ScenarioConditions>> ScenarioRules =
    [
        new(nameof(ScenarioConditions.MissionPersonnel), InertReason.NoMission, s => s.MissionPersonnel > 0, NoMission),
        new(nameof(ScenarioConditions.MonthsToMandateRenewal), InertReason.NoMission, _ => true, NoMission),
        new(nameof(ScenarioConditions.MandateTasks), InertReason.NoMission, s => s.MandateTasks != MandateTasks.None, NoMission),
        new(nameof(ScenarioConditions.CouncilPolarizationShock), InertReason.NoPolarizationShockMonth,
            s => s.CouncilPolarizationShock != 0, s => s.CouncilPolarizationShockMonth is null),
        new(nameof(ScenarioConditions.CouncilPolarizationShockMonth), InertReason.NoPolarizationShock,
            s => s.CouncilPolarizationShockMonth is not null, s => s.CouncilPolarizationShock == 0),
    ];

    /// <summary>
    /// Rules for a variant run in a scenario. Posture, engagement level, linking, human-rights reporting and One UN
    /// integration still act with no mission in the field, through the envoy's leverage and relationship.
    /// </summary>
    public static readonly IReadOnlyList<ApplicabilityRule<(ScenarioConditions Scenario, PolicyVariant Variant)>> PairingRules =
    [
        NoRegionalBody(nameof(PolicyVariant.RegionalSuspension), v => v.RegionalSuspension),
        NoRegionalBody(nameof(PolicyVariant.RegionalSanctions), v => !NoSanctions(v)),
        NoRegionalBody(nameof(PolicyVariant.SanctionsTrigger), _ => true),
        NoRegionalBody(nameof(PolicyVariant.SanctionsMonth), _ => true),
        NoRegionalBody(nameof(PolicyVariant.SanctionsLifting), _ => true),
        NoRegionalBody(nameof(PolicyVariant.SanctionsEscalation), v => v.SanctionsEscalation),
        NoRegionalBody(nameof(PolicyVariant.InterventionThreat), v => v.InterventionThreat),
        NoRegionalBody(nameof(PolicyVariant.RegionalDialogue), v => v.RegionalDialogue),
        NoRegionalBody(nameof(PolicyVariant.RegionalLinking), _ => true),
        new(nameof(PolicyVariant.InterventionThreat), InertReason.NoStrongRegionalCommunity, pair => pair.Variant.InterventionThreat,
            pair => pair.Scenario.RegionalSetting != RegionalSetting.AfricanUnionAndStrongCommunity),
        NoMissionInField(nameof(PolicyVariant.StrategicAssessmentMonth), v => v.StrategicAssessmentMonth is not null),
        NoMissionInField(nameof(PolicyVariant.MandateTaskHandling), _ => true),
        NoMissionInField(nameof(PolicyVariant.ExitOption), v => v.ExitOption != MissionExitOption.Never),
        NoMissionInField(nameof(PolicyVariant.CouncilResponse), _ => true),
        new(nameof(PolicyVariant.MandateTaskHandling), InertReason.NoMandateTasks, _ => true,
            pair => pair.Scenario.MandateTasks == MandateTasks.None),
    ];

    /// <summary>Levers of <paramref name="variant"/> that another of its levers stops; only those in <paramref name="written"/> count.</summary>
    public static IReadOnlyList<InertSetting> WithinVariant(PolicyVariant variant, IReadOnlySet<string> written) =>
        Apply(VariantRules, variant, written);

    /// <summary>Conditions of <paramref name="scenario"/> that another of its conditions stops; only those in <paramref name="written"/> count.</summary>
    public static IReadOnlyList<InertSetting> WithinScenario(ScenarioConditions scenario, IReadOnlySet<string> written) =>
        Apply(ScenarioRules, scenario, written);

    /// <summary>Levers of <paramref name="variant"/> that cannot act in <paramref name="scenario"/>; only those in <paramref name="written"/> count.</summary>
    public static IReadOnlyList<InertSetting> InScenario(ScenarioConditions scenario, PolicyVariant variant, IReadOnlySet<string> written) =>
        Apply(PairingRules, (scenario, variant), written);

    private static IReadOnlyList<InertSetting> Apply<T>(IReadOnlyList<ApplicabilityRule<T>> rules, T subject, IReadOnlySet<string> written)
    {
        var inert = new List<InertSetting>();
        foreach (var rule in rules)
        {
            if (written.Contains(rule.Setting) && rule.Asks(subject) && rule.Blocks(subject)
                && inert.TrueForAll(found => found.Setting != rule.Setting))
                inert.Add(new InertSetting(rule.Setting, rule.Reason));
        }
        return inert;
    }

    private static bool NoSanctions(PolicyVariant variant) => variant.RegionalSanctions == SanctionsLevel.None;

    private static bool NoMission(ScenarioConditions scenario) => scenario.UnPresence == UnPresence.None;

    private static ApplicabilityRule<(ScenarioConditions Scenario, PolicyVariant Variant)> NoRegionalBody(
        string lever, Func<PolicyVariant, bool> asks) =>
        new(lever, InertReason.NoRegionalOrganization, pair => asks(pair.Variant), pair => pair.Scenario.RegionalSetting == RegionalSetting.None);

    private static ApplicabilityRule<(ScenarioConditions Scenario, PolicyVariant Variant)> NoMissionInField(
        string lever, Func<PolicyVariant, bool> asks) =>
        new(lever, InertReason.NoMission, pair => asks(pair.Variant), pair => NoMission(pair.Scenario));
}

/// <summary>
/// One rule: <paramref name="Setting"/> cannot act when <paramref name="Blocks"/> holds, and is worth reporting when
/// the value written <paramref name="Asks"/> for something.
/// </summary>
public sealed record ApplicabilityRule<T>(string Setting, InertReason Reason, Func<T, bool> Asks, Func<T, bool> Blocks);
