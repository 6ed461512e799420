using System.Runtime.Intrinsics;
using UcgSim.Core.Agents;
using UcgSim.Core.Numerics;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;
using UcgSim.Core.Simulation;
using static UcgSim.Core.Kernel.Lanes;

namespace UcgSim.Core.Kernel;

/// <summary>
/// <see cref="CountryAfterUcg"/> for four replicates under one variant: the twin of the reference model, one lane
/// per replicate. The same schedule, the same shared quantities and the same struggle for power, in the same order
/// and with the same floating-point operations, so that every lane computes the bits its replicate computes in the
/// reference. Each method names the reference method it reproduces.
/// </summary>
/// <remarks>
/// A lane that has ended (a counter-coup) keeps being computed with the others but can no longer mark events, and its
/// record keeps the values of its last month, as <see cref="ReplicateHistory"/> carries them forward; a variant
/// whose four lanes have all ended is not stepped at all. Objects are made once per worker and restarted for each
/// group of four replicates, so that nothing is allocated while replicates run.
/// </remarks>
internal sealed class CountryLanes
{
    // DeterministicMath.Pow of a base in [0, 1] to a non-negative power exceeds 1 by at most an ulp (its error is within
    // 1 ulp, DeterministicMathTests); this margin is a hundred million times wider.
    private const double WeakRivalryMargin = 1 + 1e-8;

    // The penholder when it is a Western member, whose stance strains the mission's relationship.
    private readonly PermanentMemberName? _westernPenholder;

    public CountryLanes(ScenarioConditions scenario, PolicyVariant variant, BehaviouralParameters parameters,
        KernelConstants constants, MonthDraws draws, int horizon)
    {
        Scenario = scenario;
        Variant = variant;
        Parameters = parameters;
        Constants = constants;
        Draws = draws;
        _westernPenholder = scenario.Penholder is { } penholder && new PermanentMember(penholder, 0, true).IsWestern ? penholder : null;
        Authorities = new DeFactoAuthoritiesLanes();
        Council = new SecurityCouncilLanes(scenario);
        Mission = new UnMissionLanes(scenario, variant, parameters);
        Donors = new DonorsLanes(parameters);
        Population = new PopulationLanes(scenario.PopularSupport, scenario.SocietalPolarization, parameters.BaselineHardship);
        Region = new RegionalOrganizationLanes(scenario.RegionalSetting, parameters);
        History = new HistoryLanes(horizon);
    }

    public ScenarioConditions Scenario { get; }
    public PolicyVariant Variant { get; }
    public BehaviouralParameters Parameters { get; }
    public KernelConstants Constants { get; }
    public MonthDraws Draws { get; }

    public DeFactoAuthoritiesLanes Authorities { get; }
    public UnMissionLanes Mission { get; }
    public SecurityCouncilLanes Council { get; }
    public RegionalOrganizationLanes Region { get; }
    public DonorsLanes Donors { get; }
    public PopulationLanes Population { get; }
    public HistoryLanes History { get; }

    /// <summary>The lanes whose replicate is still running: a real replicate not ended by a counter-coup.</summary>
    public Vector256<double> Active;

    public Vector256<double> CredentialsWithheld;

    /// <summary><see cref="CountryAfterUcg.ContactProtocol"/>, fixed once credentials are decided.</summary>
    public Vector256<double> ContactProtocol;

    /// <summary>
    /// Month 0, as the <see cref="CountryAfterUcg"/> constructor: the draws a scenario cannot pin down, the agents'
    /// initial state, the regional suspension and the first record. Lanes from <paramref name="replicates"/> on are
    /// padding past the end of a block.
    /// </summary>
    public void Start(int replicates)
    {
        var p = Parameters;
        var scenario = Scenario;
        Active = Vector256.LessThan(Vector256.Create(0.0, 1, 2, 3), Of(replicates));
        History.Start();

        var openness = Clamp(Of(scenario.OpennessSignal)
            + p.OpennessUncertainty * (2 * Draws.Uniform(DrawStream.OpennessAtOnset) - Of(1)), 0, 1);
        var declared = Clamp(Of(scenario.DeclaredTransitionCommitment)
            + p.OpennessUncertainty * (2 * Draws.Uniform(DrawStream.CommitmentAtOnset) - Of(1)), 0, 1);
        var sincere = Draws.Occurs(Active, DrawStream.CommitmentSincerity,
            DeterministicMath.Pow(declared, Of(p.CommitmentSincerityExponent)));
        Authorities.Start(openness, declared, sincere, p.InsincereCommitmentShare,
            scenario.FactionRivalry, AlignmentAtOnset(scenario), scenario.HistoricalDistrust);

        var labelled = scenario.UcgType == UcgType.ArmedGroupTakeover
            ? False
            : Draws.Occurs(Active, DrawStream.CouncilLabelsCoup,
                p.CoupLabelBase - p.AllyLabelDiscount * Math.Max(0, scenario.UnitedStatesRelationship));
        Council.Start(p, labelled);
        UpdateEngagement();

        CredentialsWithheld = Variant.Credentials switch
        {
            CredentialsRecognition.Recognize => False,
            CredentialsRecognition.Withhold => True,
            _ => scenario.CredentialsContested
                ? Draws.Occurs(Active, DrawStream.CredentialsDecision, p.CredentialsWithheldWhenContested)
                : False,
        };
        ContactProtocol = Select(CredentialsWithheld, p.StrictProtocolLeverage, 1) * (scenario.UnSanctionsListings ? p.UnListingsLeverage : 1);

        Mission.Start(p.CivilSocietyTrustAtOnset);
        Donors.Start();
        Population.Start();
        Region.Start();
        Region.ConsiderSuspension(this);
        Mission.Relationship = RelationshipWithAuthorities(0);
        Record(0);
    }

