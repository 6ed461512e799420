using System.Diagnostics;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;

namespace UcgSim.Configuration;

// What the configuration says about settings that cannot act (LeverApplicability decides which): within one record
// they contradict each other, which is a mistake; a lever that cannot act in one scenario of an experiment may act in
// another, which is worth a warning only.
internal static class InertSettings
{
    public static void RejectWithinVariant(PolicyVariant variant, WrittenSettings written)
    {
        if (LeverApplicability.WithinVariant(variant, written.Properties) is [var first, ..])
            throw Mistake(written, first, WithinVariant(first, variant, written.Properties));
    }

    public static void RejectWithinScenario(ScenarioConditions scenario, WrittenSettings written)
    {
        if (LeverApplicability.WithinScenario(scenario, written.Properties) is [var first, ..])
            throw Mistake(written, first, WithinScenario(first, written.Properties));
    }

    public static IEnumerable<ConfigurationWarning> InScenario(
        ScenarioConditions scenario, WrittenSettings scenarioWritten, PolicyVariant variant, WrittenSettings variantWritten)
    {
        // In the order of the variant's lines, so that the warnings read down the file.
        foreach (var (inert, node) in LeverApplicability.InScenario(scenario, variant, variantWritten.Properties)
                     .Select(inert => (inert, node: variantWritten.KeyNode(inert.Setting)))
                     .OrderBy(found => found.node.Start.Line))
        {
            string key = YamlSpelling.Name(inert.Setting);
            var (why, otherwise) = InScenario(inert, scenario);
            int line = checked((int)node.Start.Line), column = checked((int)node.Start.Column);
            string path = variantWritten.Document.Path;
            yield return new ConfigurationWarning(path, line, column, key,
                ConfigurationException.Locate(path, line, column)
                + $"lever '{key}' of variant '{variant.Name}' has no effect in scenario '{scenario.Name}' ({scenarioWritten.Where}): {why}. "
                + $"If the variant is meant for this scenario, remove '{key}'; {otherwise}.");
        }
    }

    // The settings of a record written out in full that cannot act, each with why, by property name: a file that
    // wrote them would be refused, so the writer leaves them out (they change nothing, so the file means the same).
    public static IReadOnlyDictionary<string, string> LeftOutOf(object record)
    {
        var all = Setting.Of(record.GetType()).Select(setting => setting.Property.Name).ToHashSet(StringComparer.Ordinal);
        return record switch
        {
            PolicyVariant variant => LeverApplicability.WithinVariant(variant, all)
                .ToDictionary(inert => inert.Setting, inert => WithinVariant(inert, variant, all).Why),
            ScenarioConditions scenario => LeverApplicability.WithinScenario(scenario, all)
                .ToDictionary(inert => inert.Setting, inert => WithinScenario(inert, all).Why),
            _ => new Dictionary<string, string>(),
        };
    }

    private static ConfigurationException Mistake(WrittenSettings written, InertSetting inert, (string Why, string Fix) text)
    {
        string key = YamlSpelling.Name(inert.Setting);
        return written.Document.Error(written.KeyNode(inert.Setting), key, $"key '{key}' cannot act: {text.Why}. {text.Fix}");
    }

    private static (string Why, string Fix) WithinVariant(InertSetting inert, PolicyVariant variant, IReadOnlySet<string> written)
    {
        string key = YamlSpelling.Name(inert.Setting);
        return inert.Reason switch
        {
            InertReason.NoRegionalSanctions => (
                "this variant has regionalSanctions: none, so no regional sanctions are imposed to time, escalate or back with a threat",
                $"Remove '{key}', or set regionalSanctions to targeted or harsh."),
            InertReason.SanctionsTriggerNotAtMonth => (
                $"sanctions come at a set month only with sanctionsTrigger: atMonth, and this variant's sanctionsTrigger is {Value(variant.SanctionsTrigger)}"
                + (written.Contains(nameof(PolicyVariant.SanctionsTrigger)) ? "" : " (the default)"),
                "Set 'sanctionsTrigger: atMonth', or remove 'sanctionsMonth'."),
            InertReason.NoRegionalMeasures => (
                "this variant has regionalSanctions: none and regionalSuspension: false, so there are no regional measures to lift",
                "Remove 'sanctionsLifting', or give the variant regional sanctions or a suspension."),
            InertReason.SanctionsAlreadyHarsh => (
                "escalation turns targeted sanctions harsh, and this variant's sanctions are harsh from the start",
                "Remove 'sanctionsEscalation', or set 'regionalSanctions: targeted'."),
            InertReason.NoRegionalSuspension => (
                "dialogue is held with a suspended state, and this variant has regionalSuspension: false",
                "Remove 'regionalDialogue', or set 'regionalSuspension: true'."),
            _ => throw new UnreachableException($"{inert.Reason} is not a rule within a variant."),
        };
    }

    private static (string Why, string Fix) WithinScenario(InertSetting inert, IReadOnlySet<string> written)
    {
        string key = YamlSpelling.Name(inert.Setting);
        return inert.Reason switch
        {
            InertReason.NoMission => (
                "this scenario has unPresence: none, so there is no mission to staff, mandate or renew",
                $"Remove '{key}', or give the scenario a mission (unPresence: specialPoliticalMission or peacekeepingOperation)."),
            InertReason.NoPolarizationShockMonth => (
                "the shock comes in councilPolarizationShockMonth, which this scenario does not give",
                "Add 'councilPolarizationShockMonth: <month>', or remove 'councilPolarizationShock'."),
            InertReason.NoPolarizationShock => (
                "councilPolarizationShock, what the shock adds to Council polarization, is 0"
                + (written.Contains(nameof(ScenarioConditions.CouncilPolarizationShock)) ? "" : " (not given)"),
                "Add 'councilPolarizationShock: <change, -1 to 1>', or remove 'councilPolarizationShockMonth'."),
            _ => throw new UnreachableException($"{inert.Reason} is not a rule within a scenario."),
        };
    }

    private static (string Why, string Otherwise) InScenario(InertSetting inert, ScenarioConditions scenario) => inert.Reason switch
    {
        InertReason.NoRegionalOrganization => (
            "it has regionalSetting: none, so no regional body suspends, sanctions, mediates or can be linked to",
            "if the scenario should have a regional organization, set its regionalSetting"),
        InertReason.NoStrongRegionalCommunity => (
            $"only a community with a strong anti-UCG norm (regionalSetting: africanUnionAndStrongCommunity) threatens intervention, and this scenario has regionalSetting: {Value(scenario.RegionalSetting)}",
            "if the scenario's regional body should be such a community, set its regionalSetting: africanUnionAndStrongCommunity"),
        InertReason.NoMission => (
            "it has unPresence: none, so there is no mission to assess, mandate, renew or withdraw",
            "if the scenario should have a mission, set its unPresence"),
        InertReason.NoMandateTasks => (
            "its mission has no mandate tasks (mandateTasks: []) to freeze or shift",
            "if the mission should have tasks, list them under the scenario's mandateTasks"),
        _ => throw new UnreachableException($"{inert.Reason} is not a rule for a variant in a scenario."),
    };

    private static string Value(Enum member) => YamlSpelling.Name(member.ToString());
}
