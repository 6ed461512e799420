using UcgSim.Core.Agents;
using UcgSim.Core.Numerics;
using UcgSim.Core.Parameters;
using UcgSim.Core.Policy;
using UcgSim.Core.Randomness;
using UcgSim.Core.Scenarios;

namespace UcgSim.Core.Simulation;

/// <summary>
/// The reference model: one replicate of one country after one UCG, one object per agent, stepped a month
/// at a time in the order a reader can follow (<see cref="StepMonth"/>). Each agent's monthly choices live in
/// its own file under Agents/; this class holds the schedule, the quantities several agents read (leverage,
/// pressure, entrenchment), the struggle for power (coups and war) and the record. It is the specification any
/// faster kernel must reproduce exactly, so every stochastic event is a single uniform draw, addressed by
/// (month, stream), against a probability computed from the state.
/// </summary>
public sealed class CountryAfterUcg
{
    private CountryAfterUcg(ScenarioConditions scenario, PolicyVariant variant, BehaviouralParameters parameters,
        ReplicateRandom random, int horizon)
    {
        Scenario = scenario;
        Variant = variant;
        Parameters = parameters;
        Random = random;
        History = new ReplicateHistory(horizon);
        var p = parameters;

        // Month 0: the takeover. Only what a scenario cannot pin down is drawn here.
        double openness = Math.Clamp(scenario.OpennessSignal
            + p.OpennessUncertainty * (2 * random.Uniform(0, DrawStream.OpennessAtOnset) - 1), 0, 1);
        double declared = Math.Clamp(scenario.DeclaredTransitionCommitment
            + p.OpennessUncertainty * (2 * random.Uniform(0, DrawStream.CommitmentAtOnset) - 1), 0, 1);
        // A declared commitment may be insincere (brief §4 item 3; 'Reassessing the Approach'): the less is
        // declared, the likelier it is a cover; insincere leaders act on a fraction of what they declare.
        bool sincere = random.Occurs(0, DrawStream.CommitmentSincerity, DeterministicMath.Pow(declared, p.CommitmentSincerityExponent));
        Authorities = new DeFactoAuthorities(openness, declared, sincere, p.InsincereCommitmentShare,
            scenario.FactionRivalry, AlignmentAtOnset(scenario), scenario.HistoricalDistrust);

        // Armed-group takeovers are not coups and are never labelled as such (Box 1, Box 3).
        bool labelled = scenario.UcgType != UcgType.ArmedGroupTakeover && random.Occurs(0, DrawStream.CouncilLabelsCoup,
            p.CoupLabelBase - p.AllyLabelDiscount * Math.Max(0, scenario.UnitedStatesRelationship));
        Council = new SecurityCouncil(scenario, p, labelled);

        CredentialsWithheld = variant.Credentials switch
        {
            CredentialsRecognition.Recognize => false,
            CredentialsRecognition.Withhold => true,
            _ => scenario.CredentialsContested && random.Occurs(0, DrawStream.CredentialsDecision, p.CredentialsWithheldWhenContested),
        };

        Mission = new UnMission(scenario.UnPresence, scenario.MissionPersonnel, scenario.MandateTasks,
            p.CivilSocietyTrustAtOnset, variant.OneUnIntegration ? 1 : p.DividedUnLeverage);
        Donors = new Donors();
        Population = new Population(scenario.PopularSupport, scenario.SocietalPolarization, p.BaselineHardship);
        Region = new RegionalOrganization(scenario.RegionalSetting, p);
        Region.ConsiderSuspension(this);
        Mission.Relationship = RelationshipWithAuthorities(0);
        Record(0);
    }

    public ScenarioConditions Scenario { get; }
    public PolicyVariant Variant { get; }
    public BehaviouralParameters Parameters { get; }
    public ReplicateRandom Random { get; }
    public bool CredentialsWithheld { get; }

    public DeFactoAuthorities Authorities { get; }
    public UnMission Mission { get; }
    public SecurityCouncil Council { get; }
    public RegionalOrganization Region { get; }
    public Donors Donors { get; }
    public Population Population { get; }
    public ReplicateHistory History { get; }

    /// <summary>Runs one replicate to the horizon, or until a successful counter-coup ends it.</summary>
    public static ReplicateHistory Simulate(ScenarioConditions scenario, PolicyVariant variant,
        BehaviouralParameters parameters, ReplicateRandom random, int horizon) =>
        Run(scenario, variant, parameters, random, horizon).History;

