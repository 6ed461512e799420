using UcgSim.Core.Agents;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;

namespace UcgSim.Tests.Model;

/// <summary>Whether a mechanism's claim held, with the paired effects that decided it.</summary>
internal readonly record struct Verdict(bool Holds, string Detail)
{
    public static Verdict All(params (bool Holds, string Detail)[] parts) =>
        new(parts.All(part => part.Holds), string.Join("; ", parts.Select(part => part.Detail)));
}

/// <summary>
/// The 16 mechanisms of the model brief (section 4), each as a claim about the model's behaviour under a given
/// set of behavioural parameters, asserted with paired 95% intervals on the shipped generic scenario. The named
/// tests in <see cref="MechanismTests"/> assert each claim under the defaults; <see cref="MechanismInversionTests"/>
/// asserts that each claim fails once its mechanism's effect is inverted (a parameter's sign flipped, or the
/// mechanism switched off), so that no mechanism is covered by a test that cannot see it.
/// </summary>
internal static class MechanismClaims
{
    public static readonly int Replicates = ReplicateScale.Of(4000);

    private static ModelProbe Generic(BehaviouralParameters p) => new(ModelProbe.Generic, null, p);

    private static double Relationship(CountryAfterUcg c, int month) =>
        c.History.Trajectory(TrajectoryMeasure.MissionRelationship)[month];

    private static (bool, string) Positive(string what, PairedEffect effect) => (effect.ClearlyPositive, $"{what} {effect}");
    private static (bool, string) Negative(string what, PairedEffect effect) => (effect.ClearlyNegative, $"{what} {effect}");

    /// <summary>1. The manner of the takeover weighs on relations at first and fades; what the authorities do keeps mattering.</summary>
    public static Verdict WhoTheyAreMattersMoreThanHowTheyCame(BehaviouralParameters p)
    {
        // A mandate with no state-partnership tasks, so that only the stigma of the takeover separates the two.
        var coup = new ModelProbe(ModelProbe.Generic with { MandateTasks = MandateTasks.GoodOffices | MandateTasks.HumanRights }, null, p);
        var democratic = coup.With(coup.Scenario with { UcgType = UcgType.DemocraticCoup });
        var early = coup.EffectOf(democratic, Replicates, c => Relationship(c, 1));
        var late = coup.EffectOf(democratic, Replicates, c => Relationship(c, 24));
        var partner = coup.EffectOf(coup.With(coup.Scenario with { AlternativePartnerAvailable = false }), Replicates, c => Relationship(c, 24));
        return Verdict.All(Positive("early gap", early),
            (early.Mean > 3 * Math.Abs(late.Mean), $"early {early.Mean:F4} vs late {late.Mean:F4}"),
            (partner.Mean > Math.Abs(late.Mean), $"partner {partner.Mean:F4} vs late manner {late.Mean:F4}"));
    }

    /// <summary>2. The authorities avoid major transgressions in the first months.</summary>
    public static Verdict EarlyOpenness(BehaviouralParameters p)
    {
        var restrained = Generic(p);
        var unrestrained = restrained.With(p with { EarlyRestraintMonths = 0 });
        return Verdict.All(Positive("actions by month 4 without restraint", restrained.EffectOf(unrestrained, Replicates,
            c => ModelProbe.By(c, EventKind.EdictIssued, 4) || ModelProbe.By(c, EventKind.OfficialsExpelled, 4))));
    }

    /// <summary>3. Alternative partners and popular support entrench the authorities: fewer agreements, fewer handovers.</summary>
    public static Verdict Entrenchment(BehaviouralParameters p)
    {
        var noPartner = new ModelProbe(ModelProbe.Generic with { AlternativePartnerAvailable = false }, null, p);
        var partner = noPartner.With(ModelProbe.Generic);
        var popular = noPartner.With(noPartner.Scenario with { PopularSupport = 0.85 });
        return Verdict.All(
            Negative("handovers with a partner", noPartner.EffectOf(partner, Replicates, c => c.History.Outcome == Outcome.TransitionToCivilianRule)),
            Positive("entrenched with a partner", noPartner.EffectOf(partner, Replicates, c => c.History.Outcome == Outcome.Entrenched)),
            Negative("agreements when popular", noPartner.EffectOf(popular, Replicates, c => c.History.Happened(EventKind.TransitionAgreed))));
    }

