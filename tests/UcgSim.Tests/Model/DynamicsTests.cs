using UcgSim.Core.Agents;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Model;

/// <summary>
/// The dynamics model v2 added (brief section 4, items 17-24, and the states that move): each asserted with a
/// paired 95% interval against the same model with that dynamic absent or changed.
/// </summary>
public sealed class DynamicsTests
{
    private static readonly int Replicates = ReplicateScale.Of(4000);
    private static readonly ModelProbe Generic = new(ModelProbe.Generic);

    // ---- Outcomes and the struggle for power --------------------------------------------------------------

    [Fact]
    public void CoupAttempts_FailMoreOftenThanTheySucceed_AndPurgeTheRivals()
    {
        var runs = Generic.Runs(Replicates).ToList();
        int failed = runs.Count(c => c.History.Happened(EventKind.FailedCoupAttempt));
        int succeeded = runs.Count(c => c.History.Happened(EventKind.CounterCoup));
        Assert.True(failed > succeeded, $"failed {failed}, succeeded {succeeded}");
        Assert.All(runs.Where(c => c.History.Happened(EventKind.CounterCoup)),
            c => Assert.True(c.History.MonthOf(EventKind.CoupAttempt) <= c.History.MonthOf(EventKind.CounterCoup)));

        var rivals = Generic.With(ModelProbe.Generic with { FactionRivalry = 0.5 });
        var noPurge = rivals.With(rivals.Parameters with { PurgeRivalryCut = 0 });
        var war = noPurge.EffectOf(rivals, Replicates, c => c.History.Outcome == Outcome.CivilWar);
        Assert.True(war.ClearlyNegative, $"purges should take rivals out before they fight: {war}");
    }

    [Fact]
    public void InsincereCommitments_FewerHandovers_AndHollowAgreements()
    {
        var sincere = Generic.With(Generic.Parameters with { CommitmentSincerityExponent = 0 });
        var handovers = sincere.EffectOf(Generic, Replicates, c => c.History.Outcome == Outcome.TransitionToCivilianRule);
        Assert.True(handovers.ClearlyNegative, $"handovers with insincere leaders {handovers}");
        var hollow = Generic.Share(Replicates, c => c.History.Happened(EventKind.HollowAgreement));
        Assert.True(hollow > 0, "no hollow agreement in the generic scenario");
        Assert.Equal(0, sincere.Share(Replicates, c => c.History.Happened(EventKind.HollowAgreement)));
    }

    [Fact]
    public void AgreedTimeline_ShorterForCommittedLeaders()
    {
        double Months(ModelProbe probe) => probe.Runs(Replicates)
            .Where(c => c.History.Happened(EventKind.TransitionAgreed)).Average(c => c.Authorities.AgreedTimelineMonths);
        var committed = Generic.With(ModelProbe.Generic with { DeclaredTransitionCommitment = 0.9 });
        Assert.True(Months(committed) < Months(Generic) - 3, $"committed {Months(committed):F1}, generic {Months(Generic):F1}");
    }

    [Fact]
    public void RegionalNorm_DetersJuntaCandidacies()
    {
        var noBody = Generic.With(ModelProbe.Generic with { RegionalSetting = RegionalSetting.None });
        var noDeterrence = Generic.With(Generic.Parameters with { CandidacyNormDeterrence = 0 });
        var effect = noDeterrence.EffectOf(Generic, Replicates, c => c.History.Outcome == Outcome.ElectionLegitimizedAuthorities);
        Assert.True(effect.ClearlyNegative, effect.ToString());
        Assert.True(noBody.Share(Replicates, c => c.History.Happened(EventKind.JuntaLeaderElected)) > 0);
    }