    /// <summary>
    /// <see cref="CountryAfterUcg"/>.StepMonth and the record that follows it in Run, agent by agent, for the lanes
    /// still running; the lanes a counter-coup ends this month stop after their record.
    /// </summary>
    public void StepMonth(int month)
    {
        if (!Any(Active))
        {
            History.CarryForward(month);
            return;
        }
        Council.Acts(this, month);
        UpdateEngagement();
        Region.Acts(this, month);
        Donors.Respond(this);
        Mission.Acts(this, month);
        var inPower = Active & Authorities.InPower;
        if (Any(inPower)) Authorities.Act(this, month, inPower);
        Population.Reacts(this, month);
        Mission.Relationship = RelationshipWithAuthorities(month);
        var ended = PowerIsContested(month);
        Record(month);
        Active &= Not(ended);
    }

    // ---- What several agents read: CountryAfterUcg's shared quantities ----------------------------------------

    /// <summary><see cref="CountryAfterUcg.UnderSanctions"/>.</summary>
    public Vector256<double> UnderSanctions => Region.UnderSanctions | History.Happened(EventKind.UsTargetedSanctions);

    /// <summary>
    /// <see cref="CountryAfterUcg.EffectiveEngagement"/>, which moves only with the Council's polarization: set once the
    /// Council has acted (<see cref="UpdateEngagement"/>) rather than worked out at each of its five readings a month.
    /// </summary>
    public Vector256<double> EffectiveEngagement;

    private void UpdateEngagement() =>
        EffectiveEngagement = (Variant.MissionPosture == MissionPosture.Pragmatic ? 1 : Parameters.PrincipledEngagement)
                              * (Of(1) - Parameters.RedLineEngagementLimit * Council.Polarization);

    /// <summary><see cref="CountryAfterUcg.LinkedToRegionalBody"/>.</summary>
    public Vector256<double> LinkedToRegionalBody =>
        Variant.RegionalLinking == RegionalLinking.LinkedToRegionalBody && Region.Exists
            ? Not(Authorities.LeftRegionalOrganization)
            : False;

    /// <summary><see cref="CountryAfterUcg.MissionLeverage"/>.</summary>
    public Vector256<double> MissionLeverage()
    {
        var p = Parameters;
        var inCountry = Mission.InCountry;
        double presenceInCountry = Mission.Presence switch
        {
            UnPresence.PeacekeepingOperation => 1.0,
            UnPresence.SpecialPoliticalMission => p.SpecialPoliticalMissionLeverage,
            _ => p.EnvoyLeverage,
        };
        var presence = Select(inCountry, presenceInCountry, p.EnvoyLeverage);
        var size = Select(inCountry, 1 - p.MissionSizeLeverage * (1 - Math.Min(1, Mission.Personnel / (double)p.FullStrengthPersonnel)), 1);
        var shifted = Variant.MandateTaskHandling == MandateTaskHandling.ShiftToGoodOffices
            ? Select(inCountry, Of(1) + p.ShiftedStaffLeverage * Mission.IrrelevantShare, Of(1))
            : Of(1);
        return presence * size
               * Mission.Coherence
               * ContactProtocol
               * (Variant.EngagementLevel == EngagementLevel.Local ? p.LocalEngagementLeverage : 1)
               * Select(Mission.StrategyAdapted, 1, p.OutdatedStrategyLeverage)
               * Select(Mission.HeadOfMissionPersonaNonGrata, p.PersonaNonGrataLeverage, 1)
               * shifted
               * Mission.Credibility
               * (Of(1) + Donors.MissionPoliticalFunding);
    }

    /// <summary><see cref="CountryAfterUcg.Entrenchment"/>.</summary>
    public Vector256<double> Entrenchment()
    {
        var p = Parameters;
        return Of(1) + Select(Authorities.HasAlternativePartner, p.AlternativePartnerEntrenchment, 0)
                     + p.SupportEntrenchment * Max(0, 2 * Population.MandateSupport - Of(1))
                     + p.RivalryObstruction * Authorities.FactionRivalry;
    }