    /// <summary>As <see cref="Simulate"/>, keeping the agents for inspection of their final state.</summary>
    public static CountryAfterUcg Run(ScenarioConditions scenario, PolicyVariant variant,
        BehaviouralParameters parameters, ReplicateRandom random, int horizon)
    {
        var country = new CountryAfterUcg(scenario, variant, parameters, random, horizon);
        int month = 1;
        for (; month <= horizon; month++)
        {
            bool ended = country.StepMonth(month);
            country.Record(month);
            if (ended) break;
        }
        country.CarryLastValuesForward(month + 1);
        country.History.Outcome = country.FinalOutcome();
        return country;
    }

    /// <summary>One month, agent by agent. Returns true when the replicate ends.</summary>
    private bool StepMonth(int month)
    {
        Council.Acts(this, month);
        Region.Acts(this, month);
        Donors.Respond(this);
        Mission.Acts(this, month);
        if (Authorities.InPower) Authorities.Act(this, month);
        Population.Reacts(this, month);
        Mission.Relationship = RelationshipWithAuthorities(month);
        return PowerIsContested(month);
    }

    // ---- What several agents read -------------------------------------------------------------------------

    /// <summary>Whether the authorities are under regional or US sanctions.</summary>
    public bool UnderSanctions => Region.Sanctions != SanctionsLevel.None || History.Happened(EventKind.UsTargetedSanctions);

    /// <summary>Restraint on transgressions in the first months (mechanism 2): 0 at the takeover, toward 1 after.</summary>
    public double EarlyRestraint(int month) =>
        Parameters.EarlyRestraintMonths > 0 ? 1 - DeterministicMath.Exp(-month / Parameters.EarlyRestraintMonths) : 1;

    /// <summary>
    /// How far the mission engages the authorities, 0 to 1: its posture, limited where Council members and
    /// donors are split over the red lines of engagement (brief §4 item 19; 'Navigating Geopolitics': UNAMA's
    /// remit unclear and channels unbuilt).
    /// </summary>
    public double EffectiveEngagement =>
        (Variant.MissionPosture == MissionPosture.Pragmatic ? 1 : Parameters.PrincipledEngagement)
        * (1 - Parameters.RedLineEngagementLimit * Council.Polarization);

    /// <summary>Share of engagement left by contact protocols: withheld credentials (mechanism 16) and UN listings (item 24).</summary>
    public double ContactProtocol =>
        (CredentialsWithheld ? Parameters.StrictProtocolLeverage : 1) * (Scenario.UnSanctionsListings ? Parameters.UnListingsLeverage : 1);

    public bool LinkedToRegionalBody =>
        Variant.RegionalLinking == RegionalLinking.LinkedToRegionalBody && Region.Exists && !Authorities.LeftRegionalOrganization;

    /// <summary>The UN's leverage over the authorities, 0 to about 1: size, coherence, protocols, credibility, strategy.</summary>
    public double MissionLeverage()
    {
        var p = Parameters;
        double presence = !Mission.InCountry ? p.EnvoyLeverage : Mission.Presence switch
        {
            UnPresence.PeacekeepingOperation => 1.0,
            UnPresence.SpecialPoliticalMission => p.SpecialPoliticalMissionLeverage,
            _ => p.EnvoyLeverage,
        };
        double size = Mission.InCountry
            ? 1 - p.MissionSizeLeverage * (1 - Math.Min(1, Mission.Personnel / (double)p.FullStrengthPersonnel))
            : 1;
        return presence * size
               * Mission.Coherence
               * ContactProtocol
               * (Variant.EngagementLevel == EngagementLevel.Local ? p.LocalEngagementLeverage : 1)
               * (Mission.StrategyAdapted ? 1 : p.OutdatedStrategyLeverage)
               * (Mission.HeadOfMissionPersonaNonGrata ? p.PersonaNonGrataLeverage : 1)
               * (Variant.MandateTaskHandling == MandateTaskHandling.ShiftToGoodOffices && Mission.InCountry
                   ? 1 + p.ShiftedStaffLeverage * Mission.MandateFit.IrrelevantShare
                   : 1)
               * Mission.Credibility
               * (1 + Donors.MissionPoliticalFunding);
    }

    /// <summary>
    /// What works against handing power back (mechanism 3): an alternative partner, popular support and rivalry.
    /// At least 1. Support counts as <see cref="Population.MandateSupport"/>.
    /// </summary>
    public double Entrenchment()
    {
        var p = Parameters;
        return 1 + (Authorities.HasAlternativePartner ? p.AlternativePartnerEntrenchment : 0)
                 + p.SupportEntrenchment * Math.Max(0, 2 * Population.MandateSupport - 1)
                 + p.RivalryObstruction * Authorities.FactionRivalry;
    }

