using System.Runtime.Intrinsics;
using UcgSim.Core.Agents;
using UcgSim.Core.Numerics;
using UcgSim.Core.Randomness;
using UcgSim.Core.Simulation;
using static UcgSim.Core.Kernel.Lanes;

namespace UcgSim.Core.Kernel;

/// <summary>
/// <see cref="DeFactoAuthorities"/> for four replicates: the same state, one lane per replicate, and the same monthly
/// choices in the same order. Every choice runs in the lanes of a mask (the replicates whose authorities make it);
/// a choice no lane makes is skipped, draws included.
/// </summary>
internal sealed class DeFactoAuthoritiesLanes
{
    public Vector256<double> Openness;
    public Vector256<double> OpennessAtOnset;
    public Vector256<double> DeclaredCommitment;
    public Vector256<double> TransitionCommitment;
    public Vector256<double> Sincere;
    /// <summary><see cref="TransitionStage"/> as a number.</summary>
    public Vector256<double> Stage;
    public Vector256<double> TransitionProgress;
    public Vector256<double> AgreedTimelineMonths;
    public Vector256<double> TimelineSlipped;
    public Vector256<double> FactionRivalry;
    public Vector256<double> Alignment;
    public Vector256<double> Hostility;
    public Vector256<double> HasAlternativePartner;
    public Vector256<double> LeftRegionalOrganization;
    public Vector256<double> ContentiousActions;

    private double _alignmentAtOnset;

    /// <summary>The <see cref="DeFactoAuthorities"/> constructor.</summary>
    public void Start(Vector256<double> openness, Vector256<double> declaredCommitment, Vector256<double> sincere,
        double insincereShare, double rivalry, double alignment, double hostility)
    {
        Sincere = sincere;
        Openness = OpennessAtOnset = openness;
        DeclaredCommitment = declaredCommitment;
        TransitionCommitment = Select(sincere, declaredCommitment, declaredCommitment * insincereShare);
        Stage = Of((double)TransitionStage.NoAgreement);
        TransitionProgress = False;
        AgreedTimelineMonths = False;
        TimelineSlipped = False;
        FactionRivalry = Of(rivalry);
        Alignment = Of(alignment);
        _alignmentAtOnset = alignment;
        Hostility = Of(hostility);
        HasAlternativePartner = False;
        LeftRegionalOrganization = False;
        ContentiousActions = False;
    }

    /// <summary><see cref="DeFactoAuthorities.InPower"/>.</summary>
    public Vector256<double> InPower => NotEqual(Stage, (double)TransitionStage.HandedOver);

    /// <summary><see cref="DeFactoAuthorities.TransitionOpen"/>: no agreement or agreed.</summary>
    public Vector256<double> TransitionOpen => Vector256.LessThanOrEqual(Stage, Of((double)TransitionStage.Agreed));

    public Vector256<double> StageIs(TransitionStage stage) => Equal(Stage, (double)stage);

    /// <summary><see cref="DeFactoAuthorities.Act"/> in the lanes whose authorities hold power.</summary>
    public void Act(CountryLanes c, int month, Vector256<double> inPower)
    {
        var open = inPower & TransitionOpen;
        if (Any(open)) DecideOnTransition(c, month, open);
        inPower &= InPower;
        if (!Any(inPower)) return;
        SeekAlternativePartner(c, month, inPower);
        TakeContentiousActions(c, month, inPower);
        ConsiderLeavingRegionalBody(c, month, inPower);
        FeedHostility(c, inPower);
        EvolveFactions(c, inPower);
        EvolveOpennessAndAlignment(c, inPower);
    }

    // ---- Transition: DeFactoAuthorities.DecideOnTransition, AgreeTransition, HoldElections ---------------------

