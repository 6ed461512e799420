using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Model;

/// <summary>
/// Levers of the model brief (section 5) not already exercised by a mechanism test: each moves the outcomes
/// its lever is meant to move.
/// </summary>
public sealed class LeverTests
{
    private static readonly int Replicates = ReplicateScale.Of(4000);
    private static readonly ModelProbe Generic = new(ModelProbe.Generic);
    private static readonly ModelProbe EcowasLike = Generic.With(ModelProbe.Generic with
    {
        RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity,
    });

    [Fact]
    public void LocalEngagement_SparesCivilSocietyTrustButCostsNationalLeverage()
    {
        var unpopular = Generic.With(ModelProbe.Generic with { PopularSupport = 0.2 })
            .With(new PolicyVariant { MissionPosture = MissionPosture.Pragmatic });
        var local = unpopular.With(unpopular.Variant with { EngagementLevel = EngagementLevel.Local });
        var trust = unpopular.EffectOf(local, Replicates, c => c.Mission.CivilSocietyTrust);
        var agreements = unpopular.EffectOf(local, 3 * Replicates, c => c.History.Happened(EventKind.TransitionAgreed));
        Assert.True(trust.ClearlyPositive, $"trust {trust}");
        Assert.True(agreements.ClearlyNegative, $"agreements {agreements}");
    }

    [Fact]
    public void InterventionThreat_RaisesSupportAndWithdrawal()
    {
        var harsh = EcowasLike.With(new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset, SanctionsLifting = SanctionsLifting.Never });
        var threat = harsh.With(harsh.Variant with { InterventionThreat = true });
        var support = harsh.EffectOf(threat, Replicates, c => c.History.Trajectory(TrajectoryMeasure.PopularSupport)[12]);
        var withdrawal = harsh.EffectOf(threat, Replicates, c => c.History.Happened(EventKind.RegionalWithdrawal));
        Assert.True(support.ClearlyPositive, $"support {support}");
        Assert.True(withdrawal.ClearlyPositive, $"withdrawal {withdrawal}");
    }

    [Fact]
    public void P5TargetedSanctions_ImposeAndWithhold_OverrideTheLabel()
    {
        var armed = Generic.With(ModelProbe.Generic with { UcgType = UcgType.ArmedGroupTakeover });
        var impose = armed.With(new PolicyVariant { P5TargetedSanctions = P5TargetedSanctions.Impose });
        var withhold = Generic.With(new PolicyVariant { P5TargetedSanctions = P5TargetedSanctions.Withhold });
        Assert.True(impose.Share(Replicates, c => c.History.Happened(EventKind.UsTargetedSanctions)) > 0.9);
        Assert.Equal(0, withhold.Share(Replicates, c => c.History.Happened(EventKind.UsTargetedSanctions)));
    }

    [Fact]
    public void RegionalSuspension_Off_NoSuspensionAndBetterRegionalRelations()
    {
        var noSuspension = Generic.With(new PolicyVariant { RegionalSuspension = false, RegionalSanctions = SanctionsLevel.None });
        var suspension = Generic.With(new PolicyVariant { RegionalSanctions = SanctionsLevel.None });
        Assert.Equal(0, noSuspension.Share(Replicates, c => c.History.Happened(EventKind.RegionalSuspension)));
        var relations = suspension.EffectOf(noSuspension, Replicates, c => c.Region.Relationship);
        Assert.True(relations.ClearlyPositive, relations.ToString());
    }

    [Fact]
    public void SanctionsTrigger_AtOnset_ComesEarlierThanWaitingForTheTimelineToSlip()
    {
        var slip = EcowasLike.With(new PolicyVariant { SanctionsTrigger = SanctionsTrigger.WhenTimelineSlips });
        var onset = EcowasLike.With(new PolicyVariant { SanctionsTrigger = SanctionsTrigger.AtOnset });
        var byMonth3 = slip.EffectOf(onset, Replicates, c => ModelProbe.By(c, EventKind.RegionalSanctionsImposed, 3));
        Assert.True(byMonth3.ClearlyPositive, byMonth3.ToString());
    }

    [Fact]
    public void SanctionsEscalation_FromTargetedToHarsh_RalliesSupport()
    {
        var targeted = EcowasLike.With(new PolicyVariant { SanctionsTrigger = SanctionsTrigger.AtOnset, SanctionsLifting = SanctionsLifting.Never });
        var escalating = targeted.With(targeted.Variant with { SanctionsEscalation = true });
        var support = targeted.EffectOf(escalating, Replicates, c => c.History.Trajectory(TrajectoryMeasure.PopularSupport)[24]);
        Assert.True(support.ClearlyPositive, support.ToString());
    }

    [Fact]
    public void RegionalWithdrawal_PossibleWithNoMissionInTheField()
    {
        var niger = EcowasLike.With(EcowasLike.Scenario with { UnPresence = UnPresence.None })
            .With(new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset, InterventionThreat = true, SanctionsLifting = SanctionsLifting.Never });
        Assert.True(niger.Share(Replicates, c => c.History.Happened(EventKind.RegionalWithdrawal)) > 0.2);
    }

    [Fact]
    public void RolloverThenUpdate_DelaysTheUpdateByTheRollover()
    {
        var prompt = Generic.With(ModelProbe.Generic with { CouncilPolarization = 0.3 });
        var rollover = prompt.With(new PolicyVariant { CouncilResponse = CouncilResponse.RolloverThenUpdate });
        var early = prompt.EffectOf(rollover, Replicates, c => ModelProbe.By(c, EventKind.MandateUpdated, 6));
        Assert.True(early.ClearlyNegative, early.ToString());
        Assert.True(rollover.Share(Replicates, c => c.History.MonthOf(EventKind.MandateUpdated) == 12) > 0.5);
    }
}