    /// <summary>
    /// What pushes toward a transition agreement: UN good offices, regional mediation, regional measures, US
    /// targeted sanctions and a Council statement. Outside patrons' parallel tracks sideline the UN-regional
    /// mechanism (brief §4 item 18).
    /// </summary>
    public double TransitionPressure()
    {
        var p = Parameters;
        double sidelined = 1 - p.PatronSidelining * Scenario.RivalPatrons;
        double goodOffices = p.GoodOfficesEffect * MissionLeverage() * Mission.Relationship
                             * (0.5 + 0.5 * Mission.CivilSocietyTrust);
        bool mediating = Region.Exists && !Authorities.LeftRegionalOrganization;
        double mediation = mediating
            ? p.RegionalMediationEffect * Region.NormStrength * Region.Relationship * Mission.Coherence
              * (Region.EnvoyExpelled ? p.ExpelledEnvoyMediation : 1)
              * (Variant.RegionalLinking == RegionalLinking.IndependentFallback ? 1 - p.FallbackSidelining : 1)
            : 0;
        double coercion = mediating ? Region.CoercivePressure(p, Variant.SanctionsLifting) : 0;
        return 1 + (goodOffices + mediation) * sidelined + coercion
               + (History.Happened(EventKind.UsTargetedSanctions) ? p.UsSanctionsPressure : 0)
               + (History.Happened(EventKind.CouncilStatement) ? p.CouncilStatementPressure : 0);
    }

    /// <summary>
    /// The authorities struck an agreement they do not mean (brief §4 item 21): the UN welcomes it, civil society
    /// rejects it.
    /// </summary>
    public void AgreementIsHollow(int month)
    {
        History.Mark(EventKind.HollowAgreement, month);
        Mission.WelcomeHollowAgreement(Parameters.HollowAgreementTrustCost, EffectiveEngagement);
    }

    /// <summary>
    /// What a mission made to leave leaves behind (brief §4 item 23; Lessons: MINUSMA's rushed withdrawal): a
    /// security vacuum, 1 at the exit of a peacekeeping operation and fading after, half for a political mission.
    /// </summary>
    public double SecurityVacuum(int month)
    {
        if (Mission.MonthLeft is not int left) return 0;
        double weight = Mission.IsPeacekeeping ? 1 : 0.5;
        return weight * DeterministicMath.Exp(-(month - left) / Parameters.SecurityVacuumMonths);
    }

    // ---- The mission's relationship with the authorities (mechanisms 1, 6, 8, 11, 12) ---------------------

    /// <summary>
    /// The manner of the takeover weighs at first and fades; after that, openness, accumulated hostility and the
    /// mission's own choices decide.
    /// </summary>
    private double RelationshipWithAuthorities(int month)
    {
        var p = Parameters;
        var a = Authorities;
        double relationship = 0.35 + 0.5 * a.Openness
            - p.HostilityRelationshipWeight * a.Hostility
            - TakeoverStigma(Scenario.UcgType, p) * DeterministicMath.Exp(-month / p.TakeoverSalienceMonths)
            + p.PragmaticRelationshipGain * EffectiveEngagement
            - (LinkedToRegionalBody ? p.LinkingRelationshipCost * Region.Hardness : 0);
        if (Variant.HumanRightsReporting == HumanRightsReporting.QuietTraining) relationship += p.QuietTrainingRelationshipGain;
        if (!Mission.StrategyAdapted && a.TransitionOpen) relationship -= p.AssumptionMismatchCost * (1 - a.TransitionCommitment);
        if (Council.Penholder is { IsWestern: true } penholder)
            relationship -= p.PenholderCollateral * Math.Max(0, -penholder.Stance);
        return Math.Clamp(relationship, 0, 1);
    }

    /// <summary>The weight the manner of the takeover puts on relations at first (Box 1): none for a democratic coup.</summary>
    internal static double TakeoverStigma(UcgType type, BehaviouralParameters p) => type switch
    {
        UcgType.ArmedGroupTakeover => p.ArmedTakeoverStigma,
        UcgType.MilitaryCoup => p.MilitaryCoupStigma,
        _ => 0,
    };

    // ---- The struggle for power (mechanisms 4 and 14; brief §4 items 18, 23) ------------------------------

    /// <returns>True when a successful coup ends the replicate.</returns>
    private bool PowerIsContested(int month)
    {
        if (Authorities.InPower && !History.Happened(EventKind.CivilWar) && WarBreaksOut(month))
        {
            History.Mark(EventKind.CivilWar, month);
            Authorities.ShiftHostility(Parameters.CivilWarHostility);
        }
        // Once at war, armed conflict has replaced palace politics as the way power changes hands.
        return !History.Happened(EventKind.CivilWar) && CoupSucceeds(month);
    }