    /// <summary>4. A history of coups raises the chance of another.</summary>
    public static Verdict CoupTrap(BehaviouralParameters p)
    {
        var none = new ModelProbe(ModelProbe.Generic with { EarlierCoups = 0 }, null, p);
        var many = none.With(none.Scenario with { EarlierCoups = 5 });
        return Verdict.All(Positive("counter-coups after five earlier coups",
            none.EffectOf(many, Replicates, c => c.History.Outcome == Outcome.CounterCoup)));
    }

    /// <summary>5. Harsh regional sanctions rally support for the junta and drive it out of the body.</summary>
    public static Verdict SanctionsRally(BehaviouralParameters p)
    {
        var ecowasLike = new ModelProbe(ModelProbe.Generic with { RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity }, null, p);
        var none = ecowasLike.With(new PolicyVariant { RegionalSanctions = SanctionsLevel.None });
        var harsh = ecowasLike.With(new PolicyVariant
        {
            RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtMonth, SanctionsMonth = 7,
            SanctionsLifting = SanctionsLifting.Never,
        });
        return Verdict.All(
            Positive("support at month 18", none.EffectOf(harsh, Replicates, c => c.History.Trajectory(TrajectoryMeasure.PopularSupport)[18])),
            Positive("entrenched", none.EffectOf(harsh, Replicates, c => c.History.Outcome == Outcome.Entrenched)),
            Positive("withdrawal", none.EffectOf(harsh, Replicates, c => c.History.Happened(EventKind.RegionalWithdrawal))));
    }

