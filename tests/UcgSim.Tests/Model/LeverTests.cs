using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Model;

/// <summary>
/// Every lever of the model brief (section 5) moves outcomes the way the report describes, asserted with paired
/// 95% intervals in at least two shipped scenarios each, in the contexts the report speaks to. The channels each
/// effect travels through are written down in docs/levers.md.
/// </summary>
public sealed class LeverTests
{
    private static readonly int Replicates = ReplicateScale.Of(4000);

    private static readonly ModelProbe Generic = new(ModelProbe.Generic);
    private static readonly ModelProbe EcowasGeneric = Generic.With(ModelProbe.Generic with
    {
        RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity,
    });
    private static readonly ModelProbe GenericWithoutPartner = Generic.With(ModelProbe.Generic with { AlternativePartnerAvailable = false });
    private static readonly ModelProbe Mali2020 = new(ModelProbe.Shipped("mali-2020"));
    private static readonly ModelProbe Mali2021 = new(ModelProbe.Shipped("mali-2021"));
    private static readonly ModelProbe Sudan2021 = new(ModelProbe.Shipped("sudan-2021"));
    private static readonly ModelProbe Democratic2010s = new(ModelProbe.Shipped("democratic-coup-2010s"));

    private static PolicyVariant AsHappened(string name) =>
        UcgSim.Configuration.VariantFile.Load(Path.Combine(UcgSim.Tests.Validation.RepositoryPaths.Configs, "variants", "as-happened.yaml"))
            .Single(variant => variant.Name == name);

    private static bool AskedToLeave(CountryAfterUcg c) => c.History.Happened(EventKind.MissionAskedToLeave);
    private static bool Agreed(CountryAfterUcg c) => c.History.Happened(EventKind.TransitionAgreed);
    private static bool HandedOver(CountryAfterUcg c) => c.History.Outcome == Outcome.TransitionToCivilianRule;
    private static bool Entrenched(CountryAfterUcg c) => c.History.Outcome == Outcome.Entrenched;

    /// <summary>Asserts the sign of the paired effect of changing the variant, in each context given.</summary>
    private static void Moves(Func<ModelProbe, ModelProbe> change, Func<CountryAfterUcg, bool> measure, int sign,
        string what, int replicates, params ModelProbe[] contexts)
    {
        foreach (var context in contexts)
        {
            var effect = context.EffectOf(change(context), replicates, measure);
            Assert.True(sign > 0 ? effect.ClearlyPositive : effect.ClearlyNegative,
                $"{what} in '{context.Scenario.Name}': {effect}");
        }
    }

    private static Func<ModelProbe, ModelProbe> Set(Func<PolicyVariant, PolicyVariant> lever) => probe => probe.With(lever(probe.Variant));

    // ---- The mission's own levers -------------------------------------------------------------------------------

    [Fact]
    public void MissionPosture_Pragmatic_LessOftenAskedToLeave() =>
        Moves(Set(v => v with { MissionPosture = MissionPosture.Pragmatic }), AskedToLeave, -1, "asked to leave", Replicates, Generic, Mali2021);

    [Fact]
    public void EngagementLevel_Local_FewerAgreements() =>
        Moves(Set(v => v with { EngagementLevel = EngagementLevel.Local }), Agreed, -1, "agreements", 3 * Replicates, Mali2020, Democratic2010s);

    [Fact]
    public void StrategicAssessment_Early_LessOftenAskedToLeave() =>
        Moves(Set(v => v with { StrategicAssessmentMonth = 3 }), AskedToLeave, -1, "asked to leave", Replicates, Generic, Mali2021);