    /// <summary>
    /// Three roads to war, each its own draw: rivals inside the authorities turn on each other (Sudan 2023), armed
    /// resistance where support collapses, and an insurgency already fighting that escalates, the more so in the
    /// vacuum a departing mission leaves.
    /// </summary>
    private bool WarBreaksOut(int month)
    {
        var p = Parameters;
        double rivalry = p.CivilWarBase * DeterministicMath.Pow(Authorities.FactionRivalry / 0.5, p.CivilWarRivalryExponent);
        double collapse = Math.Max(0, 1 - 2 * Population.Support);
        double resistance = p.ArmedResistanceBase * collapse * collapse * (1 + Population.Hardship);
        double insurgency = Scenario.InsurgencyActive
            ? p.InsurgencyEscalationBase * (1 + p.SecurityVacuumFactor * SecurityVacuum(month))
            : 0;
        return Random.Occurs(month, DrawStream.CivilWar, rivalry)
               | Random.Occurs(month, DrawStream.ArmedResistance, resistance)
               | Random.Occurs(month, DrawStream.InsurgencyEscalates, insurgency);
    }

    /// <summary>
    /// A coup attempt against the authorities of the day (the coup trap), which succeeds with a chance that rises
    /// with rivalry and falls under an alternative partner's protection. A failed attempt is followed by a purge.
    /// </summary>
    private bool CoupSucceeds(int month)
    {
        var p = Parameters;
        var a = Authorities;
        double stageFactor = a.Stage switch
        {
            TransitionStage.Agreed => p.TransitionPeriodCoupFactor,
            TransitionStage.HandedOver => p.CivilianRuleCoupFactor,
            _ => 1,
        };
        double attempt = p.CoupAttemptBase * stageFactor
                         * (1 + p.CoupHistoryFactor * Math.Min(5, Scenario.EarlierCoups))
                         * (1 + p.RivalryCoupFactor * a.FactionRivalry)
                         * (1 + p.UnpopularityCoupFactor * Math.Max(0, 1 - 2 * Population.Support));
        if (!Random.Occurs(month, DrawStream.CoupAttempt, attempt)) return false;
        History.Mark(EventKind.CoupAttempt, month);
        double success = p.CoupSuccessBase * (1 + a.FactionRivalry)
                         * (a.InPower && a.HasAlternativePartner ? 1 - p.PartnerCoupProtection : 1);
        if (Random.Occurs(month, DrawStream.CoupSucceeds, success))
        {
            History.Mark(EventKind.CounterCoup, month);
            return true;
        }
        History.Mark(EventKind.FailedCoupAttempt, month);
        if (a.InPower) a.PurgeAfterFailedCoup(p.PurgeRivalryCut, p.FailedCoupCommitmentLoss, p.FailedCoupHostility);
        return false;
    }

    private Outcome FinalOutcome()
    {
        if (History.Happened(EventKind.CounterCoup)) return Outcome.CounterCoup;
        if (History.Happened(EventKind.CivilWar)) return Outcome.CivilWar;
        return Authorities.Stage switch
        {
            TransitionStage.HandedOver => Outcome.TransitionToCivilianRule,
            TransitionStage.LegitimizedByElection => Outcome.ElectionLegitimizedAuthorities,
            _ => Outcome.Entrenched,
        };
    }

    // ---- Measures (brief §6) ------------------------------------------------------------------------------

    private void Record(int month)
    {
        History.Trajectory(TrajectoryMeasure.PopularSupport)[month] = Population.Support;
        History.Trajectory(TrajectoryMeasure.MissionRelationship)[month] = Mission.Relationship;
        History.Trajectory(TrajectoryMeasure.AidLevel)[month] = Donors.NetAid;
        History.Trajectory(TrajectoryMeasure.Hardship)[month] = Population.Hardship;
    }

    private void CarryLastValuesForward(int fromMonth)
    {
        foreach (var measure in SimulationVocabulary.Measures)
        {
            var path = History.Trajectory(measure);
            for (int month = fromMonth; month < path.Length; month++) path[month] = path[fromMonth - 1];
        }
    }

    /// <summary>0 Western-aligned ... 1 aligned with alternative partners, from the P5's prior relationships.</summary>
    private static double AlignmentAtOnset(ScenarioConditions s)
    {
        double alternative = (s.RussiaRelationship + s.ChinaRelationship) / 2;
        double western = (s.UnitedStatesRelationship + s.UnitedKingdomRelationship + s.FranceRelationship) / 3;
        return Math.Clamp(0.5 + (alternative - western) / 4, 0, 1);
    }
}