    private void DecideOnTransition(CountryLanes c, int month, Vector256<double> lanes)
    {
        var p = c.Parameters;
        var entrenchment = c.Entrenchment();
        var erosion = p.CommitmentErosion * (entrenchment - Of(1));
        TransitionCommitment = Select(lanes, Clamp(TransitionCommitment - erosion, 0, 1), TransitionCommitment);
        DeclaredCommitment = Select(lanes, Clamp(DeclaredCommitment - erosion, 0, 1), DeclaredCommitment);
        lanes &= Not(c.History.Happened(EventKind.CivilWar));

        // The stage at the start decides the branch: a transition agreed this month is not also advanced.
        var noAgreement = lanes & StageIs(TransitionStage.NoAgreement);
        var agreed = lanes & StageIs(TransitionStage.Agreed);
        if (Any(noAgreement))
        {
            var slips = c.Draws.Occurs(noAgreement & Not(TimelineSlipped), DrawStream.TimelineSlips,
                p.TimelineSlipBase * (Of(1) - TransitionCommitment));
            TimelineSlipped |= slips;
            var pressure = c.TransitionPressure();
            var agreement = p.TransitionAgreementBase * DeterministicMath.Exp(p.CommitmentSlope * (DeclaredCommitment - Of(0.5)))
                            * pressure / entrenchment;
            var agreeing = c.Draws.Occurs(noAgreement, DrawStream.TransitionAgreed, agreement);
            if (Any(agreeing)) AgreeTransition(c, month, agreeing, pressure);
        }
        if (!Any(agreed)) return;

        var abandonment = p.TransitionAbandonBase * entrenchment * (Of(1) - TransitionCommitment);
        var abandoned = c.Draws.Occurs(agreed, DrawStream.TransitionAbandoned, abandonment);
        if (Any(abandoned))
        {
            c.History.Mark(EventKind.TransitionAbandoned, abandoned, month);
            Stage = Select(abandoned, (double)TransitionStage.NoAgreement, Stage);
            TransitionProgress = Select(abandoned, False, TransitionProgress);
            TimelineSlipped |= abandoned;
        }
        var going = agreed & Not(abandoned);
        var stalls = c.Draws.Occurs(going, DrawStream.TransitionStalls, p.TransitionStallBase * (entrenchment - Of(1)) / entrenchment);
        var advancing = going & Not(stalls);
        TransitionProgress = Select(advancing, Min(1, TransitionProgress + Of(1) / AgreedTimelineMonths), TransitionProgress);
        var elections = advancing & GreaterOrEqual(TransitionProgress, 1);
        if (Any(elections)) HoldElections(c, month, elections, entrenchment);
    }

    private void AgreeTransition(CountryLanes c, int month, Vector256<double> lanes, Vector256<double> pressure)
    {
        var p = c.Parameters;
        Stage = Select(lanes, (double)TransitionStage.Agreed, Stage);
        TransitionProgress = Select(lanes, False, TransitionProgress);
        var timeline = Of(p.TimelineShortestMonths) + p.TimelineSpanMonths * c.Draws.Uniform(DrawStream.TransitionTimeline)
            * (Of(1) - DeclaredCommitment) * 2 / (Of(1) + pressure);
        AgreedTimelineMonths = Select(lanes, timeline, AgreedTimelineMonths);
        c.History.Mark(EventKind.TransitionAgreed, lanes, month);
        var hollow = lanes & Not(Sincere);
        if (Any(hollow)) c.AgreementIsHollow(month, hollow);
    }

    private void HoldElections(CountryLanes c, int month, Vector256<double> lanes, Vector256<double> entrenchment)
    {
        var p = c.Parameters;
        var deterrence = c.Region.Exists
            ? Select(LeftRegionalOrganization, 0, p.CandidacyNormDeterrence * c.Region.NormStrength)
            : False;
        var candidacy = (Of(1) - TransitionCommitment) * (Of(p.CandidacyBase) + p.CandidacyEntrenchment * (entrenchment - Of(1)))
                        * (Of(1) - deterrence);
        var runs = c.Draws.Occurs(lanes, DrawStream.LeaderRuns, candidacy);
        var wins = c.Draws.Occurs(runs, DrawStream.LeaderWins,
            Of(p.LeaderWinBase) + (1 - p.LeaderWinBase) * c.Population.MandateSupport);
        Stage = Select(wins, (double)TransitionStage.LegitimizedByElection, Select(lanes, (double)TransitionStage.HandedOver, Stage));
        c.History.Mark(EventKind.JuntaLeaderElected, wins, month);
        c.History.Mark(EventKind.CivilianRuleRestored, lanes & Not(wins), month);
    }

    // ---- Partners, contentious actions and the regional body -------------------------------------------------