    [Fact]
    public void ArmedResistance_WhereSupportCollapses_RaisesWar()
    {
        var unpopular = Generic.With(ModelProbe.Generic with { PopularSupport = 0.1 });
        var noResistance = unpopular.With(unpopular.Parameters with { ArmedResistanceBase = 0 });
        var effect = noResistance.EffectOf(unpopular, Replicates, c => c.History.Outcome == Outcome.CivilWar);
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    [Fact]
    public void InsurgencyAtOnset_RaisesWar_AndARushedExitRaisesItFurther()
    {
        var insurgency = Generic.With(ModelProbe.Generic with { InsurgencyActive = true });
        var war = Generic.EffectOf(insurgency, Replicates, c => c.History.Outcome == Outcome.CivilWar);
        Assert.True(war.ClearlyPositive, $"insurgency {war}");

        var noVacuum = insurgency.With(insurgency.Parameters with { SecurityVacuumFactor = 0 });
        var vacuum = noVacuum.EffectOf(insurgency, Replicates, c => c.History.Outcome == Outcome.CivilWar);
        Assert.True(vacuum.ClearlyPositive, $"vacuum after the mission's exit {vacuum}");
    }

    // ---- States that move ------------------------------------------------------------------------------------

    [Fact]
    public void PermanentMembers_EveryStanceMoves()
    {
        var country = Generic.Runs(200).First(c => c.Authorities.HasAlternativePartner);
        foreach (var name in Enum.GetValues<PermanentMemberName>())
        {
            var onset = new SecurityCouncil(ModelProbe.Generic, Generic.Parameters, country.Council.LabelledCoup).Member(name).Stance;
            Assert.NotEqual(onset, country.Council.Member(name).Stance);
        }
    }

    [Fact]
    public void UnitedStates_CoolsOnAnAlternativePartner_AndWarmsOnAnAgreement()
    {
        var us = PermanentMemberName.UnitedStates;
        var noPartner = Generic.With(ModelProbe.Generic with { AlternativePartnerAvailable = false });
        var stance = noPartner.EffectOf(Generic, Replicates, c => c.Council.Member(us).Stance);
        Assert.True(stance.ClearlyNegative, $"US stance with a partner on offer {stance}");

        var noReward = Generic.With(Generic.Parameters with { TransitionReward = 0 });
        var reward = noReward.EffectOf(Generic, Replicates, c => c.Council.Member(us).Stance);
        Assert.True(reward.ClearlyPositive, $"US stance with the reward for an agreement {reward}");
    }

    [Fact]
    public void CouncilPolarization_ShockAtAGivenMonth_RaisesIt_AndStanceDivergenceMovesItBothWays()
    {
        var calm = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.3 });
        var shocked = calm.With(calm.Scenario with { CouncilPolarizationShockMonth = 6, CouncilPolarizationShock = 0.2 });
        var rise = calm.EffectOf(shocked, Replicates, c => c.Council.Polarization);
        Assert.True(rise.Mean > 0.15, rise.ToString());
        var polarizations = calm.Runs(Replicates).Select(c => c.Council.Polarization).ToList();
        Assert.Contains(polarizations, x => x < calm.Scenario.CouncilPolarization);
        Assert.Contains(polarizations, x => x > calm.Scenario.CouncilPolarization);
    }

    [Fact]
    public void CouncilStatements_ComeInLaterMonthsToo_AndRarelyForCountriesOffTheAgenda()
    {
        var calm = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.2 });
        Assert.Contains(calm.Runs(Replicates), c => c.History.MonthOf(EventKind.CouncilStatement) > 3);
        var offAgenda = calm.With(calm.Scenario with { UnPresence = UnPresence.None });
        var effect = calm.EffectOf(offAgenda, Replicates, c => c.History.Happened(EventKind.CouncilStatement));
        Assert.True(effect.ClearlyNegative, effect.ToString());
        Assert.True(offAgenda.Share(Replicates, c => c.History.Happened(EventKind.CouncilStatement)) > 0);
    }

    [Fact]
    public void Population_PolarizedByEdicts()
    {
        var noEdictEffect = Generic.With(Generic.Parameters with { EdictPolarization = 0 });
        var effect = noEdictEffect.EffectOf(Generic, Replicates, c => c.Population.Polarization);
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    [Fact]
    public void Openness_RisesWithEngagement_FallsUnderPunishment()
    {
        var pragmatic = Generic.With(new PolicyVariant { MissionPosture = MissionPosture.Pragmatic });
        Assert.True(Generic.EffectOf(pragmatic, Replicates, c => c.Authorities.Openness).ClearlyPositive);
        var harsh = Generic.With(new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset, SanctionsLifting = SanctionsLifting.Never });
        Assert.True(Generic.EffectOf(harsh, Replicates, c => c.Authorities.Openness).ClearlyNegative);
    }

    [Fact]
    public void Alignment_PulledTowardAlternativePartnersByAidCuts()
    {
        var maintain = Generic.With(new PolicyVariant { DonorResponse = DonorResponse.Maintain });
        var cut = Generic.With(new PolicyVariant { DonorResponse = DonorResponse.FullCut });
        var effect = maintain.EffectOf(cut, Replicates, c => c.Authorities.Alignment);
        Assert.True(effect.ClearlyPositive, effect.ToString());
    }

    [Fact]
    public void Rivalry_FallsAsTheDominantFactionConsolidates()
    {
        var falls = Generic.Runs(Replicates).Count(c => c.Authorities.FactionRivalry < ModelProbe.Generic.FactionRivalry);
        Assert.True(falls > Replicates / 10, $"rivalry fell in only {falls} of {Replicates} replicates");
    }

    // ---- Items 17-24 of brief section 4 ---------------------------------------------------------------------

    [Fact]
    public void ExitOption_RestrainsAuthoritiesWithoutAPartner_BackfiresWithOne()
    {
        var threaten = new PolicyVariant { ExitOption = MissionExitOption.ThreatenWhenTransgressed };
        var noPartner = Generic.With(ModelProbe.Generic with { AlternativePartnerAvailable = false, HistoricalDistrust = 0.6 });
        var restrained = noPartner.EffectOf(noPartner.With(threaten), Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave));
        var backfire = Generic.EffectOf(Generic.With(threaten), Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave));
        Assert.True(restrained.ClearlyNegative, $"without a partner {restrained}");
        Assert.True(backfire.ClearlyPositive, $"with a partner on offer {backfire}");
    }

    [Fact]
    public void RivalPatrons_SidelineMediationAndFeedWar()
    {
        var patrons = Generic.With(ModelProbe.Generic with { RivalPatrons = 0.8 });
        Assert.True(Generic.EffectOf(patrons, Replicates, c => c.History.Outcome == Outcome.CivilWar).ClearlyPositive);
        Assert.True(Generic.EffectOf(patrons, Replicates, c => c.History.Happened(EventKind.TransitionAgreed)).ClearlyNegative);
    }

    [Fact]
    public void RedLines_DividedCouncilLimitsWhatPragmaticEngagementBuys()
    {
        var pragmatic = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.9 })
            .With(new PolicyVariant { MissionPosture = MissionPosture.Pragmatic });
        var noRedLines = pragmatic.With(pragmatic.Parameters with { RedLineEngagementLimit = 0 });
        var effect = noRedLines.EffectOf(pragmatic, Replicates, c => c.History.Trajectory(TrajectoryMeasure.MissionRelationship)[12]);
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    [Fact]
    public void Edicts_SplitTheUnPresence_LessSoUnderOneUn()
    {
        var integrated = Generic.With(new PolicyVariant { OneUnIntegration = true });
        var effect = Generic.EffectOf(integrated, Replicates, c => c.History.Happened(EventKind.UnPresenceDivided));
        Assert.True(effect.ClearlyNegative, effect.ToString());
        Assert.All(Generic.Runs(Replicates).Where(c => c.History.Happened(EventKind.UnPresenceDivided)),
            c => Assert.Equal(c.History.MonthOf(EventKind.EdictIssued), c.History.MonthOf(EventKind.UnPresenceDivided)));
    }

    [Fact]
    public void HollowAgreements_CostCivilSocietyTrust()
    {
        var free = Generic.With(Generic.Parameters with { HollowAgreementTrustCost = 0 });
        var effect = free.EffectOf(Generic, Replicates, c => c.History.Happened(EventKind.HollowAgreement)
            ? c.Mission.CivilSocietyTrust : 0);
        Assert.True(effect.ClearlyNegative, effect.ToString());
    }

    [Fact]
    public void RegionalEnvoy_DeclaredPersonaNonGrataUnderHarshSanctions_CostsMediation()
    {
        var harsh = Generic.With(new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset });
        var expelled = Generic.EffectOf(harsh, Replicates, c => c.History.Happened(EventKind.RegionalEnvoyPersonaNonGrata));
        Assert.True(expelled.ClearlyPositive, expelled.ToString());
        // Under harsh sanctions relations with the body collapse and it mediates nothing; under targeted ones it still does.
        var undamaged = Generic.With(Generic.Parameters with { ExpelledEnvoyMediation = 1 });
        var pressure = undamaged.EffectOf(Generic, Replicates, c => c.TransitionPressure());
        Assert.True(pressure.ClearlyNegative, pressure.ToString());
    }

    [Fact]
    public void UnSanctionsListings_LimitEngagementAndAddHardship()
    {
        var listed = Generic.With(ModelProbe.Generic with { UnSanctionsListings = true });
        Assert.True(Generic.EffectOf(listed, 2 * Replicates, c => c.History.Happened(EventKind.TransitionAgreed)).ClearlyNegative);
        Assert.True(Generic.EffectOf(listed, Replicates, c => c.History.Trajectory(TrajectoryMeasure.Hardship)[24]).ClearlyPositive);
    }
}
