using UcgSim.Core.Agents;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Model;

/// <summary>
/// One named test per mechanism of the model brief, section 4 (the claims of <see cref="MechanismClaims"/>), and
/// finer tests of the same mechanisms: each changes one condition, lever or parameter and asserts, with a paired
/// 95% interval, that the model moves the way the IPI report describes.
/// </summary>
public sealed class MechanismTests
{
    private const int FullReplicates = 4000;
    private static readonly int Replicates = ReplicateScale.Of(FullReplicates);
    private static readonly ModelProbe Generic = new(ModelProbe.Generic);

    private static double Relationship(CountryAfterUcg c, int month) =>
        c.History.Trajectory(TrajectoryMeasure.MissionRelationship)[month];

    // ---- The 16 mechanisms of brief section 4, each a claim of MechanismClaims (inverted in MechanismInversionTests) ----

    [Fact] public void Mechanism01_WhoTheyAreMattersMoreThanHowTheyCame() => Holds(MechanismClaims.WhoTheyAreMattersMoreThanHowTheyCame);
    [Fact] public void Mechanism02_EarlyOpenness() => Holds(MechanismClaims.EarlyOpenness);
    [Fact] public void Mechanism03_Entrenchment() => Holds(MechanismClaims.Entrenchment);
    [Fact] public void Mechanism04_CoupTrap() => Holds(MechanismClaims.CoupTrap);
    [Fact] public void Mechanism05_SanctionsRally() => Holds(MechanismClaims.SanctionsRally);
    [Fact] public void Mechanism06_RegionalLinking() => Holds(MechanismClaims.RegionalLinking);
    [Fact] public void Mechanism07_CouncilPolarization() => Holds(MechanismClaims.CouncilPolarization);
    [Fact] public void Mechanism08_PermanentMemberStances() => Holds(MechanismClaims.PermanentMemberStances);
    [Fact] public void Mechanism09_AidCuts() => Holds(MechanismClaims.AidCuts);
    [Fact] public void Mechanism10_LegitimacyAndOpinion() => Holds(MechanismClaims.LegitimacyAndOpinion);
    [Fact] public void Mechanism11_StrategicReassessment() => Holds(MechanismClaims.StrategicReassessment);
    [Fact] public void Mechanism12_MandateReprioritization() => Holds(MechanismClaims.MandateReprioritization);
    [Fact] public void Mechanism13_ContentiousActionsEscalate() => Holds(MechanismClaims.ContentiousActionsEscalate);
    [Fact] public void Mechanism14_RivalryToWar() => Holds(MechanismClaims.RivalryToWar);
    [Fact] public void Mechanism15_OneUn() => Holds(MechanismClaims.OneUn);
    [Fact] public void Mechanism16_Credentials() => Holds(MechanismClaims.Credentials);

    private static void Holds(Func<UcgSim.Core.Parameters.BehaviouralParameters, Verdict> claim)
    {
        var verdict = claim(new UcgSim.Core.Parameters.BehaviouralParameters());
        Assert.True(verdict.Holds, verdict.Detail);
    }

    // ---- Finer points of the same mechanisms -------------------------------------------------------------

