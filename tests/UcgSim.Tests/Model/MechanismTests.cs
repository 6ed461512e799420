using UcgSim.Core.Agents;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Model;

/// <summary>
/// One test (at least) per mechanism of the model brief, section 4: each changes one condition, lever or
/// parameter and asserts, with a paired 95% interval, that outcomes move the way the IPI report describes.
/// </summary>
public sealed class MechanismTests
{
    private const int FullReplicates = 4000;
    private static readonly int Replicates = ReplicateScale.Of(FullReplicates);
    private static readonly ModelProbe Generic = new(ModelProbe.Generic);

    private static double Relationship(CountryAfterUcg c, int month) =>
        c.History.Trajectory(TrajectoryMeasure.MissionRelationship)[month];

    // 1. Who the authorities are matters more than how they came.
    [Fact]
    public void MannerOfTakeover_GapInRelationship_FadesWhileActionsKeepMattering()
    {
        // Same conditions but the manner of the takeover; a mandate with no state-partnership tasks, so
        // that only the stigma of the takeover separates the two.
        var coup = Generic.With(ModelProbe.Generic with { MandateTasks = MandateTasks.GoodOffices | MandateTasks.HumanRights });
        var democratic = coup.With(coup.Scenario with { UcgType = UcgType.DemocraticCoup });
        var earlyGap = coup.EffectOf(democratic, Replicates, c => Relationship(c, 1));
        var lateGap = coup.EffectOf(democratic, Replicates, c => Relationship(c, 24));
        var partnerGap = coup.EffectOf(coup.With(coup.Scenario with { AlternativePartnerAvailable = false }),
            Replicates, c => Relationship(c, 24));

        Assert.True(earlyGap.ClearlyPositive, $"early gap {earlyGap}");
        Assert.True(earlyGap.Mean > 3 * Math.Abs(lateGap.Mean), $"early {earlyGap} late {lateGap}");
        Assert.True(partnerGap.Mean > Math.Abs(lateGap.Mean), $"partner {partnerGap} late manner {lateGap}");
    }