    /// <summary><see cref="CountryAfterUcg.TransitionPressure"/>.</summary>
    public Vector256<double> TransitionPressure()
    {
        var p = Parameters;
        double sidelined = 1 - p.PatronSidelining * Scenario.RivalPatrons;
        var goodOffices = p.GoodOfficesEffect * MissionLeverage() * Mission.Relationship
                          * (Of(0.5) + 0.5 * Mission.CivilSocietyTrust);
        var mediation = False;
        var coercion = False;
        if (Region.Exists)
        {
            var mediating = Not(Authorities.LeftRegionalOrganization);
            mediation = Select(mediating, p.RegionalMediationEffect * Region.NormStrength * Region.Relationship * Mission.Coherence
                                          * Select(Region.EnvoyExpelled, p.ExpelledEnvoyMediation, 1)
                                          * (Variant.RegionalLinking == RegionalLinking.IndependentFallback ? 1 - p.FallbackSidelining : 1), 0);
            coercion = Select(mediating, Region.CoercivePressure(p, Variant.SanctionsLifting), 0);
        }
        return Of(1) + (goodOffices + mediation) * sidelined + coercion
               + Select(History.Happened(EventKind.UsTargetedSanctions), p.UsSanctionsPressure, 0)
               + Select(History.Happened(EventKind.CouncilStatement), p.CouncilStatementPressure, 0);
    }

    /// <summary><see cref="CountryAfterUcg.AgreementIsHollow"/>.</summary>
    public void AgreementIsHollow(int month, Vector256<double> lanes)
    {
        History.Mark(EventKind.HollowAgreement, lanes, month);
        Mission.WelcomeHollowAgreement(lanes, Parameters.HollowAgreementTrustCost, EffectiveEngagement);
    }

    /// <summary><see cref="CountryAfterUcg.SecurityVacuum"/>: 0 in the lanes whose mission has not been made to leave.</summary>
    public Vector256<double> SecurityVacuum(int month)
    {
        var monthLeft = Mission.MonthLeft;
        var left = GreaterOrEqual(monthLeft, 0);
        if (!Any(left)) return False;
        double weight = Mission.IsPeacekeeping ? 1 : 0.5;
        // The fading by months since the exit is looked up, not recomputed: the same exp of the same argument.
        var decay = Constants.SecurityVacuumDecay;
        return Select(left, weight * Vector256.Create(DecayIn(0), DecayIn(1), DecayIn(2), DecayIn(3)), 0);

        double DecayIn(int lane) => monthLeft[lane] >= 0 ? decay[month - (int)monthLeft[lane]] : 0;
    }

    /// <summary><see cref="CountryAfterUcg"/>.RelationshipWithAuthorities.</summary>
    private Vector256<double> RelationshipWithAuthorities(int month)
    {
        var p = Parameters;
        var a = Authorities;
        var relationship = Of(0.35) + 0.5 * a.Openness
                           - p.HostilityRelationshipWeight * a.Hostility
                           - Of(CountryAfterUcg.TakeoverStigma(Scenario.UcgType, p) * Constants.TakeoverSalience[month])
                           + p.PragmaticRelationshipGain * EffectiveEngagement
                           - Select(LinkedToRegionalBody, p.LinkingRelationshipCost * Region.Hardness, 0);
        if (Variant.HumanRightsReporting == HumanRightsReporting.QuietTraining) relationship += Of(p.QuietTrainingRelationshipGain);
        var mismatch = Not(Mission.StrategyAdapted) & a.TransitionOpen;
        relationship = Select(mismatch, relationship - p.AssumptionMismatchCost * (Of(1) - a.TransitionCommitment), relationship);
        if (_westernPenholder is { } penholder)
            relationship -= p.PenholderCollateral * Max(0, -Council.Stance(penholder));
        return Clamp(relationship, 0, 1);
    }

    // ---- The struggle for power: CountryAfterUcg.PowerIsContested, WarBreaksOut, CoupSucceeds ----------------

    /// <returns>The lanes a successful coup ends this month.</returns>
    private Vector256<double> PowerIsContested(int month)
    {
        var atPeace = Active & Authorities.InPower & Not(History.Happened(EventKind.CivilWar));
        if (Any(atPeace))
        {
            var war = WarBreaksOut(month, atPeace);
            History.Mark(EventKind.CivilWar, war, month);
            Authorities.ShiftHostility(war, Of(Parameters.CivilWarHostility));
        }
        return CoupSucceeds(month, Active & Not(History.Happened(EventKind.CivilWar)));
    }