    /// <summary><see cref="DeFactoAuthorities"/>.SeekAlternativePartner.</summary>
    private void SeekAlternativePartner(CountryLanes c, int month, Vector256<double> lanes)
    {
        var p = c.Parameters;
        if (!c.Scenario.AlternativePartnerAvailable) return;
        lanes &= Not(HasAlternativePartner);
        if (!Any(lanes)) return;
        var russia = c.Council.Stance(Scenarios.PermanentMemberName.Russia);
        var invitation = p.AlternativePartnerBase * c.Constants.EarlyRestraint[month]
                         * (Of(1) + p.RussiaOfferFactor * Max(0, russia))
                         * (Of(1) + Select(c.UnderSanctions, p.SanctionsPartnerFactor, 0))
                         * (Of(0.5) + Alignment);
        var invited = c.Draws.Occurs(lanes, DrawStream.AlternativePartnerInvited, invitation);
        if (!Any(invited)) return;
        HasAlternativePartner |= invited;
        Alignment = Select(invited, Min(1, Alignment + Of(p.AlternativePartnerAlignmentShift)), Alignment);
        TakeContentiousAction(invited, p.EscalationHostilityStep);
        c.Council.Polarize(invited, p.AlternativePartnerPolarization);
        c.History.Mark(EventKind.AlternativePartnerInvited, invited, month);
    }

    /// <summary><see cref="DeFactoAuthorities"/>.TakeContentiousActions: the escalation ladder.</summary>
    private void TakeContentiousActions(CountryLanes c, int month, Vector256<double> lanes)
    {
        var p = c.Parameters;
        var intensity = p.ContentionBase * c.Constants.EarlyRestraint[month]
                        * DeterministicMath.Exp(p.ContentionHostilitySlope * (Hostility - Of(0.5)))
                        * (Of(1) + p.EscalationLadderBonus * ContentiousActions)
                        * (Of(1) + p.PolarizationEmboldening * c.Council.Polarization);
        var edict = TryContentiousAction(c, month, lanes, EventKind.EdictIssued, DrawStream.EdictIssued, intensity * p.EdictWeight);
        if (Any(edict)) c.Mission.EdictDividesPresence(c, month, edict);
        var inCountry = lanes & c.Mission.InCountry;
        if (Any(inCountry))
        {
            TryContentiousAction(c, month, inCountry, EventKind.OfficialsExpelled, DrawStream.OfficialsExpelled,
                intensity * p.OfficialsExpulsionWeight);
            if (c.Mission.IsPeacekeeping)
                TryContentiousAction(c, month, inCountry, EventKind.TroopRotationObstructed, DrawStream.TroopRotationObstructed,
                    intensity * p.RotationObstructionWeight * (Of(1) + c.Region.Hardness));
            c.Mission.HeadOfMissionPersonaNonGrata |= TryContentiousAction(c, month, inCountry,
                EventKind.HeadOfMissionPersonaNonGrata, DrawStream.HeadOfMissionPersonaNonGrata, intensity * p.PersonaNonGrataWeight);
            var asked = TryContentiousAction(c, month, inCountry, EventKind.MissionAskedToLeave, DrawStream.MissionAskedToLeave,
                intensity * p.WithdrawalDemandWeight);
            if (Any(asked)) c.Mission.Leave(asked, month);
        }
        c.Region.ConsiderExpellingEnvoy(c, month, lanes, Hostility);
    }

    /// <summary><see cref="DeFactoAuthorities"/>.TryContentiousAction: each rung once; taking it hardens positions.</summary>
    private Vector256<double> TryContentiousAction(CountryLanes c, int month, Vector256<double> lanes, EventKind kind,
        DrawStream stream, Vector256<double> probability)
    {
        var taken = c.Draws.Occurs(lanes & Not(c.History.Happened(kind)), stream, probability);
        if (!Any(taken)) return taken;
        TakeContentiousAction(taken, c.Parameters.EscalationHostilityStep);
        c.History.Mark(kind, taken, month);
        return taken;
    }

    public void TakeContentiousAction(Vector256<double> lanes, double hostilityStep)
    {
        ContentiousActions = Select(lanes, ContentiousActions + Of(1), ContentiousActions);
        ShiftHostility(lanes, Of(hostilityStep));
    }

    /// <summary><see cref="DeFactoAuthorities"/>.ConsiderLeavingRegionalBody.</summary>
    private void ConsiderLeavingRegionalBody(CountryLanes c, int month, Vector256<double> lanes)
    {
        var p = c.Parameters;
        var region = c.Region;
        if (!region.CanBeLeft) return;
        lanes &= Not(LeftRegionalOrganization) & (region.Suspended | region.UnderSanctions);
        if (!Any(lanes)) return;
        var withdrawal = p.RegionalWithdrawalBase * c.Constants.EarlyRestraint[month]
                         * (Of(1) + Select(region.SanctionsAre(Policy.SanctionsLevel.Harsh), p.HarshSanctionsWithdrawalFactor, 0)
                            + Select(region.InterventionThreatened, p.InterventionThreatWithdrawalFactor, 0))
                         * (Of(1) + Select(HasAlternativePartner, p.AlternativePartnerWithdrawalFactor, 0))
                         * (Of(1.5) - region.Relationship);
        var leaving = c.Draws.Occurs(lanes, DrawStream.RegionalWithdrawal, withdrawal);
        if (!Any(leaving)) return;
        LeftRegionalOrganization |= leaving;
        region.Left(leaving);
        c.History.Mark(EventKind.RegionalWithdrawal, leaving, month);
    }

