using UcgSim.Configuration;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;
using UcgSim.Tests.Validation;

namespace UcgSim.Tests.Model;

/// <summary>
/// States the model must never reach, checked over every shipped scenario under every shipped variant,
/// including the historical and harsh ones.
/// </summary>
public sealed class InvariantTests
{
    private static readonly int Replicates = ReplicateScale.Of(600);

    private static readonly EventKind[] JuntaActions =
    [
        EventKind.AlternativePartnerInvited, EventKind.EdictIssued, EventKind.OfficialsExpelled,
        EventKind.TroopRotationObstructed, EventKind.HeadOfMissionPersonaNonGrata, EventKind.MissionAskedToLeave,
        EventKind.RegionalWithdrawal,
    ];

    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (string scenario in Directory.GetFiles(Path.Combine(RepositoryPaths.Configs, "scenarios"), "*.yaml"))
            foreach (string variants in Directory.GetFiles(Path.Combine(RepositoryPaths.Configs, "variants"), "*.yaml"))
                cells.Add(Path.GetFileName(scenario), Path.GetFileName(variants));
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void History_ShippedScenarioAndVariants_NeverReachesImpossibleStates(string scenarioFile, string variantsFile)
    {
        var scenario = ScenarioFile.Load(Path.Combine(RepositoryPaths.Configs, "scenarios", scenarioFile));
        var parameters = new BehaviouralParameters();
        foreach (var variant in VariantFile.Load(Path.Combine(RepositoryPaths.Configs, "variants", variantsFile)))
            for (long i = 0; i < Replicates; i++)
                AssertPossible(CountryAfterUcg.Run(scenario, variant, parameters, new ReplicateRandom(5, i), 60), variant.Name);
    }

    private static void AssertPossible(CountryAfterUcg country, string variant)
    {
        var h = country.History;
        string where = $"{country.History.Outcome} under {variant}";
        if (h.MonthOf(EventKind.CivilianRuleRestored) is int restored)
        {
            Assert.True(h.MonthOf(EventKind.TransitionAgreed) < restored, where);
            foreach (var action in JuntaActions)
                Assert.False(h.MonthOf(action) >= restored, $"{action} at or after the handover ({where})");
            if (h.MonthOf(EventKind.CivilWar) is int war) Assert.True(restored < war, $"elections during war ({where})");
            // The regional body acts at the start of the month after the handover, if the run goes on that long;
            // a state that left the body earlier is not readmitted by it.
            if (restored < (h.MonthOf(EventKind.CounterCoup) ?? h.Horizon) && !country.Authorities.LeftRegionalOrganization)
            {
                Assert.False(country.Region.Suspended, $"still suspended after civilian rule ({where})");
                Assert.Equal(SanctionsLevel.None, country.Region.Sanctions);
            }
        }
        if (h.MonthOf(EventKind.MissionAskedToLeave) is int left)
            foreach (var missionEvent in new[] { EventKind.OfficialsExpelled, EventKind.TroopRotationObstructed, EventKind.HeadOfMissionPersonaNonGrata, EventKind.MandateUpdated })
                Assert.False(h.MonthOf(missionEvent) > left, $"{missionEvent} after the mission left ({where})");
        if (h.MonthOf(EventKind.CounterCoup) is int coup)
            Assert.All(h.EventMonths, month => Assert.True(month <= coup, $"an event after the counter-coup ({where})"));
        if (country.Mission.Presence == UnPresence.PeacekeepingOperation) return;
        Assert.False(h.Happened(EventKind.TroopRotationObstructed), where);
    }
}