    /// <summary>
    /// 6. Linking is double-edged: tied to a body imposing harsh sanctions, the mission shares its unpopularity (more
    /// often asked to leave) but keeps civil society's trust; with a body that does not punish, linking helps mediation.
    /// </summary>
    public static Verdict RegionalLinking(BehaviouralParameters p)
    {
        var ecowasLike = new ModelProbe(ModelProbe.Generic with { RegionalSetting = RegionalSetting.AfricanUnionAndStrongCommunity }, null, p);
        var harsh = new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset };
        var linkedHarsh = ecowasLike.With(harsh);
        var fallbackHarsh = ecowasLike.With(harsh with { RegionalLinking = Core.Policy.RegionalLinking.IndependentFallback });
        var calm = new PolicyVariant { RegionalSanctions = SanctionsLevel.None, RegionalSuspension = false };
        var linkedCalm = ecowasLike.With(calm);
        var fallbackCalm = ecowasLike.With(calm with { RegionalLinking = Core.Policy.RegionalLinking.IndependentFallback });
        return Verdict.All(
            Negative("asked to leave, fallback under harsh sanctions", linkedHarsh.EffectOf(fallbackHarsh, Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave))),
            Negative("trust, fallback under harsh sanctions", linkedHarsh.EffectOf(fallbackHarsh, Replicates, c => c.Mission.CivilSocietyTrust)),
            Negative("agreements, fallback with a body that does not punish", linkedCalm.EffectOf(fallbackCalm, 2 * Replicates, c => c.History.Happened(EventKind.TransitionAgreed))));
    }

    /// <summary>7. The more polarized the Council, the less likely a mandate update; an unfitting mandate erodes credibility.</summary>
    public static Verdict CouncilPolarization(BehaviouralParameters p)
    {
        var calm = new ModelProbe(ModelProbe.Generic with { CouncilPolarization = 0.3 }, null, p);
        var polarized = calm.With(calm.Scenario with { CouncilPolarization = 0.9 });
        return Verdict.All(
            Negative("updates by month 12", calm.EffectOf(polarized, Replicates, c => ModelProbe.By(c, EventKind.MandateUpdated, 12))),
            Positive("asked to leave", calm.EffectOf(polarized, Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave))));
    }

    /// <summary>8. Russia embraces juntas and offers partnerships; with China it blocks endorsement of regional sanctions.</summary>
    public static Verdict PermanentMemberStances(BehaviouralParameters p)
    {
        var sanctions = new PolicyVariant { RegionalSanctions = SanctionsLevel.Harsh, SanctionsTrigger = SanctionsTrigger.AtOnset };
        var distant = new ModelProbe(ModelProbe.Generic with { RussiaRelationship = -0.8, ChinaRelationship = -0.8 }, sanctions, p);
        var close = distant.With(distant.Scenario with { RussiaRelationship = 0.8 });
        return Verdict.All(
            Positive("partner by month 24", distant.EffectOf(close, Replicates, c => ModelProbe.By(c, EventKind.AlternativePartnerInvited, 24))),
            Negative("endorsement", distant.EffectOf(close, Replicates, c => c.Region.SanctionsEndorsed)));
    }

    /// <summary>9. Aid cuts raise hardship, which exposes the authorities to coups and war, and bring no handover.</summary>
    public static Verdict AidCuts(BehaviouralParameters p)
    {
        var maintain = new ModelProbe(ModelProbe.Generic with { AidDependence = 0.8 }, new PolicyVariant { DonorResponse = DonorResponse.Maintain }, p);
        var cut = maintain.With(new PolicyVariant { DonorResponse = DonorResponse.FullCut });
        var handovers = maintain.EffectOf(cut, Replicates, c => c.History.Outcome == Outcome.TransitionToCivilianRule);
        return Verdict.All(
            Positive("coups or war", maintain.EffectOf(cut, Replicates, c => c.History.Outcome is Outcome.CounterCoup or Outcome.CivilWar)),
            (!handovers.ClearlyPositive, $"handovers not raised {handovers}"));
    }

    /// <summary>10. Engaging unpopular authorities costs civil society's trust; refusing popular ones costs credibility.</summary>
    public static Verdict LegitimacyAndOpinion(BehaviouralParameters p)
    {
        var unpopular = new ModelProbe(ModelProbe.Generic with { PopularSupport = 0.2 }, null, p);
        var popular = unpopular.With(unpopular.Scenario with { PopularSupport = 0.85 });
        var pragmatic = new PolicyVariant { MissionPosture = MissionPosture.Pragmatic };
        return Verdict.All(
            Negative("trust when engaging the unpopular", unpopular.EffectOf(unpopular.With(pragmatic), Replicates, c => c.Mission.CivilSocietyTrust)),
            Negative("credibility when refusing the popular", popular.With(pragmatic).EffectOf(popular, Replicates, c => c.Mission.Credibility)));
    }

    /// <summary>11. An early strategic assessment helps: better relations, less often asked to leave.</summary>
    public static Verdict StrategicReassessment(BehaviouralParameters p)
    {
        var late = Generic(p);
        var early = late.With(new PolicyVariant { StrategicAssessmentMonth = 2 });
        return Verdict.All(
            Positive("relationship at month 12", late.EffectOf(early, Replicates, c => Relationship(c, 12))),
            Negative("asked to leave", late.EffectOf(early, Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave))));
    }

    /// <summary>12. Public human-rights criticism angers the authorities; quiet training is appreciated.</summary>
    public static Verdict MandateReprioritization(BehaviouralParameters p)
    {
        var publicReporting = Generic(p);
        var quiet = publicReporting.With(new PolicyVariant { HumanRightsReporting = HumanRightsReporting.QuietTraining });
        return Verdict.All(Negative("asked to leave under quiet training",
            publicReporting.EffectOf(quiet, Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave))));
    }

    /// <summary>13. Contentious actions escalate: each step makes the next likelier, up to a demand to leave.</summary>
    public static Verdict ContentiousActionsEscalate(BehaviouralParameters p)
    {
        var ladder = Generic(p);
        var flat = ladder.With(p with { EscalationLadderBonus = 0, EscalationHostilityStep = 0 });
        return Verdict.All(Positive("asked to leave on the ladder",
            flat.EffectOf(ladder, Replicates, c => c.History.Happened(EventKind.MissionAskedToLeave))));
    }

    /// <summary>14. Rivalry inside the authorities turns into war.</summary>
    public static Verdict RivalryToWar(BehaviouralParameters p)
    {
        var united = new ModelProbe(ModelProbe.Generic with { FactionRivalry = 0.1 }, null, p);
        var rivals = united.With(united.Scenario with { FactionRivalry = 0.7 });
        return Verdict.All(Positive("civil war", united.EffectOf(rivals, Replicates, c => c.History.Outcome == Outcome.CivilWar)));
    }

    /// <summary>15. An integrated One UN approach increases leverage; divided approaches reduce it.</summary>
    public static Verdict OneUn(BehaviouralParameters p)
    {
        var divided = Generic(p);
        var integrated = divided.With(new PolicyVariant { OneUnIntegration = true });
        return Verdict.All(Positive("agreements",
            divided.EffectOf(integrated, 3 * Replicates, c => c.History.Happened(EventKind.TransitionAgreed))));
    }

    /// <summary>16. Withheld credentials bring stricter contact protocols that limit engagement.</summary>
    public static Verdict Credentials(BehaviouralParameters p)
    {
        var recognized = new ModelProbe(ModelProbe.Generic, new PolicyVariant { Credentials = CredentialsRecognition.Recognize }, p);
        var withheld = recognized.With(new PolicyVariant { Credentials = CredentialsRecognition.Withhold });
        return Verdict.All(Negative("agreements",
            recognized.EffectOf(withheld, 3 * Replicates, c => c.History.Happened(EventKind.TransitionAgreed))));
    }

    /// <summary>
    /// Each mechanism with its claim and the parameters that invert it. Inversions flip the sign of the
    /// parameter that carries the mechanism's effect (values outside the file ranges are allowed in code), or
    /// switch it off where the claim compares the mechanism against its absence.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, (Func<BehaviouralParameters, Verdict> Claim, BehaviouralParameters Inverted)> All =
        new Dictionary<int, (Func<BehaviouralParameters, Verdict>, BehaviouralParameters)>
        {
            [1] = (WhoTheyAreMattersMoreThanHowTheyCame, new BehaviouralParameters { TakeoverSalienceMonths = 1e9 }),
            [2] = (EarlyOpenness, new BehaviouralParameters { EarlyRestraintMonths = 0 }),
            [3] = (Entrenchment, new BehaviouralParameters { AlternativePartnerEntrenchment = -0.9, SupportEntrenchment = -1.5 }),
            [4] = (CoupTrap, new BehaviouralParameters { CoupHistoryFactor = -0.19 }),
            [5] = (SanctionsRally, new BehaviouralParameters { HarshSanctionsRally = -0.04 }),
            [6] = (RegionalLinking, new BehaviouralParameters { LinkingHostility = -0.01, LinkingTrustGain = -0.1 }),
            [7] = (CouncilPolarization, new BehaviouralParameters { MandateUpdateBase = 0.2, MandateUpdatePolarizationSlope = -1.0, PolarizationEmboldening = -0.5 }),
            [8] = (PermanentMemberStances, new BehaviouralParameters { RussiaOfferFactor = -0.9 }),
            [9] = (AidCuts, new BehaviouralParameters { HardshipPerAidLost = -0.8 }),
            [10] = (LegitimacyAndOpinion, new BehaviouralParameters { EngagementTrustCost = -0.5 }),
            [11] = (StrategicReassessment, new BehaviouralParameters { AssumptionMismatchHostility = -0.01, AssumptionMismatchCost = -0.12 }),
            [12] = (MandateReprioritization, new BehaviouralParameters { PublicReportingHostility = -0.01 }),
            [13] = (ContentiousActionsEscalate, new BehaviouralParameters { EscalationLadderBonus = -0.19, EscalationHostilityStep = -0.06 }),
            [14] = (RivalryToWar, new BehaviouralParameters { CivilWarRivalryExponent = -3 }),
            [15] = (OneUn, new BehaviouralParameters { DividedUnLeverage = 1.4 }),
            [16] = (Credentials, new BehaviouralParameters { StrictProtocolLeverage = 1.6 }),
        };
}