    // ---- What moves the authorities' own state -------------------------------------------------------------

    /// <summary><see cref="DeFactoAuthorities"/>.FeedHostility.</summary>
    private void FeedHostility(CountryLanes c, Vector256<double> lanes)
    {
        var p = c.Parameters;
        var mission = c.Mission;
        var change = -p.HostilityRelaxation * Hostility;
        change = Select(HasAlternativePartner, change + Of(p.AlternativePartnerHostility), change);
        var inCountry = mission.InCountry;
        if (Any(inCountry))
        {
            var fed = change;
            if (c.Variant.HumanRightsReporting == Policy.HumanRightsReporting.PublicReporting) fed += Of(p.PublicReportingHostility);
            fed += p.MisfitHostility * mission.Misfit;
            if (mission.Tasks.HasFlag(Scenarios.MandateTasks.AidCoordination))
                fed = Select(mission.MandateRealigned, fed, fed + p.AidMobilizationTension * Max(0, Of(1) - c.Donors.NetAid));
            fed = Select(mission.StrategyAdapted, fed, fed + p.AssumptionMismatchHostility * (Of(1) - TransitionCommitment));
            fed -= p.PragmaticHostilityRelief * c.EffectiveEngagement * c.ContactProtocol;
            fed = Select(c.LinkedToRegionalBody, fed + p.LinkingHostility * c.Region.Hardness, fed);
            change = Select(inCountry, fed, change);
        }
        ShiftHostility(lanes, change);
    }

    /// <summary><see cref="DeFactoAuthorities"/>.EvolveFactions.</summary>
    private void EvolveFactions(CountryLanes c, Vector256<double> lanes)
    {
        var p = c.Parameters;
        var change = p.RivalryGrowth * FactionRivalry * FactionRivalry * (Of(1) + c.Population.Hardship)
                     + Of(p.PatronRivalryGrowth * c.Scenario.RivalPatrons)
                     - p.RivalryConsolidation * FactionRivalry;
        FactionRivalry = Select(lanes, Clamp(FactionRivalry + change, 0, 1), FactionRivalry);
    }

    /// <summary><see cref="DeFactoAuthorities"/>.EvolveOpennessAndAlignment.</summary>
    private void EvolveOpennessAndAlignment(CountryLanes c, Vector256<double> lanes)
    {
        var p = c.Parameters;
        var punishment = (c.Region.Hardness + Select(c.History.Happened(EventKind.UsTargetedSanctions), 0.5, 0)) / 1.5;
        var opennessTarget = OpennessAtOnset + p.EngagementOpenness * (c.EffectiveEngagement - Of(0.5))
                             - p.PunishmentOpenness * punishment;
        Openness = Select(lanes, Clamp(Openness + p.OpennessDrift * (opennessTarget - Openness), 0, 1), Openness);

        var alignmentTarget = Of(_alignmentAtOnset) + Select(HasAlternativePartner, p.AlternativePartnerAlignmentShift, 0)
                              + p.PunishmentAlignment * Max(0, -c.Council.WesternStance)
                              + p.AidCutAlignment * c.Donors.TraditionalAidLost;
        Alignment = Select(lanes, Clamp(Alignment + p.AlignmentDrift * (alignmentTarget - Alignment), 0, 1), Alignment);
    }

    public void ShiftHostility(Vector256<double> lanes, Vector256<double> change) =>
        Hostility = Select(lanes, Clamp(Hostility + change, 0, 1), Hostility);

    /// <summary><see cref="DeFactoAuthorities.PurgeAfterFailedCoup"/>.</summary>
    public void PurgeAfterFailedCoup(Vector256<double> lanes, double rivalryCut, double commitmentLoss, double hostility)
    {
        FactionRivalry = Select(lanes, FactionRivalry * (1 - rivalryCut), FactionRivalry);
        TransitionCommitment = Select(lanes, Max(0, TransitionCommitment - Of(commitmentLoss)), TransitionCommitment);
        ShiftHostility(lanes, Of(hostility));
    }
}