    [Fact]
    public void RegionalLinking_Fallback_UnderHarshSanctions_LessOftenAskedToLeave()
    {
        var harsh = new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset };
        var harshEcowas = EcowasGeneric.With(harsh);
        var harshMali = Mali2021.With(harsh);
        Moves(Set(v => v with { RegionalLinking = RegionalLinking.IndependentFallback }), AskedToLeave, -1, "asked to leave",
            Replicates, harshEcowas, harshMali);
    }

    [Fact]
    public void RegionalLinking_Fallback_WithABodyThatMediates_FewerAgreements() =>
        Moves(Set(v => v with { RegionalLinking = RegionalLinking.IndependentFallback }), Agreed, -1, "agreements",
            3 * Replicates, Generic, Mali2020);

    [Fact]
    public void OneUnIntegration_MoreAgreements() =>
        Moves(Set(v => v with { OneUnIntegration = true }), Agreed, +1, "agreements", 3 * Replicates, Generic, Mali2020);

    [Fact]
    public void HumanRights_QuietTraining_LessOftenAskedToLeave() =>
        Moves(Set(v => v with { HumanRightsReporting = HumanRightsReporting.QuietTraining }), AskedToLeave, -1, "asked to leave",
            Replicates, Generic, Mali2021);

    [Fact]
    public void MandateTasks_FrozenWhenIrrelevant_LessOftenAskedToLeave() =>
        Moves(Set(v => v with { MandateTaskHandling = MandateTaskHandling.FreezeIrrelevant }), AskedToLeave, -1, "asked to leave",
            Replicates, Generic, Mali2021);

    [Fact]
    public void ExitOption_WithAnAlternativePartnerOnOffer_BackfiresIntoADemandToLeave() =>
        Moves(Set(v => v with { ExitOption = MissionExitOption.ThreatenWhenTransgressed }), AskedToLeave, +1, "asked to leave",
            Replicates, Generic, Mali2021);

    // ---- The regional organization --------------------------------------------------------------------------------

    [Fact]
    public void RegionalSanctions_LiftedOnAgreement_PushCommittedAuthoritiesToAgree()
    {
        // Mali 2020 and the 2010s: sanctions lifted on an agreement coerce (Box 4; 'Coordinating with Regional Organizations').
        // Each case under its historical policy (configs/variants/as-happened.yaml), with its sanctions removed.
        Moves(Set(v => v with { RegionalSanctions = SanctionsLevel.None }), Agreed, -1, "agreements without sanctions", 3 * Replicates,
            Mali2020.With(AsHappened("mali-2020-as-happened")), Democratic2010s.With(AsHappened("democratic-2010s-as-happened")));
    }

    [Fact]
    public void RegionalSanctions_HarshAndNeverLifted_EntrenchAndDriveWithdrawal()
    {
        // ECOWAS-like settings: the rally entrenches the junta and drives it out of the body (Box 4).
        var none = new PolicyVariant { RegionalSanctions = SanctionsLevel.None };
        var harsh = Set(_ => new PolicyVariant
        {
            RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtMonth, SanctionsMonth = 7,
            SanctionsLifting = SanctionsLifting.Never,
        });
        Moves(harsh, Entrenched, +1, "entrenched", Replicates, EcowasGeneric.With(none), Mali2020.With(none));
        Moves(harsh, c => c.History.Happened(EventKind.RegionalWithdrawal), +1, "withdrawal", Replicates,
            EcowasGeneric.With(none), Mali2021.With(none));
    }

    [Fact]
    public void SanctionsLifting_Never_FewerHandovers() =>
        Moves(Set(v => v with { SanctionsLifting = SanctionsLifting.Never }), HandedOver, -1, "handovers", 2 * Replicates,
            Generic, Mali2020);

    [Fact]
    public void SanctionsTrigger_AtOnset_SanctionsComeSooner() =>
        Moves(Set(v => v with { SanctionsTrigger = SanctionsTrigger.AtOnset }),
            c => ModelProbe.By(c, EventKind.RegionalSanctionsImposed, 3), +1, "sanctions by month 3", Replicates, EcowasGeneric, Mali2021);

    [Fact]
    public void SanctionsEscalation_ToHarsh_Entrenches() =>
        Moves(Set(v => v with { SanctionsEscalation = true, SanctionsLifting = SanctionsLifting.Never }), Entrenched, +1, "entrenched",
            Replicates, Generic.With(new PolicyVariant { SanctionsLifting = SanctionsLifting.Never }),
            EcowasGeneric.With(new PolicyVariant { SanctionsLifting = SanctionsLifting.Never }));

    [Fact]
    public void InterventionThreat_DrivesWithdrawalFromTheBody()
    {
        var harsh = new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset, SanctionsLifting = SanctionsLifting.Never };
        Moves(Set(v => v with { InterventionThreat = true }), c => c.History.Happened(EventKind.RegionalWithdrawal), +1, "withdrawal",
            Replicates, EcowasGeneric.With(harsh), Mali2021.With(harsh));
    }

    [Fact]
    public void RegionalSuspension_Off_FewerAgreements() =>
        Moves(Set(v => v with { RegionalSuspension = false }), Agreed, -1, "agreements", 3 * Replicates, Generic, Mali2020);

    [Fact]
    public void RegionalDialogue_WithSuspendedStates_MoreAgreements() =>
        Moves(Set(v => v with { RegionalDialogue = true }), Agreed, +1, "agreements", 3 * Replicates, Generic, Mali2021);

    // ---- The Security Council, donors, P5 and credentials ---------------------------------------------------------

    [Fact]
    public void CouncilResponse_Unchanged_MoreOftenAskedToLeave() =>
        Moves(Set(v => v with { CouncilResponse = CouncilResponse.Unchanged }), AskedToLeave, +1, "asked to leave", Replicates,
            Generic, Mali2021);

    [Fact]
    public void CouncilResponse_RolloverThenUpdate_DelaysTheUpdate()
    {
        // Updated by the first renewal, which the rollover postpones (UNAMA: six months, then overhauled).
        foreach (var context in new[] { Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.3 }), Mali2021 })
            Moves(Set(v => v with { CouncilResponse = CouncilResponse.RolloverThenUpdate }),
                c => ModelProbe.By(c, EventKind.MandateUpdated, context.Scenario.MonthsToMandateRenewal), -1,
                "updated at the first renewal", Replicates, context);
    }

    [Fact]
    public void DonorResponse_FullCut_MoreCoupsAndWar_NoMoreHandovers()
    {
        var maintain = new PolicyVariant { DonorResponse = DonorResponse.Maintain };
        var cut = Set(v => v with { DonorResponse = DonorResponse.FullCut });
        Moves(cut, c => c.History.Outcome is Outcome.CounterCoup or Outcome.CivilWar, +1, "coups or war", 2 * Replicates,
            Generic.With(maintain), Sudan2021.With(maintain));
        foreach (var context in new[] { Generic.With(maintain), Sudan2021.With(maintain) })
        {
            var handovers = context.EffectOf(cut(context), 2 * Replicates, HandedOver);
            Assert.False(handovers.ClearlyPositive, $"a full cut raised handovers in '{context.Scenario.Name}': {handovers}");
        }
    }

    [Fact]
    public void P5TargetedSanctions_WithoutAnAlternativePartner_MoreAgreements()
    {
        var withhold = new PolicyVariant { P5TargetedSanctions = P5TargetedSanctions.Withhold };
        Moves(Set(v => v with { P5TargetedSanctions = P5TargetedSanctions.Impose }), Agreed, +1, "agreements", 3 * Replicates,
            GenericWithoutPartner.With(withhold), Democratic2010s.With(withhold));
    }

    [Fact]
    public void P5TargetedSanctions_WithAnAlternativePartnerOnOffer_StillPushTowardAnAgreement()
    {
        var withhold = new PolicyVariant { P5TargetedSanctions = P5TargetedSanctions.Withhold };
        Moves(Set(v => v with { P5TargetedSanctions = P5TargetedSanctions.Impose }), Agreed, +1, "agreements", 3 * Replicates,
            Generic.With(withhold), Mali2021.With(withhold));
    }

    [Fact]
    public void Credentials_Withheld_FewerAgreements() =>
        Moves(Set(v => v with { Credentials = CredentialsRecognition.Withhold }), Agreed, -1, "agreements", 3 * Replicates,
            Generic, Mali2020);

    // ---- What matters most ------------------------------------------------------------------------------------------

    [Fact]
    public void StructuralConditions_MatterMoreThanTheMissionsOwnLevers()
    {
        // 'The limits of UN engagement' (Executive Summary, Lessons): outcomes are shaped mostly by factors outside
        // the mission's control. The largest mission lever against the largest structural condition, on being asked
        // to leave and on handovers.
        double Largest(IEnumerable<ModelProbe> changes, Func<CountryAfterUcg, bool> measure) =>
            changes.Max(changed => Math.Abs(Generic.EffectOf(changed, Replicates, measure).Mean));
        var missionLevers = new[]
        {
            Generic.With(new PolicyVariant { MissionPosture = MissionPosture.Pragmatic }),
            Generic.With(new PolicyVariant { StrategicAssessmentMonth = 3 }),
            Generic.With(new PolicyVariant { HumanRightsReporting = HumanRightsReporting.QuietTraining }),
            Generic.With(new PolicyVariant { OneUnIntegration = true }),
            Generic.With(new PolicyVariant { RegionalLinking = RegionalLinking.IndependentFallback }),
        };
        var structure = new[]
        {
            GenericWithoutPartner,
            Generic.With(ModelProbe.Generic with { PopularSupport = 0.8 }),
            Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.3 }),
        };
        foreach (var measure in new Func<CountryAfterUcg, bool>[] { AskedToLeave, HandedOver })
            Assert.True(Largest(structure, measure) > 2 * Largest(missionLevers, measure),
                $"structure {Largest(structure, measure):F3} vs mission levers {Largest(missionLevers, measure):F3}");
    }
}