    // 2. Early openness: the authorities avoid major transgressions at first.
    [Fact]
    public void EarlyRestraint_Removed_RaisesContentiousActionsInFirstMonths()
    {
        var unrestrained = Generic.With(Generic.Parameters with { EarlyRestraintMonths = 0 });
        var effect = Generic.EffectOf(unrestrained, Replicates,
            c => ModelProbe.By(c, EventKind.EdictIssued, 4) || ModelProbe.By(c, EventKind.OfficialsExpelled, 4));
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    // 3. Entrenchment: alternative partners and popular support make a transition less likely.
    [Fact]
    public void AlternativePartner_Available_RaisesEntrenchmentAndLowersTransition()
    {
        var noPartner = Generic.With(ModelProbe.Generic with { AlternativePartnerAvailable = false });
        var entrenched = noPartner.EffectOf(Generic, Replicates, c => c.History.Outcome == Outcome.Entrenched);
        var transition = noPartner.EffectOf(Generic, Replicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(entrenched.ClearlyPositive, entrenched.ToString());
        Assert.True(transition.ClearlyNegative, transition.ToString());
    }

    [Fact]
    public void PopularSupport_Higher_LowersTransitionAgreement()
    {
        var popular = Generic.With(ModelProbe.Generic with { PopularSupport = 0.85 });
        var effect = Generic.EffectOf(popular, Replicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    // 4. Coup trap: a history of coups raises the chance of another.
    [Fact]
    public void EarlierCoups_More_RaiseCounterCoupShare()
    {
        var none = Generic.With(ModelProbe.Generic with { EarlierCoups = 0 });
        var many = Generic.With(ModelProbe.Generic with { EarlierCoups = 5 });
        var effect = none.EffectOf(many, Replicates, c => c.History.Outcome == Outcome.CounterCoup);
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    // 5. Rally effect: harsh regional sanctions raise support for the junta and drive exit from the body.
    [Fact]
    public void HarshSanctions_Imposed_RaiseSupportAndRegionalWithdrawal()
    {
        var ecowasLike = Generic.With(ModelProbe.Generic with { RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity });
        var none = ecowasLike.With(new PolicyVariant { RegionalSanctions = SanctionsLevel.None });
        var harsh = ecowasLike.With(new PolicyVariant
        {
            RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtMonth, SanctionsMonth = 7,
            SanctionsLifting = SanctionsLifting.Never,
        });
        var support = none.EffectOf(harsh, Replicates, c => c.History.Trajectory(TrajectoryMeasure.PopularSupport)[18]);
        var withdrawal = none.EffectOf(harsh, Replicates, c => c.History.Happened(EventKind.RegionalWithdrawal));
        Assert.True(support.ClearlyPositive, $"support {support}");
        Assert.True(withdrawal.ClearlyPositive, $"withdrawal {withdrawal}");
    }

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

    // 6. Regional linking is double-edged.
    [Fact]
    public void LinkingToHardLineRegionalBody_CostsRelationshipButGainsCivilSocietyTrust()
    {
        var hardLine = new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset };
        var linked = Generic.With(hardLine with { RegionalLinking = RegionalLinking.LinkedToRegionalBody });
        var fallback = Generic.With(hardLine with { RegionalLinking = RegionalLinking.IndependentFallback });
        var relationship = fallback.EffectOf(linked, Replicates, c => Relationship(c, 6));
        var trust = fallback.EffectOf(linked, Replicates, c => c.Mission.CivilSocietyTrust);
        Assert.True(relationship.ClearlyNegative, $"relationship {relationship}");
        Assert.True(trust.ClearlyPositive, $"trust {trust}");
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

    // 7. Council polarization and mandate fit.
    [Fact]
    public void CouncilPolarization_Higher_LowersMandateUpdates()
    {
        var calm = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.3 });
        var polarized = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.9 });
        var effect = calm.EffectOf(polarized, Replicates, c => ModelProbe.By(c, EventKind.MandateUpdated, 12));
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
    public void RussiaEmbrace_Stronger_RaisesAlternativePartnerAndBlocksEndorsement()
    {
        var sanctions = new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset };
        var distant = Generic.With(ModelProbe.Generic with { RussiaRelationship = -0.8, ChinaRelationship = -0.8 }).With(sanctions);
        var close = distant.With(distant.Scenario with { RussiaRelationship = 0.8 });
        var partner = distant.EffectOf(close, Replicates, c => ModelProbe.By(c, EventKind.AlternativePartnerInvited, 24));
        var endorsed = distant.EffectOf(close, Replicates, c => c.Region.SanctionsEndorsed);
        Assert.True(partner.ClearlyPositive, $"partner {partner}");
        Assert.True(endorsed.ClearlyNegative, $"endorsement {endorsed}");
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

    // 10. Legitimacy and public opinion.
    [Fact]
    public void EngagingUnpopularAuthorities_CostsCivilSocietyTrust()
    {
        var unpopular = Generic.With(ModelProbe.Generic with { PopularSupport = 0.2 });
        var pragmatic = unpopular.With(new PolicyVariant { MissionPosture = MissionPosture.Pragmatic });
        var effect = unpopular.EffectOf(pragmatic, Replicates, c => c.Mission.CivilSocietyTrust);
        Assert.True(effect.ClearlyNegative, effect.ToString());
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
    public void RefusingPopularAuthorities_CostsMissionLegitimacy()
    {
        var popular = Generic.With(ModelProbe.Generic with { PopularSupport = 0.85 });
        var pragmatic = popular.With(new PolicyVariant { MissionPosture = MissionPosture.Pragmatic });
        var effect = pragmatic.EffectOf(popular, Replicates, c => c.Mission.Credibility);
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    // 11. Strategic reassessment.
    [Fact]
    public void EarlyStrategicAssessment_ImprovesRelationshipAndLowersExpulsion()
    {
        var early = Generic.With(new PolicyVariant { StrategicAssessmentMonth = 2 });
        var relationship = Generic.EffectOf(early, Replicates, c => Relationship(c, 12));
        var expelled = Generic.EffectOf(early, Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave));
        Assert.True(relationship.ClearlyPositive, $"relationship {relationship}");
        Assert.True(expelled.ClearlyNegative, $"expelled {expelled}");
    }

    // 12. Mandate reprioritization and human-rights work.
    [Fact]
    public void QuietTraining_InsteadOfPublicReporting_LowersHostilityAndExpulsion()
    {
        var quiet = Generic.With(new PolicyVariant { HumanRightsReporting = HumanRightsReporting.QuietTraining });
        var hostility = Generic.EffectOf(quiet, Replicates, c => c.Authorities.Hostility);
        var expelled = Generic.EffectOf(quiet, Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave));
        Assert.True(hostility.ClearlyNegative, $"hostility {hostility}");
        Assert.True(expelled.ClearlyNegative, $"expelled {expelled}");
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
    public void EscalationLadder_EachStepMakesTheNextLikelier()
    {
        var flat = Generic.With(Generic.Parameters with { EscalationLadderBonus = 0, EscalationHostilityStep = 0 });
        var effect = flat.EffectOf(Generic, Replicates, c => c.History.Happened(EventKind.HeadOfMissionPersonaNonGrata));
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

    // 14. Internal rivalry turns into war.
    [Fact]
    public void FactionRivalry_Higher_RaisesCivilWar()
    {
        var united = Generic.With(ModelProbe.Generic with { FactionRivalry = 0.1 });
        var rivals = Generic.With(ModelProbe.Generic with { FactionRivalry = 0.7 });
        var effect = united.EffectOf(rivals, Replicates, c => c.History.Outcome == Outcome.CivilWar);
        Assert.True(effect.ClearlyPositive, effect.ToString());
        Assert.True(effect.Mean > 0.2, effect.ToString());
    }

    // 15. One UN coordination.
    [Fact]
    public void OneUnIntegration_RaisesTransitionAgreements()
    {
        var integrated = Generic.With(new PolicyVariant { OneUnIntegration = true });
        var effect = Generic.EffectOf(integrated, 3 * Replicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    // 16. Credentials.
    [Fact]
    public void CredentialsWithheld_StricterProtocols_LowerTransitionAgreementsAndRelationship()
    {
        var recognized = Generic.With(new PolicyVariant { Credentials = CredentialsRecognition.Recognize });
        var withheld = Generic.With(new PolicyVariant { Credentials = CredentialsRecognition.Withhold });
        var agreements = recognized.EffectOf(withheld, 3 * Replicates, c => c.History.Happened(EventKind.TransitionAgreed));
        var hostility = recognized.EffectOf(withheld, Replicates, c => c.Authorities.Hostility);
        Assert.True(agreements.ClearlyNegative, $"agreements {agreements}");
        Assert.True(hostility.ClearlyPositive, $"hostility {hostility}");
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
                Assert.Equal(TransitionStage.CivilianRule, country.Authorities.Stage);
        }
    }
}