    private Vector256<double> WarBreaksOut(int month, Vector256<double> lanes)
    {
        var p = Parameters;
        // Pow is the costliest call of the month, and rivals rarely go to war. Where rivalry is at most one half and the
        // exponent not negative, the power is at most 1 (to within its last bit), so the hazard is at most
        // CivilWarBase: a lane whose draw is above that, with a wide margin, has no war from rivalry whatever the power
        // is, and needs neither the power nor the draw's comparison with it. The decision is the reference's exactly.
        var rivalryDecides = lanes;
        if (p.CivilWarRivalryExponent >= 0)
        {
            var weak = lanes & Vector256.LessThanOrEqual(Authorities.FactionRivalry, Of(0.5));
            if (Any(weak))
            {
                var beyondBound = Vector256.GreaterThanOrEqual(Draws.Uniform(DrawStream.CivilWar), Of(p.CivilWarBase * WeakRivalryMargin));
                rivalryDecides &= Not(weak & beyondBound);
            }
        }
        var rivalry = Any(rivalryDecides)
            ? p.CivilWarBase * DeterministicMath.Pow(Authorities.FactionRivalry * 2.0, Of(p.CivilWarRivalryExponent))
            : False;
        var collapse = Max(0, Of(1) - 2 * Population.Support);
        var resistance = p.ArmedResistanceBase * collapse * collapse * (Of(1) + Population.Hardship);
        var insurgency = Scenario.InsurgencyActive
            ? p.InsurgencyEscalationBase * (Of(1) + p.SecurityVacuumFactor * SecurityVacuum(month))
            : False;
        return Draws.Occurs(rivalryDecides, DrawStream.CivilWar, rivalry)
               | Draws.Occurs(lanes, DrawStream.ArmedResistance, resistance)
               | Draws.Occurs(lanes, DrawStream.InsurgencyEscalates, insurgency);
    }

    private Vector256<double> CoupSucceeds(int month, Vector256<double> lanes)
    {
        var p = Parameters;
        var a = Authorities;
        var stageFactor = Select(a.StageIs(TransitionStage.Agreed), p.TransitionPeriodCoupFactor,
            Select(a.StageIs(TransitionStage.HandedOver), p.CivilianRuleCoupFactor, 1));
        var attempt = p.CoupAttemptBase * stageFactor
                      * (1 + p.CoupHistoryFactor * Math.Min(5, Scenario.EarlierCoups))
                      * (Of(1) + p.RivalryCoupFactor * a.FactionRivalry)
                      * (Of(1) + p.UnpopularityCoupFactor * Max(0, Of(1) - 2 * Population.Support));
        var attempted = Draws.Occurs(lanes, DrawStream.CoupAttempt, attempt);
        if (!Any(attempted)) return False;
        History.Mark(EventKind.CoupAttempt, attempted, month);
        var success = p.CoupSuccessBase * (Of(1) + a.FactionRivalry)
                      * Select(a.InPower & a.HasAlternativePartner, 1 - p.PartnerCoupProtection, 1);
        var succeeded = Draws.Occurs(attempted, DrawStream.CoupSucceeds, success);
        History.Mark(EventKind.CounterCoup, succeeded, month);
        var failed = attempted & Not(succeeded);
        History.Mark(EventKind.FailedCoupAttempt, failed, month);
        a.PurgeAfterFailedCoup(failed & a.InPower, p.PurgeRivalryCut, p.FailedCoupCommitmentLoss, p.FailedCoupHostility);
        return succeeded;
    }

    /// <summary><see cref="CountryAfterUcg"/>.FinalOutcome for one lane.</summary>
    public Outcome FinalOutcome(int lane)
    {
        if (History.HappenedIn(EventKind.CounterCoup, lane)) return Outcome.CounterCoup;
        if (History.HappenedIn(EventKind.CivilWar, lane)) return Outcome.CivilWar;
        return (TransitionStage)Authorities.Stage[lane] switch
        {
            TransitionStage.HandedOver => Outcome.TransitionToCivilianRule,
            TransitionStage.LegitimizedByElection => Outcome.ElectionLegitimizedAuthorities,
            _ => Outcome.Entrenched,
        };
    }

    // ---- Measures: CountryAfterUcg.Record ---------------------------------------------------------------------

    private void Record(int month) =>
        History.Record(month, Active, Population.Support, Mission.Relationship, Donors.NetAid, Population.Hardship);

    /// <summary><see cref="CountryAfterUcg"/>.AlignmentAtOnset.</summary>
    private static double AlignmentAtOnset(ScenarioConditions s)
    {
        double alternative = (s.RussiaRelationship + s.ChinaRelationship) / 2;
        double western = (s.UnitedStatesRelationship + s.UnitedKingdomRelationship + s.FranceRelationship) / 3;
        return Math.Clamp(0.5 + (alternative - western) / 4, 0, 1);
    }
}