    [Fact]
    public void SanctionsLifting_OnTransitionAgreement_EasesRegionalRelations()
    {
        var mali2020Like = Generic.With(ModelProbe.Generic with
        {
            RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity, DeclaredTransitionCommitment = 0.75,
        });
        var sanctions = new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset };
        var neverLifted = mali2020Like.With(sanctions with { SanctionsLifting = SanctionsLifting.Never });
        var lifted = mali2020Like.With(sanctions with { SanctionsLifting = SanctionsLifting.OnTransitionAgreement });
        var relations = neverLifted.EffectOf(lifted, Replicates, c => c.Region.Relationship);
        var withdrawal = neverLifted.EffectOf(lifted, Replicates, c => c.History.Happened(EventKind.RegionalWithdrawal));
        Assert.True(relations.ClearlyPositive, $"relations {relations}");
        Assert.True(withdrawal.ClearlyNegative, $"withdrawal {withdrawal}");
    }

    [Fact]
    public void IndependentFallback_SidelinesRegionalMediation_FewerAgreements()
    {
        // No mission in the field and no linking cost: only the regional body's mediation differs.
        var envoyOnly = Generic.With(ModelProbe.Generic with { UnPresence = UnPresence.None })
            .With(new UcgSim.Core.Parameters.BehaviouralParameters { LinkingRelationshipCost = 0 });
        var fallback = envoyOnly.With(new PolicyVariant { RegionalLinking = RegionalLinking.IndependentFallback });
        var effect = envoyOnly.EffectOf(fallback, Replicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    [Fact]
    public void UnchangedMandate_ThatNoLongerFits_ErodesCredibilityAndRelationship()
    {
        var updated = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0 });
        var unchanged = updated.With(new PolicyVariant { CouncilResponse = CouncilResponse.Unchanged });
        var credibility = updated.EffectOf(unchanged, Replicates, c => c.Mission.Credibility);
        var relationship = updated.EffectOf(unchanged, Replicates, c => Relationship(c, 24));
        Assert.True(credibility.ClearlyNegative, $"credibility {credibility}");
        Assert.True(relationship.ClearlyNegative, $"relationship {relationship}");
    }

    // 8. The permanent members' stances.
    [Fact]
    public void ArmedGroupTakeover_NotLabelledCoup_BringsNoUsProtocol()
    {
        var armed = Generic.With(ModelProbe.Generic with { UcgType = UcgType.ArmedGroupTakeover });
        Assert.Equal(0, armed.Share(Replicates, c => c.History.Happened(EventKind.UsTargetedSanctions)));
        Assert.True(Generic.Share(Replicates, c => c.History.Happened(EventKind.UsTargetedSanctions)) > 0.3);
    }

    [Fact]
    public void UsAlly_CoupLessOftenLabelled_FewerTargetedSanctions()
    {
        var ally = Generic.With(ModelProbe.Generic with { UnitedStatesRelationship = 0.9 });
        var effect = Generic.EffectOf(ally, Replicates, c => c.History.Happened(EventKind.UsTargetedSanctions));
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    [Fact]
    public void CouncilStatement_LessLikelyWhenPolarized_AndPushesTowardTransition()
    {
        var calm = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.2 });
        var polarized = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.9 });
        var statements = calm.EffectOf(polarized, Replicates, c => c.History.Happened(EventKind.CouncilStatement));
        Assert.True(statements.ClearlyNegative, $"statements {statements}");

        var silentCouncil = calm.With(calm.Parameters with { CouncilStatementPressure = 0 });
        var agreements = silentCouncil.EffectOf(calm, 3 * Replicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(agreements.ClearlyPositive, $"agreements {agreements}");
    }

    [Fact]
    public void RegionalDialogue_WithSuspendedState_RestoresRegionalRelations()
    {
        var suspended = Generic.With(new PolicyVariant { RegionalSanctions = SanctionsLevel.None });
        var dialogue = suspended.With(new PolicyVariant { RegionalSanctions = SanctionsLevel.None, RegionalDialogue = true });
        var effect = suspended.EffectOf(dialogue, Replicates, c => c.Region.Relationship);
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    [Fact]
    public void WesternPenholder_AnimusAfterAlternativePartner_SpillsOntoMission()
    {
        var noPen = Generic.With(ModelProbe.Generic with { RussiaRelationship = 0.8 });
        var france = noPen.With(noPen.Scenario with { Penholder = PermanentMemberName.France });
        var effect = noPen.EffectOf(france, Replicates, c => Relationship(c, 36));
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    // 9. Aid cuts.
    [Theory]
    [InlineData(DonorResponse.FullCut)]
    [InlineData(DonorResponse.SuspendBudgetSupportAndRedirect)]
    [InlineData(DonorResponse.Maintain)]
    public void NetAid_AnyDonorResponse_FallsBelowPreUcgLevel(DonorResponse response)
    {
        var probe = Generic.With(new PolicyVariant { DonorResponse = response });
        Assert.True(probe.MeanAt(Replicates, TrajectoryMeasure.AidLevel, 24) < 1);
    }

    [Fact]
    public void DonorResponses_OrderedByGenerosity_AndRedirectRaisesHumanitarianAid()
    {
        double Aid(DonorResponse r) => Generic.With(new PolicyVariant { DonorResponse = r })
            .MeanAt(Replicates, TrajectoryMeasure.AidLevel, 24);
        Assert.True(Aid(DonorResponse.FullCut) < Aid(DonorResponse.SuspendBudgetSupportAndRedirect));
        Assert.True(Aid(DonorResponse.SuspendBudgetSupportAndRedirect) < Aid(DonorResponse.Maintain));
        var redirect = Generic.With(new PolicyVariant { DonorResponse = DonorResponse.SuspendBudgetSupportAndRedirect });
        Assert.True(redirect.Mean(Replicates, c => c.Donors.HumanitarianAid) > 1);
    }

    [Fact]
    public void AidMobilizationMandate_WhenDonorsCut_BreedsHostility()
    {
        var withoutAidTask = Generic.With(new PolicyVariant { DonorResponse = DonorResponse.FullCut, CouncilResponse = CouncilResponse.Unchanged });
        var withAidTask = withoutAidTask.With(ModelProbe.Generic with { MandateTasks = ModelProbe.Generic.MandateTasks | MandateTasks.AidCoordination });
        var effect = withoutAidTask.EffectOf(withAidTask, Replicates, c => c.Authorities.Hostility);
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    [Fact]
    public void EngagementInDividedSociety_CostsMoreCivilSocietyTrust()
    {
        var pragmatic = Generic.With(new PolicyVariant { MissionPosture = MissionPosture.Pragmatic });
        var divided = pragmatic.With(ModelProbe.Generic with { SocietalPolarization = 0.9 });
        var effect = pragmatic.EffectOf(divided, Replicates, c => c.Mission.CivilSocietyTrust);
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    [Fact]
    public void FreezingIrrelevantTasks_UnderUnchangedMandate_KeepsCredibility()
    {
        var armed = Generic.With(ModelProbe.Generic with { UcgType = UcgType.ArmedGroupTakeover, DeclaredTransitionCommitment = 0 });
        var unchanged = armed.With(new PolicyVariant { CouncilResponse = CouncilResponse.Unchanged });
        var frozen = armed.With(new PolicyVariant { CouncilResponse = CouncilResponse.Unchanged, MandateTaskHandling = MandateTaskHandling.FreezeIrrelevant });
        var effect = unchanged.EffectOf(frozen, Replicates, c => c.Mission.Credibility);
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    [Fact]
    public void ShiftingIrrelevantTasksToGoodOffices_RaisesTransitionAgreements()
    {
        // Little commitment and a deadlocked Council: election support stays irrelevant and the mandate unchanged.
        var uncommitted = Generic.With(ModelProbe.Generic with { DeclaredTransitionCommitment = 0.1, CouncilPolarization = 1 });
        var frozen = uncommitted.With(new PolicyVariant { MandateTaskHandling = MandateTaskHandling.FreezeIrrelevant });
        var shifted = uncommitted.With(new PolicyVariant { MandateTaskHandling = MandateTaskHandling.ShiftToGoodOffices });
        // An effect of a few hundredths of a percentage point: never scaled down (ReplicateScale), it needs them all.
        var effect = frozen.EffectOf(shifted, 3 * FullReplicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    // 13. Contentious actions escalate.
    [Fact]
    public void AlternativePartner_Available_RaisesMissionExpulsion()
    {
        var noPartner = Generic.With(ModelProbe.Generic with { AlternativePartnerAvailable = false });
        var effect = noPartner.EffectOf(Generic, Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave));
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    [Fact]
    public void HeadOfMissionPersonaNonGrata_CostsLeverage_FewerLaterAgreements()
    {
        // A hostile start makes persona non grata common; only the leverage it costs differs between the two.
        var hostile = Generic.With(ModelProbe.Generic with { HistoricalDistrust = 0.8, DeclaredTransitionCommitment = 0.6 });
        var unharmed = hostile.With(hostile.Parameters with { PersonaNonGrataLeverage = 1 });
        var crippled = hostile.With(hostile.Parameters with { PersonaNonGrataLeverage = 0 });
        // As small an effect as the one above: never scaled down.
        var effect = unharmed.EffectOf(crippled, 3 * FullReplicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    [Fact]
    public void ContestedCredentials_AsScenarioExpects_UsuallyWithheld()
    {
        var contested = Generic.With(ModelProbe.Generic with { CredentialsContested = true });
        var effect = Generic.EffectOf(contested, Replicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    // Brief §3: with no mission in the field, mission events cannot happen but everything else runs.
    [Fact]
    public void NoMissionInField_MissionEventsNeverHappen_OtherEventsStillDo()
    {
        var envoy = Generic.With(ModelProbe.Generic with { UnPresence = UnPresence.None });
        var runs = envoy.Runs(Replicates).ToList();
        foreach (var kind in new[] { EventKind.MissionAskedToLeave, EventKind.HeadOfMissionPersonaNonGrata,
                     EventKind.OfficialsExpelled, EventKind.TroopRotationObstructed, EventKind.MandateUpdated })
            Assert.DoesNotContain(runs, c => c.History.Happened(kind));
        Assert.Contains(runs, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.Contains(runs, c => c.History.Happened(EventKind.RegionalSanctionsImposed));
    }

    [Fact]
    public void TroopRotation_OnlyObstructedForPeacekeepingOperations()
    {
        Assert.Equal(0, Generic.Share(Replicates, c => c.History.Happened(EventKind.TroopRotationObstructed)));
        var peacekeeping = Generic.With(ModelProbe.Generic with { UnPresence = UnPresence.PeacekeepingOperation, MissionPersonnel = 12000 });
        Assert.True(peacekeeping.Share(Replicates, c => c.History.Happened(EventKind.TroopRotationObstructed)) > 0.05);
    }

    [Fact]
    public void TransitionStages_CivilianRuleOnlyAfterAgreement()
    {
        foreach (var country in Generic.Runs(Replicates))
        {
            if (country.History.MonthOf(EventKind.CivilianRuleRestored) is int restored)
                Assert.True(country.History.MonthOf(EventKind.TransitionAgreed) < restored);
            if (country.History.Outcome == Outcome.TransitionToCivilianRule)
                Assert.Equal(TransitionStage.HandedOver, country.Authorities.Stage);
        }
    }
}
